import Foundation
import Optim
import Viz

/// Convergence curves of optimizers on a surface: the loss gap f − f* against the step (log scale), and the
/// distance to the nearest minimum against the step (log scale). Long runs (10⁶ steps) keep the loss at
/// every step but positions only every k-th step; the line mark simplifies to the output resolution.
public struct CurvesFigure: FigureRecipe {
    public var plan: SurfacePlan
    /// Runs made with `everyValue` (the loss at every step) and positions every `recordEvery` steps.
    public var runs: [SurfaceRun]
    /// Made for an animation: the curves grow step by step, the legend gives each run's step and loss, and a
    /// divergence's cross appears at its step (`TimedMark`s; the still figure is the same).
    public var animated = false

    /// A recipe (or value) with these fields; see each field.
    public init(plan: SurfacePlan, runs: [SurfaceRun]) {
        self.plan = plan
        self.runs = runs
    }

    /// Whether the distance panel is drawn: the surface has minima, and with a schedule's lr strip
    /// the page is at least 960 px tall (five grid rows need the room).
    public static func showsDistance(surface: Surface, runs: [SurfaceRun], height: Int) -> Bool {
        !surface.minima.isEmpty && (!LearningRateStrip.wanted(runs) || height >= 960)
    }

    /// The figure's grid rows: 1 or 2 panels, or 2-row panels plus a 1-row lr strip with a schedule.
    public static func rows(surface: Surface, runs: [SurfaceRun], height: Int) -> Int {
        let panels = showsDistance(surface: surface, runs: runs, height: height) ? 2 : 1
        return LearningRateStrip.wanted(runs) ? 2 * panels + 1 : panels
    }

    /// What the loss panel plots for `surface`: the offset subtracted and the axis label.
    public static func lossAxisText(_ surface: Surface) -> (offset: Double, label: String, log: Bool) {
        let f = surface.dataset == nil ? "f" : "L"
        guard let fStar = surface.minimumValue else {
            // Bounded below by 0 (logreg_bce, on a log axis) or unbounded (saddles: plot f itself on a symmetric
            // log axis, which the label names; it was read as linear).
            return (0, surface.name == "logreg_bce" ? "$\(f)$" : "$\(f)$ (symmetric log scale)", surface.name == "logreg_bce")
        }
        if fStar == 0 { return (0, "$\(f)$ (minimum 0)", true) }
        return (fStar, "$\(f) - \(f)^{*}$, with $\(f)^{*}$ = " + TickFormat.short(fStar, significant: 4), true)
    }

