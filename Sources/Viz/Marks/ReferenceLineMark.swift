/// A line across the whole plot at one value: y = c (an asymptote, y = 0) or x = c. Dashed by default,
/// with optional text at its end (right end of a horizontal line, top of a vertical one).
public struct ReferenceLineMark: Mark {
    /// Which way the line runs.
    public enum Orientation: Sendable, Hashable {
        /// y = value, across the full width.
        case horizontal
        /// x = value, over the full height.
        case vertical
    }
    /// Horizontal (y = value) or vertical (x = value).
    public var orientation: Orientation
    /// Where the line is, in data units of its axis.
    public var value: Double
    /// Colour, width and dashes.
    /// Colour, width and dashes; nil: `defaultStyle(for:)` of the figure's theme.
    public var style: StrokeStyle?
    /// Text at the end of the line (math syntax allowed).
    public var text: String?
    /// Legend text (nil: no entry).
    public var label: String?
    /// Whether `value` takes part in the automatic limits (on its own axis only).
    public var includeInLimits: Bool
    /// Above lines and bars (2) so the line and its text stay visible, below scatter points (3).
    public var zOrder: Double
    /// Put the text at the start of the line (left end, bottom) instead of its end.
    public var textAtStart = false
    /// Put the text of a horizontal line below it when there is room there (else above; without this,
    /// above when there is room there, else below).
    public var textBelow = false
    /// Text used instead of `text` when that is wider (taller) than the plot: "log 3" for
    /// "max log 3 = 1.099".
    public var shortText: String?

    /// The default look: a dashed line in the theme's muted text colour, 1.2 points wide.
    public static func defaultStyle(for theme: Theme) -> StrokeStyle { StrokeStyle(color: theme.muted, width: 1.2, dash: [5, 3]) }

    /// `style`, or the theme's default look.
    public func resolvedStyle(_ theme: Theme) -> StrokeStyle { style ?? Self.defaultStyle(for: theme) }

    /// A line across the plot at `value`.
    public init(_ orientation: Orientation, at value: Double, style: StrokeStyle? = nil,
                text: String? = nil, label: String? = nil, includeInLimits: Bool = true, zOrder: Double = 2.5) {
        self.orientation = orientation; self.value = value; self.style = style; self.text = text
        self.label = label; self.includeInLimits = includeInLimits; self.zOrder = zOrder
    }

    /// The line y = `y`.
    public static func horizontal(y: Double, style: StrokeStyle? = nil, text: String? = nil, label: String? = nil) -> ReferenceLineMark {
        ReferenceLineMark(.horizontal, at: y, style: style, text: text, label: label)
    }

    /// The line x = `x`.
    public static func vertical(x: Double, style: StrokeStyle? = nil, text: String? = nil, label: String? = nil) -> ReferenceLineMark {
        ReferenceLineMark(.vertical, at: x, style: style, text: text, label: label)
    }

    /// The value on its own axis; the line's infinite extent says nothing about the other axis.
    public func dataBounds() -> Bounds? {
        guard includeInLimits, value.isFinite else { return nil }
        switch orientation {
        case .horizontal: return Bounds(x: .empty, y: Interval(value, value))
        case .vertical: return Bounds(x: Interval(value, value), y: .empty)
        }
    }

    /// The legend entry as drawn in the light theme (see `legendEntries(theme:)`).
    public var legendEntries: [LegendEntry] { legendEntries(theme: .light) }

