import ArgumentParser
import Foundation
import Viz
import Platform

/// How the process ends on an error. Bad input (a value, option or command that cannot be used) is
/// ONE line on standard error, `Error: <message>`, and status 64 (EX_USAGE); ArgumentParser's usage
/// lines are left off, except when a command that needs arguments was given none at all (`dlplot surface`),
/// where the usage is what the user needs. A valid request that failed (I/O) is one line and status 1.
/// Help, `--version` and completion scripts go to standard output with status 0.
enum CommandLineErrors {
    /// Prints `Error: message` (made one line) and exits with status 64.
    static func refuse(_ message: String) -> Never {
        let (line, pointer) = withPointer(message)
        writeStandardError("Error: " + oneLine(line) + "\n" + (pointer.map { $0 + "\n" } ?? ""))
        OS.exit(ExitCode.validationFailure.rawValue)
    }

    /// Ends the process for `error`, thrown while parsing `arguments` (`parsing`) or running them.
    static func exit(for error: Error, arguments: [String], parsing: Bool) -> Never {
        // Viz names values only; its errors are worded here with the options that change them.
        let error = (error as? VizError).map { FigureError($0.commandLineMessage) as Error } ?? error
        let code = DLPlot.exitCode(for: error)
        if code == .success {  // help, version, completion script: to standard output, which must be written
            print(DLPlot.fullMessage(for: error))
            ProcessEnd.checkStandardOutput()
            OS.exit(0)
        }
        if let exitCode = error as? ExitCode {  // the message was printed where the failure was found
            ProcessEnd.checkStandardOutput()
            OS.exit(exitCode.rawValue)
        }
        if parsing, code == .validationFailure, ProcessEnd.commandPath(arguments).rest.isEmpty, !arguments.isEmpty,
           DLPlot.message(for: error).hasPrefix("Missing expected argument") {
            writeStandardError(DLPlot.fullMessage(for: error, columns: 100) + "\n")
            OS.exit(code.rawValue)
        }
        if code != .validationFailure { ProcessEnd.checkStandardOutput() }
        let (line, pointer) = withPointer(DLPlot.message(for: error))
        let message = oneLine(line)
        writeStandardError("Error: " + (ParserRefusals.reworded(message, arguments: arguments) ?? message) + "\n" + (pointer.map { $0 + "\n" } ?? ""))
        OS.exit(code.rawValue)
    }

    /// ArgumentParser's words for a number option given something else ("The value 'abc' is invalid for
    /// '--font-scale <factor>'") in the form of every other refusal: "invalid --font-scale 'abc': expected a
    /// number" ("a whole number" when the value is a number but not an integer, as for --steps 1.5; "a whole
    /// number >= 0" when it is a negative integer, which only an unsigned option such as --seed refuses).
    /// A number option read by `NumberArguments.finiteTransform` refuses in its own words, which
    /// ArgumentParser puts after its own ("The value '0x10' is invalid for '--dpi <dpi>': invalid --dpi …"): those are kept alone.
    static func numberRefusal(_ message: String) -> String? {
        if let m = message.wholeMatch(of: /The value '.*' is invalid for '-[-A-Za-z0-9]+ <[^>]*>': (invalid -.*)/) { return String(m.1) }
        guard let m = message.wholeMatch(of: /The value '(.*)' is invalid for '(-[-A-Za-z0-9]+) <[^>]*>'\.?/) else { return nil }
        let (value, option) = (String(m.1), String(m.2))
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let negativeInteger = trimmed.hasPrefix("-") && trimmed.count > 1 && trimmed.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        let whole = NumberArguments.decimal(trimmed) != nil
        return ArgumentRefusal.message(option, value, "expected " + (negativeInteger ? "a whole number >= 0" : whole ? "a whole number" : "a number"))
    }

    /// A value as typed, cut to its first `limit` characters (with "…") so a message stays one readable line.
    static func shown(_ value: String, limit: Int = 60) -> String {
        // Counts no further than `limit` characters, whatever the value's length.
        guard let cut = value.index(value.startIndex, offsetBy: limit, limitedBy: value.endIndex), cut < value.endIndex else { return value }
        return String(value[..<cut]) + "…"
    }

    /// `message` without its last two lines when these are an expression and a caret under it (a bad
    /// typed function: `  x*tanhh(x)` over `    ^`), and those two lines as they are, to print under
    /// the `Error:` line so the caret points at the offending character.
    static func withPointer(_ message: String) -> (line: String, pointer: String?) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, let caret = lines.last, caret.hasPrefix("  "), caret.last == "^",
              caret.dropLast().allSatisfy({ $0 == " " }), lines[lines.count - 2].hasPrefix("  ") else { return (message, nil) }
        return (lines.dropLast(2).joined(separator: "\n"), lines.suffix(2).joined(separator: "\n"))
    }

    /// `message` on one line: line breaks become spaces, and lines that only point at a column
    /// (a caret under an expression) are left out.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { line in !line.isEmpty && !line.allSatisfy { $0 == "^" || $0 == " " } }
        return lines.joined(separator: " ")
    }
}
