/// Lays out a figure on a canvas and draws it: title, panels (frames, grids, marks, ticks, labels,
/// legends, side guides) in a fixed order, so the same figure always gives the same drawing calls.
struct FigureRenderer {
    let figure: Figure
    let canvas: Canvas
    let resolution: Double

    /// Lays the figure out, then draws it.
    func render() throws(VizError) { draw(try layout()) }

    /// Resolves limits, ticks, insets and plot rectangles, and places the figure's own texts, measuring
    /// text on the canvas without drawing anything.
    func layout() throws(VizError) -> FigureLayout {
        let theme = figure.theme
        try Figure.validate(width: figure.size.width * figure.dpi / 72, height: figure.size.height * figure.dpi / 72, dpi: figure.dpi)
        guard theme.fontScale.isFinite, theme.fontScale >= 0.1, theme.fontScale <= 10 else {
            throw VizError.invalidValue(what: "font scale", value: TickFormat.short(theme.fontScale).replacingMinus(), allowed: "0.1 to 10")
        }
        guard theme.baseFontSize.isFinite, theme.baseFontSize >= 1, theme.baseFontSize <= 200 else {
            throw VizError.invalidValue(what: "base font size", value: TickFormat.short(theme.baseFontSize).replacingMinus(), allowed: "1 to 200 points")
        }
        var texts: [FigureLayout.Label] = []
        var content = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height).inset(by: Insets(
            top: theme.figurePadding, left: theme.figurePadding, bottom: theme.figurePadding, right: theme.figurePadding))
        if let title = figure.title {
            let t = fitted(title, theme.figureTitleFont, maxWidth: content.width, wrap: false)
            texts.append(.init(text: t, at: Point(content.midX, content.minY), anchor: TextAnchor(0.5, .top), color: theme.foreground))
            var used = t.height + theme.figureTitleFont.size * 0.45
            if let sub = figure.subtitle {
                let s = fitted(sub, theme.noteFont, maxWidth: content.width, wrap: false)
                texts.append(.init(text: s, at: Point(content.midX, content.minY + used), anchor: TextAnchor(0.5, .top), color: theme.muted))
                used += s.height + theme.noteFont.size * 0.5
            }
            content = content.inset(by: Insets(top: used))
        }
        if let foot = figure.footnote {
            let f = fitted(foot, theme.noteFont, maxWidth: content.width, wrap: false)
            texts.append(.init(text: f, at: Point(content.minX, content.maxY), anchor: TextAnchor(0, .bottom), color: theme.muted))
            content = content.inset(by: Insets(bottom: f.height + theme.noteFont.size * 0.4))
        }
        guard content.width > 20, content.height > 20 else {
            throw VizError.invalidValue(what: "figure size", value: "\(figure.pixelSize.width)x\(figure.pixelSize.height)",
                                        allowed: "a page large enough for its title and axes")
        }
        let gap = theme.panelGap
        let cellW = (content.width - Double(figure.columns - 1) * gap) / Double(figure.columns)
        let cellH = (content.height - Double(figure.rows - 1) * gap) / Double(figure.rows)
        func cell(_ p: Figure.Panel) -> Rect {
            Rect(x: content.minX + Double(p.column) * (cellW + gap), y: content.minY + Double(p.row) * (cellH + gap),
                 width: cellW * Double(p.columnSpan) + gap * Double(p.columnSpan - 1),
                 height: cellH * Double(p.rowSpan) + gap * Double(p.rowSpan - 1))
        }

        // Limits, with sharing.
        var panels = figure.panels
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

