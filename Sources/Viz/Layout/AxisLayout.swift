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
        legend = nil
        legendInsets = Insets()
        if !legendEntries.isEmpty, axes.legend != .none {
            var placement = axes.legend
            func measure(_ p: LegendPlacement) -> LegendLayout {
                Self.measuredLegend(p, entries: legendEntries, rect: rect, insets: i, theme: theme, canvas: canvas, reserve: axes.legendReserve)
            }
            var (l, beside) = (measure(placement), rect.width * 0.5)
            if placement == .outsideRight {
                (l, beside) = Self.besideMap(l, axes: axes, entries: legendEntries, rect: rect, insets: i, theme: theme, canvas: canvas)
            }
            if placement == .outsideRight, axes.equalAspect {
                (placement, l) = Self.legendBesideMap(l, entries: legendEntries, rect: rect, insets: i, pad: pad, axes: axes, aspect: dataAspect, theme: theme,
                                                      canvas: canvas, below: measure(.below), inside: { measure(.best) })
            }
            // An outside legend wider than half the cell would crush the plot: its further lines split at their
            // separators first (numbers on lines of their own), as long as it stays shorter than the cell.
            if placement == .outsideRight, !axes.equalAspect, l.size.width > beside, !l.joined {
                let split = LegendLayout(entries: legendEntries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top, maxWidth: beside, split: true,
                                         reserve: axes.legendReserve)
                if split.split, split.size.width <= beside, split.size.height <= rect.height - i.top { l = split }
            }
            // Still too wide (a portrait page, narrow panels), or taller than the cell (it would run over the
            // titles): below instead (when it fits there).
            if placement == .outsideRight, l.size.width > beside, !axes.equalAspect {
                placement = .below
                l = measure(placement)
                // Too tall even so (over 60 % of the cell): below, it would crush the plot; inside, the plot
                // keeps its size (where it covers data, the page is too small).
                if l.size.height > rect.height * 0.6 { placement = .best; l = measure(placement) }
            } else if placement == .outsideRight, l.size.height > rect.height - i.top, !axes.equalAspect {
                let below = measure(.below)
                if below.size.height <= rect.height * 0.35 { placement = .below; l = below }
            }
            legend = l
            legendPlacement = placement
            if placement == .outsideRight { legendInsets.right = l.size.width + pad * 2 }
            if placement == .below { legendInsets.bottom = l.size.height + pad * 1.5 }
            i.right += legendInsets.right
            i.bottom += legendInsets.bottom
        }
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

