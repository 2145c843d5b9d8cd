import Optim
import Viz

/// Optimizer paths on a loss surface: the surface as filled contours (or a heatmap, or lines) with a
/// colorbar, its minima and saddles labelled, one path per optimizer from the same start with the same
/// step budget, and a legend that says each run's settings and where it ended. Runs that leave the view
/// are clipped, never rescaled, and say at which step they left; runs that diverge say when.
public struct SurfaceFigure: FigureRecipe, Sendable {
    public enum Style: String, CaseIterable, Sendable {
        case filled, heatmap, lines
    }

    public var plan: SurfacePlan
    public var runs: [SurfaceRun]
    public var style: Style = .filled
    /// Samples per side of the grid.
    public var grid = 300
    public var levels: ContourLevels = .count(12)
    public var arrows = false
    public var streamlines = false
    /// Azimuth and elevation of a 3-D view, nil for the plane.
    public var view3D: (azimuth: Double, elevation: Double)?
    public var withCurves = false
    /// Whether the plane view draws the runs (off for an animation's still background).
    public var drawsPaths = true
    /// Paths read from files (`--path`), drawn with the same clipping rule as the computed runs.
    public var userPaths: [UserPathRun] = []

    /// A recipe (or value) with these fields; see each field.
    public init(plan: SurfacePlan, runs: [SurfaceRun], style: Style = .filled, grid: Int = 300, levels: ContourLevels = .count(12), arrows: Bool = false, streamlines: Bool = false, view3D: (azimuth: Double, elevation: Double)? = nil, withCurves: Bool = false) {
        self.plan = plan
        self.runs = runs
        self.style = style
        self.grid = grid
        self.levels = levels
        self.arrows = arrows
        self.streamlines = streamlines
        self.view3D = view3D
        self.withCurves = withCurves
    }

    public var surface: Surface { plan.surface }
    public var isDataset: Bool { surface.dataset != nil }
    /// The coordinates' column names: x, y; w, b on the dataset surfaces; w1, w2 on a two-feature dataset.
    public var xName: String { surface.parameterNames.0 }
    public var yName: String { surface.parameterNames.1 }
    /// The coordinates in math-label syntax (`x`, `w`, `w_1`).
    var xSymbol: String { surface.dataset?.parameterSymbols.0 ?? "x" }
    var ySymbol: String { surface.dataset?.parameterSymbols.1 ?? "y" }
    /// A symbol as label text: `w_1` as math, plain letters as they are.
    static func plain(_ symbol: String) -> String { symbol.contains("_") ? "$\(symbol)$" : symbol }
    public var fName: String { isDataset ? "$L(\(xSymbol), \(ySymbol))$" : "$f(x, y)$" }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        let s = surface
        let raw = try FieldSampler.sample(x: plan.x, y: plan.y, nx: grid, ny: grid, rows: { y, xs, out in s.values(xs, y: y, into: out) })
        let view = try fieldView(raw)
        let field = view.field
        figure.title = s.expression == nil ? s.displayName + ": " + s.formula : s.formula
        figure.plainTitle = figure.title.flatMap { s.expression?.plainTitle(of: $0) }
        let every = TrajectoryStyle.markerEvery(steps: plan.steps)
        let sub = subtitle(every: every)
        figure.subtitle = sub

