/// A parsed piece of label text: plain text, or the small math language between `$…$`.
indirect enum MathNode: Sendable, Equatable {
    /// A run of characters; `italic` for math variables, `isOperator` adds space around it.
    case text(String, italic: Bool, spacing: Double)
    case row([MathNode])
    case scripts(base: MathNode, sup: MathNode?, sub: MathNode?)
    case fraction(MathNode, MathNode)
    case sqrt(MathNode)
    /// Horizontal space in em.
    case space(Double)
}

/// Parses label text. Text between `$…$` is math: Greek letters (`\sigma`, `\Omega`…), sub- and
/// superscripts (`x_1`, `e^{-x}`, `\theta_{t+1}`), primes, `\frac{a}{b}`, `\sqrt{x}`, operators
/// (`\cdot \times \pm \nabla \partial \infty \leq \geq \approx \sum \prod`…) and upright function
/// names (`\tanh`, `\log`, `\max`…). Malformed math (unbalanced braces or dollars, unknown commands)
/// yields the literal text, never an error.
enum MathParser {
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    /// Symbols with the space (in em) set on each side.
    static let symbols: [String: (String, Double)] = [
        "cdot": ("·", 0.18), "times": ("×", 0.18), "pm": ("±", 0.18), "mp": ("∓", 0.18), "div": ("÷", 0.18),
        "leq": ("≤", 0.25), "le": ("≤", 0.25), "geq": ("≥", 0.25), "ge": ("≥", 0.25), "approx": ("≈", 0.25),
        "neq": ("≠", 0.25), "equiv": ("≡", 0.25), "sim": ("∼", 0.25), "propto": ("∝", 0.25),
        "to": ("→", 0.25), "rightarrow": ("→", 0.25), "leftarrow": ("←", 0.25), "mapsto": ("↦", 0.25),
        "in": ("∈", 0.25), "ll": ("≪", 0.25), "gg": ("≫", 0.25),
        "nabla": ("∇", 0), "partial": ("∂", 0), "infty": ("∞", 0), "sum": ("∑", 0.1), "prod": ("∏", 0.1),
        "ldots": ("…", 0), "cdots": ("⋯", 0), "prime": ("′", 0), "circ": ("∘", 0.18), "odot": ("⊙", 0.18),
        "|": ("‖", 0), "lVert": ("‖", 0), "rVert": ("‖", 0), "mid": ("|", 0.25), "{": ("{", 0), "}": ("}", 0),
        "%": ("%", 0), "$": ("$", 0), "_": ("_", 0), "#": ("#", 0), "&": ("&", 0),
    ]
    static let functions: Set<String> = [
        "sin", "cos", "tan", "tanh", "sinh", "cosh", "log", "ln", "exp", "max", "min", "arg", "argmin", "argmax",
        "sgn", "sign", "erf", "softmax", "softplus", "ReLU", "det", "lim", "sup", "inf",
    ]
    static let spaces: [String: Double] = [",": 0.17, ":": 0.22, ";": 0.28, "quad": 1, "qquad": 2, " ": 0.25, "!": -0.17]

    /// Groups, scripts and command arguments nest at most this deep; deeper math is drawn as its
    /// literal text (a title of 50,000 `{` must not exhaust the stack).
    static let maxDepth = 32

    /// The node tree for a whole label; math segments are parsed, the rest is literal.
    static func parse(_ source: String) -> MathNode { parseReporting(source).node }

    /// The node tree and, when some math could not be parsed and is drawn as literal text, why.
    static func parseReporting(_ source: String) -> (node: MathNode, problem: String?) {
        let literal = MathNode.text(source, italic: false, spacing: 0)
        let parts = source.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        // An odd number of dollars (even number of parts) is unbalanced: literal text.
        guard parts.count % 2 == 1 else { return (literal, "an unpaired $") }
        var nodes: [MathNode] = []
        for (i, part) in parts.enumerated() where !part.isEmpty {
            if i % 2 == 0 {
                nodes.append(.text(part, italic: false, spacing: 0))
            } else {
                var p = Parser(Array(part))
                guard let node = p.parseRow(until: nil), p.atEnd else {
                    return (literal, p.tooDeep ? "math nested deeper than \(maxDepth) levels" : "malformed math")
                }
                nodes.append(node)
            }
        }
        return (nodes.count == 1 ? nodes[0] : .row(nodes), nil)
    }

    private struct Parser {
        let chars: [Character]
        var i = 0
        /// Arguments being parsed (the recursion depth), and whether `maxDepth` was exceeded.
        var depth = 0
        var tooDeep = false
        init(_ chars: [Character]) { self.chars = chars }
        var atEnd: Bool { i >= chars.count }

