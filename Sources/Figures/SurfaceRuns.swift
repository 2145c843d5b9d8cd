import Optim
import RealModule
import Viz

/// A checked request to run optimizers on a surface: where they start, for how long, and the view.
public struct SurfacePlan: Sendable {
    public var surface: Surface
    public var start: Point2
    public var steps: Int
    public var x: Interval
    public var y: Interval
    /// Mini-batch size for the dataset surfaces (nil: full batch).
    public var batchSize: Int?
    public var seed: UInt64

    /// A recipe (or value) with these fields; see each field.
    public init(surface: Surface, start: Point2, steps: Int, x: Interval, y: Interval, batchSize: Int? = nil, seed: UInt64) {
        self.surface = surface
        self.start = start
        self.steps = steps
        self.x = x
        self.y = y
        self.batchSize = batchSize
        self.seed = seed
    }

    /// Whether (x, y) is inside the view (edges included; a point within rounding of an edge is on it: gd
    /// on a bowl at lr 1.1 lands at x = −3.0000000000000004 for −2.5·1.2 = −3 on a −3:3 view, which was
    /// "leaves the view at step 1" while its path was drawn on from the edge).
    public func inView(_ x: Double, _ y: Double) -> Bool { Self.holds(self.x, x) && Self.holds(self.y, y) }

    /// Whether `v` is in `i`, widened by 10⁻¹² of its larger end's magnitude (a few units of rounding).
    static func holds(_ i: Interval, _ v: Double) -> Bool {
        let slack = 1e-12 * Swift.max(abs(i.lower), abs(i.upper))
        return v >= Swift.min(i.lower, i.upper) - slack && v <= Swift.max(i.lower, i.upper) + slack
    }

    /// The learning rate `LearningRateSearch` chooses for `request` on this plan: the run must stay in view.
    public func learningRate(for request: OptimizerRequest) throws -> Double {
        let start = [self.start.x, self.start.y]
        let minima = surface.minima.map { [$0.x, $0.y] }
        let inView = { (p: [Double]) in self.inView(p[0], p[1]) }
        if let batchSize {
            let objective = try MinibatchObjective(surface: surface, batchSize: batchSize, seed: seed)
            return try LearningRateSearch.choose(objective: objective, start: start, minima: minima, steps: steps,
                                                 staysInView: inView, config: request.config(lr:))
        }
        return try LearningRateSearch.choose(objective: surface, start: start, minima: minima, steps: steps,
                                             staysInView: inView, config: request.config(lr:))
    }

    /// Runs `optimizer` from the start for `steps` steps (mini-batches when a batch size is set).
    /// With a `schedule`, one scheduler step follows each optimizer step.
    public func run(_ optimizer: Optimizer, options: TrajectoryOptions, schedule: LRSchedule? = nil) throws -> Trajectory {
        if let batchSize {
            let objective = try MinibatchObjective(surface: surface, batchSize: batchSize, seed: seed)
            return try runTrajectory(objective: objective, optimizer: optimizer, start: [start.x, start.y], options: options,
                                     schedule: schedule)
        }
        return try runTrajectory(objective: surface, optimizer: optimizer, start: [start.x, start.y], options: options,
                                 schedule: schedule)
    }

    /// `run`, streamed (see `streamTrajectory`): each recorded row goes to `row` as it is made and the
    /// trajectory returned keeps only the last, so memory does not grow with the steps.
    public func stream(_ optimizer: Optimizer, options: TrajectoryOptions, schedule: LRSchedule? = nil,
                       row: @escaping (TrajectoryRow) -> Void) throws -> Trajectory {
        if let batchSize {
            let objective = try MinibatchObjective(surface: surface, batchSize: batchSize, seed: seed)
            return try streamTrajectory(objective: objective, optimizer: optimizer, start: [start.x, start.y],
                                        options: options, schedule: schedule, row: row)
        }
        return try streamTrajectory(objective: surface, optimizer: optimizer, start: [start.x, start.y], options: options,
                                    schedule: schedule, row: row)
    }
}

