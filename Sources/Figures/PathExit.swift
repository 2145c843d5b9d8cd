import Viz

/// A path of iterates (w, f(w)) in a view box, by the paths' one clipping rule (`ClippedPath`): every piece
/// inside the box is drawn; where it leaves, a segment to the edge with an arrow there (a step to a point
/// 10³⁰⁰ away, or to one whose f overflows (∞), is not a chord across the plot to a point nobody can see);
/// where it comes back, a segment from the edge. A step between two points outside is not drawn.
struct PathExit {
    /// The drawn pieces joined, a NaN point between two pieces (a line breaks there).
    var shown: [Point] = []
    /// The step each point of `shown` belongs to (an edge point: the step it leads to), for animations.
    var times: [Double] = []
    /// The iterates inside the box, with their steps.
    var iterates: [(step: Int, at: Point)] = []
    /// The index (step) of the first point outside the box after one inside it, if any.
    var step: Int?
    /// The last point inside and the edge point, for an arrow along the first leaving step.
    var arrow: (from: Point, to: Point)?
    /// Every leaving step: its index, the last point inside and the edge point.
    var exits: [(step: Int, from: Point, to: Point)] = []
    /// Every step back into the box: its index and the edge point where it comes in.
    var entries: [(step: Int, at: Point)] = []
    /// The times the path is outside the box after it was first in it.
    var excursions = ViewExcursions(steps: [], inside: [])

    /// Clips `points` to `x` × `y` (unbounded intervals: no clipping). f undefined (NaN) at a finite w stands
    /// for a step level with the one before; f = ±∞ is a step straight up (or down).
    init(_ points: [Point], x: Interval, y: Interval) {
        guard x.isFinite, y.isFinite else {
            shown = points
            times = points.indices.map(Double.init)
            iterates = points.enumerated().map { ($0.offset, $0.element) }
            return
        }
        var pts = points
        for k in pts.indices.dropFirst() where pts[k].y.isNaN && !pts[k].x.isNaN { pts[k].y = pts[k - 1].y }
        let clipped = ClippedPath(pts, in: Rect(x: x.lower, y: y.lower, width: x.upper - x.lower, height: y.upper - y.lower))
        for piece in clipped.pieces {
            if !shown.isEmpty { shown.append(Point(.nan, .nan)); times.append(Double(piece.entry ?? 0)) }
            let first = piece.entry ?? 0
            let edges = (piece.entry != nil ? 1 : 0) + (piece.exit != nil ? 1 : 0)
            let inner = Array(first..<(first + piece.points.count - edges))
            if let k = piece.entry, let at = piece.points.first {
                entries.append((k, at)); shown.append(at); times.append(Double(k))
            }
            for k in inner {
                iterates.append((k, pts[k])); shown.append(pts[k]); times.append(Double(k))
            }
            if let k = piece.exit, let to = piece.points.last, let from = inner.last.map({ pts[$0] }) ?? piece.points.first {
                exits.append((k, from, to)); shown.append(to); times.append(Double(k))
            }
        }
        step = exits.first?.step
        arrow = exits.first.map { ($0.from, $0.to) }
        let inside = pts.map { $0.isFinite && x.contains($0.x) && y.contains($0.y) }
        excursions = ViewExcursions(steps: Array(pts.indices), inside: inside)
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
        // Beside the arrow on the side with more of the view: on the other, a label pulled back inside the
        // panel would lie across the arrow (the arrow's glyph still says where w went).
        let onLeft = edge.x - x.lower > x.upper - edge.x
        var mark = TextMark(text, at: edge, anchor: TextAnchor(onLeft ? 1 : 0, top ? .top : .bottom),
                            offset: Point(onLeft ? -14 : 14, top ? -4 : 4), color: color, font: font)
        mark.textKind = .annotation
        return mark
    }
}
