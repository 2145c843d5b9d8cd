import RealModule

/// y limits that show the shape of curves with poles or enormous values, instead of letting the few
/// samples next to a pole (1/x near 0) or at the far end of a double exponential (exp(exp(x)) reaches
/// 10¹⁷⁵ at x = 6) set the scale and flatten everything else.
///
/// The curves are sampled on a uniform grid and cut into branches at the poles and where they are
/// undefined. The samples within 5 % of the view of a pole (less where poles are close together: 15 %
/// of the gap to the next) are left out; what remains is the core. A tail of the core that grows far
/// faster than the rest (the top 10 % of the samples spanning over 50 times what the other 90 % span)
/// is cut off, repeatedly, so a double exponential is shown over the part of the view where its rise
/// can be seen. Last, wherever a curve runs into a pole the limits are stretched towards it by the
/// core's span (not further than the curve goes), so every branch is seen leaving the view towards its
/// pole, however short (x/(3(2x + 1)) falls from 0 to −∞ between 0 and −0.5, all of it inside the
/// margin of its pole, and was lost when the margin was only left out).
/// A curve whose lowest or highest point such a tail hides (x^x's minimum at 1/e) is cut where that
/// point shows (`extremumCut`); curves that are flat lines with spikes at the view's ends (e^{x²}) are cut where
/// they are seen moving over more of the view (`edgeGrowthCut`). The result is padded by 5 % as automatic limits are. Values beyond it are clipped by the plot frame;
/// `clipped` says whether any drawn value lies outside, so a figure can mark where.
public struct RobustYLimits: Sendable, Equatable {
    /// The lower and upper limit (padded).
    public var lower: Double
    public var upper: Double
    /// The unpadded limits: the largest and smallest values drawn inside the view.
    public var shownLower: Double
    public var shownUpper: Double
    /// The core's limits: the values away from the poles (after cutting a fast-growing tail), before
    /// stretching towards the poles; what small multiples sharing one axis agree on.
    public var coreLower: Double
    public var coreUpper: Double
    /// Whether some finite drawn value lies outside [shownLower, shownUpper].
    public var clipped: Bool
    /// Whether a fast-growing tail was cut off (not only the values next to a pole).
    public var trimmed: Bool

    /// The limits for `series` (each one curve's values at `xs`, a uniform grid; NaN or ±∞ where it is
    /// undefined) with poles at `poles` (x). Nil when no value is finite.
    public init?(xs: [Double], series: [[Double]], poles: [Double]) {
        guard xs.count > 2, let first = xs.first, let last = xs.last, last > first else { return nil }
        let h = (last - first) / Double(xs.count - 1)
        var core: [Double] = [], everything: [Double] = []
        var towards: [Double] = []  // each curve's last sample before a pole
        // Left out around each pole: 5 % of the view, or less where poles are close (tan's every π).
        let radius = poles.map { p in
            min(0.05 * (last - first), 0.15 * (poles.filter { $0 != p }.map { abs($0 - p) }.min() ?? .infinity))
        }
        let nearPole = { (x: Double) in poles.contains { abs($0 - x) <= 3 * h } }
        for ys in series {
            for branch in Self.branches(xs: xs, ys: ys, poles: poles, step: h) {
                if nearPole(xs[branch.lowerBound]) { towards.append(ys[branch.lowerBound]) }
                if nearPole(xs[branch.upperBound]) { towards.append(ys[branch.upperBound]) }
                for k in branch {
                    everything.append(ys[k])
                    if zip(poles, radius).allSatisfy({ abs($0.0 - xs[k]) >= $0.1 }) { core.append(ys[k]) }
                }
            }
        }
        if core.isEmpty { core = everything }
        guard !core.isEmpty else { return nil }
        core.sort()
        trimmed = Self.trimTails(&core)
        if poles.isEmpty, let cut = Self.edgeGrowthCut(xs: xs, series: series, sorted: core) { (core, trimmed) = (cut, true) }
        guard var lo = core.first, var hi = core.last else { return nil }
        let span = hi > lo ? hi - lo : max(1, abs(lo)) * 0.5
        let (coreLo, coreHi) = (lo, hi)
        (coreLower, coreUpper) = (lo, hi)
        for v in towards {
            if v > coreHi { hi = max(hi, min(v, coreHi + span)) }
            if v < coreLo { lo = min(lo, max(v, coreLo - span)) }
        }
        if let cut = Self.extremumCut(xs: xs, series: series, poles: poles, step: h) {
            if cut.sign > 0, hi > cut.level, cut.level - lo <= 0.1 * (hi - lo) {
                (hi, coreUpper, trimmed) = (cut.level, min(coreUpper, cut.level), true)
            } else if cut.sign < 0, lo < cut.level, hi - cut.level <= 0.1 * (hi - lo) {
                (lo, coreLower, trimmed) = (cut.level, max(coreLower, cut.level), true)
            }
        }
        shownLower = lo
        shownUpper = hi
        clipped = everything.contains { $0 < lo || $0 > hi }
        // Halves and twentieths taken before subtracting, so limits near ±1.8×10³⁰⁸ do not overflow.
        let pad = hi > lo ? 0.05 * hi - 0.05 * lo : max(1, abs(lo)) * 0.5
        lower = Swift.max(lo - pad, -Double.greatestFiniteMagnitude)
        upper = Swift.min(hi + pad, Double.greatestFiniteMagnitude)
    }

