/// Draws a laid-out figure: the page, its own texts, then each panel (background, grid, zero lines,
/// marks in z order, frame, ticks, tick labels, axis labels, title, side guides, legend). Every text and
/// every data mark is bracketed as a `FigureElement`, so a recording backend knows what it drew.
struct PanelDrawing {
    /// What to draw: the whole figure, or one of the two layers of an animation frame.
    enum Layers {
        case all
        /// Everything but the legend, the plot frames and the marks at or above z order `below` (drawn once
        /// per animation).
        case background(below: Double)
        /// Only the marks at or above z order `from` and the moving marks (a panel's marks from index
        /// `movingFrom[panel]` on), the plot frames over them (as in the still figure, where a path
        /// leaving the plot goes under the frame), and the legends (drawn every frame).
        case overlay(from: Double, movingFrom: [Int])
    }

    let figure: Figure
    let canvas: any DrawingBackend
    let resolution: Double
    var layers = Layers.all
    /// In an animation whose panel titles change (`Animation.panelTitles`): the titles are drawn with the
    /// moving layer, not the background.
    var titlesMove = false

    private var isOverlay: Bool { if case .overlay = layers { true } else { false } }
    private var isBackground: Bool { if case .background = layers { true } else { false } }

    private func draws(_ m: any Mark, index: Int, panel: Int) -> Bool {
        switch layers {
        case .all: true
        case let .background(below): m.zOrder < below
        case let .overlay(from, moving): m.zOrder >= from || index >= (moving.indices.contains(panel) ? moving[panel] : 0)
        }
    }

    /// Draws a laid-out figure.
    func draw(_ layout: FigureLayout) {
        if !figure.transparent && !isOverlay { canvas.paint(figure.theme.background) }
        // An overlay's layout holds only the page texts that change with its frame.
        for t in layout.texts {
            canvas.element(FigureElement(t.kind, text: t.cut ? t.text.plainText : t.source, cut: t.cut)) { canvas.draw(t.text, at: t.at, anchor: t.anchor, color: t.color) }
        }
        if let (legend, origin) = layout.pageLegend, !isBackground {
            canvas.element(FigureElement(.legend, text: legend.entries.map(\.label).joined(separator: "; "))) {
                legend.draw(at: origin, canvas: canvas, theme: figure.theme)
            }
        }
        for (k, (p, l)) in zip(layout.panels, layout.axes).enumerated() {
            canvas.element(FigureElement(.plotArea, panel: k, box: l.plotRect)) { drawPanel(p.axes, l, panel: k) }
        }
    }

    private func drawPanel(_ axes: Axes, _ l: AxisLayout, panel: Int) {
        let theme = figure.theme
        let r = l.plotRect
        let axisStyle = PanelDrawing.axisStyle(theme)
        let ctx = PlotContext(plotRect: r, xScale: l.xScale, yScale: l.yScale, theme: theme, resolution: resolution, canvas: canvas)
        if !isOverlay && (!figure.transparent || theme.plotBackground != theme.background) { canvas.fill(Path(rect: r), theme.plotBackground) }
        canvas.save()
        canvas.clip(r)
        if !isOverlay { drawGrid(axes, l, ctx) }
        let ordered = axes.marks.enumerated().sorted { a, b in
            a.element.zOrder != b.element.zOrder ? a.element.zOrder < b.element.zOrder : a.offset < b.offset
        }
        let legendBox = l.legend.flatMap { g in l.legendOrigin.map { Rect(x: $0.x, y: $0.y, width: g.size.width, height: g.size.height) } }
        let shifts = NotePlacement.shifts(marks: axes.marks, ctx: ctx, legend: legendBox)
        let obstacles = TextObstacles.forMarks(axes.marks, ctx: ctx, shifts: shifts, legend: legendBox)
        func drawMark(_ k: Int, _ m: any Mark) {
            var mctx = ctx
            mctx.textKind = m.textKind
            mctx.textShift = shifts[k] ?? Point(0, 0)
            mctx.textObstacles = obstacles[k] ?? []
            if m.isDataInk { canvas.element(FigureElement(.dataInk)) { m.draw(in: mctx) } } else { m.draw(in: mctx) }
        }
        for (k, m) in ordered where m.clipsToPlot && draws(m, index: k, panel: panel) { drawMark(k, m) }
        canvas.restore()
        // An animation's plot frame goes on with each frame's moving layer, over its paths as in the still figure.
        if isOverlay && axes.showAxes { canvas.stroke(Path(rect: r), axisStyle) }
        if case .background = layers {
            drawAxes(axes, l, ctx); drawGuides(axes, l)
            for (k, m) in ordered where !m.clipsToPlot && draws(m, index: k, panel: panel) { drawMark(k, m) }
            return
        }
        if !isOverlay {
            drawAxes(axes, l, ctx)
            drawGuides(axes, l)
        } else if titlesMove {
            drawTitle(axes, l, ctx)
        }
        // Marks drawn whole over the frame (a minimum's star on the border of a map).
        for (k, m) in ordered where !m.clipsToPlot && draws(m, index: k, panel: panel) { drawMark(k, m) }
        if let legend = l.legend, let origin = l.legendOrigin {
            canvas.element(FigureElement(.legend, text: legend.entries.map(\.label).joined(separator: "; "))) {
                legend.draw(at: origin, canvas: canvas, theme: theme)
            }
        }
    }