/// One optimizer's run on a surface, with what a figure says about it.
public struct SurfaceRun: Sendable {
    public var config: OptimizerConfig
    /// The learning rate was chosen by `LearningRateSearch`, not given.
    public var chosenRate: Bool
    public var trajectory: Trajectory
    /// The recorded positions.
    public var points: [Point]
    /// The first recorded step whose position is outside the view after one inside it, if any.
    public var leavesView: Int?
    /// For a run that starts outside the view: the first recorded step inside it, if any.
    public var entersView: Int?
    /// Every time the run is outside the view after it was first in it, and when it comes back.
    public var excursions = ViewExcursions(steps: [], inside: [])
    /// The run starts outside the view and never enters it.
    public var outsideThroughout = false
    /// The step that produced a non-finite position, value or gradient, if any.
    public var diverged: Int?
    /// The series style (see `SeriesStyles`): the same for an optimizer in every figure.
    public var style = 0
    /// The run's position in the figure (series take `--colors` in this order).
    public var order = 0

    /// The style index to draw with: the catalogue style, or the figure order under a custom palette.
    public func styleIndex(_ theme: Theme) -> Int { theme.seriesInFigureOrder ? order : style }
    /// The learning-rate schedule the run used, if any.
    public var schedule: LRSchedule?
    /// The view's width and height (the precision its coordinates are printed at).
    public var spans: (x: Double, y: Double) = (1, 1)
    /// The view the run was made for.
    var viewBox: (x: Interval, y: Interval)?

    public init(config: OptimizerConfig, chosenRate: Bool, trajectory: Trajectory, plan: SurfacePlan) {
        spans = (plan.x.upper - plan.x.lower, plan.y.upper - plan.y.lower)
        viewBox = (plan.x, plan.y)
        self.config = config
        self.chosenRate = chosenRate
        self.trajectory = trajectory
        points = zip(trajectory.coordinates(0), trajectory.coordinates(1)).map { Point($0, $1) }
        let inside = points.map { plan.inView($0.x, $0.y) }
        if let first = inside.firstIndex(of: true) {
            entersView = first > 0 ? trajectory.steps[first] : nil
            leavesView = inside[first...].firstIndex(of: false).map { trajectory.steps[$0] }
        } else {
            outsideThroughout = !points.isEmpty
        }
        excursions = ViewExcursions(steps: trajectory.steps, inside: inside)
        if case let .diverged(k) = trajectory.stop { diverged = k } else { diverged = nil }
    }

    /// What happened, for a legend or a note: "diverged at step k", "leaves the view at step k", or the end
    /// point and its loss, "→ (1.00, 1.00), f = 3×10⁻⁹"; for a run that starts outside the view,
    /// "starts outside the view, enters at step k; …" or "outside the view throughout; …".
    /// `view: false` leaves the view out (a loss-against-step figure has none): the end point and its loss.
    public func outcome(surface: Surface, view: Bool = true) -> String { legendRow(atStep: .max, surface: surface, view: view) }

