/// The box around a 3-D surface: back panes with grid lines (drawn first), then ticks and labels on the
/// front floor edges (x, y) and on the leftmost vertical edge (z), with nice values from `Ticks.values`.
struct SurfaceBox {
    let projection: Projection3D
    let aspect: Double
    let field: ScalarField
    let zRange: Interval
    let xLabel: String
    let yLabel: String
    let zLabel: String

    private var xTicks: [Double] { Ticks.values(field.bounds.x.lower, field.bounds.x.upper, count: 5) }
    private var yTicks: [Double] { Ticks.values(field.bounds.y.lower, field.bounds.y.upper, count: 5) }
    private var zTicks: [Double] { Ticks.values(zRange.lower, zRange.upper, count: 5) }
    private func nx(_ v: Double) -> Double { 2 * (v - field.bounds.x.lower) / field.bounds.x.span - 1 }
    private func ny(_ v: Double) -> Double { 2 * (v - field.bounds.y.lower) / field.bounds.y.span - 1 }
    private func nz(_ v: Double) -> Double { aspect * (2 * (v - zRange.lower) / zRange.span - 1) }

    /// The side (±1) of the wall facing away from the viewer along x and y, and the floor's z.
    private var backX: Double { projection.eye.x >= 0 ? -1 : 1 }
    private var backY: Double { projection.eye.y >= 0 ? -1 : 1 }
    private var floorZ: Double { projection.eye.z >= 0 ? -aspect : aspect }

    func drawBack(_ ctx: PlotContext, _ dev: (Point3) -> Point) {
        let a = aspect, bx = backX, by = backY, fz = floorZ
        let pane = ctx.theme.paneColor, grid = ctx.theme.paneGridColor
        let panes: [[Point3]] = [
            [Point3(-1, -1, fz), Point3(1, -1, fz), Point3(1, 1, fz), Point3(-1, 1, fz)],
            [Point3(bx, -1, -a), Point3(bx, 1, -a), Point3(bx, 1, a), Point3(bx, -1, a)],
            [Point3(-1, by, -a), Point3(1, by, -a), Point3(1, by, a), Point3(-1, by, a)],
        ]
        for p in panes { ctx.fill(Path(polygon: p.map(dev)), pane) }
        var lines = Path()
        func seg(_ p: Point3, _ q: Point3) { lines.move(to: dev(p)); lines.line(to: dev(q)) }
        for t in xTicks { let x = nx(t); seg(Point3(x, -1, fz), Point3(x, 1, fz)); seg(Point3(x, by, -a), Point3(x, by, a)) }
        for t in yTicks { let y = ny(t); seg(Point3(-1, y, fz), Point3(1, y, fz)); seg(Point3(bx, y, -a), Point3(bx, y, a)) }
        for t in zTicks { let z = nz(t); seg(Point3(bx, -1, z), Point3(bx, 1, z)); seg(Point3(-1, by, z), Point3(1, by, z)) }
        ctx.stroke(lines, StrokeStyle(color: grid, width: 0.6))
        var edges = Path()
        for p in panes { edges.append(Path(polygon: p.map(dev))) }
        ctx.stroke(edges, StrokeStyle(color: ctx.theme.paneEdgeColor, width: 0.7, join: .round))
    }

    /// The z ticks whose labels are drawn, for a z axis `screenLength` points long on screen: every k-th so
    /// neighbours are at least 1.2 lines apart, and none when the axis is shorter than 1.5 lines (seen from
    /// straight above, the whole axis projects to one point).
    static func keptZTicks(screenLength: Double, count: Int, fontSize: Double) -> [Int] {
        guard count > 1 else { return Array(0..<count) }
        guard screenLength >= fontSize * 1.5 else { return [] }
        let gap = screenLength / Double(count - 1)
        let every = max(1, Int((fontSize * 1.2 / gap).rounded(.up)))
        return Array(stride(from: 0, to: count, by: every))
    }

    /// A text of the box (a tick label or an axis name) where it is drawn.
    struct BoxText {
        let text: String
        let at: Point
        let anchor: TextAnchor
        let font: Font
        var angle = 0.0
        var kind = FigureElement.Kind.tickLabel
    }

