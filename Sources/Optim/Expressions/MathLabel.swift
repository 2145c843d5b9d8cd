/// The expression in dlplot's math-label syntax (as used in titles and legends):
/// `x \cdot \mathrm{tanh}(\mathrm{softplus}(x))`, `\frac{a}{b}` for `/`, superscripts for `^`,
/// `\sqrt{}`, `|a|`, `e^{a}` for exp, Greek parameter names as letters (`beta` → β) and trailing
/// digits as subs (`w0` → w₀). A number times a name is juxtaposed (`2x`). Built bottom-up
/// over the postfix nodes (no recursion).
extension MathExpression {
    /// The math, without the surrounding `$`.
    public var mathLabel: String { mathLabel(variables: ("x", "y")) }

    /// The math with the variables named `variables` (a 1-D loss over a weight: `w^{4} - w^{2}`).
    /// One level of fractions is stacked: inside a numerator, a denominator or an exponent a division is
    /// written inline (`\frac{x/(x/2)}{3}`, `e^{-x^{2}/2}`), so no glyph of a title shrinks twice.
    public func mathLabel(variables: (x: String, y: String)) -> String {
        var parts: [(display: LabelPart, inline: LabelPart)] = []
        parts.reserveCapacity(nodes.count)
        let leaf = LabelPart(text: "", precedence: 5)
        for node in nodes {
            let a = node.lhs >= 0 ? parts[node.lhs] : (leaf, leaf)
            let b = node.rhs >= 0 ? parts[node.rhs] : (leaf, leaf)
            parts.append((label(node, a, b, inline: false, variables: variables), label(node, a, b, inline: true, variables: variables)))
        }
        return parts.last?.display.text ?? ""
    }

    /// The label of `node` from its operands' labels (`a`, `b`: each in both forms); `inline` writes a
    /// division with a slash instead of a stacked fraction.
    private func label(_ node: ExpressionNode, _ operandA: (display: LabelPart, inline: LabelPart), _ operandB: (display: LabelPart, inline: LabelPart),
                       inline: Bool, variables: (x: String, y: String)) -> LabelPart {
        let a = inline ? operandA.inline : operandA.display, b = inline ? operandB.inline : operandB.display
        func wrap(_ p: LabelPart, below level: Int) -> String { p.precedence < level ? "(" + p.text + ")" : p.text }
        // A negative operand after a sign is bracketed: −(−x), x − (−x).
        func signed(_ p: LabelPart) -> String { p.text.hasPrefix("-") ? "(" + p.text + ")" : wrap(p, below: 2) }
        switch node.kind {
        case .number(let v): return LabelPart(text: MathExpression.label(number: v), precedence: 5, leadingNumber: true, coefficient: true)
        case .constant(let c): return LabelPart(text: c == .pi ? "\\pi" : "e", precedence: 5, coefficient: true)
        case .variable(let k): return LabelPart(text: k == 0 ? variables.x : variables.y, precedence: 5)
        case .parameter(let name, _):
            let text = MathExpression.label(name: name)
            return LabelPart(text: text, precedence: 5, coefficient: !text.hasPrefix("\\mathrm"))
        case .negate: return LabelPart(text: "-" + signed(a), precedence: 3)
        case .binary(let op):
            switch op {
            case .add: return LabelPart(text: a.text + " + " + signed(b), precedence: 1, leadingNumber: a.leadingNumber)
            case .subtract: return LabelPart(text: a.text + " - " + signed(b), precedence: 1, leadingNumber: a.leadingNumber)
            case .multiply: return product(node, a, b)
            case .divide:
                if inline {
                    // A division written inline is bracketed as an operand of another: (x/2)/3, x/(x/2).
                    let left = a.slash ? "(" + a.text + ")" : wrap(a, below: 2)
                    let right = b.text.hasPrefix("-") ? "(" + b.text + ")" : wrap(b, below: 3)
                    return LabelPart(text: left + "/" + right, precedence: 2, leadingNumber: a.leadingNumber, slash: true)
                }
                return LabelPart(text: "\\frac{" + operandA.inline.text + "}{" + operandB.inline.text + "}", precedence: 5)
            case .power:
                // A fraction as the base is bracketed, stacked or not: \frac{x}{2}^{3} reads as x³/2.
                let base = a.text.hasPrefix("\\frac") ? "(" + a.text + ")" : wrap(a, below: 5)
                return LabelPart(text: base + "^{" + operandB.inline.text + "}", precedence: 4,
                                 leadingNumber: a.leadingNumber && a.precedence == 5)
            }
        case .call(let f):
            switch f {
            case .elementary(.sqrt): return LabelPart(text: "\\sqrt{" + a.text + "}", precedence: 5)
            case .elementary(.abs): return LabelPart(text: "|" + a.text + "|", precedence: 5)
            case .elementary(.exp): return LabelPart(text: "e^{" + operandA.inline.text + "}", precedence: 4)
            default: return LabelPart(text: "\\mathrm{" + f.name + "}(" + a.text + ")", precedence: 5)
            }
        case .call2(let f): return LabelPart(text: "\\" + f.rawValue + "(" + a.text + ", " + b.text + ")", precedence: 5)
        }
    }

