/// Points drawn as markers: a shape, a size in points, a fill colour and an optional edge.
/// Points with a NaN or infinite coordinate are skipped.
public struct ScatterMark: Mark {
    /// The data points.
    public var points: [Point]
    /// The marker drawn at each point.
    public var shape: MarkerShape
    /// Marker width in points.
    public var size: Double
    /// The marker fill (the stroke of stroke-only shapes).
    public var color: Color
    /// Outline colour (nil: none). Stroke-only shapes (cross, plus) use `color`.
    public var edge: Color?
    /// Outline width in points.
    public var edgeWidth: Double
    /// Legend text (nil: no legend entry).
    public var label: String?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { true }
    /// False to draw the markers whole over the plot's frame (a marker on the edge of the view, such as the
    /// cross at a curve's last point before it diverges; see `Mark.clipsToPlot`).
    public var clipsToPlot = true
    /// True to draw a point whose y is not finite at the frame's edge at its x, wholly inside it (its centre half
    /// its size and 1.5 points more from the edge): +∞ and NaN at the top edge (the larger end of the y domain),
    /// −∞ at the bottom one — an off-scale value marked where it happened, not at a height it never had. False:
    /// such points are skipped, as points with a NaN x always are.
    public var pinsNonFiniteY = false
    /// Draw a marker whose centre lies on (or past) the plot's top or bottom edge as a pinned one is, wholly
    /// inside the frame (a runaway's ▲ on a curves panel's top edge stood over the frame, by no tick label).
    /// False: on the edge.
    public var keepsInsideFrame = false

    /// Markers of `shape` and `size` points at `points`.
    public init(points: [Point], shape: MarkerShape = .circle, size: Double = 7, color: Color, edge: Color? = nil,
                edgeWidth: Double = 0.8, label: String? = nil, zOrder: Double = 3) {
        self.points = points; self.shape = shape; self.size = max(0, size); self.color = color
        self.edge = edge; self.edgeWidth = max(0, edgeWidth); self.label = label; self.zOrder = zOrder
    }

    /// Markers at `(xs[i], ys[i])` (the shorter array sets the count).
    public init(x xs: [Double], y ys: [Double], shape: MarkerShape = .circle, size: Double = 7, color: Color,
                edge: Color? = nil, label: String? = nil) {
        self.init(points: zip(xs, ys).map { Point($0, $1) }, shape: shape, size: size, color: color, edge: edge, label: label)
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { Bounds(points: points) }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .marker(shape, color))]
    }

    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] {
        let step = max(1, points.count / 400)
        return stride(from: 0, to: points.count, by: step).map { points[$0] }
    }

    /// `Mark`: Half the marker size plus its edge, 0 when markers are hidden.
    public var markerRadius: Double { size > 0 ? size / 2 + edgeWidth : 0 }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard size > 0 else { return }
        let visible = ctx.plotRect.expanded(by: size)
        let domain = ctx.yScale.domain
        let top = Swift.max(domain.lower, domain.upper), bottom = Swift.min(domain.lower, domain.upper)
        // A pinned marker lies wholly inside the frame, a small gap under (over) its edge: centred on the frame
        // line, half of it stood outside, up against the panel title, and read as "off the scale".
        let inset = size / 2 + edgeWidth + 1.5
        for point in points {
            let pinned = pinsNonFiniteY && point.x.isFinite && !point.y.isFinite
            let p = pinned ? Point(point.x, point.y == -.infinity ? bottom : top) : point
            guard p.isFinite else { continue }
            var d = ctx.point(p)
            if pinned { d.y += abs(d.y - ctx.plotRect.minY) <= abs(d.y - ctx.plotRect.maxY) ? inset : -inset }
            guard d.isFinite, visible.contains(d) else { continue }
            if keepsInsideFrame {
                let r = ctx.plotRect
                d.y = Swift.min(Swift.max(d.y, r.minY + inset), r.maxY - inset)
            }
            ctx.marker(shape, at: d, size: size, fill: color, edge: edge, edgeWidth: edgeWidth)
        }
    }
}
