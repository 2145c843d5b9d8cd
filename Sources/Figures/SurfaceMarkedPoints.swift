import Optim
import Viz

/// Which critical points a surface's plane marks: a typed surface may have hundreds (sin 10x · sin 10y has
/// 180 minima and 360 saddles on [−3, 3]²), and a star on each buries the colours and the runs. At most
/// `markedLimit` of each kind are marked; the rest are counted in one footnote.
extension SurfaceFigure {
    /// At most this many global minima, and this many saddles, are marked.
    static let markedLimit = 4

    /// The global minima in view marked with a star: all of them when they are few; otherwise the one nearest
    /// where each run ends (up to `markedLimit`), or without runs the `markedLimit` nearest the view's centre.
    var markedMinima: [Point2] {
        let inView = surface.minima.filter { plan.inView($0.x, $0.y) }
        guard inView.count > Self.markedLimit else { return inView }
        var chosen: [Point2] = []
        let ends = runs.compactMap { $0.points.last(where: \.isFinite) }
        for end in ends {
            if let m = inView.filter({ m in !chosen.contains(m) }).min(by: { distance($0, end) < distance($1, end) }),
               chosen.count < Self.markedLimit { chosen.append(m) }
        }
        guard chosen.isEmpty else { return chosen }
        let centre = Point((plan.x.lower + plan.x.upper) / 2, (plan.y.lower + plan.y.upper) / 2)
        return Array(inView.sorted { distance($0, centre) < distance($1, centre) }.prefix(Self.markedLimit))
    }

    /// The saddles in view marked: all of them when they are few, none when they are many (a lattice of crossed
    /// diamonds hides the surface; the footnote counts them).
    var markedSaddles: [Point2] {
        let inView = surface.saddles.filter { plan.inView($0.x, $0.y) }
        return inView.count > Self.markedLimit ? [] : inView
    }

    /// "176 more minima (f = −1) and 338 saddles in the view, not marked" when some are left unmarked; nil otherwise.
    var unmarkedNote: String? {
        let minima = surface.minima.filter { plan.inView($0.x, $0.y) }.count - markedMinima.count
        let saddles = surface.saddles.filter { plan.inView($0.x, $0.y) }.count - markedSaddles.count
        var parts: [String] = []
        if minima > 0, let m = surface.minima.first {
            let f = TickFormat.short(surface.value(m.x, m.y), significant: 3)
            parts.append("\(minima) more minima (\(isDataset ? "L" : "f") = \(f))")
        }
        if saddles > 0 { parts.append("\(saddles) saddle" + (saddles == 1 ? "" : "s")) }
        return parts.isEmpty ? nil : parts.joined(separator: " and ") + " in the view, not marked"
    }

    /// "(1, 1)": where minimum `m` lies, each coordinate to three significant digits, written 0 only where f at
    /// the point so written is no higher than at `m` (round-off: −3.1×10⁻²⁰ beside −1.31). A coordinate small
    /// beside the view is no round-off by itself: over ±10⁶ Rosenbrock's minimum (1, 1) read "min (0, 0)",
    /// a point where f = 1, and Beale's (3, 0.5) read "(3, 0)".
    func minimumCoordinates(_ m: Point2) -> String {
        let f0 = surface.value(m.x, m.y)
        func noHigher(_ x: Double, _ y: Double) -> Bool {
            let f = surface.value(x, y)
            return f <= f0 + 1e-12 * max(abs(f0), abs(f)) || (f.isNaN && f0.isNaN)
        }
        func tiny(_ v: Double, _ span: Double) -> Bool { v != 0 && abs(v) < 1e-6 * (span.isFinite && span > 0 ? span : 1) }
        var x = m.x, y = m.y
        if tiny(x, plan.x.span), noHigher(0, y) { x = 0 }
        if tiny(y, plan.y.span), noHigher(x, 0) { y = 0 }
        return "(" + TickFormat.short(x, significant: 3) + ", " + TickFormat.short(y, significant: 3) + ")"
    }

    /// The curves along which f takes its minimum, drawn as a white line edged dark (the stars' colours).
    func minimumCurveMarks(theme: Theme) -> [any Mark] {
        surface.minimumCurves.flatMap { c -> [any Mark] in
            let points = c.points.map { Point($0.x, $0.y) }
            return [LineMark(points: points, style: StrokeStyle(color: theme.outlineColor, width: 3.6, cap: .round), zOrder: 2.5),
                    LineMark(points: points, style: StrokeStyle(color: theme.markerFillColor, width: 1.8, cap: .round), zOrder: 2.51)]
        }
    }

    /// "the minimum is no point but a curve: f = 0 along the white line", or for several curves (arcs of the
    /// circles of sin(x² + y²), cut by the view, are not counted) "the minima are no points but curves: …"; nil
    /// without curves.
    var minimumCurveNote: String? {
        let n = surface.minimumCurves.count
        guard n > 0 else { return nil }
        let value = TickFormat.short(surface.minimumValue ?? surface.minimumCurves[0].value, significant: 3)
        return (n == 1 ? "the minimum is no point but a curve" : "the minima are no points but curves")
            + ": f = \(value) along the white line" + (n == 1 ? "" : "s")
    }

    private func distance(_ p: Point2, _ q: Point) -> Double { (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) }
}
