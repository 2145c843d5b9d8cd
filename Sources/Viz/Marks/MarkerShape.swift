/// The shape of a point marker.
public enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond, cross, plus

    /// True for the shapes that are drawn as strokes only (they have no inside to fill).
    public var isStrokeOnly: Bool { self == .cross || self == .plus }

    /// The marker's outline centred on `c`, `size` points across.
    public func path(at c: Point, size: Double) -> Path {
        let r = size / 2
        switch self {
        case .circle:
            return Path(circleAt: c, radius: r)
        case .square:
            let s = r * 0.886 // same area as the circle
            return Path(rect: Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        case .triangle:
            let h = r * 1.2
            return Path(polygon: [Point(c.x, c.y - h), Point(c.x + h * 0.866, c.y + h * 0.5), Point(c.x - h * 0.866, c.y + h * 0.5)])
        case .diamond:
            let d = r * 1.15
            return Path(polygon: [Point(c.x, c.y - d), Point(c.x + d, c.y), Point(c.x, c.y + d), Point(c.x - d, c.y)])
        case .cross:
            let d = r * 0.8
            var p = Path()
            p.move(to: Point(c.x - d, c.y - d)); p.line(to: Point(c.x + d, c.y + d))
            p.move(to: Point(c.x - d, c.y + d)); p.line(to: Point(c.x + d, c.y - d))
            return p
        case .plus:
            var p = Path()
            p.move(to: Point(c.x - r, c.y)); p.line(to: Point(c.x + r, c.y))
            p.move(to: Point(c.x, c.y - r)); p.line(to: Point(c.x, c.y + r))
            return p
        }
    }
}
