/// An interval of x where an activation passes (almost) no gradient.
public struct ActivationZone: Sendable, Hashable {
    /// `dead`: f′ is exactly 0 there by definition (ReLU for x ≤ 0), not by float underflow.
    /// `saturated`: a tail where |f′| < τ and stays below τ all the way to ±∞.
    public enum Kind: Sendable, Hashable { case dead, saturated }
    /// What kind of zone.
    public var kind: Kind
    /// Left end (x).
    public var lower: Double
    /// Right end (x).
    public var upper: Double

    /// The zone [lower, upper] of the given kind.
    public init(kind: Kind, lower: Double, upper: Double) {
        self.kind = kind
        self.lower = lower
        self.upper = upper
    }
}

/// Where an activation's gradient vanishes, decided from the function's known shape rather than by
/// testing f′ == 0 in float64 (σ′ underflows to 0 for |x| > 745 but is never 0):
/// - dead zones are the intervals where f′ is 0 by definition (the flat pieces of ReLU, ReLU6,
///   hardtanh, hardsigmoid, hardswish, binary step, leaky ReLU with slope 0, ELU with α = 0);
/// - saturated zones are tails on a side where |f′| → 0 as x → ±∞ (sigmoid both, GELU left, …),
///   beginning where |f′| falls below τ for good. A zero of f′ inside the range (GELU, SiLU, Swish,
///   Mish, hardswish at −1.5) is not a saturation, and a side whose slope tends to a non-zero constant
///   (leaky ReLU's 0.01) never saturates, whatever τ.
extension Activation {
    /// Whether |f′(x)| → 0 as x → −∞ (`left`) and as x → +∞ (`right`), from the closed forms.
    public var derivativeVanishes: (left: Bool, right: Bool) {
        switch function {
        case .identity, .lisht: return (false, false)
        case .binaryStep, .sigmoid, .tanh, .softsign, .hardtanh, .hardsigmoid, .relu6: return (true, true)
        case .relu, .elu, .selu, .celu, .gelu, .geluTanh, .mish, .softplus, .hardswish: return (true, false)
        case .swish(let beta): return beta > 0 ? (true, false) : (false, false)
        case .leaky(let s): return (s == 0, false)
        case .logSigmoid: return (false, true)
        case .expression(let e): return (e.shape.derivativeVanishesLeft, e.shape.derivativeVanishesRight)
        }
    }

    /// The intervals where f′ = 0 exactly (by definition), as PyTorch evaluates the ends.
    public var deadIntervals: [ClosedRange<Double>] {
        switch function {
        case .binaryStep: return [-Double.infinity...Double.infinity]
        case .relu: return [-Double.infinity...0]
        case .leaky(let s): return s == 0 ? [-Double.infinity...0] : []
        case .elu(let alpha): return alpha == 0 ? [-Double.infinity...0] : []
        case .hardtanh(let lo, let hi): return [-Double.infinity...lo, hi...Double.infinity]
        case .relu6: return [-Double.infinity...0, 6...Double.infinity]
        case .hardsigmoid: return [-Double.infinity...(-3), 3...Double.infinity]
        case .hardswish: return [-Double.infinity...(-3)]
        case .expression(let e): return e.shape.deadIntervals
        default: return []
        }
    }

    /// The dead and saturated zones inside `range` for the threshold τ on |f′| (τ ≥ 0), sorted by x.
    /// A saturated zone never overlaps a dead one: the dead part of a tail is reported as dead.
    public func zones(over range: ClosedRange<Double>, threshold tau: Double) -> [ActivationZone] {
        var out: [ActivationZone] = []
        for d in deadIntervals {
            let lo = max(d.lowerBound, range.lowerBound), hi = min(d.upperBound, range.upperBound)
            if lo < hi { out.append(ActivationZone(kind: .dead, lower: lo, upper: hi)) }
        }
        let vanishes = derivativeVanishes
        // A side that is dead out to infinity (ReLU's left) is dead, not saturated.
        let deadLeft = deadIntervals.contains { $0.lowerBound == -.infinity }
        let deadRight = deadIntervals.contains { $0.upperBound == .infinity }
        if tau > 0, vanishes.left, !deadLeft, let z = saturatedTail(range, tau: tau, side: -1, dead: out) { out.append(z) }
        if tau > 0, vanishes.right, !deadRight, let z = saturatedTail(range, tau: tau, side: 1, dead: out) { out.append(z) }
        return out.sorted { $0.lower < $1.lower }
    }

