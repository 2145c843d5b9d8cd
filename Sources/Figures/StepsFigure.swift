import Optim
import Viz

/// A comic strip of one optimizer on a surface: each panel zooms on one step and draws, as arrows from
/// the current point, the step taken, its gradient part and (for momentum methods) the velocity carried
/// over; for adagrad and rmsprop, squares whose sides grow with √(accumulated g²) per coordinate show why
/// the step shrinks in the steep coordinate. A strip under the panels holds the legend.
public struct StepsFigure: FigureRecipe {
    public var surface: Surface
    public var config: OptimizerConfig
    public var start: Point2
    public var panels = 4
    public var every = 1
    /// The learning-rate schedule stepped after each optimizer step (torch's order), if any.
    public var schedule: LRSchedule?
    /// Made for an animation: panel p's arrows grow one after another between times p and p + 1, and its
    /// accumulator squares appear at p (`TimedMark`s; the still figure is the same).
    public var animated = false

    /// A recipe (or value) with these fields; see each field.
    public init(surface: Surface, config: OptimizerConfig, start: Point2, panels: Int = 4, every: Int = 1, schedule: LRSchedule? = nil) {
        self.surface = surface
        self.config = config
        self.start = start
        self.panels = panels
        self.every = every
        self.schedule = schedule
    }

    /// One step: where it started, the gradient used, the state after it, and where it ended.
    public struct Step {
        public var index: Int
        public var from: Point
        public var gradient: Point
        public var to: Point
        public var state: [String: [Double]]
        /// The learning rate this step used (the schedule's `get_last_lr()[0]` before it).
        public var lr: Double
    }

    /// Runs the optimizer by hand (the same update rules as `runTrajectory`, with one `scheduler.step()`
    /// after each optimizer step) and keeps every step up to the last panel.
    /// - Throws: `OptimError` when the schedule cannot run this optimizer (as torch raises).
    public func steps() throws -> [Step] {
        var opt = Optimizer(config: config)
        var scheduler: LRScheduler?
        if let schedule { scheduler = try LRScheduler(schedule: schedule, optimizer: &opt) }
        var theta = [start.x, start.y]
        var out: [Step] = []
        for k in 1...(1 + (panels - 1) * every) {
            let g = surface.gradient(theta[0], theta[1])
            let from = Point(theta[0], theta[1])
            var gradient = [g.dx, g.dy]
            let lr = opt.lr
            opt.step(parameters: &theta, gradient: &gradient, objective: surface)
            scheduler?.step(optimizer: &opt)
            out.append(Step(index: k, from: from, gradient: Point(g.dx, g.dy), to: Point(theta[0], theta[1]), state: opt.stateVectors, lr: lr))
            if !(theta[0].isFinite && theta[1].isFinite) { break }
        }
        return out
    }

    public var isSGD: Bool { config.kind == .sgd }
    public var hasMomentum: Bool {
        (isSGD && config.momentum > 0) || [.adam, .adamw, .nadam, .radam, .adamax].contains(config.kind)
            || (config.kind == .rmsprop && config.momentum > 0)
    }
    /// The accumulator drawn as squares, if any.
    public var accumulator: String? {
        switch config.kind {
        case .adagrad: return "sum"
        case .rmsprop: return "square_avg"
        default: return nil
        }
    }

    /// The arrows of one step: (tail offset from the point, vector, colour index, legend text). For sgd
    /// momentum the gradient part starts at the tip of the velocity, so the two add up to the step visibly.
    public func arrows(_ s: Step) -> [(Point, Point, Int, String)] {
        let parts = components(s)
        if isSGD && hasMomentum, parts.count == 3 {
            return [(parts[1].0, parts[0].0, 0, parts[0].2), (Point(0, 0), parts[1].0, 1, parts[1].2), (Point(0, 0), parts[2].0, 2, parts[2].2)]
        }
        return parts.map { (Point(0, 0), $0.0, $0.1, $0.2) }
    }

    /// The vectors of one step: (vector, colour index, legend text).
    public func components(_ s: Step) -> [(Point, Int, String)] {
        let step = s.to - s.from
        var out: [(Point, Int, String)] = []
        let stepLength = step.length
        func scaled(_ v: Point) -> Point { v.length > 0 ? v * (stepLength / v.length) : v }
        if isSGD {
            let gradientPart = s.gradient * (-s.lr)
            out.append((gradientPart, 0, "$-\\mathrm{lr}\\cdot\\nabla f$ (gradient part)"))
            if hasMomentum { out.append((step - gradientPart, 1, "velocity carried over (step + lr·∇f)")) }
        } else {
            out.append((scaled(s.gradient * -1), 0, "$-\\nabla f$ (direction, drawn at the step's length)"))
            if hasMomentum, let m = s.state["exp_avg"] ?? s.state["momentum_buffer"] {
                out.append((scaled(Point(-m[0], -m[1])), 1, "$-m$, the momentum (direction, at the step's length)"))
            }
        }
        out.append((step, 2, "the step taken"))
        return out
    }