    /// The side guides (colorbars) right of the plot.
    private func drawGuides(_ axes: Axes, _ l: AxisLayout) {
        let theme = figure.theme, r = l.plotRect
        let pad = theme.labelFont.size * 0.4
        var gx = r.maxX + pad * 2
        let gctx = GuideContext(theme: theme, canvas: canvas)
        for (g, w) in zip(axes.sideGuides, l.guideWidths) {
            g.draw(in: Rect(x: gx, y: r.minY, width: w, height: r.height), gctx)
            gx += w + pad * 2
        }
    }

    private func drawGrid(_ axes: Axes, _ l: AxisLayout, _ ctx: PlotContext) {
        let theme = figure.theme, r = l.plotRect
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
    }

    /// Frame, ticks, tick labels, axis labels and the panel title.
    private func drawAxes(_ axes: Axes, _ l: AxisLayout, _ ctx: PlotContext) {
        let theme = figure.theme, r = l.plotRect
        let axisStyle = PanelDrawing.axisStyle(theme)
        if axes.showAxes, !isBackground { canvas.stroke(Path(rect: r), axisStyle) }
        var ticks = Path()
        let tl = theme.tickLength
        for v in l.xTicks { let x = ctx.px(v); ticks.move(to: Point(x, r.maxY)); ticks.line(to: Point(x, r.maxY + tl)) }
        for v in l.yTicks { let y = ctx.py(v); ticks.move(to: Point(r.minX, y)); ticks.line(to: Point(r.minX - tl, y)) }
        for v in l.xMinor { let x = ctx.px(v); ticks.move(to: Point(x, r.maxY)); ticks.line(to: Point(x, r.maxY + tl * 0.55)) }
        for v in l.yMinor { let y = ctx.py(v); ticks.move(to: Point(r.minX, y)); ticks.line(to: Point(r.minX - tl * 0.55, y)) }
        canvas.stroke(ticks, StrokeStyle(color: theme.axisColor, width: theme.axisLineWidth))
        let pad = theme.labelFont.size * 0.4
        for (v, t) in zip(l.xTicks, l.xLabels) {
            canvas.element(FigureElement(.tickLabel, text: t.plainText)) {
                let at = Point(ctx.px(v), r.maxY + tl + pad * 0.6)
                if l.xLabelsRotated {
                    canvas.draw(t, at: at, anchor: TextAnchor(1, .top), angle: Double.pi / 4, color: theme.muted)
                } else {
                    canvas.draw(t, at: at, anchor: TextAnchor(0.5, .top), color: theme.muted)
                }
            }
        }
        // In the corner, the lowest y label gives way to the first x label when the two would meet.
        var firstX: Rect?
        if let v = l.xTicks.first, let t = l.xLabels.first {
            firstX = canvas.box(of: t, at: Point(ctx.px(v), r.maxY + tl + pad * 0.6), anchor: l.xLabelsRotated ? TextAnchor(1, .top) : TextAnchor(0.5, .top),
                                angle: l.xLabelsRotated ? Double.pi / 4 : 0)
        }
        for (v, t) in zip(l.yTicks, l.yLabels) {
            let at = Point(r.minX - tl - pad * 0.8, ctx.py(v))
            if let x = firstX, x.overlapArea(canvas.box(of: t, at: at, anchor: TextAnchor(1, .middle))) > 0 { continue }
            canvas.element(FigureElement(.tickLabel, text: t.plainText)) {
                canvas.draw(t, at: at, anchor: TextAnchor(1, .middle), color: theme.muted)
            }
        }
        if let xl = l.xTitle {
            let (soft, hard) = roomAcross(r)
            let t = TextLayout.fitted(xl, font: theme.labelFont, maxWidth: soft, hardLimit: hard, floor: 0.6, wrap: false, canvas: canvas)
            let y = r.maxY + tl + (l.xLabels.isEmpty ? 0 : pad * 0.6 + l.xLabelExtent) + pad
            canvas.element(FigureElement(.axisLabel, text: xl)) {
                canvas.draw(t, at: Point(r.midX, y), anchor: TextAnchor(0.5, .top), color: theme.foreground)
            }
        }
        if let t = l.yTitleLayout, let yl = l.yTitle {
            let x = r.minX - tl - (l.yLabels.isEmpty ? 0 : pad * 0.8 + (l.yLabels.map(\.width).max() ?? 0)) - pad
            canvas.element(FigureElement(.axisLabel, text: yl)) {
                canvas.draw(t, at: Point(x, r.midY), anchor: TextAnchor(0.5, .bottom), angle: Double.pi / 2, color: theme.foreground)
            }
        }
        if !titlesMove { drawTitle(axes, l, ctx) }
    }

