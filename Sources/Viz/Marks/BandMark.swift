/// A span across the whole plot: vertical (x from `lower` to `upper`, full height) or horizontal
/// (y from `lower` to `upper`, full width), for ranges of the data that deserve a name (where a curve is flat, say). Infinite ends run
/// to the plot edge. The fill edges sit exactly at the mapped positions (no pixel snapping), so the band
/// covers exactly the pixel columns (rows) between them.
public struct BandMark: Mark {
    /// Which way the band runs.
    public enum Orientation: Sendable, Hashable {
        /// Spans an x range over the full height.
        case vertical
        /// Spans a y range over the full width.
        case horizontal
    }
    /// Vertical (an x range) or horizontal (a y range).
    public var orientation: Orientation
    /// The ends of the span in data units (either order; ±∞ means "to the edge").
    public var lower: Double
    /// The other end of the span.
    public var upper: Double
    /// The fill (translucent, so grid and curves show through).
    public var color: Color
    /// Text drawn inside the band near its top (rotated along a vertical band too narrow for it).
    public var text: String?
    /// Shorter texts tried in order when `text` fits neither across nor along the band; when none fits,
    /// the band has no text rather than clipped text.
    public var shorterTexts: [String] = []
    /// Colour of `text` (nil: the theme's muted text colour).
    public var textColor: Color?
    /// Legend text (a filled patch); nil for no entry.
    public var label: String?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// Where the text sits across a vertical band (top, middle or bottom of the plot).
    public var textPlacement: TextAnchor.Vertical = .top
    /// When set, the text's centre height as a fraction of the plot (0 bottom, 1 top), kept inside; also for a
    /// text set along a narrow band (its labels stood from the top down across the curves).
    public var textHeightFraction: Double?
    /// Data points (lines' vertices, NaN between lines) the text of a vertical band should not cover: it slides
    /// up or down its band to the height over the fewest of them (nearest `textHeightFraction` among equals), and
    /// a shorter text over none is taken before a longer one over some. Empty: placed as `textHeightFraction` says.
    public var avoiding: [Point] = []
    /// When set, parallel lines in this style cross the band at 45°, 6 points apart (matplotlib's
    /// `axvspan(..., hatch="//")`), so it reads as "no data here" in greyscale too.
    public var hatch: StrokeStyle?

    /// A band from `lower` to `upper` in `color`, with optional inline text and legend label.
    public init(_ orientation: Orientation, from lower: Double, to upper: Double, color: Color, text: String? = nil,
                textColor: Color? = nil, label: String? = nil, zOrder: Double = 0.5) {
        self.orientation = orientation; self.lower = Swift.min(lower, upper); self.upper = Swift.max(lower, upper)
        if lower.isNaN || upper.isNaN { self.lower = .nan; self.upper = .nan }
        self.color = color; self.text = text; self.textColor = textColor; self.label = label; self.zOrder = zOrder
    }

    /// A band over `x0…x1`, full height.
    public static func vertical(from x0: Double, to x1: Double, color: Color, text: String? = nil, label: String? = nil) -> BandMark {
        BandMark(.vertical, from: x0, to: x1, color: color, text: text, label: label)
    }

    /// A band over `y0…y1`, full width.
    public static func horizontal(from y0: Double, to y1: Double, color: Color, text: String? = nil, label: String? = nil) -> BandMark {
        BandMark(.horizontal, from: y0, to: y1, color: color, text: text, label: label)
    }

    /// The finite ends along the band's own axis; nothing along the other (it spans whatever is shown).
    public func dataBounds() -> Bounds? {
        let ends = [lower, upper].filter(\.isFinite)
        guard let a = ends.min(), let b = ends.max() else { return nil }
        switch orientation {
        case .vertical: return Bounds(x: Interval(a, b), y: .empty)
        case .horizontal: return Bounds(x: .empty, y: Interval(a, b))
        }
    }

