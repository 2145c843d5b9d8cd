// The ticks of a symmetric-log axis: 0 and the decades of its threshold on either side of 0, every few
// decades when there are many (as matplotlib's SymmetricalLogLocator), counted from the ends of the axis.

extension Scale {
    /// About `count` ticks of a symlog scale with threshold `c` over `lo…hi` (increasing, data units).
    ///
    /// Over a few decades: 0, ±c and every decade ±c·10ᵏ, filled in with 1-2-5 (then 1…9) multiples when
    /// fewer than five fall inside, and plain nice ticks within one magnitude on one side of 0. Over more
    /// decades than `count` ticks can each take: every s-th decade on each side (s = 2…6, 10, 20, 25, 50, …),
    /// counted from the decade nearest that end, so both ends of the axis are labelled, and 0 in place of ±c,
    /// which lies only log₁₀2 ≈ 0.3 decade from it (their labels met, and an axis from −10¹⁸ to 0 kept the
    /// single label −1).
    func symlogTicks(_ lo: Double, _ hi: Double, threshold c: Double, count: Int) -> [Double] {
        let span = transform(hi) - transform(lo)
        let stride = Self.decadeStride(span / Double(max(count, 2) - 1))
        guard stride > 1 else { return fewDecadeTicks(lo, hi, threshold: c, count: count) }
        let zero = lo <= 0 && hi >= 0
        var out: [Double] = zero ? [0] : []
        for (sign, end) in [(-1.0, -lo), (1.0, hi)] where end >= c {
            // The largest k with c·10ᵏ within the end (log10 can be off by one at an exact power).
            var top = Int(Math.log10(end / c).rounded(.down))
            while top > 0, c * Math.pow(10, Double(top)) > end { top -= 1 }
            while c * Math.pow(10, Double(top + 1)) <= end { top += 1 }
            let least = zero ? (stride + 1) / 2 : 0
            var k = top
            while k >= least {
                let v = sign * c * Math.pow(10, Double(k))
                if v >= lo && v <= hi && v.isFinite { out.append(v) }
                k -= stride
            }
        }
        return out.count >= 2 ? out.sorted() : fewDecadeTicks(lo, hi, threshold: c, count: count)
    }

    /// Every how many decades a symlog axis gets a tick when `raw` decades lie between neighbouring ticks.
    static func decadeStride(_ raw: Double) -> Int {
        guard raw > 1.01 else { return 1 }
        // A hair over a whole number (12.0000009 decades over 4 gaps, from log10(1 + 10⁶)) is that number.
        if raw <= 6 { return max(1, Int((raw - 0.01).rounded(.up))) }
        for s in [10, 20, 25, 50, 100, 200, 250, 500] where Double(s) >= raw { return s }
        return 1000
    }

    /// 0, ±c and every decade ±c·10ᵏ, filled in with finer multiples when fewer than five fall inside.
    private func fewDecadeTicks(_ lo: Double, _ hi: Double, threshold c: Double, count: Int) -> [Double] {
        var m = c
        let top = max(abs(lo), abs(hi))
        var mags: [Double] = []
        while m <= top * (1 + 1e-12) { mags.append(m); m *= 10 }
        func ticks(_ mantissas: [Double]) -> [Double] {
            var out: [Double] = lo <= 0 && hi >= 0 ? [0] : []
            for v in mags {
                for t in mantissas.map({ $0 * v }) {
                    if t >= lo && t <= hi { out.append(t) }
                    if -t >= lo && -t <= hi { out.append(-t) }
                }
            }
            return out.sorted()
        }
        var out = ticks([1])
        // Fewer than five decade ticks (f from −1 to 4 had only −1, 0, 1): 1-2-5, then every unit of each
        // decade, as a log axis over a few decades gets, so values can be read off the axis.
        if out.count < 5 {
            for mantissas: [Double] in [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
                let finer = ticks(mantissas)
                guard finer.count <= max(count, 3) + 3 else { break }
                if finer.count > out.count { out = finer }
                if out.count >= 5 { break }
            }
        }
        // A domain within one magnitude on one side of 0 (−17 … −11) holds fewer than two of these:
        // plain nice ticks there, as a log axis under a decade gets.
        if out.count < 2 { return Ticks.values(lo, hi, count: count) }
        return out
    }
}
