/// The shape of a point marker.
public enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond, cross, plus
    /// Triangles pointing down, left and right (matplotlib's `v`, `<`, `>`).
    case triangleDown, triangleLeft, triangleRight
    /// Regular pentagon and hexagon (matplotlib's `p`, `h`) and a five-pointed star (`*`).
    case pentagon, hexagon, star

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
        case .triangleDown: return Self.regular(3, at: c, radius: r * 1.2, rotation: Double.pi / 2)
        case .triangleLeft: return Self.regular(3, at: c, radius: r * 1.2, rotation: Double.pi)
        case .triangleRight: return Self.regular(3, at: c, radius: r * 1.2, rotation: 0)
        case .pentagon: return Self.regular(5, at: c, radius: r * 1.08, rotation: -Double.pi / 2)
        case .hexagon: return Self.regular(6, at: c, radius: r * 1.05, rotation: -Double.pi / 2)
        case .star:
            let outer = r * 1.3, inner = outer * 0.42
            let pts = (0..<10).map { k -> Point in
                let a = -Double.pi / 2 + Double(k) * Double.pi / 5
                let rr = k % 2 == 0 ? outer : inner
                return Point(c.x + rr * Math.cos(a), c.y + rr * Math.sin(a))
            }
            return Path(polygon: pts)
        }
    }

    /// A regular polygon with `n` corners on a circle of `radius`, the first at angle `rotation`
    /// (radians, y down).
    private static func regular(_ n: Int, at c: Point, radius: Double, rotation: Double) -> Path {
        Path(polygon: (0..<n).map { k in
            let a = rotation + Double(k) * 2 * Double.pi / Double(n)
            return Point(c.x + radius * Math.cos(a), c.y + radius * Math.sin(a))
        })
    }
}
