/// Paths on a 3-D surface, split by what the faces hide.
///
/// Each path is cut into pieces of at most half a face. A piece no nearer face covers joins the
/// painter's sort with the faces, nudged about one face towards the eye so it shows on its own face.
/// A piece a nearer face covers (see `FaceCover`) is not sorted: it is drawn after every face, thinner and
/// faint in its own dash pattern over a faint halo (hidden lines, as in technical drawing) — so a path
/// stays visible wherever it runs and the eye can still tell front from behind. Markers (start, end)
/// follow the same rule. Every piece's dash pattern starts where the previous piece's ended (the
/// distance travelled on screen), so a dashed path keeps even dashes however it is cut.
struct SurfacePathScene {
    /// A face; a visible piece of path number `path` (in the order the paths were given); a marker.
    enum Item {
        case face([Point], Color), segment(Point, Point, StrokeStyle, path: Int), marker(Point, start: Bool, StrokeStyle, MarkerShape)
        /// An arrowhead with its tip at the point, along the screen direction: a path going on beyond the box
        /// (filled), or coming in from beyond it (hollow, its base on the box's edge).
        case exit(Point, direction: Point, StrokeStyle, hollow: Bool)
    }

    /// Visible pieces and markers with their sort depth.
    private(set) var items: [(Double, Item)] = []
    /// Runs of consecutive hidden pieces (screen points) with the path's style and the screen distance
    /// along the path where the run starts.
    private(set) var hiddenRuns: [(points: [Point], style: StrokeStyle, start: Double)] = []
    private(set) var hiddenMarkers: [(at: Point, start: Bool, style: StrokeStyle, shape: MarkerShape)] = []
    private(set) var hiddenExits: [(at: Point, direction: Point, style: StrokeStyle, hollow: Bool)] = []

    /// `paths` in data coordinates (`open`: the path goes on beyond its last point, which ends in an
    /// arrowhead; `entering`: its first point is where it comes in over the box's edge, marked by a hollow
    /// arrowhead instead of the start ring); `endShapes[i]` is the shape of path i's end marker (a circle where
    /// none is given: a series' legend marker, so ends are told apart in greyscale); `normalized` maps them into the box, `dev` and `depth` project box coordinates to the
    /// screen and to the painter's depth (greater is nearer).
    init(paths: [(points: [Point3], style: StrokeStyle, open: Bool, entering: Bool)], normalized: (Point3) -> Point3, faceSize: Double,
         dev: (Point3) -> Point, depth: (Point3) -> Double, cover: FaceCover, underside: (Point3) -> Bool = { _ in false },
         endShapes: [Int: MarkerShape] = [:]) {
        // Faces just in front of a path on the surface would cover half its stroke width; a bias of about
        // one face keeps it visible while anything taller than that in front still hides it.
        let bias = faceSize * 1.2
        for (index, (points, style, open, entering)) in paths.enumerated() {
            let lifted = points.map { $0.isFinite ? normalized($0) : Point3(.nan, .nan, .nan) }
            var run: [Point] = []
            var travelled = 0.0, runStart = 0.0  // screen distance along the path; where the hidden run began
            func closeRun() {
                if run.count > 1 { hiddenRuns.append((run, style, runStart)) }
                run = []
            }
            for k in 1..<max(1, lifted.count) {
                let p0 = lifted[k - 1], p1 = lifted[k]
                guard p0.isFinite, p1.isFinite else { closeRun(); continue }
                let pieces = max(1, Int(((p1 - p0).length / (faceSize * 0.5)).rounded(.up)))
                for m in 0..<pieces {
                    let a0 = p0 + (p1 - p0) * (Double(m) / Double(pieces)), a1 = p0 + (p1 - p0) * (Double(m + 1) / Double(pieces))
                    let d = (depth(a0) + depth(a1)) / 2 + bias
                    let s0 = dev(a0), s1 = dev(a1)
                    // Hidden behind a nearer face, or under its own face when that is seen from below.
                    if cover.covers(dev((a0 + a1) * 0.5), above: d) || underside((a0 + a1) * 0.5) {
                        if run.isEmpty { run = [s0]; runStart = travelled }
                        run.append(s1)
                    } else {
                        closeRun()
                        items.append((d, .segment(s0, s1, style.continuing(at: travelled), path: index)))
                    }
                    let step = (s1 - s0).length
                    if step.isFinite { travelled += step }
                }
            }
            closeRun()
            let finite = lifted.filter(\.isFinite)
            let ends = [entering ? nil : finite.first.map { ($0, true) }, finite.count > 1 && !open ? finite.last.map { ($0, false) } : nil]
            for case let (p, start)? in ends {
                let d = depth(p) + bias * 1.5, at = dev(p)
                let shape = start ? .circle : endShapes[index] ?? .circle
                if cover.covers(at, above: d) || underside(p) { hiddenMarkers.append((at, start, style, shape)) } else {
                    items.append((d, .marker(at, start: start, style, shape)))
                }
            }
            if open, finite.count > 1, let tip = finite.last {
                // Along the last piece a few pixels long (the lifted path is cut finely).
                let at = dev(tip)
                let from = finite.dropLast().last { (dev($0) - at).length > 3 } ?? finite[finite.count - 2]
                let direction = at - dev(from), d = depth(tip) + bias * 1.5
                if cover.covers(at, above: d) || underside(tip) { hiddenExits.append((at, direction, style, false)) } else {
                    items.append((d, .exit(at, direction: direction, style, hollow: false)))
                }
            }
            if entering, finite.count > 1, let base = finite.first {
                let at = dev(base)
                let to = finite.dropFirst().first { (dev($0) - at).length > 3 } ?? finite[1]
                let direction = dev(to) - at, n = direction.length, d = depth(base) + bias * 1.5
                guard n > 0 else { continue }
                let tip = at + direction * (Self.headLength / n)
                if cover.covers(at, above: d) || underside(base) { hiddenExits.append((tip, direction, style, true)) } else {
                    items.append((d, .exit(tip, direction: direction, style, hollow: true)))
                }
            }
        }
    }

