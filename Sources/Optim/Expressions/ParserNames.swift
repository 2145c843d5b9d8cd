/// Names in expressions: function calls, variables, constants and parameters.
extension Parser {
    /// Every name that is not a parameter: variables, constants and functions.
    static var reservedNames: [String] {
        ["x", "y", "pi", "e"] + UnaryFunction.allNames + BinaryFunction.allCases.map(\.rawValue)
    }

    /// `name(arguments)`; the current token is the '('.
    mutating func call(_ name: String, at offset: Int) throws(ExpressionError) {
        let open = current
        let binary = BinaryFunction(rawValue: name)
        let unary = UnaryFunction.named(name)
        if binary == nil, unary == nil {
            if name == "x" || name == "y" || name == "pi" || name == "e" || parameters[name] != nil {
                throw ExpressionError(source, at: open.offset,
                                      "'\(name)' is not a function: write '\(name)*(' to multiply")
            }
            let candidates = UnaryFunction.allNames + BinaryFunction.allCases.map(\.rawValue)
            // Names from other tools: what to write here (log10 is not log1p, though one edit apart).
            if let rewrite = Self.rewrites[name] {
                throw ExpressionError(source, at: offset, "unknown function '\(name)': write \(rewrite)")
            }
            if let guess = closestName(to: name, in: candidates), Self.sameDigits(name, guess) {
                throw ExpressionError(source, at: offset, "unknown function '\(name)'", suggestion: guess)
            }
            // Nothing close: say what there is, briefly.
            throw ExpressionError(source, at: offset, "unknown function '\(name)': the functions are "
                                  + ElementaryFunction.allCases.map(\.rawValue).joined(separator: " ")
                                  + " max min and every activation name (dlplot list activations)")
        }
        try enter()
        defer { depth -= 1 }
        advance()
        var arguments: [Int] = []
        if case .rightParen = current.kind {} else {
            while true {
                try expression()
                arguments.append(nodes.count - 1)
                guard case .comma = current.kind else { break }
                advance()
            }
        }
        guard case .rightParen = current.kind else {
            switch current.kind {
            case .number, .identifier, .leftParen: throw missingOperator()
            default:
                throw ExpressionError(source, at: current.offset,
                                      "expected ',' or ')' in the call of \(name) at column \(offset + 1), found \(current.text)")
            }
        }
        let wanted = binary == nil ? 1 : 2
        guard arguments.count == wanted else {
            let usage = wanted == 1 ? "\(name)(x)" : "\(name)(a, b)"
            throw ExpressionError(source, at: open.offset,
                                  "\(name) takes \(wanted == 1 ? "one argument" : "two arguments"), "
                                  + "not \(arguments.count): \(usage)")
        }
        advance()
        if let binary {
            append(.call2(binary), arguments[0], arguments[1], at: offset)
        } else if let unary {
            append(.call(unary), arguments[0], at: offset)
        }
    }

    /// A variable, constant or parameter.
    mutating func variable(_ name: String, at offset: Int) throws(ExpressionError) {
        switch name {
        case "x":
            try spell(name, at: offset)
            append(.variable(0), at: offset)
            return
        case "y":
            guard dimension == 2 else {
                throw ExpressionError(source, at: offset,
                                      "'y' is only a variable of surfaces f(x, y); a function of one variable uses x alone")
            }
            append(.variable(1), at: offset)
            return
        case "pi", "π":
            append(.constant(.pi), at: offset)
            return
        case "e":
            append(.constant(.e), at: offset)
            return
        default: break
        }
        if let value = parameters[name] {
            usedParameters.insert(name)
            append(.parameter(name, value), at: offset)
            return
        }
        if name == alias {
            try spell(name, at: offset)
            append(.variable(0), at: offset)
            return
        }
        if UnaryFunction.named(name) != nil || BinaryFunction(rawValue: name) != nil {
            let usage = BinaryFunction(rawValue: name) == nil ? "\(name)(x)" : "\(name)(a, b)"
            // sin^2(x), sin**2(x): the textbook's power of a function is written after the call.
            let after = String(characters[min(offset + name.count, characters.count)...].drop { $0 == " " })
            if after.hasPrefix("^") || after.hasPrefix("**") {
                throw ExpressionError(source, at: offset, "'\(name)' is a function: raise its value, as in \(usage)^2 (not \(name)^2(x))")
            }
            throw ExpressionError(source, at: offset, "'\(name)' is a function: call it with parentheses, as in \(usage)")
        }
        // A name glued to digits (e2, x3, pi2): a missing operator, not a new name.
        if let stem = Self.numberedName(name, dimension: dimension) {
            let digits = name.dropFirst(stem.count)
            throw ExpressionError(source, at: offset,
                                  "unknown name '\(name)': write '\(stem)*\(digits)' to multiply or '\(stem)^\(digits)' for a power")
        }
        // X for x, Y for y, E for e, PI for pi.
        if name != name.lowercased(), (["x", "e", "pi"] + (dimension == 2 ? ["y"] : [])).contains(name.lowercased()) {
            throw ExpressionError(source, at: offset, "unknown name '\(name)'; names are case-sensitive", suggestion: name.lowercased())
        }
        // Names side by side typed as one word: xy, sinx, pix, betax (beta given).
        if let reading = MathExpression.juxtaposedReading(of: name, dimension: dimension, parameters: parameters.keys.sorted(), alias: alias) {
            throw ExpressionError(source, at: offset, "unknown name '\(name)'", suggestion: reading)
        }
        // A misspelling of a given parameter or of pi; single letters are taken as new parameters.
        if name.count >= 2, let guess = closestName(to: name, in: ["pi"] + parameters.keys.sorted()) {
            throw ExpressionError(source, at: offset, "unknown name '\(name)'", suggestion: guess)
        }
        let variables = dimension == 2 ? "x, y, pi or e" : alias.map { "x (or \($0)), pi or e" } ?? "x, pi or e"
        // Every parameter without a value at once (a formula with four took four failed runs to learn them).
        let missing = missingParameters()
        if missing.count > 1, let first = missing.first {
            let names = missing.map { "'\($0.name)' (column \($0.offset + 1))" }
            let list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            throw ExpressionError(source, at: first.offset, "parameters \(list) have no value: give them with "
                                  + missing.map { "--param \($0.name)=VALUE" }.joined(separator: " ") + ", or use " + variables, columnsGiven: true)
        }
        throw ExpressionError(source, at: offset,
                              "parameter '\(name)' has no value: give it one (--param \(name)=VALUE), or use " + variables)
    }

