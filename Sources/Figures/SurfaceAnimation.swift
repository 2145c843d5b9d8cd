import Optim
import Viz

/// Optimizer paths on a loss surface, growing step by step: the surface, its colorbar and labels are the
/// still part; each frame shows every run up to the frame's step, faint behind a bright fading tail, with a
/// dot where the run is now, its step and loss in the legend, and the note that a run left the view or
/// diverged from the frame where that happens on. The last frame is the still figure of the same request.
/// The 3-D view may turn (`orbit` degrees of azimuth over the animation), so every frame is drawn whole.
public struct SurfaceAnimation {
    public var recipe: SurfaceFigure
    public var frames: Int
    public var timing: FrameTiming
    /// Degrees the 3-D view turns (azimuth) from the first frame to the last, which has the recipe's azimuth.
    public var orbit: Double

    /// An animation of `recipe` in `frames` frames.
    public init(recipe: SurfaceFigure, frames: Int, timing: FrameTiming = .even, orbit: Double = 0) {
        self.recipe = recipe; self.frames = frames; self.timing = timing; self.orbit = orbit
    }

    /// The animation drawn on `figure` (its size and theme), and the numbers behind the last frame.
    public func build(into figure: Figure) throws -> (Animation, [DataTable]) {
        var still = figure
        var background = recipe
        background.drawsPaths = false
        let tables = try background.build(into: &still)
        let theme = figure.theme
        let recipe = self.recipe
        let plan = recipe.plan
        let steps = timing.steps(frames: frames, steps: plan.steps)
        let last = frames - 1
        if let view = recipe.view3D {
            let s = plan.surface
            let field = try FieldSampler.sample(x: plan.x, y: plan.y, nx: recipe.grid, ny: recipe.grid, rows: { y, xs, out in s.values(xs, y: y, into: out) })
            let orbit = self.orbit
            // Each frame checked here (SurfaceMark throws only for a field it cannot draw, which the still
            // figure already drew): a frame that cannot be drawn is left empty.
            let animation = Animation(still: still, frameCount: frames, stillBelow: -.infinity) { k in
                // The view turns towards the still figure's azimuth, reached on the last frame.
                let turn = last > 0 ? orbit * (Double(k) / Double(last) - 1) : 0
                let upTo = recipe.runs.map { Self.index($0, atStep: steps[k]) }
                let legend = recipe.runs.map { k == last ? $0.outcome(surface: s) : Self.progress($0, step: steps[k], surface: s) }
                var marks = (try? recipe.surface3DMarks(field, azimuth: view.azimuth + turn, elevation: view.elevation,
                                                        theme: theme, upTo: upTo, legend: legend)) ?? []
                // The step shown, in the panel's top-left corner (the view spans 0…1 both ways), as on the
                // plane; the last frame, the still figure, has none.
                if k < last { marks.append(Self.stepLabel(steps[k], at: Point(0, 1))) }
                return [marks]
            }
            return (animation, tables)
        }
        let every = TrajectoryStyle.markerEvery(steps: plan.steps)
        let animation = Animation(still: still, frameCount: frames, stillBelow: 3) { k in
            [k == last ? recipe.pathMarks(every: every, theme: theme) : Self.frameMarks(recipe, step: steps[k], every: every, theme: theme)]
        }
        return (animation, tables)
    }

