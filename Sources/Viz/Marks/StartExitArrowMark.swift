/// The exit arrow of a path that leaves the view at once from a start on the view's edge, drawn outside the
/// start marker and over the frame.
///
/// `PathMark` puts an exit's arrowhead with its tip on the edge. When the path starts on that edge and its
/// first step leaves, the head lies under the figure's start marker (a circle of radius `clearance`), with only
/// a chip of it showing beside the circle: the direction the run left in could not be read. This mark draws that
/// one arrow instead, from the marker's rim outward along the leaving step; `PathMark.startClearance` set to the
/// same radius leaves the hidden head out.
public struct StartExitArrowMark: Mark {
    /// The path's points in order, in data units (as given to its `PathMark`).
    public var points: [Point]
    /// The path's colour and width (dashes are not used: the arrow is short).
    public var style: StrokeStyle
    /// The radius of the marker over the path's start, in points.
    public var clearance: Double
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: Drawn whole over the frame: the arrow points out of the view.
    public var clipsToPlot: Bool { false }

    /// The exit arrow of the path through `points`, clear of a start marker of radius `clearance`.
    public init(points: [Point], style: StrokeStyle, clearance: Double, zOrder: Double = 6.5) {
        self.points = points; self.style = style; self.clearance = clearance; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { nil }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let clipped = PathMark.visiblePieces(PathMark.devicePoints(points, ctx.point), in: ctx.plotRect)
        let head = PathMark.headLength(style)
        guard let (start, direction) = PathMark.hiddenStartExit(clipped, clearance: clearance, head: head) else { return }
        let u = direction * (1 / direction.length)
        let rim = start + u * (clearance + 1.5), tip = rim + u * (head + 7)
        var shaft = Path()
        shaft.move(to: rim); shaft.line(to: tip - u * head * 0.5)
        ctx.stroke(shaft, StrokeStyle(color: style.color, width: max(1.5, style.width), cap: .butt))
        ctx.fill(Arrowhead.path(tip: tip, direction: u, length: head, width: head * 0.8), style.color)
    }
}