    /// The limits for a log axis: those of log₁₀ of the positive values, mapped back (padding included,
    /// so it is 5 % of the decades shown). Values ≤ 0 cannot be drawn on a log axis and are left out, as
    /// a log axis leaves them out; a double exponential (10¹⁷⁵ at x = 6) is a straight-ish rise there,
    /// not a tail to cut. Nil when no value is positive and finite.
    public init?(logOf xs: [Double], series: [[Double]], poles: [Double]) {
        let logs = series.map { ys in ys.map { $0 > 0 ? Double.log10($0) : Double.nan } }
        guard let fit = RobustYLimits(xs: xs, series: logs, poles: poles) else { return nil }
        func up(_ v: Double) -> Double { Swift.min(Swift.max(Double.pow(10, v), Double.leastNormalMagnitude), Double.greatestFiniteMagnitude) }
        (lower, upper) = (up(fit.lower), up(fit.upper))
        (shownLower, shownUpper) = (up(fit.shownLower), up(fit.shownUpper))
        (coreLower, coreUpper) = (up(fit.coreLower), up(fit.coreUpper))
        clipped = fit.clipped
        trimmed = fit.trimmed
    }

    /// The limits for the curve f on `view` (1201 uniform samples) with poles at `poles`.
    public static func curve(_ f: (Double) -> Double, over view: ClosedRange<Double>, poles: [Double]) -> RobustYLimits? {
        let xs = (0...1200).map { view.lowerBound + (view.upperBound - view.lowerBound) * Double($0) / 1200 }
        return RobustYLimits(xs: xs, series: [xs.map(f)], poles: poles)
    }

    /// These limits widened to show `value`.
    public func including(_ value: Double) -> RobustYLimits {
        var out = self
        out.shownLower = min(shownLower, value)
        out.shownUpper = max(shownUpper, value)
        let pad = out.shownUpper > out.shownLower ? 0.05 * out.shownUpper - 0.05 * out.shownLower : max(1, abs(value)) * 0.5
        out.lower = Swift.max(out.shownLower - pad, -Double.greatestFiniteMagnitude)
        out.upper = Swift.min(out.shownUpper + pad, Double.greatestFiniteMagnitude)
        return out
    }

    /// The index ranges where `ys` is finite with no pole between neighbouring samples.
    static func branches(xs: [Double], ys: [Double], poles: [Double], step h: Double) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var start: Int?
        for k in xs.indices {
            let finite = ys[k].isFinite
            let cut = k > 0 && poles.contains { $0 > xs[k - 1] - 1e-9 * h && $0 < xs[k] + 1e-9 * h }
            if let s = start, !finite || cut {
                out.append(s...(k - 1))
                start = nil
            }
            if finite, start == nil { start = k }
        }
        if let s = start { out.append(s...(xs.count - 1)) }
        return out
    }

    /// Cuts off, from sorted `values`, a top (or bottom) 10 % that spans more than 50 times the rest,
    /// as long as one does and the values left reach magnitude 1; true when something was cut.
    static func trimTails(_ values: inout [Double]) -> Bool {
        var cut = false
        for _ in 0..<40 {
            let n = values.count
            guard n >= 20, let lo = values.first, let hi = values.last else { break }
            let q90 = values[Int(0.9 * Double(n - 1))], q10 = values[Int(0.1 * Double(n - 1))]
            // Only a tail beyond values of order 1 is cut: eˣ on [−710, 10] is 10⁻³⁰⁸ … 22026, and cutting its
            // top would zoom the axis onto 10⁻²⁹³ (float underflow), not onto a rise worth seeing.
            if q90 > lo, abs(q90) >= 1, hi - q90 > 50 * (q90 - lo) {
                values.removeLast(n - 1 - Int(0.9 * Double(n - 1)))
            } else if hi > q10, abs(q10) >= 1, q10 - lo > 50 * (hi - q10) {
                values.removeFirst(Int(0.1 * Double(n - 1)))
            } else {
                break
            }
            cut = true
        }
        return cut
    }
}
