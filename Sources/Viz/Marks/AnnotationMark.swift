// Marks: everything drawn inside an axes (lines, areas, bars, contours, arrows, texts), one mark a file.

/// Text pointing at a data point: the text sits `offset` points away (x right, y up) and a thin leader
/// line runs from the text to the point. Math syntax is allowed. When the text would leave the plot,
/// the offset is mirrored (left/right, up/down) and, as a last resort, the text is pushed inside. A
/// text wider than the plot (a large font on a small page) is broken at spaces outside math into
/// lines, left-aligned, so it is never cut off at the plot's edge.
public struct AnnotationMark: Mark {
    /// The text (math syntax allowed; `\n` breaks lines).
    public var text: String
    /// The annotated data point, where the leader line ends.
    public var point: Point
    /// Where the text goes relative to the point, in points (x right, y up).
    public var offset: Point
    /// nil: the theme's foreground colour.
    public var color: Color?
    /// nil: the theme's legend-sized font.
    public var font: Font?
    /// Mark the point itself with a small dot.
    public var showsDot: Bool
    /// Draw a thin line from the text to the point when they are apart (false: a label set in a corner).
    public var showsLeader = true
    /// Said in the figure's footnote instead when no spot in the plot is free for the text (see
    /// `Mark.footnoteText`); nil: the text stays in the plot.
    public var footnote: String?
    /// `Mark`: The sentence the figure's footnote says instead when the mark's movable text finds no spot in the
    /// plot free of data and other text (the mark then draws nothing), or nil: the text stays, pulled wholly
    /// inside the plot.
    public var footnoteText: String? { footnote }
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double

    /// `text` at `offset` points from `point`, with a leader line to it.
    public init(_ text: String, at point: Point, offset: Point = Point(24, 24), color: Color? = nil, font: Font? = nil,
                showsDot: Bool = true, zOrder: Double = 5) {
        self.text = text; self.point = point; self.offset = offset; self.color = color; self.font = font
        self.showsDot = showsDot; self.zOrder = zOrder
    }