        // Ticks and insets (twice: tick counts depend on the plot size, which depends on label sizes).
        var layouts: [AxisLayout] = []
        for (k, p) in panels.enumerated() {
            let xs = Scale(p.axes.xScale, domain: xLims[k]), ys = Scale(p.axes.yScale, domain: yLims[k])
            try xs.validate(axis: "x"); try ys.validate(axis: "y")
            var l = AxisLayout(xScale: xs, yScale: ys)
            let entries = p.axes.marks.flatMap(\.legendEntries)
            let c = cell(p)
            l.computeTicks(axes: p.axes, rect: c, theme: theme, canvas: canvas)
            l.computeInsets(axes: p.axes, rect: c, theme: theme, canvas: canvas, legendEntries: entries)
            l.computeTicks(axes: p.axes, rect: c.inset(by: l.insets), theme: theme, canvas: canvas)
            l.computeInsets(axes: p.axes, rect: c, theme: theme, canvas: canvas, legendEntries: entries)
            layouts.append(l)
        }
        // Align frames: panels in a column share left/right insets, panels in a row share top/bottom.
        var aligned = layouts.map(\.insets)
        for k in panels.indices {
            for j in panels.indices where j != k {
                if panels[j].column == panels[k].column && panels[j].columnSpan == panels[k].columnSpan {
                    aligned[k].left = max(aligned[k].left, layouts[j].insets.left)
                    aligned[k].right = max(aligned[k].right, layouts[j].insets.right)
                }
                if panels[j].row == panels[k].row && panels[j].rowSpan == panels[k].rowSpan {
                    aligned[k].top = max(aligned[k].top, layouts[j].insets.top)
                    aligned[k].bottom = max(aligned[k].bottom, layouts[j].insets.bottom)
                }
            }
        }
        for k in panels.indices {
            var r = cell(panels[k]).inset(by: aligned[k])
            guard r.width >= 8, r.height >= 8 else {
                throw VizError.invalidValue(what: "figure size", value: "\(figure.pixelSize.width)x\(figure.pixelSize.height)",
                                            allowed: "enough room for \(panels.count) plot(s) with their labels (try a larger --size or a smaller --font-scale)")
            }
            if panels[k].axes.equalAspect {
                let l = layouts[k]
                let dx = abs(l.xScale.transform(l.xScale.domain.upper) - l.xScale.transform(l.xScale.domain.lower))
                let dy = abs(l.yScale.transform(l.yScale.domain.upper) - l.yScale.transform(l.yScale.domain.lower))
                if dx > 0, dy > 0 {
                    let unit = min(r.width / dx, r.height / dy)
                    let w = dx * unit, h = dy * unit
                    r = Rect(x: r.minX + (r.width - w) / 2, y: r.minY + (r.height - h) / 2, width: w, height: h)
                    // Ticks were chosen for the wider cell: choose them again for the plot as drawn.
                    layouts[k].computeTicks(axes: panels[k].axes, rect: r, theme: theme, canvas: canvas)
                }
            }
            layouts[k].plotRect = r
        }
        // Legends go last: the best spot depends on where the marks land in the final plot rectangle.
        for k in panels.indices {
            guard var legend = layouts[k].legend else { continue }
            let r = layouts[k].plotRect
            let inside = [.best, .upperRight, .upperLeft, .lowerLeft, .lowerRight].contains(layouts[k].legendPlacement)
            let entries = panels[k].axes.marks.flatMap(\.legendEntries)
            let page = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height).inset(by: Insets(
                top: theme.figurePadding / 2, left: theme.figurePadding / 2, bottom: theme.figurePadding / 2, right: theme.figurePadding / 2))
            /// Re-flows the legend into `room` with a smaller font (not below `floor` times the size).
            func reflow(_ legend: LegendLayout, into room: Rect, floor: Double) -> LegendLayout {
                var l = legend, scale = 1.0
                for _ in 0..<8 where l.size.width > room.width || l.size.height > room.height {
                    guard scale > floor else { break }
                    scale = max(floor, scale * min(0.97, room.width / l.size.width, room.height / l.size.height))
                    l = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: room.height, maxWidth: room.width, scale: scale)
                }
                return l
            }
            // Inside the plot: shrink (to half size at most) to fit it; in any case, fit the page.
            if inside { legend = reflow(legend, into: r.inset(by: Insets(top: 4, left: 4, bottom: 4, right: 4)), floor: 0.5) }
            legend = reflow(legend, into: page, floor: 0.1)
            layouts[k].legend = legend
            let l = layouts[k]
            let ctx = PlotContext(plotRect: r, xScale: l.xScale, yScale: l.yScale, theme: theme, resolution: resolution, canvas: canvas)
            let pad = theme.labelFont.size * 0.4
            let guidesEnd = r.maxX + pad * 2 + l.guideWidths.reduce(0) { $0 + $1 + pad * 2 }
            var o = legendOrigin(legend, axes: panels[k].axes, plot: r, ctx: ctx, guidesEnd: guidesEnd, layout: l)
            // Whatever happens, the legend stays on the page.
            o.x = max(page.minX, min(o.x, page.maxX - legend.size.width))
            o.y = max(page.minY, min(o.y, page.maxY - legend.size.height))
            layouts[k].legendOrigin = o
        }
        return FigureLayout(texts: texts, panels: panels, axes: layouts)
    }

    /// Draws a laid-out figure.
    func draw(_ layout: FigureLayout) {
        if !figure.transparent { canvas.paint(figure.theme.background) }
        for t in layout.texts { canvas.draw(t.text, at: t.at, anchor: t.anchor, color: t.color) }
        for (p, l) in zip(layout.panels, layout.axes) { drawPanel(p.axes, l, theme: figure.theme) }
    }

    private func drawPanel(_ axes: Axes, _ l: AxisLayout, theme: Theme) {
        let r = l.plotRect
        var ctx = PlotContext(plotRect: r, xScale: l.xScale, yScale: l.yScale, theme: theme, resolution: resolution, canvas: canvas)
        // Band labels are the most dispensable text: they give way to the legend and to every other label.
        if axes.marks.contains(where: { $0 is BandMark }) {
            var obstacles = axes.marks.filter { !($0 is BandMark) }.flatMap { $0.occupiedRects(in: ctx) }
            if let legend = l.legend, let o = l.legendOrigin {
                obstacles.append(Rect(x: o.x, y: o.y, width: legend.size.width, height: legend.size.height))
            }
            ctx.textObstacles = obstacles
        }
        if !figure.transparent || theme.plotBackground != theme.background { canvas.fill(Path(rect: r), theme.plotBackground) }
        canvas.save()
        canvas.clip(r)
        if axes.grid {
            let gx = axes.xGrid, gy = axes.yGrid
            var minor = Path()
            for v in l.xMinor where gx { let x = ctx.px(v); minor.move(to: Point(x, r.minY)); minor.line(to: Point(x, r.maxY)) }
            for v in l.yMinor where gy { let y = ctx.py(v); minor.move(to: Point(r.minX, y)); minor.line(to: Point(r.maxX, y)) }
            canvas.stroke(minor, StrokeStyle(color: theme.minorGridColor, width: theme.gridLineWidth * 0.8))
            var major = Path()
            for v in l.xTicks where gx { let x = ctx.px(v); major.move(to: Point(x, r.minY)); major.line(to: Point(x, r.maxY)) }
            for v in l.yTicks where gy { let y = ctx.py(v); major.move(to: Point(r.minX, y)); major.line(to: Point(r.maxX, y)) }
            canvas.stroke(major, StrokeStyle(color: theme.gridColor, width: theme.gridLineWidth))
        }
        if axes.zeroLines {
            var zero = Path()
            if axes.xScale != .log, axes.xTickLabels == nil, l.xScale.domain.contains(0) {
                let x = ctx.px(0)
                if x > r.minX + 1 && x < r.maxX - 1 { zero.move(to: Point(x, r.minY)); zero.line(to: Point(x, r.maxY)) }
            }
            if axes.yScale != .log, axes.yTickLabels == nil, l.yScale.domain.contains(0) {
                let y = ctx.py(0)
                if y > r.minY + 1 && y < r.maxY - 1 { zero.move(to: Point(r.minX, y)); zero.line(to: Point(r.maxX, y)) }
            }
            canvas.stroke(zero, StrokeStyle(color: theme.zeroLineColor, width: theme.gridLineWidth * 1.5))
        }
        let ordered = axes.marks.enumerated().sorted { a, b in
            a.element.zOrder != b.element.zOrder ? a.element.zOrder < b.element.zOrder : a.offset < b.offset
        }
        for (_, m) in ordered { m.draw(in: ctx) }
        canvas.restore()

        // Frame, ticks, labels.
        let axisStyle = StrokeStyle(color: theme.axisColor, width: theme.axisLineWidth, cap: .square)
        if axes.showAxes { canvas.stroke(Path(rect: r), axisStyle) }
        var ticks = Path()
        let tl = theme.tickLength
        for v in l.xTicks { let x = ctx.px(v); ticks.move(to: Point(x, r.maxY)); ticks.line(to: Point(x, r.maxY + tl)) }
        for v in l.yTicks { let y = ctx.py(v); ticks.move(to: Point(r.minX, y)); ticks.line(to: Point(r.minX - tl, y)) }
        for v in l.xMinor { let x = ctx.px(v); ticks.move(to: Point(x, r.maxY)); ticks.line(to: Point(x, r.maxY + tl * 0.55)) }
        for v in l.yMinor { let y = ctx.py(v); ticks.move(to: Point(r.minX, y)); ticks.line(to: Point(r.minX - tl * 0.55, y)) }
        canvas.stroke(ticks, StrokeStyle(color: theme.axisColor, width: theme.axisLineWidth))
        let pad = theme.labelFont.size * 0.4
        for (v, t) in zip(l.xTicks, l.xLabels) {
            let at = Point(ctx.px(v), r.maxY + tl + pad * 0.6)
            if l.xLabelsRotated {
                canvas.draw(t, at: at, anchor: TextAnchor(1, .top), angle: Double.pi / 4, color: theme.muted)
            } else {
                canvas.draw(t, at: at, anchor: TextAnchor(0.5, .top), color: theme.muted)
            }
        }
        for (v, t) in zip(l.yTicks, l.yLabels) {
            canvas.draw(t, at: Point(r.minX - tl - pad * 0.8, ctx.py(v)), anchor: TextAnchor(1, .middle), color: theme.muted)
        }
        if let xl = l.xTitle {
            let (soft, hard) = roomAcross(r)
            let t = fitted(xl, theme.labelFont, maxWidth: soft, hardLimit: hard, wrap: false)
            let y = r.maxY + tl + (l.xLabels.isEmpty ? 0 : pad * 0.6 + l.xLabelExtent) + pad
            canvas.draw(t, at: Point(r.midX, y), anchor: TextAnchor(0.5, .top), color: theme.foreground)
        }
        if var t = l.yTitleLayout, let text = l.yTitle {
            // Fitted to the estimated plot height; if still longer than the page allows, shrink it (never taller).
            let p = figure.theme.figurePadding
            let hard = 2 * min(r.midY - p, figure.size.height - p - r.midY)
            if t.width > hard, hard > 0 {
                let twoLines = t.height > TextLayout.make(text, font: theme.labelFont, canvas: canvas).height * 1.5
                t = TextLayout.fitted(text, font: theme.labelFont, maxWidth: hard, hardLimit: hard, floor: 0, wrap: twoLines, canvas: canvas)
            }
            let x = r.minX - tl - (l.yLabels.isEmpty ? 0 : pad * 0.8 + (l.yLabels.map(\.width).max() ?? 0)) - pad
            canvas.draw(t, at: Point(x, r.midY), anchor: TextAnchor(0.5, .bottom), angle: Double.pi / 2, color: theme.foreground)
        }
        if let t = l.titleLayout {
            canvas.draw(t, at: Point(r.midX, r.minY - pad * 0.9), anchor: TextAnchor(0.5, .bottom), color: theme.foreground)
        }

        // Side guides, then the legend.
        var gx = r.maxX + pad * 2
        let gctx = GuideContext(theme: theme, canvas: canvas)
        for (g, w) in zip(axes.sideGuides, l.guideWidths) {
            g.draw(in: Rect(x: gx, y: r.minY, width: w, height: r.height), gctx)
            gx += w + pad * 2
        }
        if let legend = l.legend, let origin = l.legendOrigin {
            legend.draw(at: origin, canvas: canvas, theme: theme)
        }
    }

    private func legendOrigin(_ legend: LegendLayout, axes: Axes, plot r: Rect, ctx: PlotContext, guidesEnd: Double, layout: AxisLayout) -> Point {
        let m = theme(axes).labelFont.size * 0.5
        let w = legend.size.width, h = legend.size.height
        let corners: [LegendPlacement: Point] = [
            .upperRight: Point(r.maxX - m - w, r.minY + m), .upperLeft: Point(r.minX + m, r.minY + m),
            .lowerLeft: Point(r.minX + m, r.maxY - m - h), .lowerRight: Point(r.maxX - m - w, r.maxY - m - h),
        ]
        switch layout.legendPlacement {
        case .outsideRight:
            return Point(guidesEnd, r.minY)
        case .below:
            var y = r.maxY + figure.theme.tickLength + layout.xLabelExtent + m * 2
            if let xl = layout.xTitle { y += TextLayout.make(xl, font: figure.theme.labelFont, canvas: canvas).height + m }
            return Point(r.midX - w / 2, y)
        case .upperRight, .upperLeft, .lowerLeft, .lowerRight:
            return corners[layout.legendPlacement] ?? Point(r.minX, r.minY)
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
            let pts = axes.marks.flatMap { $0.occupiedPoints() }.map(ctx.point)
            let texts = axes.marks.flatMap { $0.occupiedRects(in: ctx) }
            var best = candidates[0], bestScore = Double.infinity
            for c in candidates {
                let box = Rect(x: c.x, y: c.y, width: w, height: h).expanded(by: 3)
                var score = Double(pts.reduce(0) { $0 + (box.contains($1) ? 1 : 0) })
                for t in texts where t.width > 0 && t.height > 0 {
                    let o = box.overlapArea(t)
                    if o > 0 { score += 100 + 400 * o / (t.width * t.height) }
                }
                if score < bestScore { bestScore = score; best = c }
            }
            return best
        }
    }

    private func theme(_ axes: Axes) -> Theme { figure.theme }

    /// `text` laid out in `font` to fit `maxWidth` (see `TextLayout.fitted`: two lines, then at most 20%
    /// smaller), shrunk further only when wider than `hardLimit`, so long titles and labels stay on the page.
    func fitted(_ text: String, _ font: Font, maxWidth: Double, hardLimit: Double? = nil, wrap: Bool = true) -> TextLayout {
        TextLayout.fitted(text, font: font, maxWidth: maxWidth, hardLimit: hardLimit, floor: wrap ? 0.8 : 0.6, wrap: wrap, canvas: canvas)
    }

    /// The width a label centred under/over `r` may take: a quarter more than the plot (softly), and
    /// never past the page padding (hard).
    private func roomAcross(_ r: Rect) -> (Double, Double) {
        let p = figure.theme.figurePadding
        let page = 2 * min(r.midX - p, figure.size.width - p - r.midX)
        return (min(r.width * 1.25, page), page)
    }

    /// The smallest increasing interval covering all of `intervals`.
    private func unionOf(_ intervals: [Interval]) -> Interval? {
        guard var u = intervals.first.map({ Interval(min($0.lower, $0.upper), max($0.lower, $0.upper)) }) else { return nil }
        for i in intervals.dropFirst() { u = u.union(Interval(min(i.lower, i.upper), max(i.lower, i.upper))) }
        return u
    }
}
