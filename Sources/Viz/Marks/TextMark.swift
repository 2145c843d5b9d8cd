/// Text placed at a data point with an anchor (math syntax allowed). Text does not take part in the
/// automatic limits (as in matplotlib): place it inside the data, or set the limits.
public struct TextMark: Mark {
    /// The text (math syntax allowed).
    public var text: String
    /// The data point the text is anchored at.
    public var position: Point
    /// Which point of the text box sits at `position` (shifted by `offset`).
    public var anchor: TextAnchor
    /// Shift from the data point in points (x right, y up).
    public var offset: Point
    /// nil: the theme's foreground colour.
    public var color: Color?
    /// nil: the theme's label font.
    public var font: Font?
    /// Rotation in radians, counter-clockwise.
    public var angle: Double
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// What the text is in a layout report: a note (the default), an annotation, a label.
    public var textKind: FigureElement.Kind = .note
    /// Let the layout move a note or annotation off the data, other texts and the legend, and keep it
    /// inside the plot (false: exactly where it is put).
    public var avoidsData = true
    /// Said in the figure's footnote instead when no spot in the plot is free for the text (see
    /// `Mark.footnoteText`); nil: the text stays in the plot.
    public var footnote: String?
    /// `Mark`: The sentence the figure's footnote says instead when the mark's movable text finds no spot in the
    /// plot free of data and other text (the mark then draws nothing), or nil: the text stays, pulled wholly
    /// inside the plot.
    public var footnoteText: String? { footnote }
    /// The curve this text names (data points, in order from where the label is best read): when its spot
    /// is not free, the text moves only to spots beside this curve (just above or below one of its
    /// points), so a direct label never drifts to another curve. nil: any nearby spot.
    public var curve: [Point]?
    /// Draw the text on a patch of the plot's background (as annotations and point labels are), so it reads over
    /// filled contours or a heatmap: black "to the start (−1.5, 2)" on viridis's darkest band was a contrast of 1.3.
    public var backing = false

    /// `text` anchored at `position`.
    public init(_ text: String, at position: Point, anchor: TextAnchor = .center, offset: Point = Point(0, 0),
                color: Color? = nil, font: Font? = nil, angle: Double = 0, zOrder: Double = 5) {
        self.text = text; self.position = position; self.anchor = anchor; self.offset = offset
        self.color = color; self.font = font; self.angle = angle; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { nil }

    /// The device point the anchor sits at, or nil when not drawable.
    func anchorPoint(in ctx: PlotContext) -> Point? {
        guard position.isFinite, !text.isEmpty else { return nil }
        let d = ctx.point(position)
        return d.isFinite ? Point(d.x + offset.x, d.y - offset.y) : nil
    }

    /// A level note or annotation wider than this share of the plot's width goes on two lines where that
    /// makes it narrower (split as `TextLayout.split` splits: at a " · " separator first), so that the same
    /// note finds a free spot in every panel of small multiples; nil: only a text wider than the plot.
    public var wrapsBeyond: Double?

    /// The text as drawn: a level note or annotation wider than the plot (or than `wrapsBeyond` of it) goes on
    /// two lines, then shrinks (to 70 % at most, then whatever keeps it inside), so it is never cut off at the frame.
    func layout(in ctx: PlotContext) -> TextLayout {
        let f = font ?? ctx.theme.labelFont
        let room = ctx.plotRect.width - 4
        guard angle == 0, textKind == .note || textKind == .annotation, room > 0 else { return TextLayout.make(text, font: f, canvas: ctx.canvas) }
        if let share = wrapsBeyond, let (a, b) = TextLayout.split(text) {
            let one = TextLayout.make(text, font: f, canvas: ctx.canvas)
            let two = TextLayout.stacked(TextLayout.make(a, font: f, canvas: ctx.canvas), TextLayout.make(b, font: f, canvas: ctx.canvas), font: f)
            if one.width > room * share, two.width < one.width, two.width <= room { return two }
        }
        return TextLayout.fitted(text, font: f, maxWidth: room, hardLimit: room, floor: 0.7, wrap: true, canvas: ctx.canvas)
    }

    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] {
        guard let p = anchorPoint(in: ctx) else { return [] }
        return [ctx.canvas.box(of: layout(in: ctx), at: p, anchor: anchor, angle: angle)]
    }

    /// `Mark`: Beside its `curve` when it names one (above, then below, each of its points in order, the text's
    /// right end, middle or left end there), else anywhere near (nil).
    public func movableTextShifts(in ctx: PlotContext) -> [Point]? {
        guard let curve, let box = movableTextBox(in: ctx) else { return nil }
        let gap = max(3, box.height * 0.2)
        // (Kept inside the plot: a curve's end on the frame puts the text against it, not past it.)
        let room = ctx.plotRect.inset(by: Insets(top: 2, left: 2, bottom: 2, right: 2))
        var out: [Point] = []
        for q in curve.map(ctx.point) where q.isFinite {
            for y in [q.y - gap - box.height, q.y + gap] {
                for x in [q.x - box.width, q.x - box.width / 2, q.x] {
                    let left = min(max(x, room.minX), room.maxX - box.width)
                    out.append(Point(left - box.minX, y - box.minY))
                }
            }
        }
        return out
    }

    /// `Mark`: The device box of text the layout may move off the data (a note), or nil; the mark draws it
    /// shifted by the context's `textShift`.
    public func movableTextBox(in ctx: PlotContext) -> Rect? {
        guard avoidsData, textKind == .note || textKind == .annotation, angle == 0 else { return nil }
        return occupiedRects(in: ctx).first
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard var p = anchorPoint(in: ctx) else { return }
        p = p + ctx.textShift
        let t = layout(in: ctx)
        if backing {
            ctx.fill(Path(rect: ctx.canvas.box(of: t, at: p, anchor: anchor, angle: angle).expanded(by: 1.5)), ctx.theme.plotBackground.withAlpha(0.8))
        }
        ctx.canvas.element(FigureElement(ctx.textKind, text: text)) {
            ctx.canvas.draw(t, at: p, anchor: anchor, angle: angle, color: color ?? ctx.theme.foreground)
        }
    }
}
