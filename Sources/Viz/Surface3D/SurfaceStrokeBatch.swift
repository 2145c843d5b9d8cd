/// Joins the short visible pieces of the paths on a 3-D surface into polylines, keeping what the painter's
/// algorithm shows.
///
/// A path is cut into pieces of half a face so that each piece sorts among the faces; drawn one by one they
/// made thousands of two-point strokes (most of a 3-D figure's SVG, and much of Cairo's work). Drawing a
/// piece later than its place in the sort changes nothing as long as nothing drawn in between comes near
/// it. So a piece that joins an open polyline of its path (at either end: a path going away from the eye
/// sorts backwards; same style, its dash pattern continuing) extends it, and an open polyline is drawn only
/// when a face or marker comes within reach of one of its pieces (their distance on screen under the two
/// half stroke widths plus two points of antialiasing), or at the end.
///
/// Where two paths cross or run together, open polylines are drawn in the order of the paths, so a later
/// path lies over an earlier one, as in a 2-D plot (the pieces used to alternate by depth there, which the
/// eye could not tell apart from either path on top). An opaque path over itself looks the same in any
/// order; pieces of a translucent one that come near each other keep their order. Pieces of one polyline
/// meet in round joins instead of overlapping round caps: the same outline.
struct SurfaceStrokeBatch {
    /// A box on screen (minX, minY, maxX, maxY).
    struct Box {
        var x0, y0, x1, y1: Double
        init(_ a: Point, _ b: Point, pad: Double) {
            x0 = min(a.x, b.x) - pad; y0 = min(a.y, b.y) - pad; x1 = max(a.x, b.x) + pad; y1 = max(a.y, b.y) + pad
        }
        init(points: [Point], pad: Double) {
            x0 = .infinity; y0 = .infinity; x1 = -.infinity; y1 = -.infinity
            for p in points { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
            x0 -= pad; y0 -= pad; x1 += pad; y1 += pad
        }
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        func union(_ o: Box) -> Box {
            var b = self
            b.x0 = min(x0, o.x0); b.y0 = min(y0, o.y0); b.x1 = max(x1, o.x1); b.y1 = max(y1, o.y1)
            return b
        }
    }

    /// What is about to be drawn: a polygon (a face), a segment (a piece) or a point (a marker), with how
    /// far its paint reaches beyond it.
    enum Shape {
        case polygon([Point]), segment(Point, Point), point(Point)
    }

    /// A piece of an open polyline.
    private struct Piece { var a: Point, b: Point, box: Box }

    /// An open polyline: its points, the style of its first piece, its pieces and the union of their
    /// boxes, and its length on screen (where its dash pattern has got to).
    private struct Run {
        var points: [Point]
        var style: StrokeStyle
        var path: Int
        var pieces: [Piece]
        var bounds: Box
        var length: Double

        /// Whether `shape` (its box `box`, its paint reaching `reach` beyond it) comes near a piece.
        func overlaps(_ shape: Shape, box: Box, reach: Double) -> Bool {
            guard bounds.overlaps(box) else { return false }
            let limit = reach + style.width / 2 + 2
            return pieces.contains { $0.box.overlaps(box) && SurfaceStrokeBatch.distance($0.a, $0.b, shape) < limit }
        }

        /// Whether a piece from `a` to `b` in `style` carries on where this polyline ends (`.after`) or
        /// leads into where it starts (`.before`: a path going away from the eye sorts backwards), its
        /// dash pattern continuing; nil when it does neither.
        func joins(_ a: Point, _ b: Point, style s: StrokeStyle) -> End? {
            var same = s
            same.dashOffset = style.dashOffset
            guard same == style, let first = points.first, let last = points.last else { return nil }
            let period = style.dashPeriod
            func agree(_ x: Double, _ y: Double) -> Bool {
                guard period > 0 else { return true }
                let gap = abs(x.truncatingRemainder(dividingBy: period) - y.truncatingRemainder(dividingBy: period))
                return min(gap, period - gap) < 1e-6 * max(1, period)
            }
            if Self.same(last, a), agree(style.dashOffset + length, s.dashOffset) { return .after }
            if Self.same(first, b), agree(s.dashOffset + (b - a).length, style.dashOffset) { return .before }
            return nil
        }

        /// The style of the last piece (its dash pattern where that piece starts).
        var lastStyle: StrokeStyle {
            guard points.count > 1 else { return style }
            let lastStep = (points[points.count - 1] - points[points.count - 2]).length
            return style.continuing(at: style.dashOffset + length - (lastStep.isFinite ? lastStep : 0))
        }

        static func same(_ p: Point, _ q: Point) -> Bool { abs(p.x - q.x) < 1e-6 && abs(p.y - q.y) < 1e-6 }
    }

    /// Which end of a polyline a piece joins.
    private enum End { case before, after }

    private var runs: [Run] = []

    /// Draws every open polyline that `shape` (painting up to `reach` beyond itself) comes near, before
    /// `shape` is drawn over it.
    mutating func flush(near shape: Shape, reach: Double, in ctx: PlotContext) {
        guard !runs.isEmpty else { return }
        let box = Self.box(shape, pad: reach + 4)
        var kept: [Run] = [], due: [Run] = []
        for run in runs {
            if run.overlaps(shape, box: box, reach: reach) { due.append(run) } else { kept.append(run) }
        }
        drawInPathOrder(due, in: ctx)
        runs = kept
    }