    /// The plot frame's line.
    private static func axisStyle(_ theme: Theme) -> StrokeStyle {
        StrokeStyle(color: theme.axisColor, width: theme.axisLineWidth, cap: .square)
    }

    /// The panel title, over the plot; when it reaches left over the y tick labels or the y title (a
    /// title wider than a narrow plot), it sits above the highest of them (the layout reserved the room).
    private func drawTitle(_ axes: Axes, _ l: AxisLayout, _ ctx: PlotContext) {
        let pad = figure.theme.labelFont.size * 0.4
        guard let t = l.titleLayout, let title = axes.title else { return }
        let r = l.plotRect, cx = l.titleCenterX ?? r.midX
        var bottom = r.minY - pad * 0.9
        if cx - t.width / 2 < r.minX - 0.5 {
            let labelTops = zip(l.yTicks, l.yLabels).map { ctx.py($0) - $1.height / 2 }
            let titleTop = l.yTitleLayout.map { r.midY - $0.width / 2 } ?? .infinity
            bottom = min(bottom, (labelTops.min() ?? .infinity) - pad * 0.5, titleTop - pad * 0.5)
        }
        // Over a colorbar: above its top tick label, half of which stands over the plot's top.
        if !l.guideWidths.isEmpty, cx + t.width / 2 > r.maxX + pad * 2 {
            let gctx = GuideContext(theme: figure.theme, canvas: canvas)
            let over = axes.sideGuides.map { $0.topOverhang(height: r.height, gctx) }.max() ?? 0
            bottom = min(bottom, r.minY - over - pad * 0.5)
        }
        // Never above the room the layout kept for it (the figure's own texts are there).
        bottom = max(bottom, r.minY - max(l.keptTop, l.insets.top) + t.height)
        canvas.element(FigureElement(.panelTitle, text: title)) {
            canvas.draw(t, at: Point(cx, bottom), anchor: TextAnchor(0.5, .bottom), color: figure.theme.foreground)
        }
    }

    /// The width a label centred under/over `r` may take: a quarter more than the plot (softly), and
    /// never past the page padding (hard).
    private func roomAcross(_ r: Rect) -> (Double, Double) {
        let p = figure.theme.figurePadding
        let page = 2 * min(r.midX - p, figure.size.width - p - r.midX)
        return (min(r.width * 1.25, page), page)
    }
}
