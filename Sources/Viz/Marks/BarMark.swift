/// Grouped bars: one group per category (at x = 0, 1, 2…), one bar per series inside each group, with
/// optional value labels above the bars (below for negative values). Put the category names on the
/// axis with `Axes.addBars(_:)`, or set `Axes.xTickLabels = bars.categoryTicks` yourself.
public struct BarMark: Mark {
    /// One series: a legend label and one value per category (NaN: no bar).
    public struct Series: Sendable {
        /// The legend text (nil: no entry).
        public var label: String?
        /// One value per category.
        public var values: [Double]
        /// A series of `values` named `label`.
        public init(label: String? = nil, values: [Double]) { self.label = label; self.values = values }
    }
    /// The category names, one group of bars each, at x = 0, 1, 2…
    public var categories: [String]
    /// The series, one bar in every group each.
    public var series: [Series]
    /// Bar colours by series (cycled); empty: the theme's palette.
    public var colors: [Color]
    /// The fraction of the category spacing a group takes (0…1).
    public var groupWidth: Double
    /// Bars start here (0 by default).
    public var baseline: Double
    /// Print each value at the end of its bar: level when it is no wider than the bar, turned upright
    /// when the bar is at least a line high, and not at all when the bars are too narrow for either
    /// (the values are in the figure's data tables).
    public var valueLabels: Bool
    /// Value labels with this many decimals (a non-zero value that rounds to zero reads "<0.001");
    /// nil: `TickFormat.short`.
    public var valueLabelDecimals: Int?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { true }
    /// Value labels belong to their bars: point labels in a layout report.
    public var textKind: FigureElement.Kind { .pointLabel }

    /// Grouped bars of `series` over `categories`.
    public init(categories: [String], series: [Series], colors: [Color] = [], groupWidth: Double = 0.8,
                baseline: Double = 0, valueLabels: Bool = true, zOrder: Double = 2) {
        self.categories = categories; self.series = series
        self.colors = colors
        self.groupWidth = groupWidth.isFinite ? min(1, max(0.05, groupWidth)) : 0.8
        self.baseline = baseline.isFinite ? baseline : 0
        self.valueLabels = valueLabels; self.zOrder = zOrder
    }

    /// A single series of bars (nil `color`: the theme's first series colour).
    public init(categories: [String], values: [Double], color: Color? = nil, label: String? = nil, valueLabels: Bool = true) {
        self.init(categories: categories, series: [Series(label: label, values: values)], colors: color.map { [$0] } ?? [],
                  valueLabels: valueLabels)
    }

    /// The colour of series `j` in `theme`: `colors` cycled, or the theme's palette when it is empty.
    public func color(_ j: Int, theme: Theme) -> Color { colors.isEmpty ? theme.color(j) : colors[j % colors.count] }

    /// Category ticks for `Axes.xTickLabels`: (index, name).
    public var categoryTicks: [(value: Double, label: String)] { categories.enumerated().map { (Double($0.offset), $0.element) } }

    /// The data-space x range of bar `j` in category `i`.
    public func barSpan(category i: Int, series j: Int) -> Interval {
        let n = Double(max(1, series.count))
        let w = groupWidth / n
        let x0 = Double(i) - groupWidth / 2 + Double(j) * w
        return Interval(x0, x0 + w)
    }

    /// The value of bar (i, j), or nil when missing or not finite.
    func value(_ i: Int, _ j: Int) -> Double? {
        guard series.indices.contains(j), series[j].values.indices.contains(i) else { return nil }
        let v = series[j].values[i]
        return v.isFinite ? v : nil
    }

    /// All categories (±half a slot) and the baseline plus every value; with value labels, 8% headroom
    /// on the sides the bars grow towards so the labels fit inside the plot.
    public func dataBounds() -> Bounds? {
        guard !categories.isEmpty else { return nil }
        var lo = baseline, hi = baseline
        for j in series.indices { for i in categories.indices { if let v = value(i, j) { lo = min(lo, v); hi = max(hi, v) } } }
        let room = valueLabels ? (hi - lo) * 0.08 : 0
        if hi > baseline { hi += room }
        if lo < baseline { lo -= room }
        return Bounds(x: Interval(-0.5, Double(categories.count) - 0.5), y: Interval(lo, hi))
    }

    /// The legend entries as drawn in the light theme (see `legendEntries(theme:)`).
    public var legendEntries: [LegendEntry] { legendEntries(theme: .light) }

    /// `Mark`: Entries this mark contributes to the legend.
    public func legendEntries(theme: Theme) -> [LegendEntry] {
        series.enumerated().compactMap { j, s in s.label.map { LegendEntry(label: $0, sample: .patch(color(j, theme: theme), edge: nil)) } }
    }

