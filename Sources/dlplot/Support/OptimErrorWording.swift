import ArgumentParser
import Optim

extension OptimError {
    /// Runs `body`; an `OptimError` it throws becomes the `ValidationError` (exit 64) with its message,
    /// after `option` ("--schedule: …") when one is given. Optim's checks name values, not options: the
    /// command line adds the option that gave the value.
    static func asValidation<T>(option: String? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as OptimError {
            throw ValidationError((option.map { $0 + ": " } ?? "") + e.description)
        }
    }
}