    /// The names in the whole expression that would be new parameters (not a variable, constant, function,
    /// given parameter, alias, nor a name the checks above explain), each once with its first offset.
    func missingParameters() -> [(name: String, offset: Int)] {
        var out: [(name: String, offset: Int)] = []
        for (i, token) in tokens.enumerated() {
            guard case .identifier(let name) = token.kind, !out.contains(where: { $0.name == name }) else { continue }
            if i + 1 < tokens.count, tokens[i + 1].kind == .leftParen { continue }
            if ["x", "y", "pi", "π", "e"].contains(name) || name == alias || parameters[name] != nil
                || UnaryFunction.named(name) != nil || BinaryFunction(rawValue: name) != nil
                || Self.numberedName(name, dimension: dimension) != nil
                || ["x", "y", "e", "pi"].contains(name.lowercased())
                || MathExpression.juxtaposedReading(of: name, dimension: dimension, parameters: parameters.keys.sorted(), alias: alias) != nil
                || (name.count >= 2 && closestName(to: name, in: ["pi"] + parameters.keys.sorted()) != nil) { continue }
            out.append((name, token.offset))
        }
        return out
    }

    /// Records that the variable is spelt `name` here; refuses the other spelling (`x^2 + w` with w for x).
    mutating func spell(_ name: String, at offset: Int) throws(ExpressionError) {
        guard let alias else { return }
        if let spelling, spelling != name {
            throw ExpressionError(source, at: offset, "'\(name)' and '\(spelling)' both name the variable here; "
                                  + "write it one way (x or \(alias)), or give \(alias) a value with --param \(alias)=VALUE")
        }
        spelling = name
    }
}

extension Parser {
    /// Functions of other tools that this language writes another way.
    static let rewrites: [String: String] = [
        "ln": "log(x) (the natural logarithm)", "log10": "log(x)/log(10)", "log2": "log(x)/log(2)",
        "pow": "a^b (or a**b)", "sqr": "x^2", "power": "a^b (or a**b)", "exp2": "2^x", "exp10": "10^x",
        "arcsinh": "asinh(x)", "arctan": "atan(x)", "softsign": "softsign(x) (an activation name)",
        "acos": "atan(sqrt(1 - x^2)/x) for 0 < x ≤ 1 (acos is not a function here)",
        "arccos": "atan(sqrt(1 - x^2)/x) for 0 < x ≤ 1 (acos is not a function here)",
        "asin": "atan(x/sqrt(1 - x^2)) (asin is not a function here)",
        "arcsin": "atan(x/sqrt(1 - x^2)) (asin is not a function here)",
        "sign": "x/abs(x) (undefined at 0; sign is not a function here)",
    ]

    /// Whether two names have the same digits (log10 and log1p do not: no "did you mean").
    static func sameDigits(_ a: String, _ b: String) -> Bool { a.filter(\.isNumber) == b.filter(\.isNumber) }

    /// The variable or constant `name` starts with when the rest is digits (`e2` → `e`), else nil.
    static func numberedName(_ name: String, dimension: Int) -> String? {
        for stem in ["pi", "e", "x"] + (dimension == 2 ? ["y"] : []) where name.hasPrefix(stem) && name.count > stem.count {
            if name.dropFirst(stem.count).allSatisfy(\.isNumber) { return stem }
        }
        return nil
    }
}

extension MathExpression {
    /// What a reserved name is ("the function exp", "the variable x", "the constant pi"), or nil when
    /// `name` is free to be a parameter.
    public static func reservedMeaning(of name: String) -> String? {
        switch name {
        case "x", "y": return "the variable \(name)"
        case "pi", "e": return "the constant \(name)"
        default: return Parser.reservedNames.contains(name) ? "the function \(name)" : nil
        }
    }
}
