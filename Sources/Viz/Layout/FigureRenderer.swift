/// Lays out a figure on a backend and draws it: title, panels (frames, grids, marks, ticks, labels,
/// legends, side guides) in a fixed order, so the same figure always gives the same drawing calls.
/// Layout is here; legend placement is `LegendPlacer` (Guides), drawing is `PanelDrawing` (Render).
struct FigureRenderer {
    let figure: Figure
    let canvas: any DrawingBackend
    let resolution: Double

    /// Lays the figure out, then draws it.
    func render() throws(VizError) {
        PanelDrawing(figure: figure, canvas: canvas, resolution: resolution).draw(try layout())
    }

    /// Resolves limits, ticks, insets and plot rectangles, and places the figure's own texts, measuring
    /// text on the backend without drawing anything; notes with no free spot in their plot are said in the
    /// footnote instead (see `NoteFootnotes`).
    func layout() throws(VizError) -> FigureLayout {
        try NoteFootnotes(renderer: self).layout()
    }

    /// `layout()` with every note where the layout puts it, free or not; a map's outside legend right of it or
    /// below it, whichever leaves the maps the larger as laid out (`largestMapLayout`).
    func arrangedLayout() throws(VizError) -> FigureLayout {
        try largestMapLayout(try measuredLayout())
    }

