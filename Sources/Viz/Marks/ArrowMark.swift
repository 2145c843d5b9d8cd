/// An arrow from one data point to another (an update step, a gradient direction), with a filled head
/// sized in points so it looks the same at any zoom, and optional text at the tail.
public struct ArrowMark: Mark {
    /// The tail, in data units.
    public var from: Point
    /// The tip, in data units.
    public var to: Point
    /// Shaft and head colour.
    public var color: Color
    /// Shaft width in points.
    public var width: Double
    /// Whether the shaft is drawn. False for the head alone at the end of a path that is already drawn to the
    /// tip in its own (dashed) style: a solid shaft over it hid the pattern that tells the paths apart in greyscale.
    public var showsShaft = true
    /// Head length and full head width in points (shrunk for arrows shorter than twice the head).
    public var headLength: Double
    /// The head's full width in points.
    public var headWidth: Double
    /// Text at the tail, on the side away from the arrow (math syntax allowed).
    public var text: String?
    /// Legend text (nil: no entry).
    public var label: String?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { true }

    /// An arrow from `from` to `to` with a head sized in points.
    public init(from: Point, to: Point, color: Color, width: Double = 1.5, headLength: Double = 9, headWidth: Double = 7,
                text: String? = nil, label: String? = nil, zOrder: Double = 4) {
        self.from = from; self.to = to; self.color = color; self.width = max(0, width)
        self.headLength = max(0, headLength); self.headWidth = max(0, headWidth)
        self.text = text; self.label = label; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? {
        guard from.isFinite, to.isFinite else { return nil }
        return Bounds(points: [from, to])
    }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(StrokeStyle(color: color, width: width), marker: nil))]
    }

    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] {
        guard from.isFinite, to.isFinite else { return [] }
        return (0...8).map { k in let t = Double(k) / 8; return Point(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t) }
    }

    /// Device geometry: the shaft end point and the head triangle (tip first), or nil for a zero-length
    /// or non-finite arrow.
    static func geometry(from a: Point, to b: Point, headLength: Double, headWidth: Double) -> (shaftEnd: Point, head: [Point])? {
        guard a.isFinite, b.isFinite else { return nil }
        let d = b - a
        let len = d.length
        guard len > 1e-9 else { return nil }
        let u = d * (1 / len), n = Point(-u.y, u.x)
        let k = min(1, len / max(2 * headLength, 1e-9))
        let hl = headLength * k, hw = headWidth * k / 2
        let base = b - u * hl
        // The shaft stops inside the head, so its butt end never pokes out beside the tip.
        let shaftEnd = b - u * (hl * 0.6)
        return (shaftEnd, [b, base + n * hw, base - n * hw])
    }

    /// The tail text, behind the tail: the anchor faces the arrow, so the text sits on the far side.
    func placedText(in ctx: PlotContext) -> PlacedText? {
        guard let text, !text.isEmpty else { return nil }
        let a = ctx.point(from), b = ctx.point(to)
        guard a.isFinite, b.isFinite else { return nil }
        let d = b - a, len = max(d.length, 1e-9)
        let ux = d.x / len, uy = d.y / len
        let pad = ctx.theme.noteFont.size * 0.3
        let anchor = TextAnchor(0.5 + 0.5 * ux, uy > 0.5 ? .bottom : uy < -0.5 ? .top : .middle)
        return PlacedText(text: text, at: Point(a.x - ux * pad, a.y - uy * pad), anchor: anchor, font: ctx.theme.noteFont, color: color)
    }

    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] { placedText(in: ctx).map { [$0.box(ctx)] } ?? [] }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let a = ctx.point(from), b = ctx.point(to)
        guard let g = ArrowMark.geometry(from: a, to: b, headLength: headLength, headWidth: headWidth) else { return }
        if showsShaft {
            var shaft = Path()
            shaft.move(to: a); shaft.line(to: g.shaftEnd)
            ctx.stroke(shaft, StrokeStyle(color: color, width: width, cap: .butt))
        }
        ctx.fill(Path(polygon: g.head), color)
        placedText(in: ctx)?.draw(ctx)
    }
}
