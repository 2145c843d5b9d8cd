/// The parts of a polyline inside a rectangle, and where it crosses the rectangle's edge: the one
/// clipping and marking rule for paths.
///
/// A path is drawn as all its visible pieces. A piece starts at the path's first point (when that is
/// inside) or where a segment comes in through the edge (an entry), and ends at the path's last point or
/// where a segment goes out (an exit); a segment from a point outside to another outside is not drawn,
/// even where its chord crosses the rectangle (the path's points were never there). A point with a NaN coordinate is a gap: the piece before it ends there (the path's end when only NaN
/// points follow, a run that diverged), and the path starts again at the next point, with no segment across
/// the gap; a point at
/// ±∞ is a direction: the segment to it leaves along the limit direction (straight up for (x, +∞)).
///
/// Crossings are exact for any finite coordinates a segment's near end allows: each segment is
/// parametrised from its end nearer the rectangle (Liang–Barsky, Liang & Barsky 1984, with the
/// parameters measured from that end), and the point on an edge keeps the edge's coordinate exactly and
/// takes the other from the near end and the segment's slope. Parametrised from a far end 10¹⁸ away, the
/// crossing parameter 1 − 10⁻¹⁸ rounds to 1 and the wrong edge wins; from the near end it is 10⁻¹⁸ and exact.
public struct ClippedPath: Sendable, Equatable {
    /// One visible piece: its points (the edge points included) and how it begins and ends.
    public struct Piece: Sendable, Equatable {
        /// The piece's points in order (device or data units, as given).
        public var points: [Point]
        /// The index of the path point the piece's first segment goes to when it comes in through the
        /// edge (nil: the piece starts at the path's first point, inside).
        public var entry: Int?
        /// The index of the first path point outside after the piece, when it goes out through the edge.
        public var exit: Int?
        /// The direction of travel at the entry (the entering segment's, largest component ±1; zero when none).
        public var entryDirection = Point(0, 0)
        /// The direction of travel at the exit (the leaving segment's, largest component ±1; zero when none).
        public var exitDirection = Point(0, 0)
    }

    /// The visible pieces, in the path's order.
    public var pieces: [Piece] = []
    /// The path's first point is inside (it gets a start marker).
    public var startsInside = false
    /// The path's last drawn point is its end (inside, or the last point before the NaN points that end the
    /// path): it gets an end marker.
    public var complete = false

    /// Clips `points` to `rect` (edges included).
    public init(_ points: [Point], in rect: Rect) {
        let inside = { (p: Point) in p.isFinite && rect.contains(p) }
        var current: Piece?
        // Whether a NaN point closed the piece drawn up to it, with no point drawn since.
        var closedByGap = false
        for k in points.indices {
            let p = points[k]
            if p.x.isNaN || p.y.isNaN {
                // A gap (a run that diverged here, or logged a non-finite point and went on): what was drawn up
                // to it is a piece of its own; it is the path's end unless the path goes on after the gap.
                if let c = current { pieces.append(c); current = nil; closedByGap = true }
                continue
            }
            if k == 0 || points[k - 1].x.isNaN || points[k - 1].y.isNaN {
                // The path (re)starts here: no segment leads to this point.
                closedByGap = false
                if inside(p) { current = Piece(points: [p]); if k == 0 { startsInside = true } }
                continue
            }
            closedByGap = false
            let a = points[k - 1]
            if current != nil, inside(p) {
                current?.points.append(p)
                continue
            }
            // A step between two points outside is not drawn, even where its chord crosses the view: the
            // path was never there (a path overshooting a bowl drew a band of such chords across the view).
            if current == nil, !inside(p) { continue }
            let direction = Self.direction(a, p)
            guard let (c0, c1) = Self.clip(a, p, rect) else {
                // Only rounding can miss from a point inside: the piece ends there, going out.
                if var c = current { c.exit = k; c.exitDirection = direction; pieces.append(c); current = nil }
                continue
            }
            if current == nil {
                current = Piece(points: [c0], entry: k, entryDirection: direction)
            }
            if inside(p) {
                current?.points.append(p)
            } else {
                current?.points.append(c1)
                current?.exit = k
                current?.exitDirection = direction
                if let c = current { pieces.append(c) }
                current = nil
            }
        }
        if let c = current { pieces.append(c); complete = true } else if closedByGap { complete = true }
    }

