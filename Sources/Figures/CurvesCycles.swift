import Optim
import Viz

extension CurvesFigure {
    /// A loss curve whose run ends in a cycle (see `SurfaceRun.endCycle`), drawn as the cycle's two bounds
    /// from where it starts: Lion on x² + 10y² at lr 0.05 hops between f = 0.0275 and f = 1.7×10⁻³¹ from step
    /// 130 to 300, which on a log axis filled a block 30 decades high that hid every other run.
    /// `pts` and `steps` are the curve's points (x = step, y = drawn loss, NaN where not drawable) and their
    /// steps, index for index with the run's recorded points. Returns the curve up to the cycle and along its
    /// upper bound (`main`, with the `times` of its points), the lower bound (nil when not drawable) and a
    /// footnote; nil when the run ends in no cycle or the cycle is a few steps only (nothing to hide).
    static func cycleEnvelope(run: SurfaceRun, pts: [Point], steps: [Int])
        -> (main: [Point], times: [Double], lower: [Point]?, note: String)? {
        guard let cycle = run.endCycle, pts.count == steps.count, run.trajectory.steps.indices.contains(cycle.start),
              let from = steps.firstIndex(where: { $0 >= run.trajectory.steps[cycle.start] }),
              pts.count - from >= 4 * cycle.period else { return nil }
        let tail = pts[from...].map(\.y).filter(\.isFinite)
        guard let top = tail.max(), let bottom = tail.min(), top > bottom else { return nil }
        let first = Double(steps[from]), last = Double(steps[steps.count - 1])
        let main = Array(pts[..<from]) + [Point(first, top), Point(last, top)]
        let times = steps[..<from].map(Double.init) + [first, last]
        let lower = tail.count == pts.count - from ? [Point(first, bottom), Point(last, bottom)] : nil
        let note = "\(run.config.displayLabel) cycles every \(cycle.period) steps from step \(steps[from]): drawn as the cycle's "
            + (lower == nil ? "highest value." : "highest and lowest values.")
        return (main, times, lower, note)
    }

    /// Adds `pts` (x = step, at `steps`) to `ax` as the run's line, or as its cycle's bounds (`cycleEnvelope`);
    /// returns the footnote of a cycle.
    static func addCurve(_ pts: [Point], steps: [Int], run: SurfaceRun, style: StrokeStyle, label: String?, animated: Bool,
                         to ax: inout Axes) -> String? {
        guard let cycle = cycleEnvelope(run: run, pts: pts, steps: steps) else {
            let line = LineMark(points: pts, style: style, label: label)
            ax.add(line, animated: animated, as: .line(line, times: steps.map(Double.init)))
            return nil
        }
        // A run hopping between two values to the end: its bounds, not a filled block.
        let line = LineMark(points: cycle.main, style: style, label: label)
        ax.add(line, animated: animated, as: .line(line, times: cycle.times))
        if let lower = cycle.lower {
            let bound = LineMark(points: lower, style: style, label: nil)
            ax.add(bound, animated: animated, as: .line(bound, times: lower.map(\.x)))
        }
        return cycle.note
    }
}