extension AxisLayout {
    /// A legend measured for placement `p` in the cell `rect` (below a plot: at most 35 % of the cell high, a
    /// smaller font first; elsewhere: at most 62 % of the room between the insets `i`, 55 % of the cell wide).
    static func measuredLegend(_ p: LegendPlacement, entries: [LegendEntry], rect: Rect, insets i: Insets, theme: Theme,
                               canvas: any DrawingBackend, reserve: [String] = []) -> LegendLayout {
        let maxHeight: Double = p == .below ? rect.height * 0.35 : max(40, rect.height - i.top - i.bottom) * 0.62
        let l = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight,
                             maxWidth: p == .below ? rect.width : rect.width * 0.55, reserve: reserve)
        guard p == .below, l.size.height > maxHeight else { return l }
        // Below a plot it may take a third of the cell: each entry's lines joined into one (half the rows,
        // where the cell is wide enough), then a smaller font (to 80 %, still legible on a projector), before
        // more room.
        var scaled = l
        let joined = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight, maxWidth: rect.width, joined: true,
                                  reserve: reserve)
        if joined.size.height < l.size.height, joined.size.width <= rect.width { scaled = joined }
        for scale in [0.9, 0.8] where scaled.size.height > maxHeight {
            scaled = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight, maxWidth: rect.width, scale: scale,
                                  joined: scaled.joined, reserve: reserve)
        }
        return scaled
    }

    /// A legend right of the plot, and the widest it may be. Beside an equal-aspect plot (a map) on a wide page
    /// the plot may give up width it could not use for height, down to three quarters of the height it has;
    /// there one column taller than the cell (12 runs' two-line entries on a 16:9 slide) joins each entry's
    /// lines into one, its type shrunk as a legend's may be (to `LegendPlacer.minimumScale`) to fit that width.
    /// Where an outside legend goes beside a square map, and how it is set: of the legend as measured (`l`),
    /// the same with its further lines split (`LegendLayout.splittingFurtherLines`) and the legend `below`
    /// the map, the one that leaves the map the largest (the first on a tie); each must fit the cell (a legend
    /// on the right no taller than the room under the top inset, one below at most 60 % of the cell). When
    /// none fits, the legend goes inside the plot (`inside`), and the plot keeps its size.
    static func legendBesideMap(_ l: LegendLayout, entries: [LegendEntry], rect: Rect, insets i: Insets, pad: Double, axes: Axes,
                                aspect: (dx: Double, dy: Double)?, theme: Theme,
                                canvas: any DrawingBackend, below: LegendLayout, inside: () -> LegendLayout) -> (LegendPlacement, LegendLayout) {
        var candidates: [(LegendPlacement, LegendLayout)] = [(.outsideRight, l)]
        // A legend laid out for every frame's rows (`legendReserve`) keeps its rows whole and its size: a frame's
        // rows split otherwise than the last frame's would change the box from frame to frame.
        let frames = !axes.legendReserve.isEmpty
        if !l.joined, !frames {
            // Split, and a little smaller (to 80 %, as below a plot) where that is what makes it fit the height.
            for scale in [1, 0.9, 0.8] {
                let split = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top, maxWidth: rect.width * 0.55,
                                         scale: scale, split: true, reserve: axes.legendReserve)
                guard split.split, split.size.width < l.size.width else { break }
                candidates.append((.outsideRight, split))
                if split.size.height <= rect.height - i.top { break }
            }
        }
        // Taller than the cell (a large font scale): a little smaller, to 80 %, where that makes it fit.
        if !frames, !l.joined, l.size.height > rect.height - i.top {
            for scale in [0.9, 0.8] {
                let c = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top, maxWidth: rect.width * 0.55,
                                     scale: scale, reserve: axes.legendReserve)
                candidates.append((.outsideRight, c))
                if c.size.height <= rect.height - i.top { break }
            }
        }
        candidates.append((.below, below))
        func side(_ p: LegendPlacement, _ c: LegendLayout) -> Double? {
            let fits = p == .below ? c.size.height <= rect.height * 0.6 : c.size.height <= rect.height - i.top && c.size.width <= rect.width * 0.75
            guard fits else { return nil }
            return p == .below
                ? mapSide(legendRight: 0, below: c.size.height, rect: rect, insets: i, pad: pad, axes: axes, aspect: aspect, theme: theme)
                : mapSide(legendRight: c.size.width, below: 0, rect: rect, insets: i, pad: pad, axes: axes, aspect: aspect, theme: theme)
        }
        var best: (placement: LegendPlacement, layout: LegendLayout, side: Double)?
        for (p, c) in candidates {
            if let s = side(p, c), s > (best?.side ?? -Double.infinity) + 0.5 { best = (p, c, s) }
        }
        // A map that a wide legend leaves well short of the cell's height (a dozen runs' result lines): the
        // legend a little smaller (to 80 %), where that makes the map at least 5 % larger.
        let tall = mapSide(legendRight: 0, below: 0, rect: rect, insets: i, pad: pad, axes: axes, aspect: aspect, theme: theme)
        if let b = best, b.placement == .outsideRight, b.side < tall * 0.9, !frames {
            for scale in [0.9, 0.8] {
                let c = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top, maxWidth: rect.width * 0.55,
                                     scale: scale, joined: b.layout.joined, split: b.layout.split, reserve: axes.legendReserve)
                if let s = side(.outsideRight, c), s > (best?.side ?? 0) * 1.05 { best = (.outsideRight, c, s) }
            }
        }
        guard let best else { return (.best, inside()) }
        return (best.placement, best.layout)
    }

    /// The data's aspect (x span, y span) of an equal-aspect panel whose limits stay as they are, or nil.
    var dataAspect: (dx: Double, dy: Double)? {
        let (dx, dy) = (xScale.domain.span, yScale.domain.span)
        guard xScale.kind == .linear, yScale.kind == .linear, dx.isFinite, dy.isFinite, dx > 0, dy > 0 else { return nil }
        return (dx, dy)
    }

    /// The longer side of a map of the data's `aspect` (square when nil, or when its limits adjust to the
    /// frame) in the cell `rect` with insets `i`, when an outside legend takes `legendRight` points on its
    /// right or `below` points under it (0: none there). A map twice as wide as tall (an elongated bowl)
    /// is bounded by the width a legend on its right takes, a square one on a wide page by its height.
    static func mapSide(legendRight: Double, below: Double, rect: Rect, insets i: Insets, pad: Double, axes: Axes,
                        aspect: (dx: Double, dy: Double)? = nil, theme: Theme) -> Double {
        let tall = rect.height - i.top - i.bottom - (axes.title == nil ? 0 : theme.titleFont.size * 1.6) - (below > 0 ? below + pad * 1.5 : 0)
        let wide = rect.width - i.left - i.right - (legendRight > 0 ? legendRight + pad * 2 : 0)
        guard let a = aspect, !axes.aspectAdjustsLimits else { return min(wide, tall) }
        return min(wide / a.dx, tall / a.dy) * max(a.dx, a.dy)
    }

    static func besideMap(_ l: LegendLayout, axes: Axes, entries: [LegendEntry], rect: Rect, insets i: Insets, theme: Theme,
                          canvas: any DrawingBackend) -> (LegendLayout, Double) {
        let pad = theme.labelFont.size * 0.4
        let tall = rect.height - i.top - i.bottom - (axes.title == nil ? 0 : theme.titleFont.size * 1.6)
        guard axes.equalAspect else { return (l, rect.width * 0.5) }
        let beside = max(rect.width * 0.5, rect.width - i.left - i.right - pad * 2 - 0.75 * tall)
        guard l.columns == 1, l.size.height > rect.height - i.top else { return (l, beside) }
        var joined = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top, maxWidth: beside, joined: true,
                                  reserve: axes.legendReserve)
        let scale = beside / joined.size.width * 0.995
        if scale < 1, scale >= LegendPlacer.minimumScale {
            joined = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top, maxWidth: beside,
                                  scale: scale, joined: true, reserve: axes.legendReserve)
        }
        let fits = joined.columns == 1 && joined.size.height < l.size.height && joined.size.width <= beside
        return (fits ? joined : l, beside)
    }
}

