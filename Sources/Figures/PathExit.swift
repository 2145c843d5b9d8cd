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
