/// A constructor call in PyTorch's Python syntax, such as `Adam(lr=0.1, betas=(0.8, 0.99))` or
/// `SequentialLR([LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90)], milestones=[10])`.
///
/// Values are numbers (`0.1`, `-3`, `1e-4`), strings (`'cos'` or `"cos"`; a bare word such as
/// `cos` is read as the string), `True`, `False`, `None`, tuples `( … )`, lists `[ … ]` and nested
/// calls. Arguments are positional or `keyword=value`; a trailing comma is allowed.
public struct TorchCall: Sendable, Hashable, CustomStringConvertible {
    /// One argument value.
    public indirect enum Value: Sendable, Hashable, CustomStringConvertible {
        /// A number with the text it was written as.
        case number(Double, String)
        case string(String)
        case bool(Bool)
        case none
        /// A tuple or a list (torch accepts either where it takes a sequence).
        case sequence([Value])
        case call(TorchCall)

        /// The value in Python syntax.
        public var description: String {
            switch self {
            case .number(_, let text): return text
            case .string(let s): return "'\(s)'"
            case .bool(let b): return b ? "True" : "False"
            case .none: return "None"
            case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
            case .call(let c): return c.description
            }
        }
    }

    /// The class name, e.g. `Adam`.
    public let name: String
    /// The arguments in order; `keyword` is nil for a positional one.
    public let arguments: [(keyword: String?, value: Value)]

    public static func == (a: TorchCall, b: TorchCall) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// The call in Python syntax, normalised (`Adam(lr=0.1, betas=[0.8, 0.99])`).
    public var description: String {
        let args = arguments.map { ($0.keyword.map { $0 + "=" } ?? "") + $0.value.description }
        return name + "(" + args.joined(separator: ", ") + ")"
    }

    /// Parses one call. Throws `OptimError` naming the column and what was expected.
    public init(parsing text: String) throws {
        var parser = TorchCallParser(text)
        self = try parser.call()
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.error("unexpected '\(parser.rest)' after the call") }
    }

    init(name: String, arguments: [(keyword: String?, value: Value)]) {
        self.name = name
        self.arguments = arguments
    }

    /// Parses a comma-separated list of calls, e.g. `SGD(lr=0.01, momentum=0.9), Adam(lr=0.1)`.
    public static func list(parsing text: String) throws -> [TorchCall] {
        var parser = TorchCallParser(text)
        var calls: [TorchCall] = []
        repeat {
            calls.append(try parser.call())
            parser.skipSpaces()
        } while parser.consume(",")
        guard parser.atEnd else { throw parser.error("unexpected '\(parser.rest)'; separate calls with commas") }
        return calls
    }

    /// Whether `text` looks like a call (a name followed by an opening parenthesis).
    public static func looksLikeCall(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " }
        guard let paren = trimmed.firstIndex(of: "(") else { return false }
        let head = trimmed[..<paren].trimmingCharacters(inSet: " ")
        return !head.isEmpty && head.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

extension Substring {
    func trimmingCharacters(inSet set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}

/// A recursive-descent parser over the characters of a call (small and self-contained).
struct TorchCallParser {
    let chars: [Character]
    let source: String
    var index = 0
    /// Brackets and calls open at the current position; at most `maxDepth` (torch calls nest two or
    /// three deep; a limit keeps hostile input from exhausting the stack).
    var depth = 0
    static let maxDepth = 64

    init(_ text: String) {
        source = text
        chars = Array(text)
    }

    var atEnd: Bool { index >= chars.count }
    var rest: String { String(chars[min(index, chars.count)...]) }

    func error(_ message: String) -> OptimError {
        let shown = source.count > 80 ? String(source.prefix(60)) + "…" : source
        return OptimError("cannot read '\(shown)' at column \(index + 1): \(message)")
    }

    mutating func skipSpaces() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    mutating func consume(_ c: Character) -> Bool {
        skipSpaces()
        guard index < chars.count, chars[index] == c else { return false }
        index += 1
        return true
    }

    mutating func expect(_ c: Character, _ context: String) throws {
        guard consume(c) else {
            throw error(atEnd ? "expected '\(c)' \(context), found the end" : "expected '\(c)' \(context), found '\(chars[index])'")
        }
    }

    mutating func identifier() -> String? {
        skipSpaces()
        let start = index
        while index < chars.count, chars[index].isLetter || chars[index] == "_" || (index > start && chars[index].isNumber) {
            index += 1
        }
        return index > start ? String(chars[start..<index]) : nil
    }

    mutating func call() throws -> TorchCall {
        depth += 1
        defer { depth -= 1 }
        guard depth <= TorchCallParser.maxDepth else { throw error("brackets nested more than \(TorchCallParser.maxDepth) deep") }
        guard let name = identifier() else { throw error("expected a class name such as Adam or StepLR") }
        try expect("(", "after \(name)")
        var arguments: [(keyword: String?, value: TorchCall.Value)] = []
        while !consume(")") {
            let save = index
            var keyword: String?
            if let word = identifier(), consume("=") {
                keyword = word
            } else {
                index = save
            }
            arguments.append((keyword, try value()))
            if consume(")") { break }
            try expect(",", "between the arguments of \(name)")
        }
        return TorchCall(name: name, arguments: arguments)
    }

    mutating func value() throws -> TorchCall.Value {
        skipSpaces()
        guard index < chars.count else { throw error("expected a value, found the end") }
        let c = chars[index]
        if c == "(" || c == "[" {
            depth += 1
            defer { depth -= 1 }
            guard depth <= TorchCallParser.maxDepth else { throw error("brackets nested more than \(TorchCallParser.maxDepth) deep") }
            index += 1
            let close: Character = c == "(" ? ")" : "]"
            var items: [TorchCall.Value] = []
            while !consume(close) {
                items.append(try value())
                if consume(close) { break }
                try expect(",", "between the items of a \(c == "(" ? "tuple" : "list")")
            }
            return .sequence(items)
        }
        if c == "'" || c == "\"" {
            index += 1
            let start = index
            while index < chars.count, chars[index] != c { index += 1 }
            guard index < chars.count else { throw error("the string starting at column \(start) has no closing \(c)") }
            index += 1
            return .string(String(chars[start..<(index - 1)]))
        }
        if c.isNumber || c == "-" || c == "+" || c == "." { return try number() }
        let save = index
        guard let word = identifier() else { throw error("expected a value, found '\(c)'") }
        skipSpaces()
        if index < chars.count, chars[index] == "(" {
            index = save
            return .call(try call())
        }
        // nan and inf are no Python literals; as a number they are refused as the command line refuses them.
        if ["nan", "inf", "infinity"].contains(word.lowercased()) { throw OptimError("'\(word)' " + DecimalNumber.Problem.notFinite.reason) }
        switch word {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .none
        default: return .string(word)
        }
    }

    /// A number, read by `DecimalNumber`'s rule (the command line's): `1e999` overflows, `1e-400` underflows,
    /// `-inf` is not finite, each said as on the command line (`'1e999' overflows float64 …`), without the
    /// column: the text is a number, its value is what cannot be used. Python's `1_000` is 1000.
    mutating func number() throws -> TorchCall.Value {
        let start = index
        while index < chars.count, chars[index].isNumber || chars[index].isLetter || "+-._".contains(chars[index]) { index += 1 }
        let text = String(chars[start..<index])
        switch DecimalNumber.read(text.filter { $0 != "_" }) {
        case .success(let v): return .number(v, text)
        case .failure(let problem): throw OptimError("'\(text)' " + problem.reason)
        }
    }
}
