/// A user-facing error from Optim: an unknown name, an unknown or misspelled parameter, or a value
/// outside what the function or optimizer allows. `description` names the bad value and lists what
/// is allowed, ready to print as is.
public struct OptimError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The full message, e.g. `unknown activation 'rleu'; did you mean 'relu'? Allowed: identity, ...`.
    public let description: String

    /// Wraps a ready-made message.
    public init(_ description: String) {
        self.description = description
    }

    /// "unknown <kind> 'name'; did you mean 'x'? Allowed: a, b, c".
    static func unknown(_ kind: String, _ name: String, allowed: [String]) -> OptimError {
        var message = "unknown \(kind) '\(name)'"
        if let guess = closestName(to: name, in: allowed) {
            message += "; did you mean '\(guess)'?"
        } else {
            message += "."
        }
        message += " Allowed: " + (allowed.isEmpty ? "(none)" : allowed.joined(separator: ", "))
        return OptimError(message)
    }
}
