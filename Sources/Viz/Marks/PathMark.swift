/// A path through data space (a sequence of iterates, a particle's track) with an open-circle start marker, a filled end
/// marker, an arrowhead where the path leaves the view and a hollow one where it comes (back) in.
///
/// The clipping and marking rule, the same in every figure (`ClippedPath`): the path is drawn as all its
/// pieces inside the view; each exit ends in a filled arrowhead on the edge, each entry (a path that
/// starts outside, or comes back) begins with a hollow one, and the start and end markers are drawn only
/// where the path's first and last points are in the view. Points on an edge count as inside (within
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
    /// Draw the start and end markers (false: a history whose ends the figure marks otherwise).
    public var marksEnds = true
    /// The radius in points of a marker another mark draws over the path's start (0: none). A first step that
    /// leaves the view within it and a head's length has its arrowhead left out here: `StartExitArrowMark`
    /// draws it clear of the marker (it lay under the start circle of a start on the view's edge).
    public var startClearance = 0.0
    /// The end marker's shape: a filled circle `markerSize` across, or a series' own shape a little larger
    /// (11 points: a square of 8 reads as a dot), as the 3-D view draws it; the legend's sample shows the same.
    public var endShape: MarkerShape = .circle

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
    /// `Mark`: A path is data: notes, labels and legends keep off it, and a layout report counts its
    /// vertices and segments under text.
    public var isDataInk: Bool { true }
    /// `Mark`: The iterates are joined by segments however long (a first step of gradient descent that
    /// crosses the map is ink all along).
    public var joinsPoints: Bool { true }
    /// `Mark`: The start and end markers' half size, so that text keeps off them too.
    public var markerRadius: Double { endShape == .circle ? markerSize / 2 : max(markerSize, 11) / 2 * 1.3 }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(style, marker: endShape))]
    }

    /// The drawn pieces of the path (device space), clipped to `rect` widened by half a pixel (so a start
    /// on an edge counts as inside): see `ClippedPath`.
    static func visiblePieces(_ device: [Point], in rect: Rect) -> ClippedPath {
        ClippedPath(device, in: Rect(x: rect.minX - 0.5, y: rect.minY - 0.5, width: rect.width + 1, height: rect.height + 1))
    }

    /// Device points of `points`: a finite point whose device image overflows (10³⁰⁸ at 100 px a unit) is
    /// moved towards the point before it, along the same line, until its image is finite; NaN stays NaN.
    static func devicePoints(_ points: [Point], _ map: (Point) -> Point) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for (k, p) in points.enumerated() {
            guard p.isFinite else { out.append(p.x.isNaN || p.y.isNaN ? Point(.nan, .nan) : map(p)); continue }
            var q = p, d = map(p)
            if !d.isFinite, k > 0, points[k - 1].isFinite {
                let a = points[k - 1]
                for _ in 0..<40 where !d.isFinite {
                    q = Point(a.x + (q.x / 2 - a.x / 2) * 1e-8 * 2, a.y + (q.y / 2 - a.y / 2) * 1e-8 * 2)
                    d = map(q)
                }
            }
            out.append(d)
        }
        return out
    }

    /// The length of an exit's arrowhead in points for a path drawn with `style`.
    static func headLength(_ style: StrokeStyle) -> Double { 6 + style.width * 2 }

    /// The start (device) and direction of a first piece that starts inside and leaves the view within
    /// `clearance + head` of its start, where a marker of radius `clearance` hides its arrowhead; nil otherwise.
    static func hiddenStartExit(_ clipped: ClippedPath, clearance: Double, head: Double) -> (Point, Point)? {
        guard clearance > 0, clipped.startsInside, let first = clipped.pieces.first, first.exit != nil,
              let s = first.points.first, let tip = first.points.last, first.exitDirection.length > 0,
              (tip - s).length < clearance + head else { return nil }
        return (s, first.exitDirection)
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let device = Self.devicePoints(points, ctx.point)
        let clipped = Self.visiblePieces(device, in: ctx.plotRect)
        guard !clipped.pieces.isEmpty else { return }
        // A long run (100,000 steps) is thinned to the output resolution and stroked in pieces sharing
        // their end points, as `LineMark` does: Cairo's stroker slows down badly on one huge
        // self-intersecting path. The halo goes under every piece before any piece is drawn.
        let tolerance = 0.25 / max(ctx.resolution, 1)
        let halo = StrokeStyle(color: ctx.theme.plotBackground.withAlpha(haloOpacity), width: style.width + 2.2, cap: .round, join: .round)
        let pieces = clipped.pieces.map { piece in
            Polyline.pieces(Polyline.reduce(Polyline.simplify(piece.points, tolerance: tolerance / 2), tolerance: tolerance / 2),
                            size: LineMark.chunk)
        }
        if haloOpacity > 0 { for path in pieces.joined() { ctx.stroke(path, halo) } }
        for path in pieces.joined() { ctx.stroke(path, style) }
        if showPoints {
            for p in clipped.pieces.flatMap(\.points) {
                ctx.fill(Path(circleAt: p, radius: max(1.2, style.width * 0.9)), style.color)
            }
        }
        let head = Self.headLength(style)
        let hidden = Self.hiddenStartExit(clipped, clearance: startClearance, head: head) != nil
        for (k, piece) in clipped.pieces.enumerated() {
            if piece.exit != nil, let tip = piece.points.last, !(hidden && k == 0) {
                ctx.fill(Arrowhead.path(tip: tip, direction: piece.exitDirection, length: head, width: head * 0.8), style.color)
            }
            if piece.entry != nil, let at = piece.points.first {
                // Coming (back) in: a hollow head whose base sits on the edge, pointing the way the path goes.
                let n = piece.entryDirection.length
                guard n > 0 else { continue }
                let mark = Arrowhead.path(tip: at + piece.entryDirection * (head / n), direction: piece.entryDirection,
                                          length: head, width: head * 0.8)
                ctx.fill(mark, ctx.theme.plotBackground)
                ctx.stroke(mark, StrokeStyle(color: style.color, width: max(1.2, style.width * 0.6), join: .round))
            }
        }
        let edge = ctx.theme.outlineColor
        if marksEnds, clipped.startsInside, let s = clipped.pieces.first?.points.first {
            ctx.fill(Path(circleAt: s, radius: markerSize / 2), ctx.theme.plotBackground)
            ctx.stroke(Path(circleAt: s, radius: markerSize / 2), StrokeStyle(color: style.color, width: max(1.5, style.width)))
        }
        if marksEnds, clipped.complete, let e = clipped.pieces.last?.points.last {
            let mark = endShape == .circle ? Path(circleAt: e, radius: markerSize / 2) : endShape.path(at: e, size: max(markerSize, 11))
            if endShape.isStrokeOnly {
                ctx.stroke(mark, StrokeStyle(color: edge, width: 3.6, cap: .round))
                ctx.stroke(mark, StrokeStyle(color: style.color, width: 2, cap: .round))
            } else {
                ctx.fill(mark, style.color)
                ctx.stroke(mark, StrokeStyle(color: edge, width: 1, join: .round))
            }
        }
    }
}
