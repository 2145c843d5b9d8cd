import Optim
import Viz

/// What a comic strip of steps says about a run that blows up: a step that overflows float64, f growing
/// at every step, panels zoomed to scales powers of ten apart.
extension StepsFigure {
    /// "diverges: f grows at every step (10.25 → 3.3×10¹¹ by step 4); each panel has its own scale",
    /// "f grows at every step (10.25 → 21.9 by step 4)" (grown less than tenfold),
    /// "diverges: step 2 overflows float64 (x, y → −∞)", "diverges: f overflows float64 from step 1", or nil
    /// when the run does not blow up. f grows at
    /// every step when each step ends higher than it started and the last f is at least 10 times the first.
    func divergenceNote(_ all: [Step], shown: [Step]) -> String? {
        var clauses: [String] = []
        if let bad = all.first(where: { !($0.to.x.isFinite && $0.to.y.isFinite) }) {
            clauses.append("diverges: step \(bad.index) overflows float64 (\(Self.infinity(bad.to)))")
        } else if let bad = all.first(where: { !surface.value($0.to.x, $0.to.y).isFinite }),
                  surface.value(start.x, start.y).isFinite {
            clauses.append("diverges: f overflows float64 from step \(bad.index)")
        } else if let first = all.first, let last = all.last {
            let f0 = surface.value(first.from.x, first.from.y), fn = surface.value(last.to.x, last.to.y)
            let rising = all.allSatisfy { surface.value($0.to.x, $0.to.y) > surface.value($0.from.x, $0.from.y) }
            // Said whenever it is so (lr 1.05 on the bowl grew 2.1 times in four steps and was not said);
            // "diverges" only once f has grown tenfold.
            if rising, fn > f0 {
                let grows = "f grows at every step (\(TickFormat.short(f0)) → \(TickFormat.short(fn)) by step \(last.index))"
                clauses.append(!fn.isFinite || fn >= 10 * abs(f0) ? "diverges: " + grows : grows)
            }
        }
        if zoomsDiffer(shown) { clauses.append("each panel has its own scale") }
        return clauses.isEmpty ? nil : clauses.joined(separator: "; ")
    }

    /// True when the panels' views differ in width by more than ten times (a run blowing up, or
    /// settling): the axes of each panel then need their own labels.
    func zoomsDiffer(_ shown: [Step]) -> Bool {
        let reaches = shown.map { s in (s.to - s.from).length }.filter { $0.isFinite && $0 > 0 }
        guard let lo = reaches.min(), let hi = reaches.max() else { return false }
        return hi > 10 * lo
    }

    /// "x → ∞", "y → −∞", "x, y → −∞", "x → ∞, y → −∞", "x → NaN": the coordinates of `p` that left the doubles.
    static func infinity(_ p: Point) -> String {
        func end(_ v: Double) -> String { v.isNaN ? "NaN" : v > 0 ? "∞" : TickFormat.minus + "∞" }
        let bad = [("x", p.x), ("y", p.y)].filter { !$0.1.isFinite }
        if bad.count == 2, end(p.x) == end(p.y) { return "x, y → " + end(p.x) }
        return bad.map { $0.0 + " → " + end($0.1) }.joined(separator: ", ")
    }

    /// A unit vector along `v` whose coordinates may be ±∞: the infinite ones give the direction (a NaN
    /// or finite one counts 0); a finite `v` is normalised as it is.
    static func direction(_ v: Point) -> Point {
        if v.x.isFinite, v.y.isFinite { return v.length > 0 ? v * (1 / v.length) : Point(1, 0) }
        func part(_ c: Double) -> Double { c.isInfinite ? (c > 0 ? 1 : -1) : 0 }
        let d = Point(part(v.x), part(v.y))
        return d.length > 0 ? d * (1 / d.length) : Point(1, 0)
    }
}