    /// The annotated point takes part in the automatic limits (the text does not).
    public func dataBounds() -> Bounds? { point.isFinite ? Bounds(points: [point]) : nil }
    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] { point.isFinite ? [point] : [] }

    /// The text box (device space) for a label of `size` whose near corner is `offset` from `target`
    /// (device offset, y down); mirrored per axis when it leaves `plot`, then shifted inside if still out.
    static func placement(target: Point, offset: Point, size: Size, plot: Rect) -> Rect {
        func box(_ o: Point) -> Rect {
            let x = o.x > 0 ? target.x + o.x : o.x < 0 ? target.x + o.x - size.width : target.x - size.width / 2
            let y = o.y > 0 ? target.y + o.y : o.y < 0 ? target.y + o.y - size.height : target.y - size.height / 2
            return Rect(x: x, y: y, width: size.width, height: size.height)
        }
        var o = offset
        var b = box(o)
        if b.minX < plot.minX || b.maxX > plot.maxX {
            let m = box(Point(-o.x, o.y))
            if m.minX >= plot.minX && m.maxX <= plot.maxX { o.x = -o.x; b = m }
        }
        if b.minY < plot.minY || b.maxY > plot.maxY {
            let m = box(Point(o.x, -o.y))
            if m.minY >= plot.minY && m.maxY <= plot.maxY { o.y = -o.y; b = m }
        }
        // Still out (a label larger than the room on either side): push it in, left/top edges winning.
        b.x = max(plot.minX, min(b.x, plot.maxX - b.width))
        b.y = max(plot.minY, min(b.y, plot.maxY - b.height))
        return b
    }

    /// Where a segment from the box centre to `target` leaves `box`.
    static func exit(from box: Rect, towards target: Point) -> Point {
        let c = box.center, d = target - c
        var t = 1.0
        if d.x != 0 { t = min(t, (d.x > 0 ? box.maxX - c.x : box.minX - c.x) / d.x) }
        if d.y != 0 { t = min(t, (d.y > 0 ? box.maxY - c.y : box.minY - c.y) / d.y) }
        return c + d * max(0, t)
    }

    /// The words of `text`: runs between spaces, a `$…$` math span never split.
    static func words(_ text: String) -> [String] {
        var out: [String] = [], word = "", inMath = false
        for c in text {
            if c == "$" { inMath.toggle() }
            if c == " ", !inMath {
                if !word.isEmpty { out.append(word) }
                word = ""
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// The lines of the text with each line's measured size: the whole text when it fits `width`,
    /// else its words in as few lines no wider than `width` as greedy filling gives, balanced to the
    /// narrowest width that needs no more lines (a single word wider than `width` stays whole).
    func lines(in ctx: PlotContext, width: Double) -> [(text: String, size: Size)] {
        let f = font ?? ctx.theme.legendFont
        func size(_ s: String) -> Size {
            let b = ctx.textBox(s, at: Point(0, 0), anchor: TextAnchor(0, .top), font: f)
            return Size(b.width, b.height)
        }
        let whole = size(text)
        guard whole.width > width else { return [(text, whole)] }
        let words = Self.words(text)
        func fill(_ limit: Double) -> [String] {
            var out: [String] = [], line = ""
            for word in words {
                let candidate = line.isEmpty ? word : line + " " + word
                if line.isEmpty || size(candidate).width <= limit { line = candidate } else { out.append(line); line = word }
            }
            return line.isEmpty ? out : out + [line]
        }
        // As few lines as fit, then balanced: the narrowest limit that still needs no more lines.
        var best = fill(width)
        var lo = whole.width / Double(best.count), hi = width
        for _ in 0..<12 where hi - lo > 1 {
            let mid = (lo + hi) / 2
            let trial = fill(mid)
            if trial.count <= best.count { best = trial; hi = mid } else { lo = mid }
        }
        return best.map { ($0, size($0)) }
    }

    /// The device text box for this annotation and its lines, or nil when the point is not drawable.
    func layout(in ctx: PlotContext) -> (box: Rect, lines: [(text: String, size: Size)])? {
        guard point.isFinite else { return nil }
        let target = ctx.point(point)
        guard target.isFinite else { return nil }
        let inner = ctx.plotRect.inset(by: Insets(top: 2, left: 2, bottom: 2, right: 2))
        let lines = lines(in: ctx, width: inner.width)
        let size = Size(lines.map(\.size.width).max() ?? 0, lines.map(\.size.height).reduce(0, +))
        return (AnnotationMark.placement(target: target, offset: Point(offset.x, -offset.y), size: size, plot: inner), lines)
    }

    /// The device text box for this annotation, or nil when the point is not drawable.
    func textBox(in ctx: PlotContext) -> Rect? { layout(in: ctx)?.box }

    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] { textBox(in: ctx).map { [$0] } ?? [] }

    /// The text may move off curves, markers and other texts (the leader line follows it).
    public func movableTextBox(in ctx: PlotContext) -> Rect? { textBox(in: ctx) }

    /// Spots on rings around where `offset` puts the text, nearest first, no further than eight rings
    /// (about four lines of text up or down, six across), so the leader line stays short.
    public func movableTextShifts(in ctx: PlotContext) -> [Point]? {
        guard let box = textBox(in: ctx) else { return nil }
        let stepX = max(4, box.height * 0.75), stepY = max(4, box.height * 0.5)
        return (1...8).flatMap { NotePlacement.ring($0) }.map { Point(Double($0.0) * stepX, Double($0.1) * stepY) }
    }

    /// `Mark`: The annotated point, where the leader line runs (nil without a leader).
    public func movableTextLeaderTarget(in ctx: PlotContext) -> Point? {
        guard showsLeader, point.isFinite else { return nil }
        let target = ctx.point(point)
        return target.isFinite ? target : nil
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard let (placed, lines) = layout(in: ctx) else { return }
        let box = Rect(x: placed.x + ctx.textShift.x, y: placed.y + ctx.textShift.y, width: placed.width, height: placed.height)
        let target = ctx.point(point)
        let f = font ?? ctx.theme.legendFont
        let ink = color ?? ctx.theme.foreground
        let gap = f.size * 0.25
        let around = box.expanded(by: gap)
        if showsLeader, !around.contains(target) {
            let start = AnnotationMark.exit(from: around, towards: target)
            let d = target - start, len = d.length
            let stop = showsDot ? 3.5 : 2.0
            if len > stop + 1 {
                var leader = Path()
                leader.move(to: start); leader.line(to: start + d * ((len - stop) / len))
                ctx.stroke(leader, StrokeStyle(color: ink.withAlpha(ink.a * 0.8), width: 0.8))
            }
        }
        if showsDot { ctx.fill(Path(circleAt: target, radius: 2.2), ink) }
        // A veil of background keeps the text legible over grid lines and curves.
        ctx.fill(Path(rect: box.expanded(by: 1.5)), ctx.theme.plotBackground.withAlpha(0.8))
        var y = box.minY
        // The layout report counts the curves the leader crosses with those under the text (its first line).
        var leader = showsLeader ? NotePlacement.leader(from: box, to: target).map { [$0.0, $0.1] } ?? [] : []
        for line in lines {
            ctx.text(line.text, at: Point(box.minX, y), anchor: TextAnchor(0, .top), font: f, color: ink, leader: leader)
            leader = []
            y += line.size.height
        }
    }
}