    /// The ticks, and the tick labels and axis names, as `drawTicks` draws them.
    func ticksAndTexts(_ ctx: PlotContext, _ dev: (Point3) -> Point, screenCentre c: Point) -> (ticks: Path, texts: [BoxText]) {
        let fz = floorZ
        let font = ctx.theme.tickFont
        let tl = ctx.theme.tickLength * 1.4
        let fx = -backX, fy = -backY
        var ticks = Path()
        var texts: [BoxText] = []
        func outward(_ p: Point) -> Point { let d = p - c; let n = d.length; return n > 0 ? d * (1 / n) : Point(0, 1) }
        // x ticks on the floor edge at the front y, y ticks on the floor edge at the front x.
        let xf = ScalarFormatter.labels(xTicks), yf = ScalarFormatter.labels(yTicks), zf = ScalarFormatter.labels(zTicks)
        // Seen from (nearly) straight above, the z axis shrinks to a point: its labels would pile up on one spot.
        // Keep every k-th label so neighbours are a line apart, and none when the axis is shorter than a line.
        let zPoints = zTicks.map { dev(Point3(-1, -1, nz($0))) }
        let zKept = Self.keptZTicks(screenLength: abs((zPoints.last?.y ?? 0) - (zPoints.first?.y ?? 0)), count: zTicks.count, fontSize: font.size)
        let zLabels = zKept.map { zf.labels[$0] }, zShown = zKept.map { zTicks[$0] }
        // Labels that would overlap one already placed (at the corner shared by two axes) are skipped.
        var taken: [Rect] = []
        func label(_ s: String, _ at: Point, _ anchor: TextAnchor = .center) {
            let r = ctx.textBox(s, at: at, anchor: anchor, font: font).expanded(by: 1)
            guard !taken.contains(where: { $0.intersects(r) }) else { return }
            taken.append(r)
            texts.append(BoxText(text: s, at: at, anchor: anchor, font: font))
        }
        for (t, s) in zip(xTicks, xf.labels) {
            let p = dev(Point3(nx(t), fy, fz)), u = outward(dev(Point3(nx(t), fy * 1.5, fz)))
            ticks.move(to: p); ticks.line(to: p + u * tl)
            label(s, p + u * (tl + font.size * 0.9))
        }
        for (t, s) in zip(yTicks, yf.labels) {
            let p = dev(Point3(fx, ny(t), fz)), u = outward(dev(Point3(fx * 1.5, ny(t), fz)))
            ticks.move(to: p); ticks.line(to: p + u * tl)
            label(s, p + u * (tl + font.size * 0.9))
        }
        // z on the vertical edge that appears leftmost on screen.
        let verticals = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)]
        let (vx, vy) = verticals.min { dev(Point3($0.0, $0.1, 0)).x < dev(Point3($1.0, $1.1, 0)).x } ?? (-1, -1)
        for (t, s) in zip(zShown, zLabels) {
            let p = dev(Point3(vx, vy, nz(t)))
            ticks.move(to: p); ticks.line(to: Point(p.x - tl, p.y))
            label(s, Point(p.x - tl - font.size * 0.3, p.y), TextAnchor(1, .middle))
        }
        // Axis names beyond the tick labels (axis labels in a layout report, as in a plane figure).
        let lf = ctx.theme.labelFont
        let xm = dev(Point3(0, fy, fz)), ym = dev(Point3(fx, 0, fz))
        texts.append(BoxText(text: xf.axisTitle(xLabel) ?? xLabel, at: xm + outward(dev(Point3(0, fy * 1.5, fz))) * (tl + font.size * 2.6),
                             anchor: .center, font: lf, kind: .axisLabel))
        texts.append(BoxText(text: yf.axisTitle(yLabel) ?? yLabel, at: ym + outward(dev(Point3(fx * 1.5, 0, fz))) * (tl + font.size * 2.6),
                             anchor: .center, font: lf, kind: .axisLabel))
        let zw = zLabels.map { ctx.textBox($0, at: Point(0, 0), anchor: .center, font: font).width }.max() ?? 0
        let zm = dev(Point3(vx, vy, 0))
        if !zKept.isEmpty {
            texts.append(BoxText(text: zf.axisTitle(zLabel) ?? zLabel, at: Point(zm.x - tl - font.size * 0.6 - zw, zm.y), anchor: TextAnchor(0.5, .bottom),
                                 font: lf, angle: Double.pi / 2, kind: .axisLabel))
        }
        return (ticks, texts)
    }

    /// Draws the ticks, their labels and the axis names (see `ticksAndTexts`).
    func drawTicks(_ ctx: PlotContext, _ dev: (Point3) -> Point, screenCentre c: Point) {
        let (ticks, texts) = ticksAndTexts(ctx, dev, screenCentre: c)
        ctx.stroke(ticks, StrokeStyle(color: ctx.theme.axisColor, width: ctx.theme.axisLineWidth))
        for t in texts {
            var tctx = ctx
            tctx.textKind = t.kind
            tctx.text(t.text, at: t.at, anchor: t.anchor, font: t.font, color: t.kind == .axisLabel ? ctx.theme.foreground : ctx.theme.muted, angle: t.angle)
        }
    }

    /// The device boxes of the tick labels and axis names (for legends and notes placed around them).
    func textBoxes(_ ctx: PlotContext, _ dev: (Point3) -> Point, screenCentre c: Point) -> [Rect] {
        ticksAndTexts(ctx, dev, screenCentre: c).texts.map { ctx.textBox($0.text, at: $0.at, anchor: $0.anchor, font: $0.font, angle: $0.angle) }
    }
}
