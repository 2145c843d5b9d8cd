import Viz

/// Where a path of iterates (w, f(w)) first leaves a view box: the part to draw and the point on the box's
/// edge where it goes out. A step from inside to a point 10³⁰⁰ away, or to one whose f overflows (∞), is a
/// segment to the edge with an arrow there — not a chord across the plot to a point nobody can see, nor
/// nothing at all.
struct PathExit {
    /// The points up to the last one inside the box, then the edge point (when the path leaves).
    var shown: [Point]
    /// The index (step) of the first point outside the box after one inside it, if any.
    var step: Int?
    /// The last point inside and the edge point, for an arrow along the leaving step.
    var arrow: (from: Point, to: Point)?

    /// Cuts `points` at the first one outside `x` × `y` (or not finite) after one inside.
    init(_ points: [Point], x: Interval, y: Interval) {
        let inside = { (p: Point) in p.x.isFinite && p.y.isFinite && x.contains(p.x) && y.contains(p.y) }
        guard let first = points.firstIndex(where: inside),
              let k = points[first...].firstIndex(where: { !inside($0) }), !points[k].x.isNaN else {
            shown = points
            return
        }
        let a = points[k - 1]
        // f = ∞ (an overflow) stands for the largest double: the step goes (nearly) straight up.
        let b = Point(points[k].x, points[k].y.isNaN ? a.y : max(-Double.greatestFiniteMagnitude, min(points[k].y, .greatestFiniteMagnitude)))
        let edge = PathExit.clip(from: a, to: b, x: x, y: y)
        shown = Array(points[..<k]) + [edge]
        step = k
        arrow = (a, edge)
    }

    /// Where the segment a → b (a inside) crosses the edge of `x` × `y`.
    static func clip(from a: Point, to b: Point, x: Interval, y: Interval) -> Point {
        var t = 1.0
        // Halved so that b − a cannot overflow between two doubles of opposite signs near the limit.
        let d = Point(b.x / 2 - a.x / 2, b.y / 2 - a.y / 2)
        if d.x > 0 { t = min(t, (x.upper - a.x) / 2 / d.x) }
        if d.x < 0 { t = min(t, (x.lower - a.x) / 2 / d.x) }
        if d.y > 0 { t = min(t, (y.upper - a.y) / 2 / d.y) }
        if d.y < 0 { t = min(t, (y.lower - a.y) / 2 / d.y) }
        let t2 = max(0, t) * 2
        let p = Point(a.x + d.x * t2, a.y + d.y * t2)
        return Point(min(max(p.x, x.lower), x.upper), min(max(p.y, y.lower), y.upper))
    }
}

extension PathExit {
    /// A label at the arrow's tip saying where the leaving step landed, when the arrow cannot show it: a
    /// step to a w beyond the side of the view whose chord leaves through the top or bottom edge. That
    /// chord is near vertical because it is (x⁴ − x² from 2.4 to −25.4 rises 4.1×10⁵ over Δw = −27.8: in a
    /// view 75 high and 6 wide it leaves the top 0.003 left of w₀), so the label gives the direction and
    /// the landing: "← w₁ = −25.4, f = 4.1×10⁵". nil when the arrow already points where the step went
    /// (it crosses 2 % of the view's width or more, or leaves through a side).
    func landingLabel(_ points: [Point], x: Interval, y: Interval, color: Color, font: Font) -> TextMark? {
        guard let k = step, let (from, edge) = arrow, points.indices.contains(k) else { return nil }
        let to = points[k]
        // Near vertical: the arrow crosses under 2 % of the view's width (a chord that visibly heads left needs no label).
        guard to.x.isFinite, !x.contains(to.x), edge.y >= y.upper || edge.y <= y.lower,
              abs(edge.x - from.x) < 0.02 * (x.upper - x.lower) else { return nil }
        let left = to.x < x.lower, top = edge.y >= y.upper
        let f = to.y.isFinite ? "$f$ = " + TickFormat.short(to.y, significant: 2) : "$f$ overflows"
        let text = (left ? "← " : "") + "$w_{\(k)}$ = " + TickFormat.short(to.x, significant: 3) + ", " + f + (left ? "" : " →")
        var mark = TextMark(text, at: edge, anchor: TextAnchor(left ? 1 : 0, top ? .top : .bottom),
                            offset: Point(left ? -14 : 14, top ? -4 : 4), color: color, font: font)
        mark.textKind = .annotation
        return mark
    }
}
