/// A polyline through data points. NaN or ±∞ in a point breaks the line there (a jump is drawn as a
/// jump, never as a slanted segment). The line is clipped to the plot area and simplified to the output
/// resolution, so a million points render quickly and write a small SVG/PDF.
public struct LineMark: Mark {
    /// The data points in drawing order (a non-finite point breaks the line).
    public var points: [Point]
    /// Colour, width and dashes.
    public var style: StrokeStyle
    /// Legend text (nil: no entry).
    public var label: String?
    /// A marker drawn on the points (and in the legend), or nil.
    public var marker: MarkerShape?
    /// Draw a marker on every n-th point (1 = all).
    public var markerEvery: Int
    /// Marker diameter in points.
    public var markerSize: Double
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { true }
    /// `Mark`: True when the mark's `occupiedPoints` are the vertices of lines, whose segments are ink however
    /// long (a curve of five points spans the plot with five segments); false for scattered points, which legends
    /// and notes treat as joined only across short gaps.
    public var joinsPoints: Bool { true }

    /// A line through `points` drawn with `style`.
    public init(points: [Point], style: StrokeStyle, label: String? = nil, marker: MarkerShape? = nil,
                markerEvery: Int = 1, markerSize: Double = 6, zOrder: Double = 2) {
        self.points = points; self.style = style; self.label = label; self.marker = marker
        self.markerEvery = max(1, markerEvery); self.markerSize = markerSize; self.zOrder = zOrder
    }

    /// A line through `(xs[i], ys[i])`.
    public init(x xs: [Double], y ys: [Double], style: StrokeStyle, label: String? = nil) {
        self.init(points: zip(xs, ys).map { Point($0, $1) }, style: style, label: label)
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { Bounds(points: points) }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(style, marker: marker))]
    }

    /// About 400 of the points, the last one included; a break (a NaN or infinite point) among those
    /// skipped is kept as a NaN point, so that joining the result never bridges a gap in the line.
    public func occupiedPoints() -> [Point] {
        let step = max(1, points.count / 400)
        guard step > 1 else { return points }
        var out: [Point] = []
        var broken = false
        for (i, p) in points.enumerated() {
            if !p.isFinite { broken = true }
            guard i % step == 0 || i == points.count - 1 else { continue }
            if broken { out.append(Point(.nan, .nan)); broken = false }
            if p.isFinite { out.append(p) }
        }
        return out
    }

    /// Points per stroked chunk.
    static let chunk = 200

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let device = points.map { p -> Point in p.isFinite ? ctx.point(p) : Point(.nan, .nan) }
        let bound = ctx.plotRect.expanded(by: style.width * 4 + 2)
        let tolerance = 0.25 / max(ctx.resolution, 1)
        var path = Path()
        var count = 0
        for run in Polyline.clip(device, to: bound) {
            // Thinned in two halves, as `PathMark` does: points within half the tolerance of the pixel grid
            // (M4 and a radial step), then points within half of it of the chord between the kept ones (a
            // loss curve on a log axis is straight for thousands of points: a 10⁶-step SVG keeps its ends).
            let simple = Polyline.reduce(Polyline.simplify(run, tolerance: tolerance / 2), tolerance: tolerance / 2)
            // Stroke long lines in chunks (sharing their end points), as matplotlib's Agg `path.simplify`
            // + `chunksize` does: Cairo's stroker slows down badly on one huge self-intersecting path
            // (a dense noisy line took seconds as PNG; chunked it takes a fraction of that).
            var start = 0
            while start < simple.count - 1 {
                let end = min(simple.count, start + Self.chunk)
                path.append(Path(polyline: simple[start..<end]))
                count += end - start
                if count >= Self.chunk { ctx.stroke(path, style); path = Path(); count = 0 }
                start = end - 1
            }
        }
        ctx.stroke(path, style)
        if let marker {
            for k in stride(from: 0, to: device.count, by: markerEvery) where device[k].isFinite && ctx.plotRect.expanded(by: 1).contains(device[k]) {
                ctx.marker(marker, at: device[k], size: markerSize, fill: style.color, edge: nil)
            }
        }
    }
}
