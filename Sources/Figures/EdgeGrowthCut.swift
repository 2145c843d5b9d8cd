/// Curves that are flat lines with spikes at the ends of the view: e^{x²}, cosh 3x and x²⁰ on [−6, 6] grow so
/// fast towards both ends that, drawn to their largest values (4.3×10¹⁵, 10⁸, 3.7×10¹⁵), they and their
/// slopes lie on the zero line from −5.5 to 5.5 and the minimum at x = 0 cannot be seen. Their tails do not
/// span 50 times the rest (`RobustYLimits.trimTails`, for double exponentials): each is only a few times
/// higher than the next, so the cut is chosen by what it shows.
extension RobustYLimits {
    /// The sorted core values to keep (the rest clipped) so that the curves are seen moving over more of the
    /// view: "moving" at a sample when the curve, drawn clipped to the limits, changes by at least 1 % of the
    /// span over a twentieth of the view around it. Only when, drawn to the core's extremes, the curves move
    /// over less than 40 % of the view and nowhere in its middle 40 % (the rise is at the ends), and only
    /// when cutting gains at least a tenth of the view. Candidates cut 2 % of the values at a time from the
    /// end farther from the median; the mildest under which the curves move over the most of the view is taken.
    /// Nil when the curves are left as they are.
    static func edgeGrowthCut(xs: [Double], series: [[Double]], sorted core: [Double]) -> [Double]? {
        let n = xs.count, w = max(1, n / 20)
        // Only curves defined over the whole view: at the edge of a domain (xˣ at 0) the other rules decide.
        guard n > 2 * w, core.count >= 100, let first = xs.first, let last = xs.last,
              series.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        let mid = (first + 0.3 * (last - first))...(last - 0.3 * (last - first))
        // The share of windows in which the clipped curves move, and whether any moving window lies in the middle.
        func moving(_ lo: Double, _ hi: Double) -> (share: Double, inMiddle: Bool) {
            let span = hi - lo
            var count = 0, total = 0, inMiddle = false
            for ys in series {
                for k in 0..<(n - w) where ys[k].isFinite && ys[k + w].isFinite {
                    total += 1
                    let a = min(max(ys[k], lo), hi), b = min(max(ys[k + w], lo), hi)
                    guard abs(b - a) >= 0.01 * span else { continue }
                    count += 1
                    if mid.contains((xs[k] + xs[k + w]) / 2) { inMiddle = true }
                }
            }
            return (total > 0 ? Double(count) / Double(total) : 1, inMiddle)
        }
        guard let lo = core.first, let hi = core.last, hi > lo else { return nil }
        let start = moving(lo, hi)
        guard start.share < 0.4, !start.inMiddle else { return nil }
        var kept = core[...], best: ArraySlice<Double>?, bestShare = start.share
        while kept.count >= 100, let a = kept.first, let b = kept.last, b > a {
            let median = kept[kept.startIndex + kept.count / 2], k = max(1, kept.count / 50)
            if b - median >= median - a { kept = kept.dropLast(k) } else { kept = kept.dropFirst(k) }
            guard let l = kept.first, let h = kept.last, h > l else { break }
            let share = moving(l, h).share
            // A later cut must show clearly more (2 % of the view) to replace an earlier, milder one.
            if share > bestShare + 0.02 { (best, bestShare) = (kept, share) }
        }
        guard bestShare >= start.share + 0.1 else { return nil }
        return best.map(Array.init)
    }
}
