/// A function typed by the user, such as `x*tanh(softplus(x))` or `(1 - x)^2 + 100*(y - x^2)^2`,
/// parsed once and evaluated together with its exact derivative by forward-mode automatic
/// differentiation (dual numbers: a value and one tangent per variable carried through every
/// operation) on a compiled instruction tape.
///
///     let f = try MathExpression("x*sigmoid(beta*x)", dimension: 1, parameters: ["beta": 2])
///     f.value(1)        // 0.8807970779778823
///     f.derivative(1)   // 1.0907842487848863
///
/// Grammar: numbers (`2`, `0.5`, `1e-3`), `pi`, `e`, the variable `x` (and `y` when `dimension` is
/// 2), named parameters, `+ - * /`, `^` or `**` (right-associative, tighter than unary minus),
/// parentheses, the functions `exp log log1p expm1 sqrt abs sin cos tan sinh cosh tanh asinh atan
/// erf erfc sigmoid softplus relu`, `max(a, b)`, `min(a, b)`, and every built-in activation by name
/// with its default parameters (`gelu(x)`, `mish(x)`, `elu(x)`).
///
/// Derivatives follow torch.autograd where f is not differentiable (abs′(0) = 0, relu′(0) = 0,
/// max/min ties 0.5 to each argument, sqrt′(0) = inf). One exception: the root (sqrt, a^c with
/// ½ ≤ c < 1) of a smooth function that touches 0 with a zero derivative (sqrt(x² + y²) at the origin, a
/// cone's tip) has derivative 0, the subgradient of least norm (as |x| has), where torch's chain rule gives
/// inf·0 = NaN; a cusp (sqrt(|x|) at 0, whose one-sided slopes are ±∞) keeps torch's NaN. A NaN or
/// infinite result (log of a negative number, 1/0) is returned as such: a value to show, not an error.
public struct MathExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as typed.
    public let source: String
    /// 1 (a function of x) or 2 (a surface f(x, y)).
    public let dimension: Int
    /// The parameter values the expression uses (given values it does not use are dropped).
    public let parameters: [String: Double]
    let nodes: [ExpressionNode]
    let tape: Tape

    /// Parses `source` as a function of x (`dimension` 1) or of x and y (2), with the given
    /// parameter values. Throws `ExpressionError` (message, column and a caret line) for a syntax
    /// error, an unknown name (with "did you mean"), `y` in a 1-D expression, a parameter without a
    /// value, a parameter named like a variable, constant or function, input longer than 10,000
    /// characters or nesting deeper than 200 levels.
    ///
    /// `alias` is another name of x in a 1-D expression (`w` for a loss over a weight, so `w^4 - 2*w^2` is
    /// accepted where the figure calls the variable w); a formula writes x or the alias, not both, and a
    /// parameter of that name (a value in `parameters`) takes precedence.
    public init(_ source: String, dimension: Int = 1, parameters: [String: Double] = [:], alias: String? = nil) throws(ExpressionError) {
        precondition(dimension == 1 || dimension == 2, "dimension is 1 or 2")
        for name in parameters.keys.sorted() {
            try MathExpression.checkParameterName(name, in: source)
        }
        var parser = try Parser(source, dimension: dimension, parameters: parameters, alias: alias)
        try parser.parse()
        self.source = source
        self.dimension = dimension
        self.parameters = parameters.filter { parser.usedParameters.contains($0.key) }
        nodes = parser.nodes
        tape = Tape(nodes: parser.nodes)
    }

    /// Throws unless `name` can name a parameter: an identifier that is not x, y, pi, e or a function.
    public static func checkParameterName(_ name: String, in source: String = "") throws(ExpressionError) {
        let isIdentifier = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(name.first?.isNumber ?? true)
        guard isIdentifier else {
            throw ExpressionError(source, whole: "'\(name)' cannot name a parameter: use letters, digits and _, starting with a letter")
        }
        if ["x", "y"].contains(name) {
            throw ExpressionError(source, whole: "parameter '\(name)' would shadow the variable \(name): choose another name")
        }
        if ["pi", "e"].contains(name) {
            throw ExpressionError(source, whole: "parameter '\(name)' would shadow the constant \(name): choose another name")
        }
        if UnaryFunction.named(name) != nil || BinaryFunction(rawValue: name) != nil {
            throw ExpressionError(source, whole: "parameter '\(name)' would shadow the function \(name)(): choose another name")
        }
    }

    /// The names in `source` that are parameters (neither variables, constants nor functions), in
    /// order of first use; throws for a syntax error. Lets a caller ask for exactly these values.
    public static func parameterNames(in source: String, dimension: Int = 1) throws(ExpressionError) -> [String] {
        var names: [String] = []
        let tokens = try Lexer.tokens(of: source, characters: Array(source))
        for (i, token) in tokens.enumerated() {
            guard case .identifier(let name) = token.kind, !names.contains(name) else { continue }
            if i + 1 < tokens.count, tokens[i + 1].kind == .leftParen { continue }
            if ["x", "y", "pi", "e"].contains(name) || UnaryFunction.named(name) != nil
                || BinaryFunction(rawValue: name) != nil { continue }
            names.append(name)
        }
        return names
    }

    /// The source.
    public var description: String { source }

    public static func == (lhs: MathExpression, rhs: MathExpression) -> Bool {
        lhs.source == rhs.source && lhs.dimension == rhs.dimension && lhs.parameters == rhs.parameters
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(dimension)
        hasher.combine(parameters)
    }

    /// Whether f does not depend on x at all (nor on y).
    public var isConstant: Bool {
        let result = tape.instructions[tape.output]
        return !result.dx && !result.dy
    }
}

extension MathExpression {
    /// The built-in activations the expression calls by name (`elu(x)`, `swish(x)`), each with its
    /// default parameters, in order of first call: inside a formula they keep those defaults, so a
    /// `--param` of the same name (alpha, beta) sets only the user's own parameter.
    public var calledActivations: [Activation] {
        var out: [Activation] = []
        for node in nodes {
            if case .call(.activation(let a)) = node.kind, !out.contains(a) { out.append(a) }
        }
        return out
    }
}