    /// `a·b`, or juxtaposed where that reads as a product: a number before a name (`2x`, `0.1\,\mathrm{sin}(x)`),
    /// a coefficient symbol before a variable or its power (`βx`, `πx^{2}`), and a coefficient (numbers, then
    /// constants and one-letter parameters, juxtaposed) before a letter: one rule for a chain, `4*x*y` → `4xy`,
    /// `2*pi*x` → `2πx`, `pi*a*x` → `πax` (they were "4x·y", "2π·x", "π·a·x").
    private func product(_ node: ExpressionNode, _ a: LabelPart, _ b: LabelPart) -> LabelPart {
        let left = a.precedence == 3 ? a.text : (a.precedence < 2 || a.slash ? "(" + a.text + ")" : a.text)
        let right = b.precedence < 4 || b.slash ? "(" + b.text + ")" : b.text
        let lhsNode = nodes[node.lhs], rhsNode = nodes[node.rhs]
        let letter = rhsNode.isVariable || (rhsNode.isSymbol && b.coefficient)
            || (rhsNode.kind == .binary(.power) && nodes[rhsNode.lhs].isVariable)
        let juxtapose = (lhsNode.isNumber && !b.leadingNumber && !right.hasPrefix("-"))
            || (lhsNode.isSymbol && !a.text.hasPrefix("\\mathrm") && (rhsNode.isVariable || (rhsNode.kind == .binary(.power) && nodes[rhsNode.lhs].isVariable)))
            || (a.coefficient && letter)
        let l = left.hasSuffix(" ") ? String(left.dropLast()) : left
        // A thin space between a coefficient and a function name: 0.1 sin(3x), 0.5 min(0, x), not 0.1sin(3x).
        // After a command (\pi) a letter needs a space, or it joins the command's name (\pix was drawn as markup).
        let gap = right.hasPrefix("\\mathrm") || right.hasPrefix("\\max") || right.hasPrefix("\\min") ? "\\,"
            : left.endsInCommand && (right.first?.isLetter ?? false) ? " " : ""
        return LabelPart(text: juxtapose ? left + gap + right : l + " \\cdot " + right, precedence: 2, leadingNumber: a.leadingNumber,
                         coefficient: juxtapose && a.coefficient && letter)
    }

    /// `$f(x) = …$` (or `$f(x, y) = …$`), ready for a title; a formula too long to set on a page (over
    /// `longSource` characters) keeps its start as typed and its length (a 9,995-character sum was a lone "…").
    public var formula: String {
        let name = dimension == 2 ? "f(x, y)" : "f(x)"
        return source.count > Self.longSource ? "$" + name + "$ = " + shortened : "$" + name + " = " + mathLabel + "$"
    }

    /// The expression in math for a legend or a title, or its start as typed when it is over `longSource` characters.
    public var displayLabel: String { source.count > Self.longSource ? shortened : "$" + mathLabel + "$" }

    /// Beyond this many characters a formula is named by its start as typed.
    static let longSource = 400

    /// "sin(x)+sin(x)+… (9995 characters)": the first 60 characters as typed.
    private var shortened: String {
        String(source.prefix(60)) + "… (\(source.count) characters)"
    }

    /// `title` with this expression's formula (as `formula`, `formulaWithParameters(variable:)` or `displayLabel`
    /// put it) written as typed, whole up to 60 characters, else its start and length: "f(x) = 1/(1+1/(1+… (121
    /// characters)", for a page on which the math cannot be set readably (twenty nested fractions); nil when
    /// `title` does not hold it.
    public func plainTitle(of title: String) -> String? {
        let typed = source.count > 60 ? shortened : source
        for name in dimension == 2 ? ["x, y"] : ["x", "w"] {
            let math = "$f(" + name + ") = " + mathLabel(variables: (name == "w" ? "w" : "x", "y")) + "$"
            // Drawn against w, typed in x or w: the plain form names the variable typed.
            let shown = name == "w" && !source.contains(/\bw\b/) ? "x" : name
            if title.contains(math) { return title.replacing(math, with: "f(" + shown + ") = " + typed) }
        }
        return title.contains(displayLabel) ? title.replacing(displayLabel, with: typed) : nil
    }

    /// `formula` followed by the parameter values when there are any (`$f(x) = x σ(b x)$, $b = 1.5$`):
    /// what a figure of one member titles itself with, so the values drawn are on the figure.
    public var formulaWithParameters: String {
        parameters.isEmpty ? formula : formula + ", " + parameterLabel
    }