    /// The marks of a frame at `step` (before the last): faint paths so far, bright fading tails, a dot at
    /// each run's current point, step markers, legend rows with place and loss, notes of what happened, and
    /// the step in a corner.
    static func frameMarks(_ recipe: SurfaceFigure, step: Int, every: Int, theme: Theme) -> [any Mark] {
        var marks: [any Mark] = []
        let plan = recipe.plan
        let tail = max(4, plan.steps / 10)
        for (i, run) in recipe.runs.enumerated() {
            let look = TrajectoryStyle(index: run.styleIndex(theme), theme: theme)
            let j = index(run, atStep: step)
            let z = 3 + Double(i) * 0.01
            // The faint path: the run's own colour, a little towards the plot's and thinner, stroked once (no
            // casing: a casing greyed every run alike, and stroked each path twice a frame). Faded by width more
            // than by colour: a colour 56 % of the way to the plot's washed a dark and a light series to one pale
            // tint (print theme, greyscale), while this keeps each series' own lightness and their order.
            var faint = look.stroke
            faint.color = look.color.mixed(with: theme.plotBackground, 0.2)
            faint.width *= 0.7
            var path = PathMark(points: Array(run.points.prefix(j + 1)), style: faint, markerSize: 8, zOrder: z)
            path.haloOpacity = 0
            marks.append(path)
            // The tail: the last steps, in three pieces that fade with age, each clipped to the view by the
            // paths' one rule (nothing between two points outside; every piece in the view).
            let from = max(0, j - tail)
            if j > from {
                for (piece, (alpha, width)) in [(0.6, 0.8), (0.8, 0.9), (1.0, 1.0)].enumerated() {
                    let a = from + (j - from) * piece / 3, b = from + (j - from) * (piece + 1) / 3
                    guard b > a else { continue }
                    var st = look.stroke
                    st.color = st.color.withAlpha(alpha)
                    st.width *= width
                    for part in recipe.viewPieces(Array(run.points[a...b])) {
                        marks.append(LineMark(points: part.points, style: st, zOrder: z + 0.002))
                    }
                }
            }
            marks.append(recipe.stepMarkers(run, every: every, upTo: j, look: look, theme: theme))
            var crosses = recipe.evaluationMarkers(run, look: look)
            let made = run.trajectory.evaluationSteps.prefix { $0 <= step }.count
            crosses.points = run.extraEvaluations.prefix(made).filter { plan.inView($0.x, $0.y) }
            marks.append(crosses)
            // Where the run is now, in its legend marker's shape (square, triangle, star…: heads told apart in
            // greyscale and print, where plain dots were alike), over the point labels ("start", "saddle", "min",
            // z 6: the head passed under their boxes, washed out) and under the notes (z 7).
            if run.points.indices.contains(j), run.points[j].isFinite, plan.inView(run.points[j].x, run.points[j].y) {
                marks.append(head(at: run.points[j], look: look, theme: theme))
            }
            if !recipe.withCurves {
                marks.append(LineMark(points: [], style: look.stroke, label: run.config.displayLabel, marker: look.marker))
                marks.append(LegendLine(progress(run, step: step, surface: plan.surface)))
                // The same rows as the finished figure's legend, so that it keeps its size.
                if run.learningRateNote != nil, j < run.trajectory.learningRates.count {
                    marks.append(LegendLine("lr " + SurfaceRun.value(run.trajectory.learningRates[j])))
                }
                if run.evaluationNote != nil {
                    marks.append(LegendLine("○ \(made) more evaluation\(made == 1 ? "" : "s") of f"))
                }
            }
            let happened = [run.leavesView, run.diverged].compactMap { $0 }.min().map { $0 <= step } ?? false
            if happened, recipe.notesExitsOnMap, let note = recipe.exitNote(run, index: i, atStep: step) { marks.append(note) }
        }
        // The step shown, in the view's top-left corner (the legend rows say where each run is and its loss,
        // in the still figure's words); the last frame, the still figure, has none.
        marks.append(stepLabel(step, at: Point(plan.x.lower, plan.y.upper)))
        return marks
    }

    /// The z order of the dot where a run is now: above the point labels' (6).
    static let currentDotZ = 6.5

    /// The mark where a run is now: its legend marker's shape in its colour, rimmed in the plot's colour.
    static func head(at p: Point, look: TrajectoryStyle, theme: Theme) -> ScatterMark {
        ScatterMark(points: [p], shape: look.marker, size: theme.markerSize * (look.marker == .circle ? 1.3 : 1.5), color: look.color,
                    edge: theme.plotBackground, zOrder: currentDotZ)
    }

    /// "step k" just inside the top-left `corner` of the view.
    static func stepLabel(_ step: Int, at corner: Point) -> AnnotationMark {
        var label = AnnotationMark("step \(step)", at: corner, offset: Point(6, -6), showsDot: false, zOrder: 7)
        label.showsLeader = false
        return label
    }

    /// The index of the last recorded point at or before `step`.
    static func index(_ run: SurfaceRun, atStep step: Int) -> Int { run.index(atStep: step) }

    /// The legend row of a run during the animation, in the still figure's wording (see
    /// `SurfaceRun.legendRow`), so the rows keep their form on the last frame.
    static func progress(_ run: SurfaceRun, step: Int, surface: Surface) -> String {
        run.legendRow(atStep: step, surface: surface, farPoint: false)
    }
}
