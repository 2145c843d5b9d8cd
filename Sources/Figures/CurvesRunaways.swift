import Viz

extension CurvesFigure {
    /// Keeps a log panel's view (the loss gap or the distance to the minimum against the step) on the runs
    /// that do not run away, by the rule `runs` uses (`RunawayView`): when a value is more than 10⁶ times the
    /// largest first value, the view keeps the values up to 10³ times it, and each line that goes beyond
    /// leaves the top edge at a triangle (timed by its step in an animation). A diverging run's 10²⁵⁵ had
    /// stretched the axis so that every other run was a flat line at "1". The legend keeps each run's words
    /// ("diverged at step 9") and the divergence cross stays on the top edge.
    ///
    /// Reads the panel's line marks (also inside timed marks); leaves a panel whose y limits are already set
    /// (every value overflowed) or whose axis is not log alone. Returns the view, nil when nothing ran away.
    static func keepRunawaysOut(_ ax: inout Axes, animated: Bool, theme: Theme) -> RunawayView? {
        guard case .log = ax.yScale, ax.yLimits == nil else { return nil }
        let lines = ax.marks.compactMap { ($0 as? LineMark) ?? (($0 as? TimedMark)?.mark as? LineMark) }
        guard let view = RunawayView(curves: lines.map { $0.points.lazy.map(\.y) }, log: true) else { return nil }
        ax.yLimits = view.limits
        ax.yPadding = 0
        for line in lines {
            guard let (i, above) = view.exit(line.points.lazy.map(\.y)), line.points[i].x.isFinite else { continue }
            let x = line.points[i].x
            let mark = view.mark(at: x, above: above, color: line.style.color, theme: theme)
            ax.add(mark, animated: animated, as: .appearing(mark, at: x))
        }
        return view
    }

    /// The footnote sentence for the panels whose values ran away (see `keepRunawaysOut`), nil for none.
    static func runawayNote(_ views: [RunawayView]) -> String? {
        RunawayView.note(views, rest: "--data has every value")
    }
}