    /// The formula of a 1-D expression in the variable `name` (`$f(w) = w^{4} - w^{2}$`), its parameter values
    /// in brackets (`$f(w) = aw^{2}$ ($a = 2$)`), for figures whose axis calls the variable so and whose titles
    /// are sentences ("Gradient descent on f(w) = aw² (a = 2) with different learning rates": after a comma,
    /// "a = 2 with different learning rates" read as one phrase).
    public func formulaWithParameters(variable name: String) -> String {
        let f = "$f(" + name + ") = " + mathLabel(variables: (name, "y")) + "$"
        return parameters.isEmpty ? f : f + " (" + parameterLabel + ")"
    }

    /// A number as typed in math: the shortest decimal, and 10^{k} for scientific notation.
    static func label(number v: Double) -> String {
        if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
        let text = "\(v)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let mantissa = String(text[..<e]), exponent = Int(text[text.index(after: e)...]) ?? 0
        let power = "10^{\(exponent)}"
        return mantissa == "1.0" || mantissa == "1" ? power : (mantissa.hasSuffix(".0") ? String(mantissa.dropLast(2)) : mantissa) + " \\times " + power
    }

    /// A parameter's value for a legend: as `label(number:)` when short; a value given as a constant
    /// (`--param beta=pi/4,1/3`) as that fraction of π or that fraction when it is exactly one (denominators
    /// up to 12), else 4 significant digits — not 0.7853981633974483.
    static func label(parameterValue v: Double) -> String {
        let plain = label(number: v)
        guard plain.count > 8, v.isFinite, v != 0 else { return plain }
        let sign = v < 0 ? "-" : ""
        for q in 2...12 {
            let p = (Swift.abs(v) * Double(q)).rounded()
            if p < 1000, p / Double(q) == Swift.abs(v) { return sign + "\(Int(p))/\(q)" }
        }
        for q in 1...12 {
            let p = (Swift.abs(v) * Double(q) / Double.pi).rounded()
            if p >= 1, p < 1000, p * Double.pi / Double(q) == Swift.abs(v) {
                return sign + (p == 1 ? "" : "\(Int(p))") + "\\pi" + (q == 1 ? "" : "/\(q)")
            }
        }
        let e = Int(Double.log10(Swift.abs(v)).rounded(.down))
        guard e >= -3, e < 6 else { return plain }
        var scale = 1.0
        for _ in 0..<max(0, 3 - e) { scale *= 10 }
        var text = "\((v * scale).rounded() / scale)"
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A parameter name: Greek letter names as letters, trailing digits (or `_suffix`) as subs,
    /// other multi-letter names upright.
    static func label(name: String) -> String {
        let greek: Set<String> = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                                  "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega",
                                  "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega"]
        var stem = Substring(name), sub = ""
        // A snake_case word (PyTorch's negative_slope) is a name, not a symbol with a subscript: kept as written.
        if let underscore = name.firstIndex(of: "_"), name[..<underscore].count > 1, !greek.contains(String(name[..<underscore])) {
            return "\\mathrm{" + name + "}"
        }
        if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
            stem = name[..<underscore]
            sub = String(name[name.index(after: underscore)...]).replacingUnderscores()
        } else if let firstDigit = name.firstIndex(where: \.isNumber) {
            stem = name[..<firstDigit]
            sub = String(name[firstDigit...])
        }
        let base = greek.contains(String(stem)) ? "\\" + stem + " " : (stem.count > 1 ? "\\mathrm{\(stem)}" : String(stem))
        return sub.isEmpty ? base : base.trimmingSpace() + "_{" + sub + "}"
    }
}

/// One node's math label: its text, how tightly it binds (1 sums, 2 products, 3 negations, 4 powers,
/// 5 atoms), whether it starts with a number (so `2` before it must not be juxtaposed) and whether it is a
/// division written with a slash.
struct LabelPart {
    var text: String
    var precedence: Int
    var leadingNumber = false
    var slash = false
    /// A coefficient: a number, a constant, a one-letter (or Greek) parameter, or such juxtaposed (`2π`, `πa`),
    /// before which a letter is juxtaposed.
    var coefficient = false
}

extension ExpressionNode {
    var isNumber: Bool {
        if case .number = kind { return true }
        return false
    }

    /// A parameter or a constant: one symbol that reads as a coefficient (βx, πx).
    var isSymbol: Bool {
        switch kind {
        case .parameter, .constant: return true
        default: return false
        }
    }

    var isVariable: Bool {
        if case .variable = kind { return true }
        return false
    }
}

extension String {
    /// True when the text ends with a backslash command's name (`2\pi`): a letter after it would extend the name.
    fileprivate var endsInCommand: Bool {
        guard let slash = lastIndex(of: "\\") else { return false }
        let name = self[index(after: slash)...]
        return !name.isEmpty && name.allSatisfy(\.isLetter)
    }

    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "," : $0 }) }
    fileprivate func trimmingSpace() -> String { hasSuffix(" ") ? String(dropLast()) : self }
}