    /// Adds the piece from `a` to `b` of path number `path`, drawn in `style` (its dash offset where the
    /// piece starts).
    mutating func add(_ a: Point, _ b: Point, style: StrokeStyle, path: Int, in ctx: PlotContext) {
        let box = Box(a, b, pad: style.width / 2 + 4)
        var host: (index: Int, end: End)?
        for (k, run) in runs.enumerated() where run.path == path {
            if let end = run.joins(a, b, style: style) { host = (k, end); break }
        }
        // Other polylines of this path that the piece comes near are drawn first, as they were before it.
        var kept: [Run] = []
        var hostRun: (run: Run, end: End)?
        for (k, run) in runs.enumerated() {
            if let host, k == host.index {
                hostRun = (run, host.end)
            } else if run.path == path, style.color.a < 1, run.overlaps(.segment(a, b), box: box, reach: style.width / 2) {
                // (An opaque path painted over itself looks the same in any order.)
                draw(run, in: ctx)
            } else {
                kept.append(run)
            }
        }
        let step = (b - a).length
        let piece = Piece(a: a, b: b, box: box)
        if let (found, end) = hostRun {
            var run = found
            if end == .after { run.points.append(b) } else { run.points.insert(a, at: 0); run.style = style }
            run.pieces.append(piece)
            run.bounds = run.bounds.union(box)
            if step.isFinite { run.length += step }
            kept.append(Self.merged(run, into: &kept))
        } else {
            kept.append(Run(points: [a, b], style: style, path: path, pieces: [piece], bounds: box, length: step.isFinite ? step : 0))
        }
        runs = kept
    }

    /// `run`, joined with the open polylines of its path that carry on from its end or lead into its start
    /// (removed from `others`): a piece that fills the gap between two polylines makes them one.
    private static func merged(_ run: Run, into others: inout [Run]) -> Run {
        var joined = run
        let n = joined.points.count
        if n > 1, let k = others.firstIndex(where: {
            $0.path == joined.path && $0.joins(joined.points[n - 2], joined.points[n - 1], style: joined.lastStyle) == .before
        }) {
            let next = others.remove(at: k)
            joined.points += next.points.dropFirst()
            joined.pieces += next.pieces
            joined.bounds = joined.bounds.union(next.bounds)
            joined.length += next.length
        }
        if joined.points.count > 1, let k = others.firstIndex(where: {
            $0.path == joined.path && joined.joins($0.points[$0.points.count - 2], $0.points[$0.points.count - 1], style: $0.lastStyle) == .before
        }) {
            var previous = others.remove(at: k)
            previous.points += joined.points.dropFirst()
            previous.pieces += joined.pieces
            previous.bounds = previous.bounds.union(joined.bounds)
            previous.length += joined.length
            joined = previous
        }
        return joined
    }

    /// Draws every open polyline.
    mutating func flushAll(in ctx: PlotContext) {
        drawInPathOrder(runs, in: ctx)
        runs = []
    }

    /// Open polylines of different paths may cross: they are drawn in the order of their paths, so that a
    /// later path lies over an earlier one where they cross, as in a 2-D plot.
    private mutating func drawInPathOrder(_ due: [Run], in ctx: PlotContext) {
        for run in due.sorted(by: { $0.path < $1.path }) { draw(run, in: ctx) }
    }

    private mutating func draw(_ run: Run, in ctx: PlotContext) {
        var p = Path()
        p.move(to: run.points[0])
        for q in run.points.dropFirst() { p.line(to: q) }
        ctx.stroke(p, run.style)
    }

    /// The box around `shape`, widened by `pad`.
    static func box(_ shape: Shape, pad: Double) -> Box {
        switch shape {
        case .polygon(let pts): return Box(points: pts, pad: pad)
        case let .segment(a, b): return Box(a, b, pad: pad)
        case .point(let p): return Box(p, p, pad: pad)
        }
    }

    /// The distance on screen from the segment a–b to `shape` (0 when they meet or a polygon holds it).
    static func distance(_ a: Point, _ b: Point, _ shape: Shape) -> Double {
        switch shape {
        case .point(let p): return pointToSegment(p, a, b)
        case let .segment(c, d): return segmentToSegment(a, b, c, d)
        case .polygon(let pts):
            guard !pts.isEmpty else { return .infinity }
            if FaceCover.contains(pts, a) || FaceCover.contains(pts, b) { return 0 }
            var best = Double.infinity
            var j = pts.count - 1
            for i in 0..<pts.count {
                best = min(best, segmentToSegment(a, b, pts[j], pts[i]))
                j = i
            }
            return best
        }
    }

    static func pointToSegment(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let ab = b - a, ap = p - a
        let l2 = ab.x * ab.x + ab.y * ab.y
        let t = l2 > 0 ? min(max((ap.x * ab.x + ap.y * ab.y) / l2, 0), 1) : 0
        return (p - (a + ab * t)).length
    }

    static func segmentToSegment(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Double {
        func cross(_ o: Point, _ p: Point, _ q: Point) -> Double { (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x) }
        let d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return 0 }
        return min(pointToSegment(a, c, d), pointToSegment(b, c, d), pointToSegment(c, a, b), pointToSegment(d, a, b))
    }
}
