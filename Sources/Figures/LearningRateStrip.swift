import Optim
import Viz

/// The thin panel under a loss curve that shows each run's learning rate per step (the schedule's
/// `get_last_lr()[0]`), log-scaled when the rates are all positive and span more than a factor of 10, so runs
/// with base rates far apart stay readable (linear
/// otherwise, so a cosine that ends at 0 keeps its shape).
enum LearningRateStrip {
    /// Whether any run follows a schedule (so the strip is worth drawing).
    static func wanted(_ runs: [SurfaceRun]) -> Bool { runs.contains { $0.schedule != nil } }

    /// The strip: one step line per run in its series style, no legend (the loss panel has it).
    static func axes(runs: [SurfaceRun], steps: Int, animated: Bool = false, theme: Theme) -> Axes {
        var ax = Axes(title: nil, xLabel: "step", yLabel: "lr")
        // A strip under the loss: two labelled ticks say the schedule's range.
        ax.isStrip = true
        ax.legend = .none
        ax.xLimits = Interval(0, Double(steps))
        let all = runs.flatMap(\.trajectory.learningRates).filter(\.isFinite)
        if let lo = all.min(), let hi = all.max(), lo > 0, hi > 10 * lo { ax.yScale = .log }
        for run in runs {
            let look = TrajectoryStyle(index: run.styleIndex(theme), theme: theme, width: theme.lineWidth * 0.7)
            let pts = zip(run.trajectory.steps, run.trajectory.learningRates).map { Point(Double($0), $1) }
            let line = LineMark(points: pts, style: look.stroke)
            ax.add(line, animated: animated, as: .line(line, times: pts.map(\.x)))
        }
        return ax
    }

    /// "lr schedule: CosineAnnealingLR(T_max=100)" for a subtitle, or nil without a schedule.
    static func subtitle(_ runs: [SurfaceRun]) -> String? {
        let texts = Array(Set(runs.compactMap { $0.schedule?.text })).sorted()
        return texts.isEmpty ? nil : "lr schedule: " + texts.joined(separator: "; ")
    }

    /// The lr column of each run, for `--data`.
    static func table(_ runs: [SurfaceRun]) -> [DataTable] {
        [DataTable.long(name: "lr", key: "run", runs.map { run in
            DataTable(name: run.config.displayLabel, columns: ["step", "lr"],
                      rows: zip(run.trajectory.steps, run.trajectory.learningRates).map { [Double($0), $1] })
        }, columns: ["step", "lr"])]
    }
}
