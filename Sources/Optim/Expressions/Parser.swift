/// A recursive-descent parser (precedence climbing) for dlplot's expression grammar:
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := ("-" | "+") unary | power
///     power      := primary (("^" | "**") unary)?        right-associative; binds tighter than unary minus
///     primary    := number | "pi" | "e" | "x" | "y" | parameter | name "(" arguments ")" | "(" expression ")"
///
/// so `-x^2` is −(x²), `2^-x` is 2^(−x) and `2^3^2` is 2^9, as in mathematics and Python. The
/// output is the node array in postfix order (see `ExpressionNode`). Input longer than
/// `maximumLength` characters or nested deeper than `maximumDepth` (parentheses, calls, unary signs
/// and powers together) is refused with an error before any recursion could exhaust the stack.
struct Parser {
    static let maximumLength = 10_000
    static let maximumDepth = 200

    let source: String
    let tokens: [Token]
    let characters: [Character]
    /// 1 (x) or 2 (x and y).
    let dimension: Int
    let parameters: [String: Double]
    /// Another spelling of the variable x in a 1-D expression (`w` for a loss over a weight), or nil.
    let alias: String?
    /// How the variable was first spelt (`x` or the alias): the other spelling is then refused.
    var spelling: String?
    var index = 0
    var depth = 0
    var nodes: [ExpressionNode] = []
    var usedParameters: Set<String> = []

    init(_ source: String, dimension: Int, parameters: [String: Double], alias: String? = nil) throws(ExpressionError) {
        let characters = Array(source)
        guard characters.count <= Parser.maximumLength else {
            throw ExpressionError(source, at: Parser.maximumLength,
                                  "expression too long (\(characters.count) characters): at most \(Parser.maximumLength) are allowed")
        }
        self.source = source
        self.characters = characters
        tokens = try Lexer.tokens(of: source, characters: characters)
        self.dimension = dimension
        self.parameters = parameters
        self.alias = dimension == 1 ? alias : nil
    }

    /// Parses the whole input; the root is the last node.
    mutating func parse() throws(ExpressionError) {
        if case .end = current.kind {
            throw ExpressionError(source, at: 0, "empty expression: expected a formula such as x*sigmoid(x)")
        }
        try expression()
        switch current.kind {
        case .end: return
        case .rightParen:
            throw ExpressionError(source, at: current.offset, "unbalanced ')': there is no '(' to close")
        case .comma:
            throw ExpressionError(source, at: current.offset, "unexpected ',' outside a call of max or min")
        case .number, .identifier, .leftParen:
            throw missingOperator()
        default:
            throw ExpressionError(source, at: current.offset, "unexpected '\(current.text)'")
        }
    }

    var current: Token { tokens[index] }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw ExpressionError(source, at: current.offset,
                                  "expression nested too deeply: at most \(Parser.maximumDepth) levels of parentheses, calls, signs and powers")
        }
    }

    mutating func append(_ kind: ExpressionNode.Kind, _ lhs: Int = -1, _ rhs: Int = -1, at offset: Int) {
        nodes.append(ExpressionNode(kind: kind, lhs: lhs, rhs: rhs, offset: offset))
    }

    /// Sums and differences (left-associative, a loop).
    mutating func expression() throws(ExpressionError) {
        try term()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return
            }
            let left = nodes.count - 1, at = current.offset
            advance()
            try term()
            append(.binary(op), left, nodes.count - 1, at: at)
        }
    }

    /// Products and quotients (left-associative, a loop).
    private mutating func term() throws(ExpressionError) {
        try unary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return
            }
            let left = nodes.count - 1, at = current.offset
            advance()
            try unary()
            append(.binary(op), left, nodes.count - 1, at: at)
        }
    }

    /// Signs, then a power.
    /// Each construct that nests (a sign, an exponent, parentheses, a call) counts one level, so
    /// 200 nested parentheses or calls are accepted and 201 are refused, as the message says.
    private mutating func unary() throws(ExpressionError) {
        switch current.kind {
        case .minus:
            let at = current.offset
            try enter()
            defer { depth -= 1 }
            advance()
            try unary()
            append(.negate, nodes.count - 1, at: at)
        case .plus:
            try enter()
            defer { depth -= 1 }
            advance()
            try unary()
        default:
            try primary()
            if case .power = current.kind {
                let base = nodes.count - 1, at = current.offset
                try enter()
                defer { depth -= 1 }
                advance()
                try unary()
                append(.binary(.power), base, nodes.count - 1, at: at)
            }
        }
    }

    private mutating func primary() throws(ExpressionError) {
        let token = current
        switch token.kind {
        case .number(let v):
            advance()
            append(.number(v), at: token.offset)
        case .identifier(let name):
            advance()
            if case .leftParen = current.kind {
                try call(name, at: token.offset)
            } else {
                try self.variable(name, at: token.offset)
            }
        case .leftParen:
            try enter()
            defer { depth -= 1 }
            advance()
            try expression()
            guard case .rightParen = current.kind else { throw unclosed(token) }
            advance()
        case .end:
            throw ExpressionError(source, at: token.offset, "unexpected end of input: expected " + operandText)
        case .rightParen:
            throw ExpressionError(source, at: token.offset, "unexpected ')': expected " + operandText)
        default:
            throw ExpressionError(source, at: token.offset,
                                  "unexpected '\(spelled(index))': expected " + operandText)
        }
    }

    /// What may start an operand here: "a number, x, a function call or '('" (x or y on a surface).
    var operandText: String { "a number, " + (dimension == 2 ? "x, y" : "x") + ", a function call or '('" }

    /// What a missing ')' (or a stray token where ')' belongs) reports.
    private func unclosed(_ open: Token) -> ExpressionError {
        switch current.kind {
        case .number, .identifier, .leftParen: return missingOperator()
        default:
            return ExpressionError(source, at: current.offset,
                                   "expected ')' to close the '(' at column \(open.offset + 1), found \(current.text)")
        }
    }

    /// Two operands side by side (`2x`, `x y`, `(x+1)(x-1)`): suggests the product where it is clear.
    func missingOperator() -> ExpressionError {
        let before = index > 0 ? tokens[index - 1] : current
        let message = "expected an operator (+ - * / ^) between '\(spelled(index - 1))' and '\(spelled(index))'"
        let glued = spelled(index)
        if case .number = before.kind, glued.hasPrefix("_"), glued.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
            // 1_000: digit separators (Python, Swift) are not part of a number here.
            return ExpressionError(source, at: current.offset, message + ": digit separators are not allowed; write "
                                   + spelled(index - 1) + glued.dropFirst())
        }
        switch (before.kind, current.kind) {
        case (.number, .identifier), (.identifier, .identifier), (.number, .number), (.identifier, .number):
            return ExpressionError(source, at: current.offset, message, suggestion: "\(spelled(index - 1))*\(spelled(index))")
        default:
            return ExpressionError(source, at: current.offset, message)
        }
    }

    /// Token `i` as typed (white space removed), or "end of input".
    func spelled(_ i: Int) -> String {
        guard i >= 0, i < tokens.count else { return "" }
        if case .end = tokens[i].kind { return "end of input" }
        let end = i + 1 < tokens.count ? tokens[i + 1].offset : characters.count
        return String(characters[tokens[i].offset..<end].filter { !$0.isWhitespace })
    }
}
