import Optim
import Viz

/// How far the step axis of `dlplot curves` reaches, and the footnote that says why when it ends before the
/// last step. A curve ends where its run diverged (the cross at the diverging step), where its loss gap fell
/// to 0 or below 10⁻³⁰⁰ (nothing left to draw on a log axis), or where the convergence test stopped it; the
/// axis ends at the latest of these, so every curve uses the axis width, and the footnote names each cause
/// that applies, never one that does not (a diverged run never "reaches the minimum").
struct CurvesExtent {
    /// The last step anything is drawn at: a curve's last point or a divergence cross.
    var end: Int
    /// The step-axis limits: the run's full length, or a nice end a little past `end`.
    var limits: Interval
    /// Whole-step tick labels for a short axis (at most 10 steps), where nice ticks would be fractional.
    var ticks: [(value: Double, label: String)]?
    /// Why the curves end before the last step; nil when the axis shows every step.
    var note: String?
    /// True when `note` says that curves end at 0 (below 10⁻³⁰⁰), which the ▼ of `CurvesFigure.markFloor` then shows.
    var saysZero = false

    /// The extent for `runs` of `steps` steps, whose loss gap is `value − offset` (drawn on a log axis when `log`).
    init(runs: [SurfaceRun], steps: Int, surface: Surface, offset: Double, log: Bool) {
        var end = 0
        var diverged: [(label: String, step: Int, where: String?)] = []
        var stopped: [(label: String, step: Int)] = []
        var belowPrecision = false
        for run in runs {
            if let k = run.diverged {
                // A step out of f's domain is said as such (with where it went), as in the legend and trace.
                let t = run.trajectory
                let out = t.leftDomain && t.divergedPosition.count == 2
                    ? "(" + t.divergedPosition.map { TickFormat.shortest($0) }.joined(separator: ", ") + ")" : nil
                diverged.append((run.config.displayLabel, k, out))
                end = max(end, k)
                continue
            }
            if case let .converged(k) = run.trajectory.stop { stopped.append((run.config.displayLabel, k)) }
            guard log else { end = steps; continue }
            let last = run.trajectory.valueHistory.lastIndex { $0 - offset >= 1e-300 }
                ?? run.trajectory.steps.last ?? 0
            var runEnd = last
            for (k, p) in zip(run.trajectory.steps, run.points).reversed() {
                // The distance panel's own distance (squares underflowed below 10⁻¹⁵⁴ and ended the axis early).
                let d = surface.minima.isEmpty ? 0 : CurvesFigure.distanceToMinimum(p, surface: surface)
                if !(d < 1e-300) { runEnd = max(runEnd, k); break }
            }
            let stop = run.trajectory.steps.last ?? 0
            // The step after the last drawn value is where the curve reached 0: its ▼ is drawn there (`markFloor`).
            if runEnd < stop { belowPrecision = true; runEnd += 1 }
            end = max(end, runEnd)
        }
        self.end = end
        guard end < steps / 2 || (end <= 10 && end < steps) else {
            limits = Interval(0, Double(steps))
            // A run of a few steps: whole-step ticks (--steps 1 had 0.0, 0.1 … 1.0 on a step axis).
            ticks = steps <= 10 ? stride(from: 0, through: steps, by: steps > 6 ? 2 : 1).map { (Double($0), String($0)) } : nil
            note = nil
            return
        }
        if end <= 10 {
            // A few steps: whole-step ticks, and half a step of room either side so a start dot and a
            // divergence cross are not cut by the frame.
            limits = Interval(-0.5, Double(end) + 0.5)
            ticks = stride(from: 0, through: end, by: end > 6 ? 2 : 1).map { (Double($0), String($0)) }
        } else {
            limits = Interval(0, min(Double(steps), Ticks.nice(0, Double(end) * 1.05, count: 5).1))
            ticks = nil
        }
        saysZero = belowPrecision
        note = Self.note(end: end, steps: steps, diverged: diverged, stopped: stopped, belowPrecision: belowPrecision,
                         distance: log && !surface.minima.isEmpty)
    }

    /// "Curves end by step 2: gd lr=0.005 diverged at step 2." and, for runs that did not diverge, what the
    /// rest of their run does.
    /// A run that left f's domain has `where` (the point it stepped to, "(−1.5, −1)"): it "left the domain of f",
    /// never "diverged" (its loss did not grow; f is undefined there).
    static func note(end: Int, steps: Int, diverged: [(label: String, step: Int, where: String?)], stopped: [(label: String, step: Int)],
                     belowPrecision: Bool, distance: Bool = false) -> String {
        var causes: [String] = []
        if diverged.count == 1, let d = diverged.first {
            causes.append(d.where.map { "\(d.label) left the domain of f at step \(d.step) (f is undefined at \($0))" }
                          ?? "\(d.label) diverged at step \(d.step) (its loss is not finite from there)")
        } else if diverged.count > 1 {
            let last = diverged.map(\.step).max() ?? end
            let out = diverged.filter { $0.where != nil }.count
            let what = out == 0 ? "diverged" : out == diverged.count ? "left the domain of f" : "diverged or left the domain of f"
            causes.append("\(diverged.count) runs \(what), the last at step \(last) (see the legend)")
        }
        if stopped.count == 1, let s = stopped.first {
            causes.append("\(s.label) met the convergence test at step \(s.step)")
        } else if stopped.count > 1 {
            causes.append("\(stopped.count) runs met the convergence test (see the legend)")
        }
        if belowPrecision {
            let whose = diverged.isEmpty && stopped.isEmpty ? "" : " of the other runs"
            let what = distance ? "the loss gap and the distance to the minimum\(whose) are" : "the loss gap\(whose) is"
            causes.append("from there to step \(steps) \(what) 0 or below 10⁻³⁰⁰ (the minimum to machine precision)")
        }
        return "Curves end by step \(end): " + causes.joined(separator: "; ") + "."
    }
}
