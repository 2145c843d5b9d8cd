import ArgumentParser
import Optim

extension OptimError {
    /// Runs `body`; an `OptimError` it throws becomes the `ValidationError` (exit 64) with its message:
    /// a refusal of `value` as typed for `option` (`invalid --schedule 'StepLR(step=3)': …`) when both are
    /// given, else after `option` ("--prediction '…' with --target '…': …"). Optim's checks name values, not
    /// options: the command line adds the option that gave the value.
    static func asValidation<T>(option: String? = nil, value: String? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as OptimError {
            if let option, let value { throw ArgumentRefusal.invalid(option, value, e.description) }
            throw ValidationError((option.map { $0 + ": " } ?? "") + e.description)
        }
    }
}
