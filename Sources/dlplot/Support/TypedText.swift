import Foundation

/// The text the user typed for an option, so an error quotes `-160` or `1e3` as given rather than the
/// parsed `-160.0` or `1000.0`.
///
/// ArgumentParser keeps only the parsed value; the text is found again on the command line (the last
/// `--name VALUE` or `--name=VALUE`, as ArgumentParser takes the last) and used when it reads back as
/// the same number. Otherwise (a command parsed in a test, a default value) the shortest decimal that
/// reads back to the value is used: `-160`, not `-160.0`.
enum TypedText {
    /// The last value given to `option` on `arguments` (up to a lone `--`), or nil.
    static func value(of option: String, in arguments: [String] = CommandLine.arguments) -> String? {
        var found: String?
        var k = 0
        while k < arguments.count, arguments[k] != "--" {
            let a = arguments[k]
            if a == option, k + 1 < arguments.count { found = arguments[k + 1]; k += 2; continue }
            if a.hasPrefix(option + "=") { found = String(a.dropFirst(option.count + 1)) }
            k += 1
        }
        return found
    }

    /// `value` as the user typed it for `option`.
    static func number(_ option: String, _ value: Double, in arguments: [String] = CommandLine.arguments) -> String {
        if let text = Self.value(of: option, in: arguments), let parsed = NumberArguments.decimal(text),
           parsed == value || (parsed.isNaN && value.isNaN) {
            return text
        }
        return shortest(value)
    }

    /// The item of a comma-separated `list` that reads as `value`, as typed ("-1" in "0.5,-1"), else `shortest(value)`.
    static func item(of list: String, _ value: Double) -> String {
        for part in list.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if let v = NumberArguments.decimal(text), v == value || (v.isNaN && value.isNaN) { return text }
        }
        return shortest(value)
    }

    /// The shortest decimal that reads back to `v`, without a trailing ".0": 160, -0.5, 1e+300, nan.
    static func shortest(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