    /// A band's label is the most dispensable text on the plot.
    public var textGivesWay: Bool { true }
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { .bandLabel }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .patch(color, edge: hatch?.color))]
    }

    /// The device rectangle the band fills (clamped to the plot), or nil when it is not visible.
    func deviceRect(in ctx: PlotContext) -> Rect? {
        guard !lower.isNaN, !upper.isNaN else { return nil }
        let r = ctx.plotRect
        switch orientation {
        case .vertical:
            let a = lower == -.infinity ? r.minX : ctx.px(lower), b = upper == .infinity ? r.maxX : ctx.px(upper)
            guard a.isFinite, b.isFinite else { return nil }
            let x0 = Swift.max(r.minX, Swift.min(a, b)), x1 = Swift.min(r.maxX, Swift.max(a, b))
            return x1 > x0 ? Rect(x: x0, y: r.minY, width: x1 - x0, height: r.height) : nil
        case .horizontal:
            let a = lower == -.infinity ? r.maxY : ctx.py(lower), b = upper == .infinity ? r.minY : ctx.py(upper)
            guard a.isFinite, b.isFinite else { return nil }
            let y0 = Swift.max(r.minY, Swift.min(a, b)), y1 = Swift.min(r.maxY, Swift.max(a, b))
            return y1 > y0 ? Rect(x: r.minX, y: y0, width: r.width, height: y1 - y0) : nil
        }
    }

    /// The band's text: centred near the top of a vertical band (rotated to read upwards when the band
    /// is too narrow), at the left near the top of a horizontal one.
    func placedText(in ctx: PlotContext) -> PlacedText? {
        guard let text, !text.isEmpty, let box = deviceRect(in: ctx) else { return nil }
        switch orientation {
        case .vertical:
            // Each text across the band if it fits, else along it; then the next, shorter text. With ink to avoid,
            // each slides up or down its band to the height over the least of it, and a shorter text over none
            // is taken before a longer one over some.
            let ink = avoiding.isEmpty ? nil : PointLabelMark.InkGrid(PointLabelMark.inkSamples(avoiding, ctx), cell: 2)
            var best: (text: PlacedText, ink: Int)?
            for candidate in [text] + shorterTexts {
                guard let placed = verticalText(candidate, in: box, ctx: ctx, color: textColor ?? ctx.theme.muted) else { continue }
                guard let ink else { return placed }
                let slid = Self.leastInk(placed, in: box, ink: ink, ctx: ctx)
                if slid.ink == 0 { return slid.text }
                if best == nil || slid.ink < (best?.ink ?? 0) { best = slid }
            }
            return best?.text
        case .horizontal:
            let font = ctx.theme.noteFont, pad = font.size * 0.4
            let flat = ctx.textBox(text, at: Point(0, 0), anchor: .topCenter, font: font)
            let fits = flat.height + 2 * pad <= box.height
            return PlacedText(text: text, at: Point(box.minX + pad, fits ? box.minY + pad : box.midY),
                              anchor: TextAnchor(0, fits ? .top : .middle), font: font, color: textColor ?? ctx.theme.muted)
        }
    }

    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] { placedText(in: ctx).map { [$0.box(ctx)] } ?? [] }

    /// The text to draw: the placed text, or a shorter one, clear of the context's text obstacles.
    func unobstructedText(in ctx: PlotContext) -> PlacedText? {
        var band = self
        for k in 0...shorterTexts.count {
            guard let t = band.placedText(in: ctx) else { return nil }
            let box = t.box(ctx)
            if !ctx.textObstacles.contains(where: { $0.overlapArea(box) > 0 }) { return t }
            // Try the next shorter text (and only the ones after it).
            guard k < shorterTexts.count else { return nil }
            band.text = shorterTexts[k]
            band.shorterTexts = Array(shorterTexts[(k + 1)...])
        }
        return nil
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard let box = deviceRect(in: ctx) else { return }
        ctx.fill(Path(rect: box), color)
        if let hatch {
            let corners = [Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.maxX, box.maxY), Point(box.minX, box.maxY)]
            var lines = Path()
            for (a, b) in HatchedRegionMark.hatchSegments([corners], angle: 45, spacing: 6) { lines.move(to: a); lines.line(to: b) }
            ctx.stroke(lines, hatch)
        }
        unobstructedText(in: ctx)?.draw(ctx)
    }
}