    /// The saturated tail on `side` (−1 left, +1 right) inside `range`: from the range's end inward
    /// while |f′| < τ, kept only if |f′| also stays below τ beyond the end (so the zone is a tail, not a
    /// dip), with its inner end found by bisection. Dead parts are cut away.
    private func saturatedTail(_ range: ClosedRange<Double>, tau: Double, side: Double,
                               dead: [ActivationZone]) -> ActivationZone? {
        let a = range.lowerBound, b = range.upperBound
        let end = side < 0 ? a : b
        func small(_ x: Double) -> Bool { abs(derivative(x)) < tau }
        guard small(end), staysSmallBeyond(end, side: side, span: b - a, small) else { return nil }
        let samples = 2000
        var inner = end
        var found = false
        for k in 1...samples {
            let x = end - side * (b - a) * Double(k) / Double(samples)
            if !small(x) {
                var lo = inner, hi = x
                for _ in 0..<100 {
                    let mid = (lo + hi) / 2
                    if mid == lo || mid == hi { break }
                    if small(mid) { lo = mid } else { hi = mid }
                }
                inner = (lo + hi) / 2
                found = true
                break
            }
            inner = x
        }
        if !found { inner = side < 0 ? b : a }
        var lo = min(end, inner), hi = max(end, inner)
        // Cut away the dead intervals (they are drawn as dead).
        for d in dead {
            if d.lower <= lo && d.upper > lo { lo = d.upper }
            if d.upper >= hi && d.lower < hi { hi = d.lower }
        }
        return lo < hi ? ActivationZone(kind: .saturated, lower: lo, upper: hi) : nil
    }

    /// Whether |f′| stays below τ beyond `end` (geometric steps out to |x| = 10⁶ past it).
    private func staysSmallBeyond(_ end: Double, side: Double, span: Double, _ small: (Double) -> Bool) -> Bool {
        var d = max(span, 1) / 64
        while d < 1e6 {
            // Where a formula's f′ is NaN far out (e/(1 + e) from x ≈ 710: ∞/∞) nothing is known against the tail:
            // such samples are skipped (they made a typed sigmoid saturate on one side only).
            if !small(end + side * d), !derivative(end + side * d).isNaN { return false }
            d *= 1.5
        }
        return true
    }
}

/// Where |f′| is largest and how that value is reached, for a marker and its label.
public struct SteepestSlope: Sendable, Hashable {
    /// sup |f′|.
    public var magnitude: Double
    /// Where it is reached or approached (±infinity when only approached in a tail).
    public var at: Double
    /// The signed slope there: f′(at) when attained, otherwise f′'s one-sided limit at `at`.
    public var slope: Double
    /// 0 when f′(at) itself is the maximum; −1 when it is only approached as x → at⁻ (hardswish:
    /// 1.5 as x → 3⁻, while PyTorch's f′(3) = 1); +1 for x → at⁺; 2 from both sides (|x|/(1 + |x|):
    /// f′ → −1 and 1 at 0, where PyTorch's f′(0) = 0).
    public var approach: Int
    /// The signed values a marker goes on: `[slope]`, or f′'s limits from the left and the right when
    /// `approach` is 2 (never f′(at) when that is not the maximum).
    public var markedSlopes: [Double] = []

    /// Where the marker(s) go: `markedSlopes`, or `[slope]` when those are not set.
    public var markers: [Double] { markedSlopes.isEmpty ? [slope] : markedSlopes }
}

extension Activation {
    /// `maxAbsDerivative` with the signed slope and the side it is approached from, so a marker sits
    /// on the curve drawn (at the end of the branch that reaches the maximum).
    public var steepestSlope: SteepestSlope {
        let (peak, at) = maxAbsDerivative
        guard at.isFinite, peak > 0 else {
            let far = at.isFinite ? derivative(at) : derivative(at < 0 ? -1e300 : 1e300)
            return SteepestSlope(magnitude: peak, at: at, slope: far < 0 ? -peak : peak, approach: 0)
        }
        func matches(_ d: Double) -> Bool { abs(abs(d) - peak) <= 1e-9 * peak }
        let here = derivative(at)
        if matches(here) { return SteepestSlope(magnitude: peak, at: at, slope: here, approach: 0) }
        let eps = 1e-9 * max(1, abs(at))
        let left = derivative(at - eps), right = derivative(at + eps)
        if peak.isInfinite {
            // A pole: |f′| → ∞ from the sides where f′ is huge (1/x: both; log: from the right).
            // (AD gives log′(x) = 1/x left of 0 too: only a side where f is defined counts.)
            // Large at 10⁻⁹ from it: 1/x gives 10⁹, √x only 1.6×10⁴ (its "∞ as x → 0" lacked the ⁺).
            let l = abs(left) > 1e3 && value(at - eps).isFinite, r = abs(right) > 1e3 && value(at + eps).isFinite
            return SteepestSlope(magnitude: peak, at: at, slope: (r ? right : left) < 0 ? -peak : peak, approach: l == r ? 0 : r ? 1 : -1)
        }
        // f′ beside `at` is off its limit by about f″·eps (|x|/(1 + |x|): 2×10⁻⁹, more than the match allows),
        // so a side is the branch that reaches the peak when it is nearer to it than f′(at) is.
        func off(_ d: Double) -> Double { abs(abs(d) - peak) }
        let sides = [left, right].filter { off($0) < off(here) && off($0) <= 1e-6 * peak }
        func signed(_ d: Double) -> Double { d.sign == .minus ? -peak : peak }
        if sides.count == 2 {
            return SteepestSlope(magnitude: peak, at: at, slope: signed(right), approach: 2, markedSlopes: [signed(left), signed(right)])
        }
        if let side = sides.first {
            return SteepestSlope(magnitude: peak, at: at, slope: signed(side), approach: side == left ? -1 : 1)
        }
        return SteepestSlope(magnitude: peak, at: at, slope: here, approach: 0)
    }
}
