/// One token of an expression, with the character offset where it starts.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        case plus, minus, star, slash, power, leftParen, rightParen, comma
        case end
    }

    let kind: Kind
    let offset: Int

    /// The token as the user typed it, for messages ("end of input" at the end).
    var text: String {
        switch kind {
        case .number(let v): return "\(v)"
        case .identifier(let s): return s
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .power: return "^"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .comma: return ","
        case .end: return "end of input"
        }
    }
}

/// Splits an expression into tokens: numbers (`2`, `0.5`, `.5`, `1e-3`), identifiers
/// (`[A-Za-z_][A-Za-z0-9_]*`), `+ - * / ^ ** ( ) ,`; white space separates tokens and is
/// otherwise ignored. Linear in the length of the input; throws at the first character that
/// cannot start a token.
enum Lexer {
    /// What to write for characters of printed mathematics the language spells out.
    static let characterHints: [Character: String] = [
        "π": "pi", "²": "^2", "³": "^3", "√": "sqrt(…)", "|": "abs(…) for |…|", "÷": "/",
        "σ": "sigmoid(…)", "α": "alpha (a parameter: --param alpha=VALUE)", "β": "beta (a parameter: --param beta=VALUE)",
        "γ": "gamma (a parameter: --param gamma=VALUE)", "λ": "lam (a parameter: --param lam=VALUE)",
    ]

    static func tokens(of source: String, characters text: [Character]) throws(ExpressionError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < text.count {
            let c = text[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if c.isASCII, c.isNumber || (c == "." && i + 1 < text.count && text[i + 1].isASCII && text[i + 1].isNumber) {
                tokens.append(Token(kind: .number(try number(text, &i, source: source)), offset: start))
                continue
            }
            if c.isASCII, c.isLetter || c == "_" {
                while i < text.count, text[i].isASCII, text[i].isLetter || text[i].isNumber || text[i] == "_" { i += 1 }
                tokens.append(Token(kind: .identifier(String(text[start..<i])), offset: start))
                continue
            }
            let kind: Token.Kind
            switch c {
            case "+": kind = .plus
            case "-", "−": kind = .minus
            case "*", "·", "×":
                if c == "*", i + 1 < text.count, text[i + 1] == "*" {
                    kind = .power
                    i += 1
                } else {
                    kind = .star
                }
            case "/": kind = .slash
            case "^": kind = .power
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            case ",": kind = .comma
            default:
                if let hint = Lexer.characterHints[c] {
                    throw ExpressionError(source, at: start, "unexpected character '\(c)': write \(hint)")
                }
                throw ExpressionError(source, at: start, "unexpected character '\(c)': expected a number, a name, "
                                      + "an operator (+ - * / ^), a parenthesis or a comma")
            }
            i += 1
            tokens.append(Token(kind: kind, offset: start))
        }
        tokens.append(Token(kind: .end, offset: text.count))
        return tokens
    }

    /// Reads `digits [. digits] [e [+-] digits]` (or `. digits ...`) starting at `i`.
    private static func number(_ text: [Character], _ i: inout Int, source: String) throws(ExpressionError) -> Double {
        let start = i
        func digits() { while i < text.count, text[i].isASCII, text[i].isNumber { i += 1 } }
        digits()
        if i < text.count, text[i] == "." {
            i += 1
            digits()
        }
        if i < text.count, text[i] == "e" || text[i] == "E" {
            // `2e` followed by a letter other than a signed exponent is a syntax error, not 2·e.
            var j = i + 1
            if j < text.count, text[j] == "+" || text[j] == "-" { j += 1 }
            guard j < text.count, text[j].isASCII, text[j].isNumber else {
                // 2e with no exponent: perhaps 2·e (Euler's number) was meant.
                let typed = String(text[start...i])
                throw ExpressionError(source, at: j, "expected the digits of an exponent after '\(typed)'",
                                      suggestion: text[i] == "e" && j == i + 1 ? String(text[start..<i]) + "*e" : nil)
            }
            i = j
            digits()
        }
        let literal = String(text[start..<i])
        guard let value = Double(literal), value.isFinite else {
            throw ExpressionError(source, at: start, "'\(literal)' is not a finite number")
        }
        if i < text.count, text[i] == "." {
            throw ExpressionError(source, at: i, "unexpected '.' after the number '\(literal)'")
        }
        return value
    }
}
