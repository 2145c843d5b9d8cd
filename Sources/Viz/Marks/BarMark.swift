/// Grouped bars: one group per category (at x = 0, 1, 2…), one bar per series inside each group, with
/// optional value labels above the bars (below for negative values). Put the category names on the
/// axis with `Axes.addBars(_:)`, or set `Axes.xTickLabels = bars.categoryTicks` yourself.
public struct BarMark: Mark {
    /// One series: a legend label and one value per category (NaN: no bar).
    public struct Series: Sendable {
        public var label: String?
        public var values: [Double]
        public init(label: String? = nil, values: [Double]) { self.label = label; self.values = values }
    }
    public var categories: [String]
    public var series: [Series]
    /// Bar colours by series (cycled).
    public var colors: [Color]
    /// The fraction of the category spacing a group takes (0…1).
    public var groupWidth: Double
    /// Bars start here (0 by default).
    public var baseline: Double
    /// Print each value (formatted with `TickFormat.short`) at the end of its bar.
    public var valueLabels: Bool
    public var zOrder: Double
    public var isDataInk: Bool { true }

    public init(categories: [String], series: [Series], colors: [Color] = Palette.light, groupWidth: Double = 0.8,
                baseline: Double = 0, valueLabels: Bool = true, zOrder: Double = 2) {
        self.categories = categories; self.series = series
        self.colors = colors.isEmpty ? Palette.light : colors
        self.groupWidth = groupWidth.isFinite ? min(1, max(0.05, groupWidth)) : 0.8
        self.baseline = baseline.isFinite ? baseline : 0
        self.valueLabels = valueLabels; self.zOrder = zOrder
    }

    /// A single series of bars.
    public init(categories: [String], values: [Double], color: Color = Palette.light[0], label: String? = nil, valueLabels: Bool = true) {
        self.init(categories: categories, series: [Series(label: label, values: values)], colors: [color], valueLabels: valueLabels)
    }

    /// The colour of series `j`.
    public func color(_ j: Int) -> Color { colors[j % colors.count] }

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

    public var legendEntries: [LegendEntry] {
        series.enumerated().compactMap { j, s in s.label.map { LegendEntry(label: $0, sample: .patch(color(j), edge: nil)) } }
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
            ctx.fill(bars, color(j))
        }
        for t in valueTexts(in: ctx) { t.draw(ctx) }
    }

    /// The value labels: beyond the bar end, or just inside it (in a colour that reads on the bar)
    /// when there is no room before the plot edge.
    func valueTexts(in ctx: PlotContext) -> [PlacedText] {
        guard valueLabels else { return [] }
        let font = ctx.theme.noteFont
        let pad = font.size * 0.3
        let y0 = ctx.py(baseline)
        guard y0.isFinite else { return [] }
        var out: [PlacedText] = []
        for j in series.indices {
            for i in categories.indices {
                guard let v = value(i, j) else { continue }
                let s = barSpan(category: i, series: j)
                let x = ctx.px((s.lower + s.upper) / 2), y = ctx.py(v)
                guard x.isFinite, y.isFinite else { continue }
                let up = y <= y0
                var t = PlacedText(text: TickFormat.short(v), at: Point(x, up ? y - pad : y + pad),
                                   anchor: TextAnchor(0.5, up ? .bottom : .top), font: font, color: ctx.theme.foreground)
                let box = t.box(ctx)
                if box.minY < ctx.plotRect.minY || box.maxY > ctx.plotRect.maxY {
                    t.at = Point(x, up ? y + pad : y - pad)
                    t.anchor = TextAnchor(0.5, up ? .top : .bottom)
                    t.color = color(j).luminance > 0.35 ? .black : .white
                }
                out.append(t)
            }
        }
        return out
    }

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