    /// Loss against step for every run, log y when the surface has a known minimum value.
    /// Also returns a footnote when some values could not be drawn on the log axis.
    /// `outcomes` adds a legend line per run saying where it ended; `outcomeLines` (a still figure only) says each of its
    /// claims on a line of its own, for a legend beside a narrow panel.
    /// `animated` makes the marks timed by step (see `animated`).
    public static func lossAxes(runs: [SurfaceRun], surface: Surface, fromHistory: Bool, outcomes: Bool = true, animated: Bool = false,
                                outcomeLines: Bool = false, theme: Theme) -> (Axes, String?) {
        let (offset, label, log) = lossAxisText(surface)
        var ax = Axes(title: "Loss", xLabel: "step", yLabel: label)
        if log { ax.yScale = .log } else { ax.yScale = .symlog(threshold: 1) }
        var dropped = false
        var overflows: [String] = [], cycles: [String] = []
        for run in runs {
            let look = TrajectoryStyle(index: run.styleIndex(theme), theme: theme, width: theme.lineWidth * 0.8)
            let values = fromHistory ? run.trajectory.valueHistory : run.trajectory.values
            let steps: [Int] = fromHistory ? Array(values.indices) : run.trajectory.steps
            var pts: [Point] = []
            pts.reserveCapacity(values.count)
            // f = ∞ at a finite point (a start at 10¹⁶⁰ on a bowl) is not divergence: no point there, and said.
            if let first = values.firstIndex(where: \.isInfinite) {
                let last = values.lastIndex(where: \.isInfinite) ?? first
                let span = first == last ? "at step \(steps[first])" : "at steps \(steps[first])–\(steps[last])"
                overflows.append("\(run.config.displayLabel): f overflows float64 (\(values[first] > 0 ? "∞" : "−∞")) " + span + ", not drawn.")
            }
            // A gap is a dropped value with a drawn one after it; values dropped at the end only end the curve
            // (said by `CurvesExtent`), and were said twice as "gaps" where no curve had one.
            var pending = false
            for (k, v) in zip(steps, values) {
                let y = v - offset
                if log && !(y >= 1e-300) {
                    pending = true
                    pts.append(Point(Double(k), .nan))
                } else {
                    if pending, y.isFinite { dropped = true }
                    pts.append(Point(Double(k), y))
                }
            }
            if let note = addCurve(pts, steps: steps, run: run, style: look.stroke, label: run.config.displayLabel, animated: animated, to: &ax) {
                cycles.append(note)
            }
            if outcomes {
                // Curves have no view: a run that left the surface's view is told by its end point and loss.
                let final = run.outcome(surface: surface, view: !fromHistory)
                if outcomeLines, !animated {
                    // Each claim on a line of its own ("outside the view at steps 4–5 and 20–26" over "→ (…), f = …").
                    for part in final.components(separatedBy: "; ") { ax.add(LegendLine(part)) }
                } else {
                    ax.add(LegendLine(final), animated: animated, as: ProgressLegend.mark(final: final, steps: 0...Double(steps.last ?? 0)) {
                        // The still figure's rule in every frame: without a surface's view (never "leaves the view").
                        run.legendRow(atStep: $0, surface: surface, view: !fromHistory, farPoint: false)
                    })
                }
            }
            // Notes under the run's name (also in the compact legend beside a surface): timed too, so they stay
            // under it in a frame's legend; a frame gives the lr of its step. The other point of a two-point
            // cycle appears with the "oscillates:" row, at the last step (before it, it told the end early).
            if let note = run.cycleNote(surface: surface) {
                let cycling = Double(run.trajectory.steps.last ?? 0)
                ax.add(LegendLine(note), animated: animated, as: .appearing(LegendLine(note), at: cycling))
            }
            if let note = run.learningRateNote {
                let rates = run.trajectory.learningRates
                ax.add(LegendLine(note), animated: animated, as: ProgressLegend.mark(final: note, steps: 0...Double(steps.last ?? 0)) {
                    let j = run.index(atStep: $0)
                    return rates.indices.contains(j) ? "lr " + SurfaceRun.value(rates[j]) : note
                })
            }
            if let note = run.evaluationNote {
                ax.add(LegendLine(note), animated: animated, as: .appearing(LegendLine(note), at: 0))
            }
            markEnds(of: pts, diverged: run.diverged, leftDomain: run.trajectory.leftDomain, color: look.color, animated: animated, theme: theme, in: &ax)
            if log, let k = floorIndex(values, offset: offset) {
                markFloor(at: steps[k], color: look.color, animated: animated, theme: theme, in: &ax)
            }
        }
        fitLossAxis(&ax, overflowed: !overflows.isEmpty)
        let gaps = dropped ? "Gaps in a loss curve: the loss gap is 0 or below 10⁻³⁰⁰ there (the minimum to machine precision)." : nil
        let notes = overflows + [gaps].compactMap { $0 } + cycles
        return (ax, notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    /// The loss axis's scale once its lines are drawn: when every value overflowed, an empty panel at the top
    /// of float64; a symmetric-log axis over tiny losses gets a linear part of their size.
    private static func fitLossAxis(_ ax: inout Axes, overflowed: Bool) {
        // Every value overflowed (10 steps from 10¹⁶⁰): an empty panel reaching the top of float64, the footnote says why.
        // The lines of an animated figure are inside timed marks: looked at there too (unlooked, every animation
        // with an overflowing run got this empty 10³⁰⁰ axis while its still figure showed the curves).
        let lines = ax.marks.compactMap { ($0 as? LineMark) ?? (($0 as? TimedMark)?.mark as? LineMark) }
        if overflowed, !lines.contains(where: { $0.points.contains { $0.isFinite } }) {
            ax.yLimits = Interval(1e300, .greatestFiniteMagnitude)
            ax.yScale = .log
        }
        // A symmetric-log axis's linear part follows the data: at threshold 1, losses within ±10⁻¹² (1e-12·x·y) span
        // 10⁻¹³ of a decade, an axis too thin to draw (Cairo: "invalid matrix"); at their own size they span one.
        if case .symlog = ax.yScale,
           let largest = lines.flatMap({ $0.points.map { abs($0.y) } }).filter(\.isFinite).max(), largest > 0, largest < 1e-6 {
            ax.yScale = .symlog(threshold: largest)
        }
    }

    /// A curve's ends that a line alone would not show: the divergence cross at the diverging step (the
    /// step's value is not finite, so the cross sits on the frame's top edge), or for a step out of f's
    /// domain (`leftDomain`: f undefined there, not large) a dotted vertical line at that step, which implies
    /// no value; and a dot for a curve with a single drawable point (a line needs two).
    static func markEnds(of pts: [Point], diverged: Int?, leftDomain: Bool = false, color: Color, animated: Bool, theme: Theme,
                         in ax: inout Axes) {
        let finite = pts.filter(\.isFinite)
        if finite.count == 1, let only = finite.first {
            let dot = ScatterMark(points: [only], shape: .circle, size: theme.markerSize * 0.8, color: color)
            ax.add(dot, animated: animated, as: .appearing(dot, at: only.x))
        }
        if let k = diverged, leftDomain {
            var rule = ReferenceLineMark.vertical(x: Double(k), style: StrokeStyle(color: color, width: theme.lineWidth * 0.8, dash: [2, 3]))
            rule.zOrder = 2.8
            ax.add(rule, animated: animated, as: .appearing(rule, at: Double(k)))
        } else if let k = diverged {
            // On the frame's top edge at step k: the value there is not finite (off the scale), and a cross
            // level with step k − 1 read as "the loss was 10 at step k".
            var cross = ScatterMark(points: [Point(Double(k), .infinity)], shape: .cross, size: theme.markerSize * 1.4, color: color)
            cross.pinsNonFiniteY = true
            cross.clipsToPlot = false  // whole, also on the edge of the view
            cross.keepsInsideFrame = true  // in the frame under its top, not over it by no tick label
            ax.add(cross, animated: animated, as: .appearing(cross, at: Double(k)))
        }
    }

    /// The distance from `p` to the nearest of the surface's minima (NaN without one), by hypot: a distance
    /// of 10¹⁶⁰ does not overflow through its square, nor one of 10⁻¹⁷⁰ underflow to 0 (the axis extent took
    /// such points for the minimum reached and cut the distance curves at step 10⁵ of 2×10⁵).
    static func distanceToMinimum(_ p: Point, surface: Surface) -> Double {
        surface.minima.map { Foundation.hypot(p.x - $0.x, p.y - $0.y) }.min() ?? .nan
    }

    /// Distance from each run's recorded positions to the nearest minimum, log y.
    public static func distanceAxes(runs: [SurfaceRun], surface: Surface, animated: Bool = false, theme: Theme) -> Axes {
        var ax = Axes(title: "Distance to the nearest minimum", xLabel: "step",
                      yLabel: surface.minima.count > 1 ? "distance to the nearest of \(surface.minima.count) minima" : "distance to the minimum")
        ax.yScale = .log
        ax.legend = .none
        for run in runs {
            let look = TrajectoryStyle(index: run.styleIndex(theme), theme: theme, width: theme.lineWidth * 0.8)
            let pts = zip(run.trajectory.steps, run.points).map { k, p -> Point in
                let d = distanceToMinimum(p, surface: surface)
                return Point(Double(k), d >= 1e-300 ? d : .nan)
            }
            _ = addCurve(pts, steps: Array(run.trajectory.steps.prefix(pts.count)), run: run, style: look.stroke, label: nil,
                         animated: animated, to: &ax)
            markEnds(of: pts, diverged: run.diverged, leftDomain: run.trajectory.leftDomain, color: look.color, animated: animated, theme: theme, in: &ax)
            if let k = floorIndex(zip(run.trajectory.steps, run.points).map { distanceToMinimum($1, surface: surface) }) {
                markFloor(at: run.trajectory.steps[k], color: look.color, animated: animated, theme: theme, in: &ax)
            }
        }
        return ax
    }

    /// The title ("convergence of N optimizers", or the loss along the runs when there is no minimum) and the
    /// subtitle (steps, start, batch, chosen rates, schedule).
    private func setTitles(_ figure: inout Figure) {
        let s = plan.surface
        // No minimum in the view (x² − y², −x² − y²: f falls without bound): nothing to converge to, and no
        // distance panel; the title says so rather than "convergence".
        let optimizers = "\(runs.count) optimizer" + (runs.count == 1 ? "" : "s")
        figure.title = s.displayName + (s.minima.isEmpty && s.minimumCurves.isEmpty ? ": loss along the runs of \(optimizers) (no minimum in the view)"
                                                         : ": convergence of " + optimizers)
        var sub = "\(plan.steps) step\(plan.steps == 1 ? "" : "s") from (\(TickFormat.shortest(plan.start.x)), \(TickFormat.shortest(plan.start.y)))"
        if let b = plan.batchSize { sub += ", batch size \(b) (seed \(plan.seed))" }
        if runs.contains(where: \.chosenRate) { sub += "; lr chosen per optimizer where not given" }
        if let schedule = LearningRateStrip.subtitle(runs) { sub += "; " + schedule }
        figure.subtitle = sub
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        let s = plan.surface
        setTitles(&figure)
        var (loss, note) = CurvesFigure.lossAxes(runs: runs, surface: s, fromHistory: true, animated: animated, theme: theme)
        var runaways = [CurvesFigure.keepRunawaysOut(&loss, animated: animated, theme: theme)]
        if let top = loss.yLimits?.upper ?? CurvesFigure.highestValue(loss) {
            CurvesFigure.divergenceCallouts(&loss, runs: runs, top: top, animated: animated, theme: theme)
        }
        // When every curve ends early (it reached the minimum to machine precision, or diverged), the axis ends
        // there so the curves use its width, and the footnote says why (see `CurvesExtent`).
        let text = CurvesFigure.lossAxisText(s)
        let extent = CurvesExtent(runs: runs, steps: plan.steps, surface: s, offset: text.offset, log: text.log)
        if let why = extent.note { note = note.map { why + " " + $0 } ?? why }
        if text.log, case let floors = CurvesFigure.floorNotes(runs: runs, surface: s, offset: text.offset,
                                                                      saidByExtent: extent.note != nil && extent.saysZero), !floors.isEmpty {
            note = ([note].compactMap { $0 } + floors).joined(separator: " ")
        }
        figure.footnote = note
        // The curves end before the last step: the frames spread over the steps the axis shows.
        if extent.note != nil { figure.revealSpan = 0...Double(max(1, extent.end)) }
        func shareSteps(_ ax: inout Axes) {
            ax.xLimits = extent.limits
            ax.xTickLabels = extent.ticks
        }
        shareSteps(&loss)
        // Each frame's step, in the top panel's title ("Loss · step 2525"); the last frame says "Loss".
        if animated, let title = loss.title { loss.animatedTitle = FrameTitle.at(title, word: "step") }
        let strip = LearningRateStrip.wanted(runs)
        if strip {
            // Loss (and distance) panels two rows tall each, the lr strip one row under them.
            let span = 2
            loss.legend = .outsideRight
            loss.xLabel = nil
            loss.showXTickLabels = false
            figure.add(loss, row: 0, column: 0, rowSpan: span)
            let distanceShown = CurvesFigure.showsDistance(surface: s, runs: runs, height: figure.pixelSize.height)
            if distanceShown {
                var distance = CurvesFigure.distanceAxes(runs: runs, surface: s, animated: animated, theme: theme)
                runaways.append(CurvesFigure.keepRunawaysOut(&distance, animated: animated, theme: theme))
                shareSteps(&distance)
                distance.xLabel = nil
                distance.showXTickLabels = false
                figure.add(distance, row: span, column: 0, rowSpan: span)
            }
            var lr = LearningRateStrip.axes(runs: runs, steps: plan.steps, animated: animated, theme: theme)
            shareSteps(&lr)
            figure.add(lr, row: distanceShown ? 2 * span : span, column: 0)
            if !distanceShown, !s.minima.isEmpty {
                let left = "The distance-to-minimum panel is left out under the lr strip on a page under 960 px tall; a taller --size shows it."
                figure.footnote = figure.footnote.map { $0 + " " + left } ?? left
            }
        } else if s.minima.isEmpty {
            loss.legend = .outsideRight
            figure.add(loss, row: 0, column: 0)
        } else {
            // Two panels stacked, sharing the step axis; one legend beside them (aligned frames keep
            // the lower panel as wide as the upper one).
            loss.legend = .outsideRight
            loss.xLabel = nil
            loss.showXTickLabels = false
            figure.add(loss, row: 0, column: 0)
            var distance = CurvesFigure.distanceAxes(runs: runs, surface: s, animated: animated, theme: theme)
            runaways.append(CurvesFigure.keepRunawaysOut(&distance, animated: animated, theme: theme))
            shareSteps(&distance)
            figure.add(distance, row: 1, column: 0)
            // A legend too tall beside the Loss panel goes under both panels, not between them.
            if !animated { CurvesFigure.legendUnderThePanels(&figure, upper: figure.panels.count - 2, lower: figure.panels.count - 1) }
        }
        if let away = CurvesFigure.runawayNote(runaways.compactMap { $0 }) {
            figure.footnote = figure.footnote.map { $0 + " " + away } ?? away
        }
        return [DataTable.long(name: "runs", key: "run", runs.map { run in
            DataTable(name: run.config.displayLabel, columns: ["step", "x", "y", "f"],
                      rows: zip(zip(run.trajectory.steps, run.points), run.trajectory.values).map { sp, f in
                          [Double(sp.0), sp.1.x, sp.1.y, f]
                      })
        }, columns: ["step", "x", "y", "f"])] + (strip ? LearningRateStrip.table(runs) : [])
    }
}
