// Curves: one-dimensional functions to descend (the learning-rate figures' curves).

import RealModule

/// A one-parameter loss f(w) with its derivative, for figures about step sizes and non-convexity.
public struct Curve1D: Sendable, Hashable {
    /// The curves, by name.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// w²: the simplest bowl; GD with rate α multiplies w by (1 − 2α) each step.
        case square
        /// w⁴/4: flat near the minimum, steep far away.
        case quartic
        /// (w² − 1)² + 0.3w: two minima of different depth.
        case doubleWell = "double_well"
        /// A local minimum near w = −1, a global one near w = 2, and a plateau for w < −2.5.
        case pitfalls
        /// A typed expression of x (see `init(expression:)`).
        case expression = "(expression)"
    }

    public let kind: Kind
    /// The typed expression, for `kind == .expression`.
    public let expression: MathExpression?
    private let typedRange: ClosedRange<Double>?
    /// The name, or the expression as typed.
    public var name: String { expression?.source ?? kind.rawValue }

    /// All curve names.
    public static var allNames: [String] { Kind.allCases.filter { $0 != .expression }.map(\.rawValue) }

    /// The curve called `name`.
    public init(named name: String) throws {
        guard let k = Kind(rawValue: name), k != .expression else {
            throw OptimError.unknown("curve", name, allowed: Curve1D.allNames)
        }
        kind = k
        expression = nil
        typedRange = nil
    }

    /// The curve of `kind`.
    public init(_ kind: Kind) {
        self.kind = kind
        expression = nil
        typedRange = nil
    }

    /// A typed 1-D expression as a loss curve f(w) (written with x). Its view is `range`, or
    /// [−3, 3] widened to hold every local minimum found in [−10, 10] — or, where f still falls at an
    /// end of that window, the nearest one found by an outward search (`outwardMinima`) — with a margin of
    /// 1. Throws `OptimError` for a 2-D expression.
    public init(expression: MathExpression, range: ClosedRange<Double>? = nil) throws {
        guard expression.dimension == 1 else {
            throw OptimError("'\(expression.source)' uses y; a loss curve is a function of x alone")
        }
        kind = .expression
        self.expression = expression
        typedRange = range ?? {
            let found = Curve1D.localMinima(of: { expression.derivative($0) }, in: -10...10)
                + Curve1D.outwardMinima(of: { expression.derivative($0) }, beyond: -10...10)
            return Curve1D.definedPart(of: { expression.value($0) },
                                       in: min(-3, (found.min() ?? 0) - 1)...max(3, (found.max() ?? 0) + 1))
        }()
    }

    /// `r` cut down to where f is defined, with a margin of 5 % of that part (so the boundary shows),
    /// when f is undefined on more than a tenth of it at an end: log(x) + 1/x is shown on [−0.15, 3],
    /// not on [−3, 3] with half of the view empty. `r` itself when f is defined nowhere on it.
    static func definedPart(of f: (Double) -> Double, in r: ClosedRange<Double>) -> ClosedRange<Double> {
        let n = 600, span = r.upperBound - r.lowerBound
        let xs = (0...n).map { r.lowerBound + span * Double($0) / Double(n) }
        guard let first = xs.firstIndex(where: { f($0).isFinite }), let last = xs.lastIndex(where: { f($0).isFinite }),
              last > first else { return r }
        let (a, b) = (xs[first], xs[last])
        let margin = 0.05 * (b - a)
        let lower = a - r.lowerBound > 0.1 * span ? max(r.lowerBound, a - margin) : r.lowerBound
        let upper = r.upperBound - b > 0.1 * span ? min(r.upperBound, b + margin) : r.upperBound
        return lower...upper
    }

    /// Where f is unbounded in its view (a typed expression's poles: 1/x at 0, log at 0).
    public var poles: [Pole] {
        guard let e = expression else { return [] }
        return e.shape.poles.filter { viewRange.contains($0.at) }
    }
    // The pitfalls curve: p(w) = ¼(w+1)²(w−2)² − 0.3w seen through a smooth clamp
    // g(w) = w₀ + τ·softplus((w − w₀)/τ) ≈ max(w, w₀), so f = p(g(w)) is flat (a plateau) for w ≪ w₀
    // and f′ = p′(g(w))·σ((w − w₀)/τ).
    private static let w0 = -2.0, tau = 0.4
    private static func p(_ w: Double) -> Double { 0.25 * (w + 1) * (w + 1) * (w - 2) * (w - 2) - 0.3 * w }
    private static func dp(_ w: Double) -> Double { 0.5 * (w + 1) * (w - 2) * (2 * w - 1) - 0.3 }
    private static func clamp(_ w: Double) -> Double {
        let u = (w - w0) / tau
        return w0 + tau * (u > 30 ? u : Double.log(onePlus: Double.exp(u)))
    }

    /// f(w).
    public func value(_ w: Double) -> Double {
        switch kind {
        case .square: return w * w
        case .quartic: return w * w * w * w / 4
        case .doubleWell: return (w * w - 1) * (w * w - 1) + 0.3 * w
        case .pitfalls: return Curve1D.p(Curve1D.clamp(w))
        case .expression: return expression?.value(w) ?? .nan
        }
    }

    /// f′(w).
    public func derivative(_ w: Double) -> Double {
        switch kind {
        case .square: return 2 * w
        case .quartic: return w * w * w
        case .doubleWell: return 4 * w * (w * w - 1) + 0.3
        case .pitfalls:
            let s = 1 / (1 + Double.exp(-(w - Curve1D.w0) / Curve1D.tau))
            return Curve1D.dp(Curve1D.clamp(w)) * s
        case .expression: return expression?.derivative(w) ?? .nan
        }
    }

    /// The formula in dlplot's math-label syntax.
    public var formula: String {
        switch kind {
        case .square: return "$f(w) = w^2$"
        case .quartic: return "$f(w) = w^4/4$"
        case .doubleWell: return "$f(w) = (w^2-1)^2 + 0.3w$"
        case .pitfalls: return "$f(w)$: local minimum, global minimum, plateau"
        // In w, as the figures' axes and update rule (w ← w − αf′(w)) name it: typed in x, drawn against w.
        // (x when a parameter is itself called w.)
        case .expression:
            guard let e = expression else { return "" }
            return e.formulaWithParameters(variable: e.parameters["w"] == nil ? "w" : "x")
        }
    }

    /// The x range a figure should show.
    public var viewRange: ClosedRange<Double> {
        switch kind {
        case .square: return -4...4
        case .quartic: return -2.5...2.5
        case .doubleWell: return -1.9...1.9
        case .pitfalls: return -4.5...3.6
        case .expression: return typedRange ?? -3...3
        }
    }

    /// A good start for step-size figures.
    public var suggestedStart: Double {
        switch kind {
        case .square: return 2.5
        case .quartic: return 2
        case .doubleWell: return 1.6
        case .pitfalls: return 3.2
        case .expression:
            // 80 % of the way to the end of the view where f is higher: descending from there shows the most.
            let r = viewRange, c = (r.lowerBound + r.upperBound) / 2, h = 0.4 * (r.upperBound - r.lowerBound)
            let right = value(c + h), left = value(c - h)
            let w = left.isFinite && !(right >= left) ? c - h : c + h
            // Rounded to 10⁻⁴ of the view (a power of ten): 2.4, not 2.4000000000000004.
            let scale = Double.pow(10, 4 - Double.log10(r.upperBound - r.lowerBound).rounded(.down))
            return (w * scale).rounded() / scale
        }
    }

    /// The minimisers (global first), found by Newton's method from a scan; exact for square/quartic.
    public var minima: [Double] {
        switch kind {
        case .square, .quartic: return [0]
        case .doubleWell, .pitfalls:
            return Curve1D.localMinima(of: derivative, in: viewRange).sorted { value($0) < value($1) }
        case .expression:
            // f′ changes sign across a pole or a domain edge too (log: 1/x < 0 left of 0, where f is NaN): a
            // minimum has f finite there and on both sides.
            let h = (viewRange.upperBound - viewRange.lowerBound) * 1e-6
            return Curve1D.localMinima(of: derivative, in: viewRange)
                .filter { value($0).isFinite && value($0 - h).isFinite && value($0 + h).isFinite }
                .sorted { value($0) < value($1) }
        }
    }

    /// The nearest local minimum past each end of `window` where f still falls outwards (f′ < 0 at the upper
    /// end, > 0 at the lower): the interval beyond is doubled (10…20, 20…40, …) while f keeps falling, up to
    /// 10⁸ times the window's half-width. (x − 10)² seen from [−10, 10] has its minimum at 10; x itself falls
    /// for ever and gives none.
    static func outwardMinima(of derivative: (Double) -> Double, beyond window: ClosedRange<Double>) -> [Double] {
        let half = max(1, (window.upperBound - window.lowerBound) / 2), centre = (window.upperBound + window.lowerBound) / 2
        var found: [Double] = []
        for side in [-1.0, 1.0] {
            var inner = half
            while inner < 1e8 * half {
                let edge = centre + side * inner
                // Still falling outwards at the edge (f′ NaN there ends the search: the domain stops).
                guard side * derivative(edge) < 0 else { break }
                let outer = 2 * inner
                let piece = side > 0 ? edge...(centre + outer) : (centre - outer)...edge
                if let m = localMinima(of: derivative, in: piece).min(by: { abs($0 - edge) < abs($1 - edge) }) {
                    found.append(m)
                    break
                }
                inner = outer
            }
        }
        return found
    }

    /// Where f′ changes sign from − to + in `range` (400 cells, then bisection).
    static func localMinima(of derivative: (Double) -> Double, in r: ClosedRange<Double>) -> [Double] {
        var found: [Double] = []
        let n = 400
        // Every cell, the last one too: (x − 10)² on [−10, 10] has its minimum at the upper end.
        for k in 1...n {
            let a = r.lowerBound + (r.upperBound - r.lowerBound) * Double(k - 1) / Double(n)
            let b = r.lowerBound + (r.upperBound - r.lowerBound) * Double(k) / Double(n)
            // f′ NaN at the cell's end counts as "no longer falling": a cusp's minimum (√|x| at 0, where torch's
            // f′ is NaN) is found; a NaN that is a domain edge has no finite f on both sides and is dropped by the caller.
            guard derivative(a) < 0, !(derivative(b) < 0) else { continue }
            var lo = a, hi = b
            for _ in 0..<100 { let m = (lo + hi) / 2; if derivative(m) < 0 { lo = m } else { hi = m } }
            found.append((lo + hi) / 2)
        }
        return found
    }
}
