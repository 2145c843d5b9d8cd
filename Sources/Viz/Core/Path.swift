/// A device-space path: sub-paths of straight segments and cubic curves.
public struct Path: Sendable {
    /// One drawing instruction.
    public enum Element: Sendable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
    }
    /// The instructions in drawing order.
    public private(set) var elements: [Element] = []
    /// An empty path.
    public init() {}

    /// Starts a new sub-path at `p`.
    public mutating func move(to p: Point) { elements.append(.move(p)) }
    /// A straight segment from the current point to `p`.
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    /// A cubic Bézier segment to `p` with two control points.
    public mutating func curve(to p: Point, control1: Point, control2: Point) { elements.append(.curve(control1, control2, p)) }
    /// Closes the current sub-path back to its start.
    public mutating func close() { elements.append(.close) }
    /// True when nothing has been added.
    public var isEmpty: Bool { elements.isEmpty }

    /// A polyline; every non-finite point breaks it into separate sub-paths (lone points are dropped).
    public init(polyline points: some Sequence<Point>) {
        var pending: Point?
        var open = false
        for p in points {
            guard p.isFinite else { pending = nil; open = false; continue }
            if open { elements.append(.line(p)) }
            else if let start = pending { elements.append(.move(start)); elements.append(.line(p)); open = true }
            else { pending = p }
        }
    }

    /// A closed polygon (non-finite points are skipped).
    public init(polygon points: some Sequence<Point>) {
        var first = true
        for p in points where p.isFinite {
            elements.append(first ? .move(p) : .line(p))
            first = false
        }
        if !first { elements.append(.close) }
    }

    /// The closed outline of `r`.
    public init(rect r: Rect) { self.init(polygon: [Point(r.minX, r.minY), Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)]) }

    /// A circle approximated by four cubic curves.
    public init(circleAt c: Point, radius r: Double) { addCircle(at: c, radius: r) }

    /// Adds a circle (four cubic curves) as one closed sub-path.
    public mutating func addCircle(at c: Point, radius r: Double) {
        let k = 0.5522847498307936 * r
        move(to: Point(c.x + r, c.y))
        curve(to: Point(c.x, c.y + r), control1: Point(c.x + r, c.y + k), control2: Point(c.x + k, c.y + r))
        curve(to: Point(c.x - r, c.y), control1: Point(c.x - k, c.y + r), control2: Point(c.x - r, c.y + k))
        curve(to: Point(c.x, c.y - r), control1: Point(c.x - r, c.y - k), control2: Point(c.x - k, c.y - r))
        curve(to: Point(c.x + r, c.y), control1: Point(c.x + k, c.y - r), control2: Point(c.x + r, c.y - k))
        close()
    }

    /// Adds a closed polygon as one sub-path without building a separate path (non-finite points are
    /// skipped; a closed ring may repeat its first point).
    public mutating func addPolygon(_ points: [Point]) {
        elements.reserveCapacity(elements.count + points.count + 1)
        var first = true
        for p in points where p.isFinite {
            elements.append(first ? .move(p) : .line(p))
            first = false
        }
        if !first { elements.append(.close) }
    }

    /// Empties the path, keeping its storage for reuse.
    public mutating func removeAll() { elements.removeAll(keepingCapacity: true) }

    /// Appends all elements of another path.
    public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }
}

/// How a path is stroked: colour, width in points, dash pattern in points (with `dashOffset`, the
/// distance into the pattern where the stroke starts, as cairo's and SVG's dash offset), caps and joins.
public struct StrokeStyle: Sendable, Hashable {
    /// How open ends of a stroke are drawn (as in cairo and SVG).
    public enum Cap: Sendable, Hashable { case butt, round, square }
    /// How segments meet at corners (as in cairo and SVG).
    public enum Join: Sendable, Hashable { case miter, round, bevel }
    /// The stroke colour (its alpha included).
    public var color: Color
    /// Line width in points.
    public var width: Double
    /// Alternating on and off lengths in points; empty for a solid line.
    public var dash: [Double]
    /// How far into the dash pattern the stroke starts, in points.
    public var dashOffset: Double = 0
    /// The line ends.
    public var cap: Cap
    /// The corners.
    public var join: Join
    /// The length of one repeat of `dash` (twice its sum for an odd count, as cairo repeats it); 0 when solid.
    public var dashPeriod: Double {
        let sum = dash.reduce(0, +)
        return dash.count % 2 == 1 ? 2 * sum : sum
    }
    /// This style with its dash pattern starting `distance` along it (wrapped into one period), so a
    /// line drawn in pieces keeps one continuous pattern.
    public func continuing(at distance: Double) -> StrokeStyle {
        var s = self
        let period = dashPeriod
        s.dashOffset = period > 0 && distance.isFinite ? distance.truncatingRemainder(dividingBy: period) : 0
        return s
    }
    /// A style of `color`, `width` points wide, solid unless `dash` is given.
    public init(color: Color, width: Double = 1, dash: [Double] = [], cap: Cap = .butt, join: Join = .round) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
}