    /// Rows and columns of the strip (one row up to four panels, then rows of at most four) and the grid
    /// rows each panel spans (the legend below takes one).
    public static func grid(panels: Int) -> (rows: Int, columns: Int, span: Int) {
        let rows = (panels + 3) / 4
        return (rows, (panels + rows - 1) / rows, rows == 1 ? 3 : 2)
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        let colors = theme.colors(2, apartFrom: theme.foreground) + [theme.foreground]
        let all = try steps()
        let shown = stride(from: 0, to: all.count, by: every).prefix(panels).map { all[$0] }
        figure.title = "\(config.displayLabel) on \((surface.expression == nil ? surface.displayName.lowercased() : surface.displayName)), step by step"
        // A typed surface is already titled by its formula: the subtitle gives the start only.
        let startText = "start (\(TickFormat.shortest(start.x)), \(TickFormat.shortest(start.y)))"
        figure.subtitle = ((surface.expression == nil ? surface.formula + ", " + startText : startText)
            + (schedule.map { "; lr from " + $0.text } ?? "")) + (divergenceNote(all, shown: shown).map { " · " + $0 } ?? "")
        let accMax = accumulator.flatMap { key in shown.compactMap { $0.state[key] }.flatMap { $0 }.map { $0.squareRoot() }.filter(\.isFinite).max() } ?? 0
        for (p, step) in shown.enumerated() {
            let grid = Self.grid(panels: panels)
            let (row, column) = (p / grid.columns, p % grid.columns)
            let ax = try panel(p, step, all: all, accMax: accMax, theme: theme)
            figure.add(ax, row: row * grid.span, column: column, rowSpan: grid.span)
        }
        // The legend panel.
        var legend = Axes()
        legend.showAxes = false; legend.grid = false; legend.zeroLines = false; legend.legend = .upperLeft
        legend.xLimits = Interval(0, 1); legend.yLimits = Interval(0, 1)
        for (_, v, k, text) in shown.first.map(arrows) ?? [] where v.isFinite {
            legend.add(LineMark(points: [], style: StrokeStyle(color: colors[k], width: 2.2), label: text))
        }
        legend.add(LineMark(points: [], style: StrokeStyle(color: theme.muted, width: 1.2, dash: [3, 2]), label: "the path so far"))
        legend.add(LegendLine("○ the step's start, ● its end"))
        if accumulator != nil {
            legend.add(ScatterMark(points: [], shape: .square, color: theme.color(4), label: "side ∝ √(accumulated g²): x left, y right"))
        }
        let grid = Self.grid(panels: panels)
        figure.add(legend, row: grid.rows * grid.span, column: 0, columnSpan: grid.columns)
        let steps = DataTable(name: config.displayLabel, columns: ["step", "x", "y", "gx", "gy", "x_next", "y_next", "lr"],
                              rows: all.map { [Double($0.index), $0.from.x, $0.from.y, $0.gradient.x, $0.gradient.y, $0.to.x, $0.to.y, $0.lr] })
        return [DataTable.long(name: "steps", key: "run", [steps])]
    }

    /// The step's start (a hollow ring) and, unless it overflows, its end (a filled dot), over the arrows.
    static func stepEnds(_ step: Step, overflows: Bool, theme: Theme) -> [ScatterMark] {
        let start = ScatterMark(points: [step.from], shape: .circle, size: theme.markerSize * 1.1, color: theme.plotBackground,
                                edge: theme.foreground, edgeWidth: 1.5, zOrder: 4.8)
        guard !overflows else { return [start] }
        return [start, ScatterMark(points: [step.to], shape: .circle, size: theme.markerSize * 0.7, color: theme.foreground,
                                   edge: theme.plotBackground, edgeWidth: 1, zOrder: 4.8)]
    }

