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
    /// The part of `insets` an outside legend takes (right or below): a panel's own, not shared with
    /// the panels it is aligned with.
    var legendInsets = Insets()
    /// How far the last x tick label reaches right of the frame: guides and an outside legend start past it.
    var labelOverhang = 0.0

    /// The x and y axis titles with the shared offset or power of ten of their tick labels (see `ScalarLabels`).
    var xTitle: String?
    var yTitle: String?
    /// x tick labels turned 45° (counter-clockwise, right end at the tick) because upright ones collide.
    var xLabelsRotated = false
    /// The y axis title and the panel title as drawn, fitted when the insets are computed (so the space
    /// reserved is the space used).
    var yTitleLayout: TextLayout?
    var titleLayout: TextLayout?
    /// The room above the plot, from its cell's top (set with the final plot rectangle; the row's tallest
    /// title and labels set it, so it may exceed this panel's own inset).
    var keptTop = 0.0
    /// Where the panel title is centred across (device x); nil: over the plot's middle.
    var titleCenterX: Double?
    var title: String?
    /// The fraction of the title font the panel title is set at, the width it was fitted to, whether it fits
    /// there at a legible size, and how much taller it is than the room kept above the plot (see
    /// `TextLayout.panelTitle`; the figure then sets every panel title at the smallest scale).
    var titleScale = 1.0
    var titleRoom = 0.0
    var titleFits = true
    var titleShortfall = 0.0

    /// How far x tick labels reach below the tick marks' end (rotated labels reach further).
    var xLabelExtent: Double {
        guard !xLabels.isEmpty else { return 0 }
        if xLabelsRotated { return xLabels.map { ($0.width + $0.height) * 0.7071 }.max() ?? 0 }
        return xLabels.map(\.height).max() ?? 0
    }

    /// Chooses ticks for a plot `rect` and measures their labels. x labels never overlap: fewer ticks
    /// (down to three), then every k-th tick while two stay, then labels turned 45°, then one shared power
    /// of ten, then every k-th tick down to one (see `AxisTickChoice`).
    mutating func computeTicks(axes: Axes, rect: Rect, theme: Theme, canvas: any DrawingBackend, rotate: Bool = true) {
        let font = theme.tickFont
        let maker = TickMaker(font: font, canvas: canvas, width: rect.width, xScale: xScale)
        var x = maker.chooseX(rotate: rotate)
        var rotated = x.rotated
        xTicks = x.ticks.values
        var y = maker.chooseY(yScale, height: rect.height)
        yTicks = y.ticks.values
        xMinor = axes.minorTicks ? xScale.minorTicks(count: x.count) : []
        yMinor = axes.minorTicks ? yScale.minorTicks(count: y.count) : []
        // Fixed ticks (categories) replace the automatic ones; minor ticks make no sense between them.
        if let fixed = axes.xTickLabels {
            let kept = fixed.filter { Self.inside($0.value, xScale) }
            (xTicks, x.ticks.labels, rotated) = Self.fitCategoryLabels(kept, scale: xScale, width: rect.width, font: font, rotate: rotate, canvas: canvas)
            xMinor = []
            x.ticks.format = ScalarLabels(labels: [], offset: 0, exponent: 0)
        }
        if let fixed = axes.yTickLabels {
            let kept = fixed.filter { Self.inside($0.value, yScale) }
            (yTicks, y.ticks.labels) = Self.thinFixedYLabels(kept.map(\.value), kept.map { TextLayout.make($0.label, font: font, canvas: canvas) },
                                                             scale: yScale, height: rect.height, font: font)
            yMinor = []
            y.ticks.format = ScalarLabels(labels: [], offset: 0, exponent: 0)
        }
        if !axes.showAxes { xTicks = []; yTicks = []; xMinor = []; yMinor = [] }
        xLabels = axes.showXTickLabels && axes.showAxes ? x.ticks.labels : []
        yLabels = axes.showYTickLabels && axes.showAxes ? y.ticks.labels : []
        xLabelsRotated = rotated && !xLabels.isEmpty
        xTitle = xLabels.isEmpty ? axes.xLabel : x.ticks.format.axisTitle(axes.xLabel)
        let laidOut = yTitle
        yTitle = yLabels.isEmpty ? axes.yLabel : y.ticks.format.axisTitle(axes.yLabel ?? (y.ticks.format.hasSuffix ? axes.yQuantity : nil))
        // Ticks chosen again for the plot as drawn (equal aspect widens y) may need another power of ten:
        // the title laid out for the first ticks would state the old one ("×10¹⁰" over ticks that are ×10¹¹).
        if yTitleLayout != nil, yTitle != laidOut {
            yTitleLayout = yTitle.map { TextLayout.fitted($0, font: theme.labelFont, maxWidth: rect.height * 1.25, hardLimit: rect.height, canvas: canvas) }
        }
    }

    /// Once the plot rectangle is final: a y title longer than the page allows (centred on the frame) is
    /// shrunk, keeping its number of lines; a panel title is fitted to its room (`TextLayout.panelTitle`:
    /// never below the tick labels' size; `fixedScale` sets it at the figure's one title size). A panel
    /// title's room is its plot's width or, when wider, its `cell` left of the plot's right edge (it may
    /// reach over the y labels of a narrow map rather than shrink); it is then moved, no further than
    /// needed, to stay inside that room. `titleShortfall` says how much more height above the plot it needs.
    /// `guidesOverhang`: how far the side guides (a colorbar's top label or long title) stand over the plot's top.
    mutating func refitTitles(page: Size, cell: Rect, padding p: Double, theme: Theme, canvas: any DrawingBackend, besideLegend: Bool = false,
                              guidesOverhang: Double = 0, fixedScale: Double? = nil) {
        let r = plotRect
        // Right of the plot: the cell's margin when no legend is there (its own, or one reaching down from
        // the panel above), else the labels' overhang. A colorbar starts at the plot's top: the title may
        // reach over it (raised above its top label when it does; see `PanelDrawing.drawTitle`).
        let right = legendInsets.right == 0 && !besideLegend ? cell.maxX - p / 2 : r.maxX + labelOverhang
        titleRoom = max(r.width, right - cell.minX - p / 2)
        func refit(_ t: TextLayout, _ text: String, _ font: Font, _ room: Double) -> TextLayout {
            guard t.width > room, room > 0 else { return t }
            // On two lines when the space reserved holds them (the text was on two already), else on one.
            let two = TextLayout.fitted(text, font: font, maxWidth: room, hardLimit: room, floor: 0, wrap: true, canvas: canvas)
            if two.height <= t.height + 0.5 { return two }
            return TextLayout.fitted(text, font: font, maxWidth: room, hardLimit: room, floor: 0, wrap: false, canvas: canvas)
        }
        // A y title longer than the plot shrinks towards 1.1 × its height (to 80 % of its size at most; the
        // panel title above keeps clear of what still stands over), and never past the page.
        if let t = yTitleLayout, let text = yTitle {
            let page = 2 * min(r.midY - p, page.height - p - r.midY)
            yTitleLayout = refit(t, text, theme.labelFont, min(page, max(r.height * 1.1, t.width * 0.8)))
        }
        if let text = title {
            var fit = TextLayout.panelTitle(text, font: theme.titleFont, room: titleRoom, fixedScale: fixedScale, canvas: canvas)
            // Centred on the plot, moved (no further than needed) to stay inside its cell.
            func centre(_ f: TextLayout, right: Double) -> Double {
                let half = f.width / 2, lo = cell.minX + p / 2 + half, hi = right - half
                return lo <= hi ? min(max(r.midX, lo), hi) : cell.midX
            }
            var cx = centre(fit.layout, right: right)
            // Reaching over the y labels and title or over a colorbar, it must sit above what stands over
            // the plot's top there; when the room kept above the plot is too short for that, it stays over
            // the plot (fitted to its width) instead.
            let pad = theme.labelFont.size * 0.4
            let labelTop = zip(yTicks, yLabels).map { (1 - yScale.normalize($0)) * r.height - $1.height / 2 }.filter(\.isFinite).min() ?? 0
            let leftOver = max(-labelTop, (yTitleLayout?.width ?? 0) / 2 - r.height / 2)
            let reachesLeft = cx - fit.layout.width / 2 < r.minX - 0.5, reachesRight = cx + fit.layout.width / 2 > r.maxX + pad * 2
            let need = max(reachesLeft ? leftOver : 0, reachesRight ? guidesOverhang : 0)
            // Over the plot, it needs its height and a gap below it inside the room kept above the plot.
            var shortfall = max(0, fit.layout.height + pad * 0.9 - keptTop)
            if need > 0.5, need > keptTop - fit.layout.height - pad * 1.4 {
                let narrow = TextLayout.panelTitle(text, font: theme.titleFont, room: r.width, fixedScale: fixedScale, canvas: canvas)
                if narrow.fits, narrow.scale >= min(fit.scale, TextLayout.panelTitleOneLine) - 1e-9 {
                    (fit, cx) = (narrow, r.midX)
                    shortfall = max(0, narrow.layout.height + pad * 0.9 - keptTop)
                } else {
                    // Over the plot it would be too small: it keeps its size above the labels, with more room.
                    shortfall = need + fit.layout.height + pad * 1.4 - keptTop
                }
            }
            titleLayout = fit.layout
            titleCenterX = cx
            titleScale = fit.scale
            titleFits = fit.fits
            titleShortfall = shortfall
        }
    }

    /// How far above the plot's top a title `title` wide must sit: a title wider than the plot may reach
    /// left over the y labels and the y title, or right over a colorbar; it then sits above the top label's
    /// upper half, the part of the y title longer than the plot and the colorbar's overhang. (An equal-unit
    /// map may end up as narrow and as short as the shorter of its two sides.)
    private func titleClearance(_ title: TextLayout, axes: Axes, plotWidth: Double, plotHeight: Double, theme: Theme,
                                canvas: any DrawingBackend) -> Double {
        let side = axes.equalAspect ? min(plotWidth, plotHeight) : plotWidth, height = axes.equalAspect ? side : plotHeight
        guard title.width > side else { return 0 }
        let yOver = yTitleLayout.map { max(0, ($0.width - height) / 2) } ?? 0
        let gctx = GuideContext(theme: theme, canvas: canvas)
        let guidesOver = axes.sideGuides.map { $0.topOverhang(height: height, gctx) }.max() ?? 0
        // The top label's upper half, as far as it stands over the plot's top edge.
        let topGap = yTicks.map { (1 - yScale.normalize($0)) * height }.filter(\.isFinite).min() ?? .infinity
        let labelOver = max(0, (yLabels.first?.height ?? 0) / 2 - topGap)
        return max(labelOver, yOver, guidesOver)
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
        i.bottom = tick + (xLabels.isEmpty ? 0 : pad * 0.6 + xLabelExtent)
        if let x = xTitle { i.bottom += pad + TextLayout.make(x, font: theme.labelFont, canvas: canvas).height }
        // Half a tick label sticks out above the top tick and beside the last x tick.
        i.top = (yLabels.first?.height ?? 0) / 2 + 2

        i.right = max(4, xLabelsRotated ? 4 : (xLabels.last?.width ?? 0) / 2 + 2)
        labelOverhang = i.right
        // Rotated labels lean left of their tick: the first one may reach past the y labels.
        if xLabelsRotated, let first = xLabels.first { i.left = max(i.left, (first.width + first.height) * 0.7071 - tick) }
        let gctx = GuideContext(theme: theme, canvas: canvas)
        guideWidths = axes.sideGuides.map { $0.width(gctx) }
        if !guideWidths.isEmpty { i.right = max(i.right, 4) + guideWidths.reduce(0) { $0 + $1 + pad * 2 } }
        chooseLegend(axes: axes, rect: rect, insets: &i, pad: pad, theme: theme, canvas: canvas, legendEntries: legendEntries)
        // The panel title last: it is fitted to the plot's width and the room left of it, known once the
        // side insets are (a title may reach over the plot's y labels, rather than shrink to a few pixels
        // over a narrow map; never over a legend or colorbar on its right).
        // The y title is fitted to about the plot's height (the cell less everything above and below it).
        let plotHeight = max(rect.height - i.top - i.bottom - (axes.title == nil ? 0 : theme.titleFont.size * 1.6), 20)
        yTitleLayout = yTitle.map { TextLayout.fitted($0, font: theme.labelFont, maxWidth: plotHeight * 1.25, hardLimit: rect.height, canvas: canvas) }
        if let y = yTitleLayout { i.left += pad + y.height }
        title = axes.title
        titleLayout = axes.title.map { t in
            // (It may reach over a colorbar, which starts at the plot's top; not over an outside legend.)
            let width = max(rect.width - legendInsets.right - pad, 20)
            return TextLayout.panelTitle(t, font: theme.titleFont, room: width, canvas: canvas).layout
        }
        if let title = titleLayout {
            let plotWidth = rect.width - i.left - i.right
            i.top = max(i.top, title.height + pad * 1.4 + titleClearance(title, axes: axes, plotWidth: plotWidth, plotHeight: plotHeight,
                                                                          theme: theme, canvas: canvas))
        }
        insets = i
    }
}