        mutating func parseRow(until close: Character?) -> MathNode? {
            var items: [MathNode] = []
            while i < chars.count {
                let c = chars[i]
                if let close, c == close { return .row(items) }
                if c == "}" { return nil }
                if c == "^" || c == "_" {
                    i += 1
                    guard let arg = parseArgument() else { return nil }
                    let base = items.popLast() ?? .text("", italic: false, spacing: 0)
                    if case let .scripts(b, sup, sub) = base {
                        if c == "^", sup == nil { items.append(.scripts(base: b, sup: arg, sub: sub)); continue }
                        if c == "_", sub == nil { items.append(.scripts(base: b, sup: sup, sub: arg)); continue }
                        return nil
                    }
                    items.append(c == "^" ? .scripts(base: base, sup: arg, sub: nil) : .scripts(base: base, sup: nil, sub: arg))
                    continue
                }
                if c == "'" {
                    i += 1
                    var primes = "′"
                    while i < chars.count, chars[i] == "'" { primes += "′"; i += 1 }
                    // The prime glyph already sits high: set it inline at full size.
                    items.append(.text(primes, italic: false, spacing: 0))
                    continue
                }
                guard let atom = parseAtom() else { return nil }
                items.append(atom)
            }
            return close == nil ? .row(items) : nil
        }

        /// A script or command argument: one character, one command or a braced group.
        mutating func parseArgument() -> MathNode? {
            guard i < chars.count else { return nil }
            guard depth < MathParser.maxDepth else { tooDeep = true; return nil }
            depth += 1
            defer { depth -= 1 }
            if chars[i] == "{" {
                i += 1
                guard let row = parseRow(until: "}") else { return nil }
                i += 1
                return row
            }
            return parseAtom()
        }

        mutating func parseAtom() -> MathNode? {
            guard i < chars.count else { return nil }
            let c = chars[i]
            switch c {
            case "{":
                return parseArgument()
            case "\\":
                i += 1
                guard i < chars.count else { return nil }
                var name = ""
                if chars[i].isLetter {
                    while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
                } else {
                    name = String(chars[i]); i += 1
                }
                return command(name)
            case " ":
                i += 1
                return .row([])
            default:
                i += 1
                if c.isLetter {
                    // A function name written out (tanh, log, max...) is set upright, as \tanh would be.
                    let start = i - 1
                    var end = start
                    while end < chars.count, chars[end].isLetter { end += 1 }
                    let word = String(chars[start..<end])
                    if word.count > 1, let name = MathParser.functions.sorted(by: { $0.count > $1.count }).first(where: { word.hasPrefix($0) }),
                       name.count == word.count || !(word.dropFirst(name.count).first?.isLowercase ?? false) || name.count >= 3 {
                        i = start + name.count
                        return .row([.text(name, italic: false, spacing: 0), .space(0.1)])
                    }
                    return .text(String(c), italic: true, spacing: 0)
                }
                switch c {
                case "-": return .text("−", italic: false, spacing: 0.18)
                case "+": return .text("+", italic: false, spacing: 0.18)
                case "=", "<", ">": return .text(String(c), italic: false, spacing: 0.25)
                case "*": return .text("∗", italic: false, spacing: 0.18)
                case ",": return .text(",", italic: false, spacing: 0)
                default: return .text(String(c), italic: false, spacing: 0)
                }
            }
        }

        mutating func command(_ name: String) -> MathNode? {
            if let g = MathParser.greek[name] {
                return .text(g, italic: name.first?.isLowercase ?? false, spacing: 0)
            }
            if let (s, sp) = MathParser.symbols[name] { return .text(s, italic: false, spacing: sp) }
            if let sp = MathParser.spaces[name] { return .space(sp) }
            if MathParser.functions.contains(name) { return .row([.text(name, italic: false, spacing: 0), .space(0.1)]) }
            switch name {
            case "frac":
                guard let a = parseArgument(), let b = parseArgument() else { return nil }
                return .fraction(a, b)
            case "sqrt":
                guard let a = parseArgument() else { return nil }
                return .sqrt(a)
            case "mathrm", "text", "operatorname":
                guard i < chars.count, chars[i] == "{" else { return nil }
                i += 1
                var s = ""
                while i < chars.count, chars[i] != "}" { s.append(chars[i]); i += 1 }
                guard i < chars.count else { return nil }
                i += 1
                return .text(s, italic: false, spacing: 0)
            case "left", "right", "big", "Big":
                return .row([])
            default:
                return nil
            }
        }
    }
}