    /// The panel of one step: the view zoomed on it, the surface's contours, the path so far, the step's
    /// arrows and (adagrad, rmsprop) the accumulator squares. A step whose end overflows float64 is drawn
    /// as an arrow from its start towards the infinite coordinate(s), with a note.
    func panel(_ p: Int, _ step: Step, all: [Step], accMax: Double, theme: Theme) throws -> Axes {
        let colors = theme.colors(2, apartFrom: theme.foreground) + [theme.foreground]
        let overflows = !(step.to.x.isFinite && step.to.y.isFinite)
        let arrows = overflows ? [] : arrows(step)
        let reach = arrows.map { ($0.0 + $0.1).length }.filter(\.isFinite).max() ?? 0
        // An overflowing step: the view keeps the start and the origin side by side.
        // A step that does not move (at a minimum, or Adam whose v̂ overflowed far out) is shown with its
        // surroundings; a tiny step at least 10⁻¹² of its distance from the origin wide, which float64 can sample.
        let moves = step.to != step.from
        let half = overflows || !moves ? max(0.5 * step.from.length, 1e-6) : max(reach * 1.1, 1e-6, 1e-12 * step.from.length)
        let c = overflows ? step.from : step.from + arrows[arrows.count - 1].1 * 0.5
        let x = Interval(c.x - half, c.x + half), y = Interval(c.y - half, c.y + half)
        // With a schedule the lr changes from panel to panel: each panel names the lr its step used.
        let title = "step \(step.index)" + (overflows ? " overflows" : moves ? "" : ": no move")
            + (schedule == nil ? "" : "\nlr \(TickFormat.short(step.lr, significant: 3))")
        // Every panel has its own zoom: its axes carry their own power of ten ("×10⁵"), the first names y.
        var ax = Axes(title: title, xLabel: "$x$", yLabel: p % Self.grid(panels: panels).columns == 0 ? "$y$" : nil)
        ax.yQuantity = "$y$"  // a panel right of the first names y with its own power of ten: "y (×10²¹)"
        ax.xLimits = x; ax.yLimits = y; ax.equalAspect = true; ax.aspectAdjustsLimits = true
        ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false; ax.legend = .none
        // The view widens to fill its cell (one unit the same length both ways): sample around it, far
        // enough for cells up to 5:1 (a strip of five panels is 2.7:1), finely enough for the view itself.
        let s = surface
        let field = try FieldSampler.sample(x: Interval(c.x - 5 * half, c.x + 5 * half), y: Interval(c.y - 5 * half, c.y + 5 * half),
                                            nx: 320, ny: 320) { a, b in s.value(a, b) }
        if field.finiteRange != nil {
            // Levels from f near the view (1.5 times its half-width each way, what a cell up to 3:2 shows), not
            // from the sampled square 25 times its area: on the bowl at lr 0.9 every level lay outside the view
            // and each panel was one flat band.
            let near = try FieldSampler.sample(x: Interval(c.x - 1.5 * half, c.x + 1.5 * half),
                                               y: Interval(c.y - 1.5 * half, c.y + 1.5 * half), nx: 96, ny: 96) { a, b in s.value(a, b) }
            let levels: ContourLevels = near.finiteRange != nil ? .resolved(try ContourLevels.count(12).resolve(for: near)) : .count(10)
            var filled = try FilledContourMark(field: field, levels: levels, colormap: .viridis, opacity: 0.55)
            filled.showsNote = false  // the lines' mark says why there are no contours
            ax.add(filled)
            ax.add(try ContourMark(field: field, levels: levels, color: Color(hex: 0x1A1A1A, alpha: 0.35), lineWidth: 0.5))
        } else {
            ax.add(TextMark("f overflows float64 everywhere in this view", at: Point(c.x, c.y - 0.6 * half),
                            color: theme.muted, font: theme.noteFont))
        }
        // The path so far, unmarked: the hollow ring is this step's start, the dot its end (the run's start
        // ringed in every panel read as where each step begins).
        let path = ([Point(start.x, start.y)] + all.prefix(max(0, step.index - 1)).map(\.to)).filter(\.isFinite)
        var history = PathMark(points: path, style: StrokeStyle(color: theme.muted, width: 1.2, dash: [3, 2]), markerSize: 6, zOrder: 2.5)
        history.marksEnds = false
        ax.add(history)
        for mark in Self.stepEnds(step, overflows: overflows, theme: theme) { ax.add(mark) }
        if overflows {
            let d = Self.direction(step.to - step.from)
            // The subtitle names the infinite coordinates; the arrow shows which way they went.
            ax.add(ArrowMark(from: step.from, to: step.from + d * (0.9 * half), color: colors[2], width: 2.4, zOrder: 4))
            return ax
        }
        let t0 = Double(p), slot = 1 / Double(max(1, arrows.count))
        for (j, (tail, v, k, _)) in arrows.enumerated() where v.length > 0 {
            let arrow = ArrowMark(from: step.from + tail, to: step.from + tail + v, color: colors[k], width: k == 2 ? 2.4 : 1.8,
                                  zOrder: k == 2 ? 4 : 4.5)
            ax.add(arrow, animated: animated, as: .growing(arrow, from: t0 + slot * Double(j), to: t0 + slot * Double(j + 1)))
        }
        if let key = accumulator, let acc = step.state[key], accMax > 0, acc.allSatisfy(\.isFinite) {
            for i in 0..<2 {
                let side = 4 + 26 * acc[i].squareRoot() / accMax
                let at = Point(x.lower + half * (0.3 + 0.55 * Double(i)), y.upper - half * 0.3)
                let square = ScatterMark(points: [at], shape: .square, size: side, color: theme.color(4).withAlpha(0.85),
                                         edge: theme.foreground, zOrder: 5)
                ax.add(square, animated: animated, as: .appearing(square, at: t0))
            }
        }
        return ax
    }

}