    /// The legend row of the run as it stands at `step`, in one wording for every frame of an animation and
    /// the still figure: "→ (2.41, 0.33), f = 0.037", where it is and its loss (L for a dataset surface), after
    /// what has happened by then: "diverged at step k", "leaves the view at step k", "leaves the view at
    /// step 4, returns at step 7" (see `ViewExcursions.words`; not with `view: false`). `farPoint: false` (an
    /// animation's frames before the last) says of a run far outside the view (beyond ten view widths) only
    /// its loss, "leaves the view at step 2; f = 3.11×10²⁴", not where it is ("→ (−4.2×10⁵, 3539.78)", a row
    /// that widened the legend of every frame); nearer, its point as well.
    public func legendRow(atStep step: Int, surface: Surface, view: Bool = true, farPoint: Bool = true) -> String {
        let entry = !view ? "" : outsideThroughout ? "outside the view throughout; "
            : entersView.map { "starts outside the view, enters at step \($0); " } ?? ""
        let name = surface.dataset == nil ? "f" : "L"
        let away = view ? excursions.upTo(step) : ViewExcursions(steps: [], inside: [])
        if let k = diverged, k <= step {
            // "diverged at step k", or "left the domain of f at step k" (trace's words).
            let words = trajectory.stopWords ?? "diverged at step \(k)"
            // Both, in order: a run that left the view and blew up later (the plane view's note says the same).
            return entry + (away.words.map { $0 + ", " } ?? "") + words
        }
        let j = index(atStep: step)
        let said = away.words.map { entry + $0 } ?? entry
        guard points.indices.contains(j), trajectory.values.indices.contains(j) else { return said }
        if away.endsOutside, !farPoint, !plan(contains: points[j]), !nearView(points[j]) {
            return said + "; \(name) " + Self.valueWords(trajectory.values[j], at: points[j], surface: surface)
        }
        if away.endsOutside {
            // Where it is by then: a run that keeps growing (lr 1.5 on a bowl: ×2 a step) is told from one that
            // left for a moment by its last loss.
            guard let k = away.list.last?.out, trajectory.steps[j] > k, !plan(contains: points[j]) else { return said }
            return said + "; " + Self.legendRow(name: name, value: trajectory.values[j], at: points[j], spans: spans, surface: surface)
        }
        let joined = said.isEmpty || said.hasSuffix("; ") ? said : said + "; "
        if j == points.count - 1, endsInCycle != nil {
            // The other point of the cycle is `cycleNote`, the legend's next line.
            return joined + "oscillates: " + Self.cycleRow(name: name, value: trajectory.values[j], at: points[j], other: points[j - 1]).dropFirst(2)
        }
        // At a known local minimum (six-hump camel's runs end at (−1.61, −0.57), f = 2.1, above the global
        // −1.03): said, as the triangle there has no room for its label on a crowded plot.
        let p = points[j], local = surface.localMinima.contains { abs($0.x - p.x) <= 0.01 * spans.x && abs($0.y - p.y) <= 0.01 * spans.y }
        return joined + Self.legendRow(name: name, value: trajectory.values[j], at: p, spans: spans, surface: surface)
            + (local ? ", a local min" : "")
    }

    /// For a run that ends in a two-point cycle, the other point and its loss, "↔ (−0.01, −0.01), f = 0.02":
    /// the legend line under "oscillates: (0.00, 0.00), f = 1.4×10⁻¹⁴". Nil otherwise.
    public func cycleNote(surface: Surface) -> String? {
        guard let k = endsInCycle, let period = endCycle?.period else { return nil }
        return "↔" + Self.cycleRow(name: surface.dataset == nil ? "f" : "L", value: trajectory.values[k - 1], at: points[k - 1], other: points[k])
            .dropFirst(1) + (period > 2 ? " (a \(period)-step cycle)" : "")
    }

    /// `legendRow` for one end of a two-point cycle, with the fewest decimals (two or more) that tell it from
    /// the other end `q` (gd on Rosenbrock at lr 0.002: "(1.000, 0.997) ↔ (0.998, 0.999)", which two decimals
    /// both printed as "(1.00, 1.00)").
    static func cycleRow(name: String, value v: Double, at p: Point, other q: Point) -> String {
        func text(_ v: Double, _ decimals: Int) -> String {
            abs(v) >= 1e4 || v == 0 || abs(v) < Double.pow(10, Double(-decimals)) ? coordinate(v) : TickFormat.fixed(v, decimals)
        }
        // The fewest decimals, from two, at which the ends differ in x or y.
        let decimals = (2...12).first { d in text(p.x, d) != text(q.x, d) || text(p.y, d) != text(q.y, d) } ?? 2
        func c(_ v: Double) -> String { text(v, decimals) }
        return "→ (\(c(p.x)), \(c(p.y))), \(name) " + valueWords(v)
    }

