// Expressions: typed formulas (`x*sigmoid(beta*x)`, `x^2 - y^2`): parsing, differentiation, errors, and the
// activations and surfaces made from them.

import Synchronization

/// A 1-D expression used as an activation: the expression and its shape. The shape (a numerical
/// analysis of thousands of evaluations) is computed on first use and kept, so `eval` — which only
/// evaluates — never pays for it, and figures can ask for kinks and asymptotes freely.
public struct ExpressionActivation: Sendable, Hashable {
    /// The expression (dimension 1).
    public let expression: MathExpression
    private let cache: ShapeCache

    /// The expression, its shape still to be found.
    public init(expression: MathExpression) {
        self.expression = expression
        cache = ShapeCache()
    }

    /// Its numerically found shape (computed once, on first use; thread-safe).
    public var shape: FunctionShape {
        cache.state.withLock { stored in
            if let stored { return stored }
            let found = expression.shape
            stored = found
            return found
        }
    }

    /// Whether the shape has been computed yet (eval never computes it).
    public var isAnalysed: Bool { cache.state.withLock { $0 != nil } }

    public static func == (lhs: ExpressionActivation, rhs: ExpressionActivation) -> Bool {
        lhs.expression == rhs.expression
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(expression) }
}

/// The shape of one expression activation, once found.
private final class ShapeCache: Sendable {
    let state = Mutex<FunctionShape?>(nil)
}

extension Activation {
    /// A typed 1-D expression as an activation, accepted wherever a built-in one is: its name is
    /// the expression as typed, its display name the pretty-printed math, and its shape (kinks,
    /// jumps, asymptotes, range, steepest slope) is found numerically from the function when first
    /// asked for. Throws `OptimError` for a 2-D expression.
    public init(expression: MathExpression) throws {
        guard expression.dimension == 1 else {
            throw OptimError("'\(expression.source)' is a surface f(x, y); an activation is a function of x alone")
        }
        name = expression.source
        parameters = expression.parameters
        function = .expression(ExpressionActivation(expression: expression))
    }

    /// The typed expression, or nil for a built-in activation.
    public var expression: MathExpression? {
        if case .expression(let e) = function { return e.expression }
        return nil
    }

    /// The numerically found shape of a typed expression (computed on first use), nil for a built-in.
    public var typedShape: FunctionShape? {
        if case .expression(let e) = function { return e.shape }
        return nil
    }
}

extension MathExpression {
    /// The parameter values in math, e.g. `$\beta = 0.5$` (sorted by name; empty without parameters).
    public var parameterLabel: String { MathExpression.parameterLabel(parameters) }

    /// `values` in math, e.g. `$\beta = 0.5$, $a = 2$` (sorted by name).
    public static func parameterLabel(_ values: [String: Double]) -> String {
        values.keys.sorted().map { "$" + label(name: $0).trimmingSuffixSpace + " = "
            + label(parameterValue: values[$0] ?? 0) + "$" }.joined(separator: ", ")
    }
}

extension Activation {
    /// The name that tells this member apart from `others` of the same name and from its defaults:
    /// "Softplus ($\beta = 0.5$)" with the parameters whose values differ among them (a --param list gives one
    /// curve per value) or from PyTorch's default ("ELU ($\alpha = 0.5$)" beside a typed elu(x), which keeps
    /// α = 1), the display name when it has its defaults and is alone; a typed expression's `label`.
    public func label(among others: [Activation]) -> String {
        guard expression == nil else { return label }
        let twins = others.filter { $0.name == name }
        let specs = (try? Activation.parameterSpecs(for: name)) ?? []
        let differing = parameters.filter { key, value in
            twins.contains { $0.parameters[key] != value } || specs.contains { $0.name == key && $0.defaultValue != value }
        }
        return differing.isEmpty ? displayName : displayName + " (" + MathExpression.parameterLabel(differing) + ")"
    }
}

extension String {
    fileprivate var trimmingSuffixSpace: String { hasSuffix(" ") ? String(dropLast()) : self }
}
