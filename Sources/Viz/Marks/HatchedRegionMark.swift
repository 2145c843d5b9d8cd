/// A region given by outline rings (data space, even–odd rule) filled with a flat colour and crossed by
/// parallel hatch lines, so it reads as "no data here" or "off the scale" even in greyscale: matplotlib's
/// `contourf(..., hatches=["//"])`. The hatch lines are cut to the region exactly (each line is intersected
/// with every ring edge and the crossings paired, the even–odd scanline rule), so no clipping path is needed.
public struct HatchedRegionMark: Mark {
    /// Closed rings in data coordinates (a ring does not repeat its first point).
    public var rings: [[Point]]
    /// The flat fill under the hatching.
    public var fill: Color
    /// How the hatch lines are stroked.
    public var hatch: StrokeStyle
    /// Hatch direction in degrees counter-clockwise from the x axis of the page.
    public var angle: Double
    /// Distance between hatch lines in points.
    public var spacing: Double
    /// Legend text (a patch in the fill colour, edged in the hatch colour); nil for no entry.
    public var label: String?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double

    /// A hatched region; see each field.
    public init(rings: [[Point]], fill: Color, hatch: StrokeStyle, angle: Double = 45, spacing: Double = 6,
                label: String? = nil, zOrder: Double = 0.6) {
        self.rings = rings.filter { $0.count >= 3 }
        self.fill = fill; self.hatch = hatch; self.angle = angle
        self.spacing = spacing > 0 && spacing.isFinite ? spacing : 6
        self.label = label; self.zOrder = zOrder
    }

    /// The rectangle `b` with `holes` cut out (the complement of a domain inside a view).
    public static func complement(of holes: [[Point]], in b: Bounds) -> [[Point]] {
        [[Point(b.x.lower, b.y.lower), Point(b.x.upper, b.y.lower), Point(b.x.upper, b.y.upper), Point(b.x.lower, b.y.upper)]] + holes
    }

    /// True when there is no ring to draw.
    public var isEmpty: Bool { rings.isEmpty }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { Bounds(points: rings.flatMap { $0 }) }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .patch(fill, edge: hatch.color))]
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let device = rings.map { $0.map(ctx.point) }
        var path = Path()
        for r in device { path.addPolygon(r) }
        ctx.fill(path, fill, evenOdd: true)
        var lines = Path()
        for (a, b) in Self.hatchSegments(device, angle: angle, spacing: spacing) { lines.move(to: a); lines.line(to: b) }
        ctx.stroke(lines, hatch)
    }

    /// The pieces of parallel lines at `angle` degrees, `spacing` apart, that lie inside `rings` (even–odd).
    static func hatchSegments(_ rings: [[Point]], angle: Double, spacing: Double) -> [(Point, Point)] {
        let t = angle * .pi / 180
        let u = Point(Math.cos(t), -Math.sin(t)), n = Point(-u.y, u.x)   // along the line; across the lines (page y down)
        var edges: [(Point, Point)] = []
        for r in rings where r.count >= 3 {
            for k in r.indices { edges.append((r[k], r[(k + 1) % r.count])) }
        }
        let across = edges.flatMap { [dot($0.0, n), dot($0.1, n)] }
        guard let lo = across.min(), let hi = across.max(), hi - lo < 1e6 * spacing else { return [] }
        var out: [(Point, Point)] = []
        var c = (lo / spacing).rounded(.down) * spacing + spacing / 2
        while c < hi {
            var hits: [Double] = []
            for (a, b) in edges {
                let da = dot(a, n) - c, db = dot(b, n) - c
                guard (da < 0) != (db < 0) else { continue }
                let s = da / (da - db)
                hits.append(dot(a + (b - a) * s, u))
            }
            hits.sort()
            var k = 0
            while k + 1 < hits.count {
                out.append((n * c + u * hits[k], n * c + u * hits[k + 1]))
                k += 2
            }
            c += spacing
        }
        return out
    }

    @inline(__always) private static func dot(_ a: Point, _ b: Point) -> Double { a.x * b.x + a.y * b.y }
}