    /// Bar tops and a few points down each bar (and the value label spot), so the legend avoids them.
    public func occupiedPoints() -> [Point] {
        var out: [Point] = []
        for j in series.indices {
            for i in categories.indices {
                guard let v = value(i, j) else { continue }
                let s = barSpan(category: i, series: j)
                for t in stride(from: 0.0, through: 1.0, by: 0.25) {
                    let y = baseline + (v - baseline) * t
                    out += [Point(s.lower, y), Point((s.lower + s.upper) / 2, y), Point(s.upper, y)]
                }
                out.append(Point((s.lower + s.upper) / 2, v + (v - baseline) * 0.06))
            }
        }
        return out
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let y0 = ctx.py(baseline)
        guard y0.isFinite else { return }
        for j in series.indices {
            var bars = Path()
            for i in categories.indices {
                guard let v = value(i, j) else { continue }
                let s = barSpan(category: i, series: j)
                let a = ctx.px(s.lower), b = ctx.px(s.upper), y = ctx.py(v)
                guard a.isFinite, b.isFinite, y.isFinite else { continue }
                bars.append(Path(rect: Rect(x: min(a, b), y: min(y, y0), width: abs(b - a), height: abs(y - y0))))
            }
            ctx.fill(bars, color(j, theme: ctx.theme))
        }
        for t in valueTexts(in: ctx) { t.draw(ctx) }
    }

    /// The text of value `v`.
    func valueText(_ v: Double) -> String {
        guard let d = valueLabelDecimals else { return TickFormat.short(v) }
        let text = TickFormat.fixed(v, d)
        var unit = 1.0
        for _ in 0..<d { unit /= 10 }
        if v != 0, abs(v) < unit / 2 { return (v < 0 ? ">−" : "<") + TickFormat.fixed(unit, d) }
        return text
    }

    /// The value labels: beyond the bar end, or just inside it (in a colour that reads on the bar)
    /// when there is no room before the plot edge (none when the bar is too short to hold it). Level
    /// when every label is no wider than a bar, upright when a bar is at least a line wide, none
    /// otherwise.
    func valueTexts(in ctx: PlotContext) -> [PlacedText] {
        guard valueLabels, !categories.isEmpty, !series.isEmpty else { return [] }
        let y0 = ctx.py(baseline)
        let span0 = barSpan(category: 0, series: 0)
        let barWidth = abs(ctx.px(span0.upper) - ctx.px(span0.lower))
        guard y0.isFinite, barWidth.isFinite else { return [] }
        var texts: [(i: Int, j: Int, v: Double, text: String)] = []
        for j in series.indices { for i in categories.indices { if let v = value(i, j) { texts.append((i, j, v, valueText(v))) } } }
        // The note font, or down to 80 % of it, level or upright, whichever fits first.
        var choice: (font: Font, level: Bool)?
        for font in [ctx.theme.noteFont, ctx.theme.noteFont.scaled(0.8)] where choice == nil {
            let sizes = texts.map { ctx.textBox($0.text, at: Point(0, 0), anchor: .center, font: font, angle: 0) }
            // Narrower than the bar, so neighbouring labels keep a gap.
            if sizes.allSatisfy({ $0.width <= barWidth * 0.95 }) { choice = (font, true) }
            else if sizes.allSatisfy({ $0.height <= barWidth * 0.95 }) { choice = (font, false) }
        }
        guard let (font, level) = choice else { return [] }
        let pad = font.size * 0.3
        let angle = level ? 0 : Double.pi / 2
        var out: [PlacedText] = []
        for (i, j, v, text) in texts {
            let s = barSpan(category: i, series: j)
            let x = ctx.px((s.lower + s.upper) / 2), y = ctx.py(v)
            guard x.isFinite, y.isFinite else { continue }
            let up = y <= y0
            // Level text hangs on its bottom (top) edge; upright text starts (ends) at the bar end.
            func anchor(outside: Bool) -> TextAnchor {
                let away = outside == up
                return level ? TextAnchor(0.5, away ? .bottom : .top) : TextAnchor(away ? 0 : 1, .middle)
            }
            var t = PlacedText(text: text, at: Point(x, up ? y - pad : y + pad), anchor: anchor(outside: true),
                               font: font, color: ctx.theme.foreground, angle: angle)
            let box = t.box(ctx)
            if box.minY < ctx.plotRect.minY || box.maxY > ctx.plotRect.maxY {
                t.at = Point(x, up ? y + pad : y - pad)
                t.anchor = anchor(outside: false)
                t.color = color(j, theme: ctx.theme).luminance > 0.35 ? .black : .white
                // Inside only when the bar is long enough to hold it; otherwise this value goes unlabelled.
                let inside = t.box(ctx)
                guard inside.minY >= min(y, y0) - 0.5, inside.maxY <= max(y, y0) + 0.5 else { continue }
            }
            out.append(t)
        }
        return out
    }

    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] { valueTexts(in: ctx).map { $0.box(ctx) } }
}

extension Axes {
    /// Adds grouped bars and puts their category names on the x axis (without vertical grid lines).
    /// An automatic legend moves outside to the right: bars leave no empty corner to put it in.
    public mutating func addBars(_ bars: BarMark) {
        add(bars)
        xTickLabels = bars.categoryTicks
        xGrid = false
        if legend == .best { legend = .outsideRight }
    }
}