    /// The number of pieces drawn as hidden (for tests and notes).
    var hiddenPieceCount: Int { hiddenRuns.reduce(0) { $0 + $1.points.count - 1 } }

    /// Draws one visible piece or marker (faces are drawn by the caller).
    func draw(_ item: Item, in ctx: PlotContext) {
        switch item {
        case .face: break
        case let .segment(a, b, style, _):
            var p = Path(); p.move(to: a); p.line(to: b)
            ctx.stroke(p, style)
        case let .marker(at, start, style, shape):
            Self.marker(at, start: start, style: style, shape: shape, alpha: 1, in: ctx)
        case let .exit(at, direction, style, hollow):
            Self.exitHead(at, direction: direction, style: style, alpha: 1, hollow: hollow, in: ctx)
        }
    }

    /// The length of the arrowheads at exits and entries (points).
    static let headLength = 11.0

    /// An arrowhead in the path's colour (hollow: the plot's colour inside), edged in the theme's
    /// `outlineColor` (the ink drawn over filled colour) so it shows on any face.
    private static func exitHead(_ tip: Point, direction: Point, style: StrokeStyle, alpha: Double, hollow: Bool, in ctx: PlotContext) {
        let head = Arrowhead.path(tip: tip, direction: direction, length: headLength, width: hollow ? 7 : 9)
        ctx.fill(head, (hollow ? ctx.theme.plotBackground : style.color).withAlpha(alpha))
        if hollow { ctx.stroke(head, StrokeStyle(color: style.color.withAlpha(alpha), width: 2.2, join: .round)) }
        ctx.stroke(head, StrokeStyle(color: ctx.theme.outlineColor.withAlpha(alpha), width: 0.8, join: .round))
    }

    /// The style of a hidden run: the path's own dash pattern, its colour faint and the line thinner. (Dotted, it
    /// could not be told from a dotted series: momentum's path on Matyas was dots hidden or not.)
    static func hiddenStyle(_ style: StrokeStyle) -> StrokeStyle {
        StrokeStyle(color: style.color.withAlpha(0.4), width: max(0.8, style.width * 0.55), dash: style.dash, cap: style.cap, join: .round)
    }

    /// Draws the hidden runs and markers over every face.
    func drawHidden(in ctx: PlotContext) {
        for (points, style, start) in hiddenRuns {
            var p = Path()
            p.move(to: points[0])
            for q in points.dropFirst() { p.line(to: q) }
            let hidden = Self.hiddenStyle(style).continuing(at: start)
            ctx.stroke(p, StrokeStyle(color: ctx.theme.plotBackground.withAlpha(0.3), width: hidden.width + 1.6, cap: .round, join: .round))
            ctx.stroke(p, hidden)
        }
        for (at, start, style, shape) in hiddenMarkers { Self.marker(at, start: start, style: style, shape: shape, alpha: 0.6, in: ctx) }
        for (at, direction, style, hollow) in hiddenExits {
            Self.exitHead(at, direction: direction, style: style, alpha: 0.6, hollow: hollow, in: ctx)
        }
    }

    private static func marker(_ at: Point, start: Bool, style: StrokeStyle, shape: MarkerShape, alpha: Double, in ctx: PlotContext) {
        if shape != .circle {
            // A series' shape, a little larger than the ring (a square or star of 8 points read as a dot).
            let mark = shape.path(at: at, size: 11)
            if shape.isStrokeOnly {
                ctx.stroke(mark, StrokeStyle(color: ctx.theme.outlineColor.withAlpha(alpha), width: 3.6, cap: .round))
                ctx.stroke(mark, StrokeStyle(color: style.color.withAlpha(alpha), width: 2, cap: .round))
            } else {
                ctx.fill(mark, style.color.withAlpha(alpha))
                ctx.stroke(mark, StrokeStyle(color: ctx.theme.outlineColor.withAlpha(alpha), width: 1, join: .round))
            }
            return
        }
        let ring = Path(circleAt: at, radius: 4)
        ctx.fill(ring, (start ? ctx.theme.plotBackground : style.color).withAlpha(alpha))
        ctx.stroke(ring, StrokeStyle(color: (start ? style.color : ctx.theme.outlineColor).withAlpha(alpha), width: start ? 1.8 : 1))
    }
}
