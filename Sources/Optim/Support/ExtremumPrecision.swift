import RealModule

/// Where a numerically found extremum lies, to the precision its values support.
///
/// A golden-section search on a smooth peak stops where the values of g differ only by rounding:
/// g(x) ≈ g(x*) − ½|g″|(x − x*)² cannot tell x* from x* ± √(2ε|g|/|g″|), so the point it returns is
/// x* plus noise (e/(1 + e)′ peaks at "x = −1.37×10⁻⁹", which is 0). These functions widen the
/// search's answer to the interval where g stays within a relative `tolerance` of its peak and
/// report the simplest decimal in it (0 when 0 is inside), so a claim "max at x = …" prints no
/// noise digits and is true to that tolerance.
public enum ExtremumPrecision {
    /// The default relative tolerance: far above float64 rounding of a derivative (≈ 10⁻¹⁶) and far
    /// below the four significant digits a figure prints.
    public static let tolerance = 1e-10

    /// The simplest decimal near `at`, a maximiser of g found to within `reach` (the half-width of
    /// the bracket the search started from), at which g is still within `tolerance` of g(at)
    /// (relative to |g(at)|, or to g's fall over the bracket when g(at) is 0). Minimisers: pass −g.
    public static func snap(_ g: (Double) -> Double, maximiserAt at: Double, reach: Double,
                            tolerance: Double = ExtremumPrecision.tolerance) -> Double {
        let peak = g(at)
        guard at.isFinite, peak.isFinite, reach > 0, reach.isFinite else { return at }
        let fall = max(abs(peak - g(at - reach)), abs(peak - g(at + reach))).finiteOr(0)
        let slack = tolerance * max(abs(peak), fall)
        guard slack > 0 else { return at }
        let target = peak - slack
        // The farthest point on each side, within `reach`, where g is still at least `target`
        // (bisection on the offset: g falls away from the peak on each side of a smooth maximum).
        func width(_ side: Double) -> Double {
            if g(at + side * reach) >= target { return reach }
            var inside = 0.0, outside = reach
            for _ in 0..<64 {
                let mid = (inside + outside) / 2
                if g(at + side * mid) >= target { inside = mid } else { outside = mid }
            }
            return inside
        }
        return simplestDecimal(in: (at - width(-1))...(at + width(1)), near: at)
    }

    /// The decimal with the fewest significant digits in `range` (0 when the range holds it), the
    /// one nearest `near` among those; `near` itself when no shorter one is inside.
    public static func simplestDecimal(in range: ClosedRange<Double>, near: Double) -> Double {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        guard lo.isFinite, hi.isFinite, range.contains(near) else { return near }
        if lo <= 0 && hi >= 0 { return 0 }
        guard hi > lo else { return near }
        let magnitude = max(abs(lo), abs(hi))
        var p = Int(Double.log10(magnitude).rounded(.up))
        let finest = Int(Double.log10(hi - lo).rounded(.down)) - 1
        while p >= max(finest, -320) {
            // 10^p exactly for p ≥ 0; for p < 0 divide by 10^−p, so 3 × 10⁻¹ is 0.3 and not 0.30000000000000004.
            let c = p >= 0 ? (near / Double.pow(10, Double(p))).rounded() * Double.pow(10, Double(p))
                           : (near * Double.pow(10, Double(-p))).rounded() / Double.pow(10, Double(-p))
            if c.isFinite && range.contains(c) { return c }
            p -= 1
        }
        return near
    }
}

private extension Double {
    func finiteOr(_ fallback: Double) -> Double { isFinite ? self : fallback }
}