        let main: Axes
        if let view3D {
            let shown = try surface3D(field, azimuth: view3D.azimuth, elevation: view3D.elevation, theme: theme, view: view)
            main = shown.axes
            if shown.hiddenFraction > 0 { figure.subtitle = sub + "; faint where the surface hides a path" }
        } else {
            main = try plane(field, every: every, theme: theme, view: view)
        }
        var notes = view.notes(fSymbol: isDataset ? "L" : "f", heights: view3D != nil) + [oscillationNote].compactMap { $0 }
            + SurfaceFieldView.crossingNotes(runs, singular: view.singular)
        if let note = unmarkedNote { notes.append(note) }
        if view3D == nil, let note = minimumCurveNote { notes.append(note) }
        if !notes.contains(where: { $0.contains("no minimum") }),
           let note = view.noMinimumNote(fSymbol: isDataset ? "L" : "f", surface: s, view: Bounds(x: plan.x, y: plan.y)) {
            notes.append(note)
        }
        if withCurves {
            figure.add(main, row: 0, column: 0)
            let (curves, footnote) = curvesPanel(theme: theme, notes: notes)
            figure.footnote = footnote
            figure.add(curves, row: 0, column: 1)
        } else {
            figure.add(main)
            if !notes.isEmpty { figure.footnote = notes.joined(separator: "; ") }
        }
        let parts = runs.map { run in
            DataTable(name: run.config.displayLabel, columns: ["step", xName, yName, isDataset ? "L" : "f"],
                      rows: zip(zip(run.trajectory.steps, run.points), run.trajectory.values).map { sp, f in
                          [Double(sp.0), sp.1.x, sp.1.y, f]
                      })
        } + userPaths.map { $0.table(xName: xName, yName: yName, fName: isDataset ? "L" : "f") }
        return [DataTable.long(name: "paths", key: "run", Self.paddedToTheWidest(parts))]
    }

    /// The computed runs' start, step budget and batch, or the number of paths from files when there are
    /// no computed runs.
    func subtitle(every: Int) -> String {
        let files = "\(userPaths.count) path\(userPaths.count == 1 ? "" : "s") from files"
        guard !runs.isEmpty else { return files }
        var sub = "\(plan.steps) step\(plan.steps == 1 ? "" : "s") from (\(TickFormat.shortest(plan.start.x)), \(TickFormat.shortest(plan.start.y)))"
        if let b = plan.batchSize { sub += ", batch size \(b) of \(surface.dataset?.count ?? 0) (seed \(plan.seed))" }
        if view3D == nil { sub += every == 1 ? "; a marker at every step" : "; a marker every \(every) steps" }
        if runs.contains(where: \.chosenRate) { sub += "; lr chosen per optimizer where not given" }
        if let schedule = LearningRateStrip.subtitle(runs) { sub += "; " + schedule }
        if !userPaths.isEmpty { sub += "; " + files }
        return sub
    }

    /// The plane view: field, level lines, guides, critical points, paths and notes.
    public func plane(_ field: ScalarField, every: Int, theme: Theme) throws -> Axes {
        try plane(field, every: every, theme: theme, view: nil)
    }

    /// The plane view of `field` as `view` shows it (hatched undefined and off-scale cells, a pole).
    func plane(_ field: ScalarField, every: Int, theme: Theme, view: SurfaceFieldView?) throws -> Axes {
        var ax = Axes(xLabel: "$\(xSymbol)$", yLabel: "$\(ySymbol)$")
        ax.xLimits = plan.x; ax.yLimits = plan.y
        ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false
        let ratio = plan.x.span / plan.y.span
        // Equal units on both axes for x and y; a model's w and b are different quantities, so the plot fills its space.
        ax.equalAspect = !isDataset && ratio > 1.0 / 3 && ratio < 3
        ax.legend = withCurves ? .none : .outsideRight
        let lineColor = Color(hex: 0x1A1A1A, alpha: 0.45)
        // Resolved once for the bands, the lines and the arrows' scaling.
        let levels = ContourLevels.resolved(try self.levels.resolve(for: field))
        switch style {
        case .filled:
            var filled = try FilledContourMark(field: field, levels: levels, colormap: .viridis)
            filled.showsNote = false  // the lines' mark says why there are no contours
            ax.add(filled)
            var lines = try ContourMark(field: field, levels: levels, color: lineColor, lineWidth: 0.5, showLabels: true)
            lines.avoiding = drawnPaths
            // A level's label lies across the two bands it separates: coloured to read on them.
            lines.labelColors = lines.levels.values.indices.map {
                ContourMark.labelColor(onFill: (filled.bandColor($0).luminance + filled.bandColor($0 + 1).luminance) / 2)
            }
            ax.add(lines)
            ax.sideGuides = [Colorbar(for: filled, label: fName)]
        case .heatmap:
            var lines = try ContourMark(field: field, levels: levels, color: lineColor, lineWidth: 0.5, showLabels: true)
            lines.avoiding = drawnPaths
            let norm: Normalization = lines.levels.isLog ? .log(for: field) : .linear(for: field)
            lines.labelColors = lines.levels.values.map { ContourMark.labelColor(onFill: Colormap.viridis.color(at: norm($0)).luminance) }
            let heat = HeatmapMark(field: field, colormap: .viridis, normalization: norm)
            ax.add(heat); ax.add(lines)
            ax.sideGuides = [Colorbar(for: heat, label: fName)]
        case .lines:
            // Level labels keep off the paths too: "200" on Booth lay under the gd path, only "00" readable.
            var lines = try ContourMark(field: field, levels: levels, lineWidth: 0.9, colormap: .viridis, showLabels: true)
            lines.avoiding = drawnPaths
            ax.add(lines)
        }
        if let view {
            ax.add(contentsOf: view.marks(theme: theme, fSymbol: isDataset ? "L" : "f", bounds: Bounds(x: plan.x, y: plan.y)))
        }
        let isLog = (try? levels.resolve(for: field))?.isLog ?? false
        try addOverlays(to: &ax, theme: theme, isLog: isLog)
        ax.add(contentsOf: minimumCurveMarks(theme: theme))
        ax.add(pointLabels(view))
        // An animation's "step k" badge sits in the view's top-left corner (`SurfaceAnimation.stepLabel`): its
        // room kept clear of contour and point labels in every frame and, so the last frame is the same, here.
        if !runs.isEmpty { ax.add(KeepClearMark(for: SurfaceAnimation.stepLabel(plan.steps, at: Point(plan.x.lower, plan.y.upper)))) }
        if !runs.isEmpty, let arrow = outsideStartArrow(theme: theme) {
            ax.add(arrow)
            if let words = outsideStartWords(arrow, theme: theme) { ax.add(words) }
        }
        if drawsPaths {
            ax.add(contentsOf: pathMarks(every: every, theme: theme))
            addUserPaths(to: &ax, theme: theme)
        }
        // A key for the local minima's triangles: on a crowded plot their "local min" labels may find no spot.
        if !withCurves, surface.localMinima.contains(where: { plan.inView($0.x, $0.y) }) { ax.add(MarkerKey(.triangle, "local min")) }
        return ax
    }

    /// The runs' and the user's paths as drawn, NaN between paths: what labels keep off.
    var drawnPaths: [Point] {
        runs.flatMap { $0.points + [Point(.nan, .nan)] } + userPaths.flatMap { $0.drawnPoints() + [Point(.nan, .nan)] }
    }

    /// Every run's finished path, step markers, legend rows and note (the marks an animation moves).
    public func pathMarks(every: Int, theme: Theme) -> [any Mark] {
        var marks: [any Mark] = []
        for (i, run) in runs.enumerated() {
            let look = TrajectoryStyle(index: run.styleIndex(theme), theme: theme)
            var path = PathMark(points: run.points, style: look.stroke, markerSize: 8, zOrder: 3 + Double(i) * 0.01)
            // A first step out of the view from a start on its edge: the exit arrow clear of the start's circle.
            if plan.inView(plan.start.x, plan.start.y) {
                path.startClearance = Self.startCircleRadius
                marks.append(StartExitArrowMark(points: run.points, style: look.stroke, clearance: Self.startCircleRadius))
            }
            marks.append(path)
            marks.append(stepMarkers(run, every: every, upTo: run.points.count - 1, look: look, theme: theme))
            marks.append(evaluationMarkers(run, look: look))
            if !withCurves {
                marks.append(LineMark(points: [], style: look.stroke, label: run.config.displayLabel, marker: look.marker))
                marks.append(LegendLine(run.outcome(surface: surface)))
                if let note = run.cycleNote(surface: surface) { marks.append(LegendLine(note)) }
                if let note = run.learningRateNote { marks.append(LegendLine(note)) }
                if let note = run.evaluationNote { marks.append(LegendLine("○ " + note)) }
            }
            if notesExitsOnMap, let note = exitNote(run, index: i) { marks.append(note) }
            // The end dot again above every path (each path draws its own at its z): a later run's path
            // crossing it hid where an earlier run ended.
            if let end = run.points.last, end.isFinite, plan.inView(end.x, end.y) {
                marks.append(ScatterMark(points: [end], shape: .circle, size: 8, color: look.color, edge: theme.outlineColor,
                                         edgeWidth: 1, zOrder: 3.5))
            }
        }
        return marks
    }

    /// For a start outside the view: a short arrow from the view's edge in the start's direction, pointing in
    /// when a run comes into the view (out, towards the start, when none does; the subtitle gives the start,
    /// each run's legend says "starts outside the view"); nil for a start
    /// inside the view (or not finite). No text on the plot: a note there would cover the paths it points past.
    public func outsideStartArrow(theme: Theme) -> ArrowMark? {
        let start = Point(plan.start.x, plan.start.y)
        guard start.isFinite, !plan.inView(start.x, start.y) else { return nil }
        let centre = Point((plan.x.lower + plan.x.upper) / 2, (plan.y.lower + plan.y.upper) / 2)
        let edge = clipToView(from: centre, to: start)
        let inside = centre + (edge - centre) * 0.82
        // A run that comes in gets an arrow pointing in from the edge (an outward head there read as the run
        // leaving); when none ever does, the head points out, towards where the start is.
        let enters = runs.contains { $0.points.contains { plan.inView($0.x, $0.y) } }
        return enters ? ArrowMark(from: edge, to: inside, color: theme.foreground, width: 1.4, zOrder: 6)
            : ArrowMark(from: inside, to: edge, color: theme.foreground, width: 1.4, zOrder: 6)
    }

    /// When no run ever comes into the view, the words at the tail of `outsideStartArrow`: "to the start (2.5, 2)".
    /// The arrow alone, pointing out at nothing, read as a stray mark (it sat by the "constant field" note of a
    /// 10⁻³⁰⁰-wide view). Nil when a run enters (its path says where it comes from).
    func outsideStartWords(_ arrow: ArrowMark, theme: Theme) -> TextMark? {
        guard !runs.contains(where: { $0.points.contains { plan.inView($0.x, $0.y) } }) else { return nil }
        let d = arrow.to - arrow.from
        var words = TextMark("to the start (\(short(plan.start.x)), \(short(plan.start.y)))", at: arrow.from,
                             anchor: TextAnchor(d.x > 0 ? 1 : d.x < 0 ? 0 : 0.5, d.y > 0 ? .top : .bottom),
                             offset: Point(d.x > 0 ? -4 : 4, d.y > 0 ? -4 : 4), color: theme.foreground, font: theme.noteFont)
        words.backing = true  // on the view's fill like every other note (black on the darkest band read at 1.3:1)
        return words
    }

    /// A marker every `every` steps before index `upTo`, at each of those points that lies in the view
    /// (the path's one clipping rule: every piece in the view is drawn, with its markers).
    public func stepMarkers(_ run: SurfaceRun, every: Int, upTo: Int, look: TrajectoryStyle, theme: Theme) -> ScatterMark {
        let marks = stride(from: every, to: min(upTo, run.points.count - 1), by: every).map { run.points[$0] }
            .filter { plan.inView($0.x, $0.y) }
        return ScatterMark(points: marks, shape: look.marker, size: theme.markerSize * 0.8, color: look.color,
                           edge: theme.plotBackground, zOrder: 3.5)
    }

    /// LBFGS: a small ring in the run's colour at each evaluation of f inside a step (line-search trials,
    /// inner iterations) that lies in the view, under the paths; empty for other optimizers. (Rings, not
    /// crosses: no series marker is an open ring.)
    public func evaluationMarkers(_ run: SurfaceRun, look: TrajectoryStyle) -> ScatterMark {
        let shown = run.extraEvaluations.filter { plan.inView($0.x, $0.y) }
        return ScatterMark(points: shown, shape: .circle, size: 4.5, color: look.color.withAlpha(0), edge: look.color.withAlpha(0.8),
                           edgeWidth: 0.9, zOrder: 2.9)
    }

    /// The note where a run leaves the view or diverges, with an arrow for a divergence inside the view; in an
    /// animation, as it stands at `step` (a return not yet made is not said).
    public func exitNote(_ run: SurfaceRun, index i: Int, atStep step: Int = .max) -> (any Mark)? {
        // The optimizer's name, or its whole label when another run has the same name.
        let name = runs.filter { $0.config.name == run.config.name }.count > 1 ? run.config.displayLabel : run.config.name
        let diverged = run.diverged.flatMap { $0 <= step ? $0 : nil }
        return exitNote(name: name, points: run.points, steps: run.trajectory.steps, leavesView: run.leavesView.flatMap { $0 <= step ? $0 : nil },
                        diverged: diverged, index: i, words: run.trajectory.stopWords, away: run.excursions.upTo(step).words)
    }

    /// The note for a path with these `points` at `steps` (see `exitNote(_:index:)`), at the edge where it first
    /// leaves the view. `words`: how the run stopped ("diverged at step k", "left the domain of f at step k"; see
    /// `Trajectory.stopWords`); `away`: its times outside the view (`ViewExcursions.words`; nil: "leaves the view at step k").
    public func exitNote(name: String, points pts: [Point], steps: [Int], leavesView: Int?, diverged: Int?, index i: Int,
                         words: String? = nil, away: String? = nil) -> (any Mark)? {
        let stopped = diverged.map { k in words ?? "diverged at step \(k)" }
        if let k = leavesView, let j = steps.firstIndex(of: k), j > 0 {
            let a = pts[j - 1], b = pts[j]
            let edge = clipToView(from: a, to: b)
            let left = "\(name): " + (away ?? "leaves the view at step \(k)")
            let text = stopped.map { left + ", " + $0 } ?? left
            // Where no spot on the map is free of paths and labels, the note is said under the figure.
            var note = AnnotationMark(text, at: edge, offset: inwardOffset(edge, rank: i), showsDot: false, zOrder: 7)
            note.footnote = text
            return note
        }
        // Only at a point drawn: a run outside the view throughout (lr 10⁶ on a view at x = 50…60) had its note
        // and a leader line pointed at an empty spot; its legend row says it all.
        if let stopped, let last = pts.last, plan.inView(last.x, last.y) {
            var note = AnnotationMark("\(name): " + stopped, at: last, offset: inwardOffset(last, rank: i), zOrder: 7)
            note.footnote = "\(name): " + stopped
            return note
        }
        return nil
    }

    /// Where the segment a → b (a inside the view) crosses the view's edge (exact for a far b: see `ClippedPath`).
    public func clipToView(from a: Point, to b: Point) -> Point {
        let rect = Rect(x: plan.x.lower, y: plan.y.lower, width: plan.x.upper - plan.x.lower, height: plan.y.upper - plan.y.lower)
        return ClippedPath.clip(a, b, rect)?.1 ?? a
    }

    /// An offset (points) from `p` towards the middle of the view, staggered by `rank` so notes do not stack.
    public func inwardOffset(_ p: Point, rank: Int) -> Point {
        let cx = (plan.x.lower + plan.x.upper) / 2, cy = (plan.y.lower + plan.y.upper) / 2
        let dx = p.x < cx ? 20.0 : -20.0, dy = p.y < cy ? 18.0 : -18.0
        return Point(dx, dy * Double(1 + rank))
    }

    /// The 3-D view: the surface with every path lifted onto it, and the fraction of the paths that
    /// nearer faces hide (drawn faint and thinner over the surface, in their own dashes).
    public func surface3D(_ field: ScalarField, azimuth: Double, elevation: Double, theme: Theme) throws
        -> (axes: Axes, hiddenFraction: Double) {
        try surface3D(field, azimuth: azimuth, elevation: elevation, theme: theme, view: nil)
    }

    /// The 3-D view of `field`, with the faces `view` clipped drawn pale.
    func surface3D(_ field: ScalarField, azimuth: Double, elevation: Double, theme: Theme,
                   view: SurfaceFieldView?) throws -> (axes: Axes, hiddenFraction: Double) {
        var ax = Axes.surface3D()
        ax.legend = withCurves ? .none : .outsideRight
        var marks = try surface3DMarks(field, azimuth: azimuth, elevation: elevation, theme: theme,
                                       upTo: runs.map { $0.points.count - 1 }, legend: runs.map { $0.outcome(surface: surface) })
        if let view, var mark = marks.first as? SurfaceMark {
            mark.offScale = (view.limits.lower, view.limits.upper)
            marks[0] = mark
        }
        // An animation's still part has no paths, but its subtitle is the last frame's.
        if drawsPaths { ax.add(contentsOf: marks) }
        return (ax, (marks.first as? SurfaceMark)?.hiddenPathFraction() ?? 0)
    }

    /// The 3-D surface with each run's path up to its point `upTo[i]`, and the legend rows (`legend[i]` under
    /// each run's settings).
    public func surface3DMarks(_ field: ScalarField, azimuth: Double, elevation: Double, theme: Theme,
                               upTo: [Int], legend: [String]) throws -> [any Mark] {
        var mark = try SurfaceMark(field: field, azimuth: azimuth, elevation: elevation,
                                   xLabel: Self.plain(xSymbol), yLabel: Self.plain(ySymbol), zLabel: isDataset ? "L" : "f")
        // Every piece of each path in the view, ending in an arrowhead where it leaves and starting with a
        // hollow one where it comes (back) in: the plane view's one clipping rule.
        (mark.extraPaths, mark.openEnds, mark.openStarts, mark.endShapes) = paths3D(on: field, upTo: upTo, theme: theme)
        var marks: [any Mark] = [mark]
        for (run, text) in zip(runs, legend) where !withCurves {
            let look = TrajectoryStyle(index: run.styleIndex(theme), theme: theme, width: 2.2)
            // The key carries the marker the path ends in.
            marks.append(LineMark(points: [], style: look.stroke, label: run.config.displayLabel, marker: look.marker))
            marks.append(LegendLine(text))
        }
        for p in userPaths where !withCurves {
            let look = TrajectoryStyle(index: p.styleIndex(theme), theme: theme, width: 2.2)
            marks.append(LineMark(points: [], style: look.stroke, label: p.label, marker: look.marker))
            marks.append(LegendLine(p.outcome(surface: surface)))
        }
        return marks
    }

    private func short(_ v: Double) -> String { TickFormat.short(v, significant: 3) }

    /// "f oscillates with period ≈ 0.126: too fast to mark its minima and saddles" when the critical-point
    /// search could not resolve f, with "… or for the colours to follow it (narrow the view with --xrange)"
    /// when the plotted grid (`grid` samples a side) has under 4 samples a period either.
    var oscillationNote: String? {
        guard let period = surface.unresolvedPeriod else { return nil }
        let side = max(plan.x.upper - plan.x.lower, plan.y.upper - plan.y.lower)
        let aliased = period < 4 * side / Double(grid)
        return "f oscillates with period ≈ " + TickFormat.short(period, significant: 2) + ": too fast to mark its minima and saddles"
            + (aliased ? " or for the colours to follow it (narrow the view with --xrange/--yrange)" : "")
    }
}
