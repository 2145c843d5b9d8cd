/// The resolved geometry of one axes: scales, ticks, labels, and the plot rectangle.
struct AxisLayout {
    var xScale: Scale
    var yScale: Scale
    var xTicks: [Double] = []
    var yTicks: [Double] = []
    var xLabels: [TextLayout] = []
    var yLabels: [TextLayout] = []
    var xMinor: [Double] = []
    var yMinor: [Double] = []
    var insets = Insets.zero
    var plotRect = Rect(x: 0, y: 0, width: 1, height: 1)
    var guideWidths: [Double] = []
    var legend: LegendLayout?
    /// The legend's top-left corner, chosen once the plot rectangle is known.
    var legendOrigin: Point?
    /// Where the legend actually goes (an outside legend too wide for the cell moves below).
    var legendPlacement: LegendPlacement = .none

    /// Chooses ticks for a plot `rect` and measures their labels.
    mutating func computeTicks(axes: Axes, rect: Rect, theme: Theme, canvas: any DrawingBackend) {
        let font = theme.tickFont
        let nx = Ticks.count(forLength: rect.width, fontSize: font.size, horizontal: true)
        let ny = Ticks.count(forLength: rect.height, fontSize: font.size, horizontal: false)
        xTicks = xScale.ticks(count: nx)
        yTicks = yScale.ticks(count: ny)
        // Labels must not collide: fewer ticks until the widest label fits its slot.
        var xl = xScale.labels(for: xTicks).map { TextLayout.make($0, font: font, canvas: canvas) }
        var n = nx
        while n > 2, xTicks.count > 1 {
            let widest = xl.map(\.width).max() ?? 0
            var slot = Double.infinity
            for k in 1..<xTicks.count {
                slot = min(slot, rect.width * abs(xScale.normalize(xTicks[k]) - xScale.normalize(xTicks[k - 1])))
            }
            if widest + font.size * 0.8 <= slot { break }
            n -= 1
            xTicks = xScale.ticks(count: n)
            xl = xScale.labels(for: xTicks).map { TextLayout.make($0, font: font, canvas: canvas) }
        }
        // Still colliding with the fewest nice ticks (wide labels on a narrow plot): keep every k-th one.
        if xTicks.count > 2, let widest = xl.map(\.width).max() {
            let gap = rect.width * abs(xScale.normalize(xTicks[1]) - xScale.normalize(xTicks[0]))
            let k = Int(((widest + font.size * 0.8) / max(gap, 1e-9)).rounded(.up))
            if k > 1 {
                let keep = Array(stride(from: 0, to: xTicks.count, by: k))
                xTicks = keep.map { xTicks[$0] }
                xl = keep.map { xl[$0] }
            }
        }
        var yl = yScale.labels(for: yTicks).map { TextLayout.make($0, font: font, canvas: canvas) }
        xMinor = axes.minorTicks ? xScale.minorTicks(count: n) : []
        yMinor = axes.minorTicks ? yScale.minorTicks(count: ny) : []
        // Fixed ticks (categories) replace the automatic ones; minor ticks make no sense between them.
        if let fixed = axes.xTickLabels {
            let kept = fixed.filter { Self.inside($0.value, xScale) }
            xTicks = kept.map(\.value); xl = kept.map { TextLayout.make($0.label, font: font, canvas: canvas) }; xMinor = []
        }
        if let fixed = axes.yTickLabels {
            let kept = fixed.filter { Self.inside($0.value, yScale) }
            yTicks = kept.map(\.value); yl = kept.map { TextLayout.make($0.label, font: font, canvas: canvas) }; yMinor = []
        }
        if !axes.showAxes { xTicks = []; yTicks = []; xMinor = []; yMinor = [] }
        xLabels = axes.showXTickLabels && axes.showAxes ? xl : []
        yLabels = axes.showYTickLabels && axes.showAxes ? yl : []
    }

    /// True when `v` maps inside the scale's domain (with a hair of tolerance for rounding).
    static func inside(_ v: Double, _ s: Scale) -> Bool {
        let u = s.normalize(v)
        return u.isFinite && u >= -1e-9 && u <= 1 + 1e-9
    }

    /// The space around the plot rectangle that ticks, labels, title, guides and an outside legend need.
    mutating func computeInsets(axes: Axes, rect: Rect, theme: Theme, canvas: any DrawingBackend, legendEntries: [LegendEntry]) {
        let pad = theme.labelFont.size * 0.4
        let tick = axes.showAxes ? theme.tickLength : 0
        var i = Insets()
        let yw = yLabels.map(\.width).max() ?? 0
        i.left = tick + (yLabels.isEmpty ? 0 : pad * 0.8 + yw)
        if let y = axes.yLabel { i.left += pad + TextLayout.make(y, font: theme.labelFont, canvas: canvas).height }
        let xh = xLabels.map(\.height).max() ?? 0
        i.bottom = tick + (xLabels.isEmpty ? 0 : pad * 0.6 + xh)
        if let x = axes.xLabel { i.bottom += pad + TextLayout.make(x, font: theme.labelFont, canvas: canvas).height }
        // Half a tick label sticks out above the top tick and beside the last x tick.
        i.top = (yLabels.first?.height ?? 0) / 2 + 2
        if let t = axes.title { i.top = max(i.top, TextLayout.make(t, font: theme.titleFont, canvas: canvas).height + pad * 1.4) }
        i.right = max(4, (xLabels.last?.width ?? 0) / 2 + 2)
        let gctx = GuideContext(theme: theme, canvas: canvas)
        guideWidths = axes.sideGuides.map { $0.width(gctx) }
        if !guideWidths.isEmpty { i.right = max(i.right, 4) + guideWidths.reduce(0) { $0 + $1 + pad * 2 } }
        legend = nil
        if !legendEntries.isEmpty, axes.legend != .none {
            var placement = axes.legend
            func measure(_ p: LegendPlacement) -> LegendLayout {
                let maxHeight: Double = p == .below ? rect.height * 0.35 : max(40, rect.height - i.top - i.bottom) * 0.62
                return LegendLayout(entries: legendEntries, theme: theme, canvas: canvas, maxHeight: maxHeight,
                                    maxWidth: p == .below ? rect.width : rect.width * 0.55)
            }
            var l = measure(placement)
            // An outside legend wider than half the cell would crush the plot: put it below instead.
            if placement == .outsideRight, l.size.width > rect.width * 0.5 {
                placement = .below
                l = measure(placement)
            }
            legend = l
            legendPlacement = placement
            if placement == .outsideRight { i.right += l.size.width + pad * 2 }
            if placement == .below { i.bottom += l.size.height + pad * 1.5 }
        }
        insets = i
    }
}