    /// The last index when the run ends hopping between two or more points, every step (gd on |x| + |y| at
    /// lr 0.01: (6.8×10⁻¹⁵, 6.8×10⁻¹⁵) and (−0.01, −0.01) by turns, whose legend said "f = 1.4×10⁻¹⁴" only
    /// because the step count was even; Lion on x² + 10y² at lr 0.05: (0.05, 0.05), (0, 0), (−0.05, −0.05),
    /// (0, 0), which was called converged at f = 1.7×10⁻³¹): see `endCycle`. Nil otherwise.
    public var endsInCycle: Int? { endCycle.map { _ in min(points.count, trajectory.values.count, trajectory.steps.count) - 1 } }

    /// The cycle the run ends in: its `period` (2, 3 or 4 consecutive steps: the smallest that fits) and the
    /// `start` index from which every recorded point repeats the one `period` steps later. The last 2·period
    /// recorded steps are consecutive, the points `period` apart agree to 10⁻⁹ of the view and the last two
    /// points lie more than 10⁻⁴ of the view apart (a run at rest is not a cycle). Nil otherwise.
    public var endCycle: (period: Int, start: Int)? {
        let n = min(points.count, trajectory.values.count, trajectory.steps.count)
        let side = max(spans.x, spans.y)
        func gap(_ i: Int, _ j: Int) -> Double { max(abs(points[i].x - points[j].x), abs(points[i].y - points[j].y)) }
        func same(_ i: Int, _ j: Int) -> Bool { gap(i, j) <= 1e-9 * side }
        guard n >= 4, gap(n - 1, n - 2) > 1e-4 * side else { return nil }
        for period in 2...4 where n >= 2 * period && trajectory.steps[n - 1] - trajectory.steps[n - 2 * period] == 2 * period - 1 {
            guard (0..<period).allSatisfy({ same(n - 1 - $0, n - 1 - $0 - period) }) else { continue }
            var start = n - 1 - 2 * period + 1
            while start > 0, trajectory.steps[start - 1 + period] - trajectory.steps[start - 1] == period, same(start - 1, start - 1 + period) {
                start -= 1
            }
            return (period, start)
        }
        return nil
    }

    /// Whether `p` is in the view the run was made for (from `viewBox`).
    private func plan(contains p: Point) -> Bool { viewBox.map { SurfacePlan.holds($0.x, p.x) && SurfacePlan.holds($0.y, p.y) } ?? false }

    /// Whether `p` lies within ten view widths (heights) of the view: a point an animation frame's row still
    /// gives ("leaves the view at step 1; → (10, 8), f = 164" on the bowl's −3…3 view), as its row is no
    /// wider than a row inside the view; farther out the row says the loss only.
    private func nearView(_ p: Point) -> Bool {
        guard let box = viewBox else { return false }
        func near(_ v: Double, _ i: Interval) -> Bool {
            let (lo, hi) = (min(i.lower, i.upper), max(i.lower, i.upper))
            return v >= lo - 10 * (hi - lo) && v <= hi + 10 * (hi - lo)
        }
        return near(p.x, box.x) && near(p.y, box.y)
    }

    /// "→ (2.41, 0.33), f = 0.037", each coordinate at the precision of the view's side along it (`spans`);
    /// "f overflows float64" for f = ±∞ at a finite point (10²⁰⁰ on a bowl), which is not divergence, and
    /// "f = −∞" on a pole of `surface` (log x + y² at (0, 0)), where nothing overflowed.
    public static func legendRow(name: String, value v: Double, at p: Point, spans: (x: Double, y: Double) = (1, 1),
                                 surface: Surface? = nil) -> String {
        "→ (\(coordinate(p.x, span: spans.x, beside: p.y)), \(coordinate(p.y, span: spans.y, beside: p.x))), \(name) "
            + valueWords(v, at: p, surface: surface)
    }

