/// A bad expression: what was expected, where (a character offset into the expression) and, for an
/// unknown name, the closest known one. `description` is ready to print: one line with the message
/// and column, then the expression (or a window of it, for long input) with a caret under the
/// offending position:
///
///     unknown function 'tanhh' (column 3); did you mean 'tanh'?
///       x*tanhh(x)
///         ^
public struct ExpressionError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The expression as typed.
    public let expression: String
    /// The offending position, 0-based, counted in characters (the end of input when something is
    /// missing there).
    public let offset: Int
    /// The first line: what is wrong, where and what was expected (and "did you mean", if any).
    public let message: String

    /// An error at character `offset` of `expression`; "(column N)" goes after what is wrong, before
    /// the first ": " or "; " that introduces what was expected ("max takes two arguments, not 1
    /// (column 4): max(a, b)"; "at column N" there read as part of the sentence).
    /// `columnsGiven`: the message names its columns itself (several names, each with its own).
    init(_ expression: String, at offset: Int, _ message: String, suggestion: String? = nil, columnsGiven: Bool = false) {
        self.expression = expression
        self.offset = offset
        let column = columnsGiven ? "" : " (column \(offset + 1))"
        var line = message + column
        let characters = Array(message)
        let separator = { (mark: Character) in
            characters.indices.dropLast().first { characters[$0] == mark && characters[$0 + 1] == " " }
        }
        if let cut = separator(":") ?? separator(";") {
            line = String(characters[..<cut]) + column + String(characters[cut...])
        }
        if let suggestion { line += "; did you mean '\(suggestion)'?" }
        self.message = line
    }

    /// An error about the expression as a whole (no caret), e.g. an unusable parameter name.
    init(_ expression: String, whole message: String) {
        self.expression = expression
        self.offset = -1
        self.message = message
    }

    /// The message, then the expression and a caret line (omitted for errors about the whole input).
    public var description: String {
        pointer.map { message + "\n" + $0 } ?? message
    }

    /// The expression (a window of it, for long input) indented by two spaces, and under it a caret
    /// at the offending position: two lines, or nil for an error about the whole input.
    public var pointer: String? {
        guard offset >= 0 else { return nil }
        let (shown, caret) = Self.window(Array(expression), at: offset)
        return "  " + shown + "\n  " + String(repeating: " ", count: caret) + "^"
    }

    /// The message, then the expression as typed (a window of it, for long input), on one line:
    /// `unknown function 'tanhh' (column 3); did you mean 'tanh'? (in 'x*tanhh(x)')`.
    public var oneLine: String {
        let (shown, _) = Self.window(Array(expression), at: max(offset, 0))
        return message + " (in '" + shown + "')"
    }

    /// At most 72 characters of `text` around `offset` (with "…" where cut), line breaks and tabs
    /// shown as spaces so the caret stays aligned, and the caret's column in what is shown.
    static func window(_ text: [Character], at offset: Int) -> (String, Int) {
        let width = 72
        var start = 0
        var end = text.count
        if text.count > width {
            start = max(0, min(offset - width / 2, text.count - width))
            end = min(text.count, start + width)
        }
        let body = text[start..<end].map { $0.isWhitespace ? " " : $0 }
        let prefix = start > 0 ? "…" : ""
        let suffix = end < text.count ? "…" : ""
        return (prefix + String(body) + suffix, offset - start + prefix.count)
    }
}
