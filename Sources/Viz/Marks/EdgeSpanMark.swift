/// An interval of x drawn as a thin bar along the plot's bottom edge, as a rug marks points there: where a
/// quantity holds, in the colour of the series it belongs to. Bars of several series stack upwards by `row`
/// (0 next to the edge), so intervals that nest (−6…−4.1 inside −6…−2.04) read as nested, each over its
/// whole extent, where translucent bands only deepen in colour. An end outside the view runs to the frame.
public struct EdgeSpanMark: Mark {
    /// The interval's ends in data x (either may be infinite: to the frame).
    public var lower: Double
    /// The upper end in data x.
    public var upper: Double
    /// The bar's colour (opaque: the series colour).
    public var color: Color
    /// Which bar from the edge: 0 touches it, 1 sits just above, and so on.
    public var row: Int
    /// The bar's thickness in points.
    public var thickness: Double
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double

    /// A bar over `lower…upper` in `color`, `row` bars up from the bottom edge.
    public init(from lower: Double, to upper: Double, color: Color, row: Int = 0, thickness: Double = 3, zOrder: Double = 4) {
        self.lower = Swift.min(lower, upper); self.upper = Swift.max(lower, upper)
        self.color = color; self.row = Swift.max(0, row); self.thickness = thickness; self.zOrder = zOrder
    }

    /// `Mark`: The finite ends in x; nothing in y (the bar sits on the frame).
    public func dataBounds() -> Bounds? {
        let ends = [lower, upper].filter(\.isFinite)
        guard let a = ends.min(), let b = ends.max() else { return nil }
        return Bounds(x: Interval(a, b), y: .empty)
    }

    /// The device rectangle of the bar, or nil when the interval is not in view.
    public func deviceRect(in ctx: PlotContext) -> Rect? {
        guard !lower.isNaN, !upper.isNaN else { return nil }
        let r = ctx.plotRect
        let a = lower == -.infinity ? r.minX : ctx.px(lower), b = upper == .infinity ? r.maxX : ctx.px(upper)
        guard a.isFinite, b.isFinite else { return nil }
        let x0 = Swift.max(r.minX, Swift.min(a, b)), x1 = Swift.min(r.maxX, Swift.max(a, b))
        guard x1 > x0 else { return nil }
        let gap = thickness * 0.5
        let bottom = r.maxY - gap - Double(row) * (thickness + gap)
        return Rect(x: x0, y: bottom - thickness, width: x1 - x0, height: thickness)
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard let box = deviceRect(in: ctx) else { return }
        ctx.fill(Path(rect: box), color)
    }
}
