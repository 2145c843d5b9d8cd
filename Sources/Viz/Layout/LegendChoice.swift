extension AxisLayout {
    /// Where the legend goes and how it is set (`legend`, `legendPlacement`), and the room it takes outside
    /// the plot (`legendInsets`, added to `i`).
    mutating func chooseLegend(axes: Axes, rect: Rect, insets i: inout Insets, pad: Double, theme: Theme, canvas: any DrawingBackend,
                               legendEntries: [LegendEntry]) {
        legend = nil
        legendInsets = Insets()
        guard !legendEntries.isEmpty, axes.legend != .none else { return }
        var placement = axes.legend
        func measure(_ p: LegendPlacement) -> LegendLayout {
            Self.measuredLegend(p, entries: legendEntries, rect: rect, insets: i, theme: theme, canvas: canvas, reserve: axes.legendReserve)
        }
        var (l, beside) = (measure(placement), rect.width * 0.5)
        if placement == .outsideRight {
            (l, beside) = Self.besideMap(l, axes: axes, entries: legendEntries, rect: rect, insets: i, theme: theme, canvas: canvas)
        }
        if placement == .outsideRight, axes.equalAspect {
            // The map's room as it will be: the y title (set once the legend is) takes its width too.
            var mapInsets = i
            if let y = yTitle { mapInsets.left += pad + TextLayout.make(y, font: theme.labelFont, canvas: canvas).height }
            (placement, l) = Self.legendBesideMap(l, entries: legendEntries, rect: rect, insets: mapInsets, pad: pad, axes: axes, aspect: dataAspect,
                                                  theme: theme, canvas: canvas, below: measure(.below), inside: { measure(.best) })
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
}

extension AxisLayout {
    /// A legend measured for placement `p` in the cell `rect` (below a plot: at most 35 % of the cell high, a
    /// smaller font first; elsewhere: at most 62 % of the room between the insets `i`, 55 % of the cell wide).
    static func measuredLegend(_ p: LegendPlacement, entries: [LegendEntry], rect: Rect, insets i: Insets, theme: Theme,
                               canvas: any DrawingBackend, reserve: [String] = []) -> LegendLayout {
        let maxHeight: Double = p == .below ? rect.height * 0.35 : max(40, rect.height - i.top - i.bottom) * 0.62
        var l = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight,
                             maxWidth: p == .below ? rect.width : rect.width * 0.55, reserve: reserve)
        // Below a plot a line wider than the cell (a run's "10 non-finite points from step 30 (NaN) · min … ·
        // final …") is broken at its " · " clauses, one per line, rather than the page refused.
        if p == .below, l.size.width > rect.width + 0.5 {
            let split = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight, maxWidth: rect.width, split: true,
                                     reserve: reserve)
            if split.split, split.size.width < l.size.width { l = split }
        }
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
                                  joined: scaled.joined, split: scaled.split, reserve: reserve)
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
        // Entry by entry: only the entries too long for a narrower column take more lines (`wrapCandidates`).
        if !frames {
            candidates += LegendLayout.wrapCandidates(entries, theme: theme, canvas: canvas, maxHeight: rect.height - i.top,
                                                      maxWidth: rect.width * 0.55).map { (.outsideRight, $0) }
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
        if !axes.legendStaysRight { candidates.append((.below, below)) }
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
                                     scale: scale, joined: b.layout.joined, split: b.layout.split, wrap: b.layout.wrap,
                                     reserve: axes.legendReserve)
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

