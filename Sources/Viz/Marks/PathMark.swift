/// A path through data space (a sequence of iterates, a particle's track) with an open-circle start marker, a filled end
/// marker, and one arrowhead where the path leaves the view.
///
/// The clipping and marking rule, the same in every figure: the path is drawn from its first point in
/// the view up to the edge where it first leaves it, with one arrowhead there; nothing from later
/// steps is drawn, even where they come back into the view. Points on an edge count as inside (within
/// half a device pixel), so a start on any edge, the top included, keeps its marker. The path never
/// changes the axes' limits (it is clipped, not rescaled).
public struct PathMark: Mark {
    /// The path's points in order, in data units.
    public var points: [Point]
    /// Colour, width and dashes of the path (the markers take its colour).
    public var style: StrokeStyle
    /// Legend text (nil: no entry).
    public var label: String?
    /// Draw a small dot at every point (iterates).
    public var showPoints: Bool
    /// Diameter of the start and end markers in points.
    public var markerSize: Double
    /// Let the path widen automatic limits (off by default: the field sets the view).
    public var includeInBounds: Bool
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// Opacity of the plot-coloured casing under the line (lower it with the line's own for a faint path).
    public var haloOpacity = 0.7

    /// A path through `points` drawn with `style`.
    public init(points: [Point], style: StrokeStyle, label: String? = nil, showPoints: Bool = false,
                markerSize: Double = 8, includeInBounds: Bool = false, zOrder: Double = 3) {
        self.points = points; self.style = style; self.label = label; self.showPoints = showPoints
        self.markerSize = markerSize; self.includeInBounds = includeInBounds; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { includeInBounds ? Bounds(points: points) : nil }
    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] { points.filter(\.isFinite) }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(style, marker: .circle))]
    }

    /// The part of the path that is drawn (device space): from the first point inside `rect` (the
    /// segment that enters clipped at the edge) to the first point outside after it, clipped at the
    /// edge; `exit` is where and in which direction it leaves, nil when it does not; `complete` is
    /// true when the path's last point is drawn.
    static func visiblePart(_ device: [Point], in rect: Rect) -> (points: [Point], exit: (Point, Point)?, startsInside: Bool, complete: Bool) {
        let inside = Rect(x: rect.minX - 0.5, y: rect.minY - 0.5, width: rect.width + 1, height: rect.height + 1)
        guard let first = device.firstIndex(where: { $0.isFinite && inside.contains($0) }) else { return ([], nil, false, false) }
        var out: [Point] = []
        if first > 0, device[first - 1].isFinite, let (c0, _) = Polyline.clipSegment(device[first - 1], device[first], inside) {
            out.append(c0)
        }
        for k in first..<device.count {
            let p = device[k]
            guard p.isFinite else { return (out, nil, first == 0, true) }  // the run ends (diverges) here
            if inside.contains(p) { out.append(p); continue }
            let a = device[k - 1]
            if let (_, c1) = Polyline.clipSegment(a, p, inside) {
                out.append(c1)
                return (out, (c1, p - a), first == 0, false)
            }
            return (out, nil, first == 0, false)
        }
        return (out, nil, first == 0, true)
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let device = points.map { $0.isFinite ? ctx.point($0) : Point(.nan, .nan) }
        let part = Self.visiblePart(device, in: ctx.plotRect)
        guard !part.points.isEmpty else { return }
        // A long run (100,000 steps) is thinned to the output resolution and stroked in pieces sharing
        // their end points, as `LineMark` does: Cairo's stroker slows down badly on one huge
        // self-intersecting path. The halo goes under every piece before any piece is drawn.
        let tolerance = 0.25 / max(ctx.resolution, 1)
        let thinned = Polyline.reduce(Polyline.simplify(part.points, tolerance: tolerance / 2), tolerance: tolerance / 2)
        let pieces = Polyline.pieces(thinned, size: LineMark.chunk)
        let halo = StrokeStyle(color: ctx.theme.plotBackground.withAlpha(haloOpacity), width: style.width + 2.2, cap: .round, join: .round)
        if haloOpacity > 0 { for piece in pieces { ctx.stroke(piece, halo) } }
        for piece in pieces { ctx.stroke(piece, style) }
        if showPoints {
            for p in part.points {
                ctx.fill(Path(circleAt: p, radius: max(1.2, style.width * 0.9)), style.color)
            }
        }
        if let (tip, dir) = part.exit {
            let head = 6 + style.width * 2
            ctx.fill(Arrowhead.path(tip: tip, direction: dir, length: head, width: head * 0.8), style.color)
        }
        let edge = ctx.theme.outlineColor
        if part.startsInside, let s = part.points.first {
            ctx.fill(Path(circleAt: s, radius: markerSize / 2), ctx.theme.plotBackground)
            ctx.stroke(Path(circleAt: s, radius: markerSize / 2), StrokeStyle(color: style.color, width: max(1.5, style.width)))
        }
        if part.complete, let e = part.points.last {
            ctx.fill(Path(circleAt: e, radius: markerSize / 2), style.color)
            ctx.stroke(Path(circleAt: e, radius: markerSize / 2), StrokeStyle(color: edge, width: 1))
        }
    }
}
