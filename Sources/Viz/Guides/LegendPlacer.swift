/// Places a panel's measured legend once its plot rectangle is known: re-flowed (smaller font, more
/// columns) to fit the plot or the page, then put at its fixed spot, or, for `.best`, at the candidate
/// position that covers the least data and text (matplotlib's `loc="best"`, `Legend._find_best_position`).
struct LegendPlacer {
    /// The smallest a legend's font may get, as a fraction of the theme's legend font (80 %: still
    /// legible on a projector; below that, the legend moves outside or the page is too small).
    static let minimumScale = 0.8
    let figure: Figure
    let canvas: any DrawingBackend
    let resolution: Double
    /// The lowest a legend right of a plot may reach (device y): above the figure's footnote.
    var contentBottom = Double.infinity

    /// Sets `layout.legend` (re-flowed) and `layout.legendOrigin`; does nothing for a panel without one.
    /// `free` is false when a `.best` legend found no spot inside the plot free of data and text, or does
    /// not fit inside the plot at all; `fitsPage` is false when a legend outside the plot (right of it or
    /// below it) does not fit the room kept for it, or any legend the page, at `minimumScale` of its font
    /// size (the page is then too small: a legend is never shrunk to text nobody can read).
    ///
    /// The font floor: a legend may shrink to 80 % of its size (`minimumScale`), never further.
    @discardableResult
    func place(_ layout: inout AxisLayout, axes: Axes, cell gridCell: Rect) -> (free: Bool, fitsPage: Bool) {
        guard var legend = layout.legend else { return (true, true) }
        var fitsPage = true
        let theme = figure.theme
        let r = layout.plotRect
        let inside = [.best, .upperRight, .upperLeft, .lowerLeft, .lowerRight].contains(layout.legendPlacement)
        let entries = axes.marks.flatMap { $0.legendEntries(theme: theme) }
        let page = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height).inset(by: Insets(
            top: theme.figurePadding / 2, left: theme.figurePadding / 2, bottom: theme.figurePadding / 2, right: theme.figurePadding / 2))
        /// Re-flows the legend into `room` with a smaller font (not below `floor` times the size).
        func reflow(_ legend: LegendLayout, into room: Rect, floor: Double) -> LegendLayout {
            // From the legend's own size (a legend measured a little smaller keeps that size, never grows).
            var l = legend, scale = legend.font.size / theme.legendFont.size
            for _ in 0..<8 where l.size.width > room.width || l.size.height > room.height {
                guard scale > floor else { break }
                scale = max(floor, scale * min(0.97, room.width / l.size.width, room.height / l.size.height))
                l = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: room.height, maxWidth: room.width, scale: scale,
                                 joined: legend.joined, split: legend.split, wrap: legend.wrap, reserve: axes.legendReserve)
            }
            return l
        }
        let floor = Self.minimumScale
        // Inside the plot: shrink (to the floor at most) to fit it; a legend that still does not fit is
        // not free there. In any case, fit the page.
        let insideRoom = r.inset(by: Insets(top: 4, left: 4, bottom: 4, right: 4))
        var fitsInside = true
        if inside {
            legend = reflow(legend, into: insideRoom, floor: floor)
            fitsInside = legend.size.width <= insideRoom.width + 0.5 && legend.size.height <= insideRoom.height + 0.5
        }
        // Below: no wider than the panel's own grid cell (not its plot, which equal aspect may narrow),
        // so the legends of side-by-side panels never meet, and no taller than the room reserved for it.
        let cell = Rect(x: gridCell.minX, y: page.minY, width: gridCell.width, height: page.height)
        if layout.legendPlacement == .below {
            legend = reflow(legend, into: cell, floor: floor)
            fitsPage = legend.size.width <= cell.width + 0.5 && legend.size.height <= layout.legendInsets.bottom + 0.5
        }
        // Right of the plot: from the panel's top down, so that it never runs over the titles above.
        let panelCell = Rect(x: r.minX - layout.insets.left, y: r.minY - layout.insets.top,
                             width: r.width + layout.insets.left + layout.insets.right, height: r.height + layout.insets.top + layout.insets.bottom)
        // Its room starts at the panel's top, or higher where a map narrower than its frame was set lower
        // in it (the legend, measured for the frame's height, is taller than the map).
        let rightTop = min(panelCell.minY, gridCell.minY + layout.insets.top)
        let pad = theme.labelFont.size * 0.4
        let guidesEnd = r.maxX + (layout.guideWidths.isEmpty ? max(pad * 2, layout.labelOverhang + pad) : pad * 2)
            + layout.guideWidths.reduce(0) { $0 + $1 + pad * 2 }
        if layout.legendPlacement == .outsideRight {
            // More columns first (the page may have room beside the plot), then a smaller font.
            // Its room reaches down to the figure's footnote (beside the panels below, as in a
            // loss-over-distance stack), never up into the titles.
            let bottom = min(page.maxY, contentBottom)
            let room = Rect(x: guidesEnd, y: rightTop, width: page.maxX - guidesEnd, height: bottom - rightTop)
            if legend.size.height > room.height {
                legend = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: room.height, maxWidth: room.width,
                                      scale: legend.font.size / theme.legendFont.size, joined: legend.joined, split: legend.split,
                                      wrap: legend.wrap, reserve: axes.legendReserve)
            }
            legend = reflow(legend, into: room, floor: floor)
            fitsPage = legend.size.height <= room.height + 0.5 && legend.size.width <= room.width + 0.5
        }
        legend = reflow(legend, into: page, floor: floor)
        if legend.size.width > page.width + 0.5 || legend.size.height > page.height + 0.5 { fitsPage = false }
        layout.legend = legend
        let ctx = PlotContext(plotRect: r, xScale: layout.xScale, yScale: layout.yScale, theme: theme, resolution: resolution, canvas: canvas)
        var (o, free) = origin(legend, axes: axes, ctx: ctx, guidesEnd: guidesEnd, layout: layout)
        if inside && !fitsInside { free = false }
        // Whatever happens, the legend stays on the page.
        if layout.legendPlacement == .below { o.x = max(cell.minX, min(o.x, cell.maxX - legend.size.width)) }
        o.x = max(page.minX, min(o.x, page.maxX - legend.size.width))
        o.y = max(page.minY, min(o.y, page.maxY - legend.size.height))
        if layout.legendPlacement == .outsideRight { o.y = max(rightTop, min(o.y, contentBottom - legend.size.height)) }
        layout.legendOrigin = o
        return (free, fitsPage)
    }

    /// The legend's origin, and whether it is free of data and text there.
    private func origin(_ legend: LegendLayout, axes: Axes, ctx: PlotContext, guidesEnd: Double, layout: AxisLayout) -> (Point, Bool) {
        let r = ctx.plotRect
        let m = figure.theme.labelFont.size * 0.5
        let w = legend.size.width, h = legend.size.height
        let corners: [LegendPlacement: Point] = [
            .upperRight: Point(r.maxX - m - w, r.minY + m), .upperLeft: Point(r.minX + m, r.minY + m),
            .lowerLeft: Point(r.minX + m, r.maxY - m - h), .lowerRight: Point(r.maxX - m - w, r.maxY - m - h),
        ]
        switch layout.legendPlacement {
        case .outsideRight:
            // Level with the plot's top; one taller than the plot centred on it.
            return (Point(guidesEnd, h > r.height ? r.midY - h / 2 : r.minY), true)
        case .below:
            let xh = layout.xLabelExtent
            var y = r.maxY + figure.theme.tickLength + xh + m * 2
            if let xl = layout.xTitle { y += TextLayout.make(xl, font: figure.theme.labelFont, canvas: canvas).height + m }
            // Never below the room the insets keep for it (a footnote may follow it on the page).
            return (Point(r.midX - w / 2, min(y, r.maxY + layout.insets.bottom - h)), true)
        case .upperRight, .upperLeft, .lowerLeft, .lowerRight:
            return (corners[layout.legendPlacement] ?? Point(r.minX, r.minY), true)
        case .best, .none:
            // Ties keep the first candidate: upper right, upper left, lower left, lower right, the edge middles,
            // then the rest of a 5 × 5 grid of positions over the plot (for plots whose edges are all busy).
            var candidates: [Point] = [
                corners[.upperRight], corners[.upperLeft], corners[.lowerLeft], corners[.lowerRight],
                Point(r.midX - w / 2, r.minY + m), Point(r.midX - w / 2, r.maxY - m - h),
                Point(r.minX + m, r.midY - h / 2), Point(r.maxX - m - w, r.midY - h / 2),
            ].compactMap { $0 }
            for fy in [0.25, 0.5, 0.75, 0, 1] {
                for fx in [0.25, 0.75, 0.5, 0, 1] {
                    let p = Point(r.minX + m + fx * (r.width - 2 * m - w), r.minY + m + fy * (r.height - 2 * m - h))
                    if !candidates.contains(p) { candidates.append(p) }
                }
            }
            // The candidate box covering the fewest data points; covering text (annotations, labels)
            // costs far more than covering a few points, since the text would be unreadable.
            // Data ink as rasterised curves (a spatial grid), other marks' points as points.
            var grid = OccupancyGrid(over: r, cell: 3)
            for mark in axes.marks {
                let pts = mark.occupiedPoints().map(ctx.point)
                // A line's segments are ink however long (a validation curve of five points spans the
                // plot with five segments); scattered markers are joined only across short gaps.
                if mark.isDataInk { grid.mark(ink: pts, radius: mark.markerRadius, maxGap: mark.joinsPoints ? .infinity : max(r.width, r.height) / 6) } else { pts.forEach { grid.mark($0) } }
            }
            let texts = axes.marks.flatMap { $0.occupiedRects(in: ctx) }
            var best = candidates[0], bestScore = Double.infinity
            for c in candidates {
                let box = Rect(x: c.x, y: c.y, width: w, height: h).expanded(by: 3)
                var score = Double(grid.count(in: box))
                for t in texts where t.width > 0 && t.height > 0 {
                    let o = box.overlapArea(t)
                    if o > 0 { score += 100 + 400 * o / (t.width * t.height) }
                }
                if score < bestScore { bestScore = score; best = c }
                if score == 0 { break }
            }
            return (best, bestScore == 0)
        }
    }
}

extension LegendPlacer {
    /// With `Figure.legendsShareOneSize`, every placed legend of `layouts` set again in the smallest font any of
    /// them got (its columns and line breaks kept, in no more room than it had) and placed again.
    func shareOneSize(_ layouts: inout [AxisLayout], panels: [Figure.Panel], cells: [Rect]) {
        let sizes = layouts.compactMap { $0.legend?.font.size }
        guard figure.legendsShareOneSize, let smallest = sizes.min(), sizes.contains(where: { $0 > smallest + 0.01 }) else { return }
        let theme = figure.theme
        for k in layouts.indices {
            guard let l = layouts[k].legend, l.font.size > smallest + 0.01 else { continue }
            let axes = panels[k].axes
            layouts[k].legend = LegendLayout(entries: axes.marks.flatMap { $0.legendEntries(theme: theme) }, theme: theme, canvas: canvas,
                                             maxHeight: l.size.height, maxWidth: l.size.width, scale: smallest / theme.legendFont.size,
                                             joined: l.joined, split: l.split, wrap: l.wrap, reserve: axes.legendReserve)
            place(&layouts[k], axes: axes, cell: cells[k])
        }
    }
}