    /// "= 0.037"; for f = ±∞, "= ∞" / "= −∞" at a pole of `surface` (see `isPole`), else "overflows float64".
    static func valueWords(_ v: Double, at p: Point? = nil, surface: Surface? = nil) -> String {
        guard v.isInfinite else { return "= " + value(v) }
        if let p, let surface, isPole(surface, at: p) { return v > 0 ? "= ∞" : "= −∞" }
        return "overflows float64"
    }

    /// Whether f = ±∞ at `p` is a pole (log 0, 1/0: the value is infinite exactly), not a finite value too large for
    /// float64: f is finite, and far from float64's limit (below 10³⁰⁰), at one of eight points 10⁻⁶ (of |p|, at
    /// least 10⁻⁶) around p. A bowl at 10²⁰⁰ overflows there too; exp(x) just past 709.8 has neighbours near 10³⁰⁸.
    static func isPole(_ surface: Surface, at p: Point) -> Bool {
        let h = 1e-6 * max(1, abs(p.x), abs(p.y))
        let around = [(1.0, 0.0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1)]
        return around.contains { d in
            let v = surface.value(p.x + d.0 * h, p.y + d.1 * h)
            return v.isFinite && abs(v) < 1e300
        }
    }

    /// The step the run has reached at animation time `step` (its last recorded step at or before it).
    public func shownStep(_ step: Int) -> Int {
        let j = index(atStep: step)
        return trajectory.steps.indices.contains(j) ? trajectory.steps[j] : step
    }

