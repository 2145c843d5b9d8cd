/// A 1-D expression used as an activation: the expression and its shape (computed once, when the
/// activation is made, so figures can ask for kinks and asymptotes freely).
public struct ExpressionActivation: Sendable, Hashable {
    /// The expression (dimension 1).
    public let expression: MathExpression
    /// Its numerically found shape.
    public let shape: FunctionShape
}

extension Activation {
    /// A typed 1-D expression as an activation, accepted wherever a built-in one is: its name is
    /// the expression as typed, its display name the pretty-printed math, and its shape (kinks,
    /// jumps, asymptotes, range, steepest slope) is found numerically from the function. Throws
    /// `OptimError` for a 2-D expression.
    public init(expression: MathExpression) throws {
        guard expression.dimension == 1 else {
            throw OptimError("'\(expression.source)' is a surface f(x, y); an activation is a function of x alone")
        }
        name = expression.source
        parameters = expression.parameters
        function = .expression(ExpressionActivation(expression: expression, shape: expression.shape))
    }

    /// The typed expression, or nil for a built-in activation.
    public var expression: MathExpression? {
        if case .expression(let e) = function { return e.expression }
        return nil
    }
}

extension MathExpression {
    /// The parameter values in math, e.g. `$\beta = 0.5$` (sorted by name; empty without parameters).
    public var parameterLabel: String {
        parameters.keys.sorted().map { "$" + MathExpression.label(name: $0).trimmingSuffixSpace + " = "
            + MathExpression.label(number: parameters[$0] ?? 0) + "$" }.joined(separator: ", ")
    }
}

extension String {
    fileprivate var trimmingSuffixSpace: String { hasSuffix(" ") ? String(dropLast()) : self }
}
