/// One node of a parsed expression. A parsed expression is an array of nodes in postfix order
/// (every operand before the node that uses it), so every pass over the tree (compiling, printing,
/// analysis) is a loop, never a recursion whose depth the input could choose.
struct ExpressionNode: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A literal such as `2` or `1e-3`.
        case number(Double)
        /// `pi` or `e`.
        case constant(MathConstant)
        /// `x` (0) or `y` (1).
        case variable(Int)
        /// A named parameter with its value.
        case parameter(String, Double)
        /// Unary minus of `lhs`.
        case negate
        /// `lhs op rhs`.
        case binary(BinaryOperator)
        /// `f(lhs)`.
        case call(UnaryFunction)
        /// `max(lhs, rhs)` or `min(lhs, rhs)`.
        case call2(BinaryFunction)
    }

    var kind: Kind
    /// Index of the first operand (−1 for leaves).
    var lhs: Int = -1
    /// Index of the second operand (−1 for leaves and one-operand nodes).
    var rhs: Int = -1
    /// Where the node starts in the source (characters), for messages.
    var offset: Int
}

/// `pi` and `e`.
enum MathConstant: String, Sendable, Hashable {
    case pi, e

    var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return 2.718281828459045235360287471352662
        }
    }
}

/// `+ - * / ^`.
enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
}

/// The two-argument functions.
enum BinaryFunction: String, Sendable, Hashable, CaseIterable {
    case max, min
}

/// A one-argument function: an elementary function, or a built-in activation with its default
/// parameters (`gelu`, `mish`, `elu`, …).
enum UnaryFunction: Sendable, Hashable {
    case elementary(ElementaryFunction)
    case activation(Activation)

    /// The name as written in expressions.
    var name: String {
        switch self {
        case .elementary(let f): return f.rawValue
        case .activation(let a): return a.name
        }
    }

    /// The function called `name`: elementary functions first (their values agree with the
    /// activations of the same name), then every activation name and alias.
    static func named(_ name: String) -> UnaryFunction? {
        if let f = ElementaryFunction(rawValue: name) { return .elementary(f) }
        if let a = try? Activation(name: name) { return .activation(a) }
        return nil
    }

    /// Every one-argument function name, for "did you mean".
    static var allNames: [String] {
        ElementaryFunction.allCases.map(\.rawValue) + Activation.allNames + Array(ActivationCatalog.aliases.keys)
    }
}

/// The elementary functions of the grammar.
enum ElementaryFunction: String, Sendable, Hashable, CaseIterable {
    case exp, log, log1p, expm1, sqrt, abs, sin, cos, tan, sinh, cosh, tanh, asinh, atan, erf, erfc
    case sigmoid, softplus, relu
}
