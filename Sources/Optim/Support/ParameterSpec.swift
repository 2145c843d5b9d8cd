/// One named numeric parameter of an activation or a loss (PyTorch's name, its default, and the
/// values it accepts).
public struct ParameterSpec: Sendable, Hashable {
    /// The values a parameter accepts.
    public enum Domain: Sendable, Hashable {
        /// Any finite number.
        case finite
        /// A finite number > 0.
        case positive
        /// A finite number ≥ 0.
        case nonNegative

        /// Whether `value` lies in the domain.
        public func contains(_ value: Double) -> Bool {
            switch self {
            case .finite: return value.isFinite
            case .positive: return value.isFinite && value > 0
            case .nonNegative: return value.isFinite && value >= 0
            }
        }

        /// "any finite number", "a finite number > 0", ...
        public var text: String {
            switch self {
            case .finite: return "any finite number"
            case .positive: return "a finite number > 0"
            case .nonNegative: return "a finite number >= 0"
            }
        }
    }

    /// PyTorch's name, e.g. `negative_slope`.
    public let name: String
    /// The value used when the parameter is not given (PyTorch's default).
    public let defaultValue: Double
    /// The accepted values.
    public let domain: Domain

    /// A parameter with the given name, default and domain.
    public init(_ name: String, default defaultValue: Double, _ domain: Domain = .finite) {
        self.name = name
        self.defaultValue = defaultValue
        self.domain = domain
    }
}

/// Checks `given` against `specs` and returns every parameter's value (defaults filled in).
/// Throws for unknown names (suggesting the closest) and for values outside a parameter's domain.
func resolveParameters(
    _ given: [String: Double], specs: [ParameterSpec], owner: String
) throws -> [String: Double] {
    let allowed = specs.map(\.name)
    for key in given.keys.sorted() where !allowed.contains(key) {
        var message = "\(owner) has no parameter '\(key)'"
        if let guess = closestName(to: key, in: allowed) { message += "; did you mean '\(guess)'?" }
        message += allowed.isEmpty
            ? " It takes no parameters."
            : " Allowed: " + allowed.joined(separator: ", ")
        throw OptimError(message)
    }
    var resolved: [String: Double] = [:]
    for spec in specs {
        let value = given[spec.name] ?? spec.defaultValue
        guard spec.domain.contains(value) else {
            throw OptimError("\(owner): \(spec.name) = \(value) is not allowed; expected \(spec.domain.text)")
        }
        resolved[spec.name] = value
    }
    return resolved
}
