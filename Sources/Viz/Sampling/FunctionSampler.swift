// Sampling: sampling y = f(x) for drawing, with kinks, jumps and fast oscillation kept honest.

/// Samples y = f(x) for plotting so that kinks stay sharp and jumps stay jumps.
///
/// A uniform grid is seeded with the known breakpoints (kinks are evaluated exactly; a jump gets a
/// point just left and just right of it with a NaN break between, and the value at the jump itself is
/// left out: which side it belongs to is the caller's to show, with end dots). Intervals are then bisected where the
/// midpoint leaves the chord by more than `tolerance` of the y range (curvature-driven refinement, after
/// PlotUtils' adapted_grid), up to `maxDepth` times. Non-finite values become NaN breaks.
public struct FunctionSampler: Sendable {
    /// Points of the uniform starting grid (at least 3).
    public var initialPoints: Int
    /// How many times an interval may be halved.
    public var maxDepth: Int
    /// Allowed deviation from the chord, as a fraction of the sampled y range.
    public var tolerance: Double

    /// A sampler with these settings (at least 3 initial points, depth ≥ 0).
    public init(initialPoints: Int = 241, maxDepth: Int = 8, tolerance: Double = 2e-4) {
        self.initialPoints = max(3, initialPoints); self.maxDepth = max(0, maxDepth); self.tolerance = tolerance
    }

    /// Points of f over `range`, with exact kinks and NaN breaks at `jumps`.
    public func sample(_ range: ClosedRange<Double>, kinks: [Double] = [], jumps: [Double] = [],
                       _ f: (Double) -> Double) -> [Point] {
        let a = range.lowerBound, b = range.upperBound
        guard a < b, a.isFinite, b.isFinite else { return [] }
        let span = b - a
        let eps = span * 1e-9
        let inside = { (v: Double) in v > a && v < b }
        let cuts = jumps.filter(inside).sorted()
        var xs = (0..<initialPoints).map { a + span * Double($0) / Double(initialPoints - 1) }
        xs = xs.filter { x in !cuts.contains { abs($0 - x) <= eps } }
        xs += kinks.filter(inside).filter { k in !cuts.contains(k) }
        xs += cuts.flatMap { [$0 - eps, $0 + eps] }
        xs.sort()
        var pts: [Point] = []
        pts.reserveCapacity(xs.count * 2)
        for x in xs where pts.last?.x != x { pts.append(Point(x, f(x))) }

        // The y range of the finite samples sets the tolerance.
        let finite = pts.map(\.y).filter(\.isFinite)
        let yr = (finite.max() ?? 1) - (finite.min() ?? 0)
        let tol = tolerance * (yr > 0 ? yr : 1)

        // Refine each interval that does not straddle a jump.
        var out: [Point] = [pts[0]]
        var jumpIndex = 0
        for k in 1..<pts.count {
            let p = pts[k - 1], q = pts[k]
            while jumpIndex < cuts.count && cuts[jumpIndex] < p.x { jumpIndex += 1 }
            let straddles = jumpIndex < cuts.count && p.x < cuts[jumpIndex] && q.x > cuts[jumpIndex]
            if straddles {
                out.append(Point(.nan, .nan))
                out.append(q)
                continue
            }
            refine(p, q, depth: 0, tol: tol, f: f, into: &out)
            out.append(q)
        }
        return out.map { $0.y.isFinite ? $0 : Point($0.x, .nan) }
    }

    private func refine(_ p: Point, _ q: Point, depth: Int, tol: Double, f: (Double) -> Double, into out: inout [Point]) {
        guard depth < maxDepth else { return }
        let mx = (p.x + q.x) / 2
        let m = Point(mx, f(mx))
        let needs: Bool
        if !p.y.isFinite || !q.y.isFinite || !m.y.isFinite {
            needs = p.y.isFinite != q.y.isFinite || p.y.isFinite != m.y.isFinite
        } else {
            needs = abs(m.y - (p.y + q.y) / 2) > tol
        }
        guard needs else { return }
        refine(p, m, depth: depth + 1, tol: tol, f: f, into: &out)
        out.append(m)
        refine(m, q, depth: depth + 1, tol: tol, f: f, into: &out)
    }
}