    /// The index of the last recorded point at or before `step`.
    public func index(atStep step: Int) -> Int {
        let steps = trajectory.steps
        var lo = 0, hi = min(steps.count, points.count) - 1
        guard hi >= 0 else { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if steps[mid] <= step { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// A coordinate at the precision of a view whose side along it is `span`, typographic minus. From 10⁴ on,
    /// three significant digits (2.62×10⁶, not 2621440.00). In a view 0.1 wide or wider: two decimals from
    /// 0.1 on ("2.41", "−1.50"), two significant digits below ("−0.012", "3.2×10⁻¹⁰": never "0.00" for a
    /// value that is not 0, nor "−0.01" for −0.0123), and "0" for 0. In a smaller view, enough significant
    /// digits to tell a thousandth of the side (at most 3), and 0 only below half of that: in a view 10⁻⁹
    /// wide, 4.9×10⁻¹⁰ is "4.94×10⁻¹⁰", not "0.00", which read as the edge of the view. Below 10⁻⁹ of the
    /// other coordinate of the point (`beside`) a coordinate is "0": rounding noise (b ≈ 10⁻¹⁸ beside w = 0.89 on
    /// symmetric data), while 3.2×10⁻¹⁰ beside 1×10⁻⁶ is a value.
    public static func coordinate(_ v: Double, span: Double = 1, beside other: Double = 0) -> String {
        if abs(v) >= 1e4 { return TickFormat.short(v, significant: 3) }
        let side = span.isFinite && span > 0 ? span : 1
        guard side < 0.1 else {
            if v == 0 || abs(v) < 1e-9 * abs(other) { return "0" }
            return abs(v) >= 0.1 ? TickFormat.fixed(v, 2) : TickFormat.short(v, significant: 2)
        }
        let q = side / 1000
        guard abs(v) >= q / 2 else { return "0" }
        let digits = Int(Double.log10(abs(v) / q).rounded(.up))
        return TickFormat.short(v, significant: min(3, max(2, digits)))
    }

    /// A loss value to three significant digits (12.5, not 13), powers of ten for small and large ones.
    public static func value(_ v: Double) -> String { abs(v) < 1e-300 ? "0" : TickFormat.short(v, significant: 3) }

    /// LBFGS: where f was evaluated inside its steps besides each step's start (line-search trials and
    /// inner iterations), up to the run's last recorded step.
    public var extraEvaluations: [Point] {
        let d = trajectory.evaluationPositions
        return stride(from: 0, to: d.count - 1, by: 2).map { Point(d[$0], d[$0 + 1]) }
    }

    /// LBFGS: "41 more evaluations of f in 30 steps" (the evaluations beyond one per step, as torch counts them),
    /// or nil for optimizers that evaluate f once per step.
    public var evaluationNote: String? {
        guard let total = trajectory.functionEvaluations.last, let steps = trajectory.steps.last else { return nil }
        let extra = total - steps
        guard extra > 0 else { return nil }
        return "\(extra) more evaluation\(extra == 1 ? "" : "s") of f in \(steps) step\(steps == 1 ? "" : "s")"
    }

    /// With a schedule: the lr the run started and ended with, and its peak when that lies between
    /// ("lr 0.4 → 3.9×10⁻⁴", "lr 0.004 ↗ 0.1 ↘ 4×10⁻⁷; momentum cycled" when the schedule also cycles
    /// momentum or beta1); nil without a schedule or when the lr stayed put.
    public var learningRateNote: String? {
        let lrs = trajectory.learningRates
        guard schedule != nil, let first = lrs.first, let last = lrs.last, let peak = lrs.max(), first != last || peak != first
        else { return nil }
        // Two significant digits: the lr's path, not its exact value (the legend names the lr exactly).
        let f = { (v: Double) in abs(v) < 1e-300 ? "0" : TickFormat.short(v, significant: 2) }
        // OneCycleLR and CyclicLR overwrite momentum (or beta1) at every step, whatever the label says.
        let cycled = schedule?.cyclesMomentum == true ? "; \(config.settings.contains { $0.name == "beta1" } ? "beta1" : "momentum") cycled" : ""
        if peak > first && peak > last { return "lr \(f(first)) ↗ \(f(peak)) ↘ \(f(last))" + cycled }
        return "lr \(f(first)) → \(f(last))" + cycled
    }

    /// The legend label: the optimizer's settings (PyTorch names), then the outcome.
    public func label(surface: Surface) -> String { config.displayLabel + "  " + outcome(surface: surface) }
}

/// Running a list of optimizer choices on a plan, choosing learning rates where none was given.
public enum SurfaceRuns {
    /// One run per choice, each with the same start and step budget; positions recorded every `recordEvery` steps.
    /// - Throws: `OptimError` for a request PyTorch rejects or a run that cannot start;
    ///   `SurfaceRunError.schedule` when a run with a schedule fails.
    public static func run(_ requests: [OptimizerRequest], plan: SurfacePlan, recordEvery: Int = 1,
                           everyValue: Bool = false) throws -> [SurfaceRun] {
        var runs = try requests.map { request in
            let lr = request.hasLearningRate ? nil : try plan.learningRate(for: request)
            let config = try request.config(lr: lr)
            let options = TrajectoryOptions(steps: plan.steps, recordEvery: recordEvery, recordGradients: false, everyValue: everyValue)
            let t: Trajectory
            do {
                t = try plan.run(Optimizer(config: config), options: options, schedule: request.schedule)
            } catch let e as OptimError where request.schedule != nil {
                throw SurfaceRunError.schedule(e)
            }
            var run = SurfaceRun(config: config, chosenRate: lr != nil, trajectory: t, plan: plan)
            run.schedule = request.schedule
            return run
        }
        let styles = SeriesStyles.indices(for: runs.map(\.config.name), catalogue: OptimizerConfig.allNames)
        for k in runs.indices { runs[k].style = styles[k]; runs[k].order = k }
        return runs
    }
}

/// A run that failed because of its learning-rate schedule (the schedule's own error inside).
public enum SurfaceRunError: Error, CustomStringConvertible {
    case schedule(OptimError)

    /// The schedule's message.
    public var description: String {
        switch self { case let .schedule(e): return "schedule: " + e.description }
    }
}