    /// `Mark`: Entries this mark contributes to the legend.
    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(resolvedStyle(theme), marker: nil))]
    }

    /// The device line (start, end), or nil when it is outside the plot.
    func segment(in ctx: PlotContext) -> (Point, Point)? {
        guard value.isFinite else { return nil }
        let r = ctx.plotRect
        let width = resolvedStyle(ctx.theme).width
        switch orientation {
        case .horizontal:
            let y = ctx.py(value)
            guard y.isFinite, y >= r.minY - width, y <= r.maxY + width else { return nil }
            return (Point(r.minX, y), Point(r.maxX, y))
        case .vertical:
            let x = ctx.px(value)
            guard x.isFinite, x >= r.minX - width, x <= r.maxX + width else { return nil }
            return (Point(x, r.minY), Point(x, r.maxY))
        }
    }

    /// Where the end text goes: above the right end of a horizontal line (below when there is no room),
    /// beside the top of a vertical one (on its left when there is no room on the right).
    func placedText(in ctx: PlotContext) -> PlacedText? {
        guard var text, !text.isEmpty, let (a, _) = segment(in: ctx) else { return nil }
        let r = ctx.plotRect
        let font = ctx.theme.noteFont
        let pad = font.size * 0.35
        if let short = shortText {
            let full = ctx.textBox(text, at: Point(0, 0), anchor: TextAnchor(0, .top), font: font)
            let room = (orientation == .horizontal ? r.width : r.height) - 2 * pad
            if (orientation == .horizontal ? full.width : full.height) > room { text = short }
        }
        let ink = resolvedStyle(ctx.theme).color.withAlpha(1)
        switch orientation {
        case .horizontal:
            let roomAbove = a.y - pad - font.size * 1.3 >= r.minY, roomBelow = a.y + pad + font.size * 1.3 <= r.maxY
            let above = textBelow ? !roomBelow : roomAbove
            return PlacedText(text: text, at: Point(textAtStart ? r.minX + pad : r.maxX - pad, above ? a.y - pad : a.y + pad),
                              anchor: TextAnchor(textAtStart ? 0 : 1, above ? .bottom : .top), font: font, color: ink)
        case .vertical:
            let box = ctx.textBox(text, at: Point(0, 0), anchor: TextAnchor(0, .top), font: font)
            let right = a.x + pad + box.width <= r.maxX - pad
            return PlacedText(text: text, at: Point(right ? a.x + pad : a.x - pad, r.minY + pad),
                              anchor: TextAnchor(right ? 0 : 1, .top), font: font, color: ink)
        }
    }

    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] { placedText(in: ctx).map { [$0.box(ctx)] } ?? [] }

    /// The text moves off curves and markers, but only along its line: to the other end, to the other
    /// side of the line, or part-way along it.
    public func movableTextBox(in ctx: PlotContext) -> Rect? { placedText(in: ctx)?.box(ctx) }

    /// `Mark`: The only shifts (device points) the layout may give the movable text, best first, or nil to let it
    /// search rings around its place (a label that must stay on its line lists spots along it).
    public func movableTextShifts(in ctx: PlotContext) -> [Point]? {
        guard let box = placedText(in: ctx)?.box(ctx), let (a, _) = segment(in: ctx) else { return nil }
        let r = ctx.plotRect, pad = ctx.theme.noteFont.size * 0.35
        var out: [Point] = []
        switch orientation {
        case .horizontal:
            // Same side first, then the other side (just across the line), at steps of half the text's width.
            let across = box.minY >= a.y ? -(box.height + 2 * pad) : box.height + 2 * pad
            let xs = stride(from: r.minX + pad, through: r.maxX - pad - box.width, by: max(4, box.width / 4)).map { $0 - box.minX }
            let ordered = xs.sorted { abs($0) < abs($1) }
            out = ordered.map { Point($0, 0) } + ordered.map { Point($0, across) }
        case .vertical:
            let across = box.minX >= a.x ? -(box.width + 2 * pad) : box.width + 2 * pad
            let ys = stride(from: r.minY + pad, through: r.maxY - pad - box.height, by: max(4, box.height / 2)).map { $0 - box.minY }
            let ordered = ys.sorted { abs($0) < abs($1) }
            out = ordered.map { Point(0, $0) } + ordered.map { Point(across, $0) }
        }
        return out
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard let (a, b) = segment(in: ctx) else { return }
        var path = Path()
        path.move(to: a); path.line(to: b)
        ctx.stroke(path, resolvedStyle(ctx.theme))
        if var t = placedText(in: ctx) {
            t.at = t.at + ctx.textShift
            // A veil of background under the text keeps it readable over bars and curves.
            ctx.fill(Path(rect: t.box(ctx).expanded(by: 1)), ctx.theme.plotBackground.withAlpha(0.75))
            t.draw(ctx)
        }
    }
}
