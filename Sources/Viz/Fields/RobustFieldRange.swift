/// A colour (or height) range for a field that a few extreme cells would otherwise take over: a pole
/// (1/(x² + y²)) or a double exponential (exp(exp(x + y))) puts almost every cell in the bottom level.
///
/// The rule works on up to ~16k sorted finite values (`ContourLevels.sortedSample`) in the scale the
/// colours use (linear, or log10 of `z − offset`). A top quantile `q(p)` is *dominated* when the top 1 %
/// of the values at or below it take more than 3/4 of the scale: `t(q(p)) − t(lo) > 4 (t(q(0.99 p)) − t(lo))`.
/// The upper limit is the largest of `q(1) = max, q(0.99), q(0.98), q(0.95), q(0.9), q(0.8)` that is not
/// dominated (the 80th percentile when all are). On a log scale the limit is also at most 10⁷ times the
/// 1st percentile of `z − offset` (the deepest span `ContourLevels` spaces log levels over), unless the values'
/// bulk spreads over more decades (`ContourLevels.spreadsBeyondLogSpan`). The lower limit
/// is the same rule on −z in the linear scale. This is matplotlib's `vmin`/`vmax` from percentiles (as in
/// `imshow(..., vmin=np.percentile(z, 1))`), chosen automatically only when the extremes would hide the rest.
/// When neither end is dominated but both are heavy tails around the median (`heavyTails`), the limits are
/// the 2nd and 98th percentiles.
public enum RobustFieldRange {
    /// The limits to clip `field` to, each nil when that end is not clipped; nil when neither is.
    /// - Parameter logScale: whether colours are log-spaced (nil: decide as `ContourLevels` `.auto` does).
    public static func limits(for field: ScalarField, logScale: Bool?) -> (lower: Double?, upper: Double?)? {
        let s = ContourLevels.sortedSample(field)
        guard s.count >= 100, let range = field.finiteRange, range.upper > range.lower else { return nil }
        let lower = undominated(s.reversed().map { -$0 }).map { -$0 }
        if lower == nil, logScale != true, let both = heavyTails(s) { return both }
        let kept = lower.map { c in s.filter { $0 >= c } } ?? s
        let log = logScale ?? ContourLevels.spansDecades(kept, range: Interval(kept[0], kept[kept.count - 1]))
        var upper: Double?
        if log {
            let offset = kept[0] > 0 ? 0 : kept[0]
            let positive = kept.map { $0 - offset }.filter { $0 > 0 }
            guard positive.count >= 100 else { return lower.map { ($0, nil) } }
            let floor = positive[positive.count / 100]
            if let c = undominated(positive.map { Math.log10(max($0, floor)) }) { upper = offset + Math.exp10(c) }
            // A field whose bulk spans more decades than that keeps them, as its levels do (`ContourLevels.lowQuantile`):
            // e^{10x} spreads evenly over 26 decades, and a cap at 10⁷ times its lowest values hatched 73 % of the view.
            let cap = offset + floor * 1e7
            if !ContourLevels.spreadsBeyondLogSpan(positive), (upper ?? kept[kept.count - 1]) > cap { upper = cap }
        } else {
            upper = undominated(kept)
        }
        if lower == nil && upper == nil { return nil }
        return (lower, upper)
    }

    /// The 2nd and 98th percentiles (xarray's and seaborn's `robust=True`) when both ends of sorted `v` are
    /// heavy tails around its median m: `max − q(0.98) > q(0.98) − m` and `q(0.02) − min > m − q(0.02)`. A line
    /// of poles with both signs (1/(x − y): ±50 on the grid, but 96 % of the cells within ±8.3) passes the
    /// one-sided rule, as each end's extreme is measured from the other's; nil otherwise.
    static func heavyTails(_ v: [Double]) -> (lower: Double?, upper: Double?)? {
        guard let lo = v.first, let hi = v.last else { return nil }
        func q(_ p: Double) -> Double { v[min(v.count - 1, Int((p * Double(v.count - 1)).rounded()))] }
        let m = q(0.5), top = q(0.98), bottom = q(0.02)
        guard top > m, bottom < m, hi - top > top - m, bottom - lo > m - bottom else { return nil }
        return (bottom, top)
    }

    /// The largest undominated top quantile of increasing `v` (see the type), nil when the maximum is.
    static func undominated(_ v: [Double]) -> Double? {
        guard let lo = v.first else { return nil }
        func q(_ p: Double) -> Double { v[min(v.count - 1, Int((p * Double(v.count - 1)).rounded()))] }
        for p in [1.0, 0.99, 0.98, 0.95, 0.9, 0.8] {
            let c = q(p)
            // A plateau at the minimum (most cells equal) says nothing about the top: keep the whole range.
            guard c > lo else { return nil }
            if c - lo <= 4 * (q(0.99 * p) - lo) { return p == 1 ? nil : c }
        }
        return q(0.8)
    }
}