    /// `arrangedLayout()` with each legend where its measurements put it.
    func measuredLayout() throws(VizError) -> FigureLayout {
        try validateTheme()
        let (texts, textContent) = try pageTexts()
        let (pageLegend, content) = try placePageLegend(in: textContent)
        var panels = figure.panels
        var (xLims, yLims) = try limits(of: panels)
        shareLimits(&panels, &xLims, &yLims)
        let cells = panels.map { cell($0, in: content) }
        // Ticks and insets (twice: tick counts depend on the plot size, which depends on label sizes).
        var layouts: [AxisLayout] = []
        for (k, p) in panels.enumerated() {
            let xs = Scale(p.axes.xScale, domain: xLims[k]), ys = Scale(p.axes.yScale, domain: yLims[k])
            try xs.validate(axis: "x"); try ys.validate(axis: "y")
            var l = AxisLayout(xScale: xs, yScale: ys)
            let entries = p.axes.marks.flatMap { $0.legendEntries(theme: figure.theme) }
            let c = cells[k]
            l.computeTicks(axes: p.axes, rect: c, theme: figure.theme, canvas: canvas)
            l.computeInsets(axes: p.axes, rect: c, theme: figure.theme, canvas: canvas, legendEntries: entries)
            l.computeTicks(axes: p.axes, rect: c.inset(by: l.insets), theme: figure.theme, canvas: canvas)
            l.computeInsets(axes: p.axes, rect: c, theme: figure.theme, canvas: canvas, legendEntries: entries)
            layouts.append(l)
        }
        let firstPass = layouts
        try placeFrames(panels, cells: cells, &layouts)
        // Labels turned for a plot's first width that stand upright at its final one: give back the height
        // kept for them (a strip's row of plots was a third shorter than the row above it), once.
        let upright = panels.indices.filter { firstPass[$0].xLabelsRotated && !layouts[$0].xLabelsRotated }
        if !upright.isEmpty {
            for k in upright {
                layouts[k].computeInsets(axes: panels[k].axes, rect: cells[k], theme: figure.theme, canvas: canvas,
                                         legendEntries: panels[k].axes.marks.flatMap { $0.legendEntries(theme: figure.theme) })
            }
            try placeFrames(panels, cells: cells, &layouts)
        }
        try makeRoomForPanelTitles(panels, cells: cells, &layouts)
        // Legends go last: the best spot depends on where the marks land in the final plot rectangle.
        var placer = LegendPlacer(figure: figure, canvas: canvas, resolution: resolution)
        placer.contentBottom = texts.contains { $0.kind == .footnote } ? content.maxY : .infinity
        var crowded: [Int] = []
        for k in panels.indices {
            let placed = placer.place(&layouts[k], axes: panels[k].axes, cell: cells[k])
            guard placed.fitsPage else {
                throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .legendBeside)
            }
            guard !placed.free, layouts[k].legendPlacement == .best else { continue }
            // A legend that went inside only because the room outside was too small must not cover data:
            // the page is too small for it.
            guard panels[k].axes.legend == .best else {
                throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .legendBeside)
            }
            crowded.append(k)
        }
        // No free spot inside a plot: its legend moves outside, to the right of the plot, else below it;
        // when the page has room for neither, it is too small (a legend over the data hides what the
        // figure is for).
        if !crowded.isEmpty { return try movedLegends(crowded) }
        return FigureLayout(texts: texts, panels: panels, axes: layouts, pageLegend: pageLegend)
    }

    /// The layout with the legends of `crowded` panels moved right of their plots or below them, whichever
    /// leaves their smallest plot the longer shorter side (right on a tie: the plots keep their height).
    private func movedLegends(_ crowded: [Int]) throws(VizError) -> FigureLayout {
        var lastError = VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .legendBeside)
        var best: (layout: FigureLayout, side: Double)?
        for placement in [LegendPlacement.outsideRight, .below] {
            var moved = figure
            for k in crowded { moved.modifyAxes(k) { $0.legend = placement } }
            do {
                let l = try FigureRenderer(figure: moved, canvas: canvas, resolution: resolution).arrangedLayout()
                let side = crowded.map { min(l.axes[$0].plotRect.width, l.axes[$0].plotRect.height) }.min() ?? 0
                if side > (best?.side ?? -1) + 0.5 { best = (l, side) }
            } catch {
                lastError = error
            }
        }
        guard let best else { throw lastError }
        return best.layout
    }

    private func validateTheme() throws(VizError) {
        let theme = figure.theme
        try Figure.validate(width: figure.size.width * figure.dpi / 72, height: figure.size.height * figure.dpi / 72, dpi: figure.dpi)
        guard theme.fontScale.isFinite, theme.fontScale >= 0.1, theme.fontScale <= 10 else {
            throw VizError.invalidValue(what: "font scale", value: TickFormat.short(theme.fontScale).replacingMinus(), allowed: "0.1 to 10")
        }
        guard theme.baseFontSize.isFinite, theme.baseFontSize >= 1, theme.baseFontSize <= 200 else {
            throw VizError.invalidValue(what: "base font size", value: TickFormat.short(theme.baseFontSize).replacingMinus(), allowed: "1 to 200 points")
        }
        // Text smaller than 8 pixels (5-pixel tick labels on a 480×270 page) cannot be read anywhere.
        guard theme.fontScale >= figure.minimumReadableFontScale * (1 - 1e-9) else {
            throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .readableText)
        }
    }

    /// The title, subtitle and footnote, and the page area left for the panels.
    private func pageTexts() throws(VizError) -> ([FigureLayout.Label], Rect) {
        let theme = figure.theme
        var texts: [FigureLayout.Label] = []
        var content = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height).inset(by: Insets(
            top: theme.figurePadding, left: theme.figurePadding, bottom: theme.figurePadding, right: theme.figurePadding))
        // Never below 0.6 of their size: two lines, then cut short with "…" (see `TextLayout.fittedOnPage`).
        func page(_ text: String, _ font: Font) -> (layout: TextLayout, cut: Bool) {
            TextLayout.fittedOnPage(text, font: font, maxWidth: content.width, floor: 0.6, canvas: canvas)
        }
        if let title = figure.title {
            let t = pageTitle(title, width: content.width, height: content.height)
            texts.append(.init(text: t.layout, at: Point(content.midX, content.minY), anchor: TextAnchor(0.5, .top), color: theme.foreground,
                               kind: .title, source: t.source, cut: t.cut))
            var used = t.layout.height + theme.figureTitleFont.size * 0.45
            if let sub = figure.subtitle {
                let (s, cut) = page(sub, theme.noteFont)
                texts.append(.init(text: s, at: Point(content.midX, content.minY + used), anchor: TextAnchor(0.5, .top), color: theme.muted,
                                   kind: .subtitle, source: sub, cut: cut))
                used += s.height + theme.noteFont.size * 0.5
            }
            content = content.inset(by: Insets(top: used))
        }
        // Each line of the footnote (a recipe's note, then notes moved out of crowded plots) is fitted on its
        // own, the last at the page's foot.
        for foot in (figure.footnote ?? "").split(separator: "\n").map(String.init).reversed() where !foot.isEmpty {
            let (f, cut) = TextLayout.wrappedOnPage(foot, font: theme.noteFont, maxWidth: content.width, canvas: canvas)
            texts.append(.init(text: f, at: Point(content.minX, content.maxY), anchor: TextAnchor(0, .bottom), color: theme.muted,
                               kind: .footnote, source: foot, cut: cut))
            content = content.inset(by: Insets(bottom: f.height + theme.noteFont.size * 0.4))
        }
        guard content.width > 20, content.height > 20 else {
            throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .titleAndAxes)
        }
        return (texts, content)
    }

    /// The grid cell of a panel inside `content`.
    private func cell(_ p: Figure.Panel, in content: Rect) -> Rect {
        let gap = figure.theme.panelGap
        let cellW = (content.width - Double(figure.columns - 1) * gap) / Double(figure.columns)
        let cellH = (content.height - Double(figure.rows - 1) * gap) / Double(figure.rows)
        return Rect(x: content.minX + Double(p.column) * (cellW + gap), y: content.minY + Double(p.row) * (cellH + gap),
                    width: cellW * Double(p.columnSpan) + gap * Double(p.columnSpan - 1),
                    height: cellH * Double(p.rowSpan) + gap * Double(p.rowSpan - 1))
    }

    /// Each panel's x and y limits (fixed, or from its data).
    private func limits(of panels: [Figure.Panel]) throws(VizError) -> ([Interval], [Interval]) {
        var xLims: [Interval] = [], yLims: [Interval] = []
        for (k, p) in panels.enumerated() {
            let a = p.axes, b = a.dataBounds()
            if b == nil, !a.marks.isEmpty, a.xLimits == nil || a.yLimits == nil {
                let name = a.title.map { " ('\($0)')" } ?? ""
                throw VizError.invalidData("panel \(k + 1)\(name) has nothing to plot: its marks hold no finite data (empty, or all NaN/infinite); give finite data, or set both x and y limits to draw an empty plot")
            }
            let x = try a.limits(a.xLimits, data: b?.x, kind: a.xScale, padding: a.xPadding, inverted: a.xInverted, axis: "x")
            let y = try a.limits(a.yLimits, data: b?.y, kind: a.yScale, padding: a.yPadding, inverted: a.yInverted, axis: "y")
            try Scale(a.xScale, domain: x).validate(axis: "x")
            try Scale(a.yScale, domain: y).validate(axis: "y")
            xLims.append(x); yLims.append(y)
        }
        return (xLims, yLims)
    }

    /// Shared x limits down each column and shared y limits along each row; inner tick labels go.
    private func shareLimits(_ panels: inout [Figure.Panel], _ xLims: inout [Interval], _ yLims: inout [Interval]) {
        if figure.shareX {
            for col in 0..<figure.columns {
                let idx = panels.indices.filter { panels[$0].column == col && panels[$0].axes.xLimits == nil }
                guard let u = unionOf(idx.map { xLims[$0] }) else { continue }
                for k in idx { xLims[k] = panels[k].axes.xInverted ? Interval(u.upper, u.lower) : u }
                let bottom = idx.map { panels[$0].row + panels[$0].rowSpan }.max() ?? 0
                for k in idx where panels[k].row + panels[k].rowSpan < bottom { panels[k].axes.showXTickLabels = false; panels[k].axes.xLabel = nil }
            }
        }
        if figure.shareY {
            for row in 0..<figure.rows {
                let idx = panels.indices.filter { panels[$0].row == row && panels[$0].axes.yLimits == nil }
                guard let u = unionOf(idx.map { yLims[$0] }) else { continue }
                for k in idx { yLims[k] = panels[k].axes.yInverted ? Interval(u.upper, u.lower) : u }
                let first = idx.map { panels[$0].column }.min() ?? 0
                for k in idx where panels[k].column > first { panels[k].axes.showYTickLabels = false; panels[k].axes.yLabel = nil }
            }
        }
    }

    /// Aligned frames (panels in a column share left/right insets, panels in a row top/bottom), then
    /// the plot rectangles, with equal aspect where asked.
    private func placeFrames(_ panels: [Figure.Panel], cells: [Rect], _ layouts: inout [AxisLayout]) throws(VizError) {
        let theme = figure.theme
        // A legend below a plot is the panel's own: the frames beside it share the rest of the bottom
        // inset, so a neighbour's legend does not shorten them. A legend right of a plot is shared down
        // its column: plots stacked on one x axis keep the same width (their steps line up), and a tall
        // legend may reach down beside the panels below, which keep clear of it.
        let own = layouts.map { l in
            Insets(top: l.insets.top, left: l.insets.left, bottom: l.insets.bottom - l.legendInsets.bottom, right: l.insets.right)
        }
        var aligned = own
        for k in panels.indices {
            for j in panels.indices where j != k {
                if panels[j].column == panels[k].column && panels[j].columnSpan == panels[k].columnSpan {
                    aligned[k].left = max(aligned[k].left, own[j].left)
                    aligned[k].right = max(aligned[k].right, own[j].right)
                }
                if panels[j].row == panels[k].row && panels[j].rowSpan == panels[k].rowSpan {
                    aligned[k].top = max(aligned[k].top, own[j].top)
                    aligned[k].bottom = max(aligned[k].bottom, own[j].bottom)
                }
            }
        }
        for k in panels.indices { aligned[k].bottom += layouts[k].legendInsets.bottom }
        // A legend right of a plot may reach down beside the panels below: it starts past all their labels.
        let overhangs = panels.indices.map { k in
            panels.indices.filter { panels[$0].column == panels[k].column && panels[$0].columnSpan == panels[k].columnSpan }
                .map { layouts[$0].labelOverhang }.max() ?? layouts[k].labelOverhang
        }
        for k in panels.indices { layouts[k].labelOverhang = overhangs[k] }
        var frames: [Rect] = []
        var aspects: [(dx: Double, dy: Double)?] = [], magnitudes: [Double] = []
        // (Not with a legend below a plot: the plot beside it keeps its height.)
        let equal = layouts.contains { $0.legendInsets.bottom > 0 } ? nil
            : EqualGridFrames.frames(panels: panels, cells: cells, insets: aligned, rows: figure.rows, columns: figure.columns, gap: theme.panelGap)
        for k in panels.indices {
            let r = equal?[k] ?? cells[k].inset(by: aligned[k])
            guard r.width >= 8, r.height >= 8 else {
                throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .plots(count: panels.count))
            }
            frames.append(r)
            let l = layouts[k]
            let dx = abs(l.xScale.transform(l.xScale.domain.upper) - l.xScale.transform(l.xScale.domain.lower))
            let dy = abs(l.yScale.transform(l.yScale.domain.upper) - l.yScale.transform(l.yScale.domain.lower))
            // The aspect as dx : dy scaled so the larger is 1: spans of 10⁻³¹⁹ (subnormal) or 10¹⁵⁰ divide
            // points by data units without leaving the doubles.
            let m = max(dx, dy)
            magnitudes.append(m)
            aspects.append(panels[k].axes.equalAspect && dx / m > 0 && dy / m > 0 && m.isFinite ? (dx / m, dy / m) : nil)
        }
        if equal == nil { frames = Self.rowHeightsEqualized(frames, panels) }
        let placed = EqualAspectFrames.place(frames, aspects: aspects, panels: panels)
        try checkReadable(placed, panels)
        for k in panels.indices {
            if panels[k].axes.equalAspect, panels[k].axes.aspectAdjustsLimits, let a = aspects[k] {
                // One data unit the same length both ways: the shorter range widens to the frame.
                let unit = min(placed[k].width / a.dx, placed[k].height / a.dy)
                layouts[k].xScale = EqualAspectFrames.widened(layouts[k].xScale, toLength: placed[k].width, unit: unit, magnitude: magnitudes[k])
                layouts[k].yScale = EqualAspectFrames.widened(layouts[k].yScale, toLength: placed[k].height, unit: unit, magnitude: magnitudes[k])
            }
            // Ticks were chosen for the panel's own insets; aligned insets (a neighbour's outside legend or
            // wider labels) or equal aspect make the plot narrower: choose them again for the plot as drawn
            // (turned labels only when they already were: the space below the frame is reserved for them).
            if placed[k] != cells[k].inset(by: layouts[k].insets) || panels[k].axes.aspectAdjustsLimits {
                layouts[k].computeTicks(axes: panels[k].axes, rect: placed[k], theme: theme, canvas: canvas,
                                        rotate: layouts[k].xLabelsRotated)
            }
            layouts[k].plotRect = placed[k]
            // The room above the plot: its top inset (the row's; in an equal grid the rows are not the cells),
            // and what equal aspect adds.
            layouts[k].keptTop = aligned[k].top + placed[k].minY - frames[k].minY
        }
        refitTitles(panels, cells: cells, &layouts)
    }

    /// Each panel's titles fitted to its final plot, then every panel title set at one size: the smallest
    /// any of them needed (see `TextLayout.panelTitle`).
    private func refitTitles(_ panels: [Figure.Panel], cells: [Rect], _ layouts: inout [AxisLayout]) {
        let theme = figure.theme
        func refit(_ k: Int, fixedScale: Double?) {
            // A title stays left of an outside legend reaching down beside its plot from the panel above.
            let besideLegend = panels.indices.contains { j in
                j != k && panels[j].column == panels[k].column && panels[j].columnSpan == panels[k].columnSpan && layouts[j].legendInsets.right > 0
            }
            let gctx = GuideContext(theme: theme, canvas: canvas)
            let over = panels[k].axes.sideGuides.map { $0.topOverhang(height: layouts[k].plotRect.height, gctx) }.max() ?? 0
            layouts[k].refitTitles(page: figure.size, cell: cells[k], padding: theme.figurePadding, theme: theme, canvas: canvas,
                                   besideLegend: besideLegend, guidesOverhang: over, fixedScale: fixedScale)
        }
        for k in panels.indices { refit(k, fixedScale: nil) }
        let titled = panels.indices.filter { layouts[$0].title != nil }
        guard let smallest = titled.map({ layouts[$0].titleScale }).min(), titled.contains(where: { layouts[$0].titleScale > smallest + 1e-9 }) else { return }
        for k in titled { refit(k, fixedScale: smallest) }
    }

    /// A panel title that needs more height than its plot's top inset kept (two lines where one was
    /// measured, over a plot narrower than its cell) gets it, and the frames are placed again (twice at
    /// most); a title that fits nowhere at a legible size means the page is too small.
    private func makeRoomForPanelTitles(_ panels: [Figure.Panel], cells: [Rect], _ layouts: inout [AxisLayout]) throws(VizError) {
        for _ in 0..<2 {
            let short = panels.indices.filter { layouts[$0].titleShortfall > 0.5 }
            if short.isEmpty { break }
            for k in short { layouts[k].insets.top += layouts[k].titleShortfall }
            try placeFrames(panels, cells: cells, &layouts)
        }
        if layouts.contains(where: { $0.title != nil && (!$0.titleFits || $0.titleShortfall > 0.5) }) {
            throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .panelTitles)
        }
    }

    /// Plots side by side in one grid row (same row and row span, same top) keep one height: the smallest,
    /// when it is at least 70 % of the tallest (a legend below one plot took more of its cell than the
    /// legend below the other; side by side, two heights read as two figures).
    static func rowHeightsEqualized(_ frames: [Rect], _ panels: [Figure.Panel]) -> [Rect] {
        frames.indices.map { k in
            let row = frames.indices.filter { j in
                panels[j].row == panels[k].row && panels[j].rowSpan == panels[k].rowSpan && abs(frames[j].minY - frames[k].minY) < 1
            }
            let h = row.map { frames[$0].height }.min() ?? frames[k].height
            // (Not when one is far taller, as the entropy plot beside softmax's bars: it would lose a third.)
            guard h >= 0.7 * (row.map { frames[$0].height }.max() ?? h) else { return frames[k] }
            return Rect(x: frames[k].minX, y: frames[k].minY, width: frames[k].width, height: h)
        }
    }

    /// `text` in `font` fitted to `maxWidth` (see `TextLayout.fitted`); figure titles and notes do not wrap.
    func fitted(_ text: String, _ font: Font, maxWidth: Double, hardLimit: Double? = nil, wrap: Bool = true) -> TextLayout {
        TextLayout.fitted(text, font: font, maxWidth: maxWidth, hardLimit: hardLimit, floor: wrap ? 0.8 : 0.6, wrap: wrap, canvas: canvas)
    }

    /// The smallest increasing interval covering all of `intervals`.
    private func unionOf(_ intervals: [Interval]) -> Interval? {
        guard var u = intervals.first.map({ Interval(min($0.lower, $0.upper), max($0.lower, $0.upper)) }) else { return nil }
        for i in intervals.dropFirst() { u = u.union(Interval(min(i.lower, i.upper), max(i.lower, i.upper))) }
        return u
    }
}
