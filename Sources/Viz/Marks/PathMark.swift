/// A path through data space — an optimizer's trajectory — with an open-circle start marker, a filled end
/// marker, and an arrowhead wherever the path leaves the view.
///
/// The path never changes the axes' limits (it is clipped, not rescaled): a diverging run shows as a line
/// that runs out of the picture with an arrow at the edge.
public struct PathMark: Mark {
    public var points: [Point]
    public var style: StrokeStyle
    public var label: String?
    /// Draw a small dot at every point (iterates).
    public var showPoints: Bool
    public var markerSize: Double
    /// Let the path widen automatic limits (off by default: the field sets the view).
    public var includeInBounds: Bool
    public var zOrder: Double
    public var isDataInk: Bool { true }

    public init(points: [Point], style: StrokeStyle, label: String? = nil, showPoints: Bool = false,
                markerSize: Double = 8, includeInBounds: Bool = false, zOrder: Double = 3) {
        self.points = points; self.style = style; self.label = label; self.showPoints = showPoints
        self.markerSize = markerSize; self.includeInBounds = includeInBounds; self.zOrder = zOrder
    }

    public func dataBounds() -> Bounds? { includeInBounds ? Bounds(points: points) : nil }
    public func occupiedPoints() -> [Point] { points.filter(\.isFinite) }

    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(style, marker: .circle))]
    }

    /// Device points where the path crosses the plot boundary outwards, with the outward direction.
    func exits(_ device: [Point], rect: Rect) -> [(Point, Point)] {
        var out: [(Point, Point)] = []
        for k in 1..<max(1, device.count) {
            let a = device[k - 1], b = device[k]
            guard a.isFinite, b.isFinite, rect.contains(a), !rect.contains(b) else { continue }
            if let (_, c1) = Polyline.clipSegment(a, b, rect) { out.append((c1, b - a)) }
        }
        return out
    }

    public func draw(in ctx: PlotContext) {
        let device = points.map { $0.isFinite ? ctx.point($0) : Point(.nan, .nan) }
        guard !device.isEmpty else { return }
        var path = Path()
        for run in Polyline.clip(device, to: ctx.plotRect) { path.append(Path(polyline: run)) }
        let halo = StrokeStyle(color: ctx.theme.plotBackground.withAlpha(0.7), width: style.width + 2.2, cap: .round, join: .round)
        ctx.stroke(path, halo)
        ctx.stroke(path, style)
        if showPoints {
            // Opaque dots are one path (one fill, one SVG element); translucent ones keep their overlaps.
            var dots = Path()
            for p in device where ctx.plotRect.contains(p) {
                dots.addCircle(at: p, radius: max(1.2, style.width * 0.9))
                if style.color.a < 1 { ctx.fill(dots, style.color); dots.removeAll() }
            }
            ctx.fill(dots, style.color)
        }
        let head = 6 + style.width * 2
        for (tip, dir) in exits(device, rect: ctx.plotRect) {
            ctx.fill(Arrowhead.path(tip: tip, direction: dir, length: head, width: head * 0.8), style.color)
        }
        let edge = Color(hex: 0x1A1A1A)
        if let s = device.first, ctx.plotRect.contains(s) {
            ctx.fill(Path(circleAt: s, radius: markerSize / 2), ctx.theme.plotBackground)
            ctx.stroke(Path(circleAt: s, radius: markerSize / 2), StrokeStyle(color: style.color, width: max(1.5, style.width)))
        }
        if let e = device.last(where: \.isFinite), ctx.plotRect.contains(e) {
            ctx.fill(Path(circleAt: e, radius: markerSize / 2), style.color)
            ctx.stroke(Path(circleAt: e, radius: markerSize / 2), StrokeStyle(color: edge, width: 1))
        }
    }
}
