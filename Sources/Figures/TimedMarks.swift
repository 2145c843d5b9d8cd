import Viz

extension Axes {
    /// Adds `mark`, or, in a figure made for an animation (`animated`), the timed mark `timed` that reveals
    /// it over the animation (see `TimedMark`; the recipes' times are steps, or panels for `steps`).
    mutating func add(_ mark: any Mark, animated: Bool, as timed: @autoclosure () -> TimedMark) {
        if animated { add(timed()) } else { add(mark) }
    }
}

/// The legend line under a run's name during an animation: its step and loss, then what happened.
struct ProgressLegend {
    /// The legend text at time (step) t; `final` once the run is finished.
    static func mark(final: String, steps: ClosedRange<Double>, text: @escaping @Sendable (Int) -> String) -> TimedMark {
        TimedMark(LegendLine(final), span: steps) { t in [LegendLine(text(Int(max(0, t.rounded(.down)))))] }
    }
}