    /// The direction of a → b, finite: b's infinite coordinates give its limit direction.
    static func direction(_ a: Point, _ b: Point) -> Point {
        if a.isFinite, b.isFinite {
            let d = Point(b.x / 2 - a.x / 2, b.y / 2 - a.y / 2)
            let m = max(abs(d.x), abs(d.y))
            return m > 0 && m.isFinite ? Point(d.x / m, d.y / m) : d
        }
        if !b.isFinite, a.isFinite { return Point(b.x.isInfinite ? (b.x > 0 ? 1 : -1) : 0, b.y.isInfinite ? (b.y > 0 ? 1 : -1) : 0) }
        if !a.isFinite, b.isFinite { return Point(a.x.isInfinite ? (a.x > 0 ? -1 : 1) : 0, a.y.isInfinite ? (a.y > 0 ? -1 : 1) : 0) }
        return Point(0, 0)
    }

    /// How far `p` lies from `rect`'s centre (max-norm; ∞ for an infinite coordinate).
    private static func remoteness(_ p: Point, _ rect: Rect) -> Double {
        max(abs(p.x / 2 - (rect.minX + rect.maxX) / 4), abs(p.y / 2 - (rect.minY + rect.maxY) / 4))
    }

    /// The part of segment a → b inside `rect` (edges included), or nil. Exact for a far end: see the type.
    public static func clip(_ a: Point, _ b: Point, _ rect: Rect) -> (Point, Point)? {
        guard !a.x.isNaN, !a.y.isNaN, !b.x.isNaN, !b.y.isNaN, a.isFinite || b.isFinite else { return nil }
        if remoteness(a, rect) > remoteness(b, rect) {
            return clipFromNear(b, direction: direction(b, a), far: a, rect).map { ($0.1, $0.0) }
        }
        return clipFromNear(a, direction: direction(a, b), far: b, rect)
    }

    /// Liang–Barsky from the near end `a` along `d` (a's scale of unit: t = 1 at `far` when it is finite,
    /// unbounded when it is not).
    private static func clipFromNear(_ a: Point, direction unit: Point, far b: Point, _ rect: Rect) -> (Point, Point)? {
        // The direction scaled so that a + t·d reaches b at t = 1 (halved: b − a cannot overflow).
        let finiteFar = b.isFinite
        let d = finiteFar ? Point(b.x / 2 - a.x / 2, b.y / 2 - a.y / 2) : unit
        let tMax = finiteFar ? 2.0 : .infinity
        var t0 = 0.0, t1 = tMax
        var edge0: (x: Bool, value: Double)?, edge1: (x: Bool, value: Double)?
        let checks: [(p: Double, q: Double, x: Bool, value: Double)] = [
            (-d.x, a.x - rect.minX, true, rect.minX), (d.x, rect.maxX - a.x, true, rect.maxX),
            (-d.y, a.y - rect.minY, false, rect.minY), (d.y, rect.maxY - a.y, false, rect.maxY),
        ]
        for c in checks {
            if c.p == 0 {
                if c.q < 0 { return nil }
                continue
            }
            let t = c.q / c.p
            if c.p < 0 {
                if t > t1 { return nil }
                if t > t0 { t0 = t; edge0 = (c.x, c.value) }
            } else {
                if t < t0 { return nil }
                if t < t1 { t1 = t; edge1 = (c.x, c.value) }
            }
        }
        let c0 = edge0.map { onEdge($0, from: a, d, rect) } ?? a
        let c1 = edge1.map { onEdge($0, from: a, d, rect) } ?? b
        return (c0, c1)
    }

    /// The point where the line from `a` along `d` meets the edge line x = value (or y = value): that
    /// coordinate exactly, the other from a and the slope, kept within the rectangle.
    private static func onEdge(_ edge: (x: Bool, value: Double), from a: Point, _ d: Point, _ rect: Rect) -> Point {
        if edge.x {
            let y = a.y + (edge.value - a.x) * (d.y / d.x)
            return Point(edge.value, min(max(y.isNaN ? a.y : y, rect.minY), rect.maxY))
        }
        let x = a.x + (edge.value - a.y) * (d.x / d.y)
        return Point(min(max(x.isNaN ? a.x : x, rect.minX), rect.maxX), edge.value)
    }
}
