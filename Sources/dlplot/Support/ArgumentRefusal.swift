import ArgumentParser
import RunLogs

/// The one wording of a refused option value, shared by every command:
/// `invalid --steps '0': expected 1 to 100000` — the option, the value as typed (cut to 100 characters, so
/// the message stays one line), then what was expected or why the value cannot be used.
enum ArgumentRefusal {
    /// The message refusing `typed`, the text given to `option`, for `reason`.
    static func message(_ option: String, _ typed: String, _ reason: String) -> String {
        "invalid \(option) '\(CommandLineErrors.shown(typed, limit: 100))': \(reason)"
    }

    /// The error refusing `typed`, the text given to `option`, for `reason`.
    static func invalid(_ option: String, _ typed: String, _ reason: String) -> ValidationError {
        ValidationError(message(option, typed, reason))
    }

    /// The error refusing the file `file` given to `option` (`--path`, `--dataset`) for what reading it found:
    /// `invalid --path 'p.csv': line 3: …`, `invalid --path 'none.csv': no such file; …`.
    static func file(_ option: String, _ file: String, _ error: Error) -> ValidationError {
        invalid(option, file, (error as? RunLogError)?.message ?? String(describing: error))
    }

    /// The error refusing a flag (an option that takes no value), or an environment variable: `invalid --log-y: …`.
    static func flag(_ option: String, _ reason: String) -> ValidationError {
        ValidationError("invalid \(option): \(reason)")
    }

    /// The error refusing the whole number `value` of `option`, quoted as typed on the command line when it
    /// is found there (`+5`, ` 7`), else in decimal.
    static func invalid(_ option: String, _ value: Int, _ reason: String,
                        in arguments: [String] = CommandLine.arguments) -> ValidationError {
        let typed = TypedText.value(of: option, in: arguments).flatMap { text in
            Int(text.trimmingSpaces) == value ? text : nil
        }
        return invalid(option, typed ?? String(value), reason)
    }
}
