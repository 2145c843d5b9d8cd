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
            var mark = view.mark(at: x, above: above, color: line.style.color, theme: theme)
            mark.keepsInsideFrame = true
            ax.add(mark, animated: animated, as: .appearing(mark, at: x))
        }
        return view
    }

    /// Beside each divergence's × in the loss panel, "diverged at step 9" in the run's colour: on a long step
    /// axis a run that diverges early is a hair at its left edge, its × over the frame's top (the legend said it,
    /// the plot did not). At the panel's top (`top`, the y the × is pinned to), beside the × on the side with room;
    /// divergences within 3 % of the axis of each other share one note ("2 runs diverged at steps 8–9").
    static func divergenceCallouts(_ ax: inout Axes, runs: [SurfaceRun], top: Double, animated: Bool, theme: Theme) {
        let end = ax.xLimits?.upper ?? Double(runs.compactMap { $0.trajectory.steps.last }.max() ?? 1)
        let diverged = runs.compactMap { run in run.trajectory.leftDomain ? nil : run.diverged.map { (step: $0, run: run) } }
            .sorted { $0.step < $1.step }
        var groups: [[(step: Int, run: SurfaceRun)]] = []
        for d in diverged {
            if let last = groups.last?.last, Double(d.step - last.step) <= 0.03 * end { groups[groups.count - 1].append(d) } else { groups.append([d]) }
        }
        for group in groups {
            guard let first = group.first, let last = group.last else { continue }
            let k = Double(first.step), left = k > 0.6 * end
            let one = group.count == 1
            let text = one ? "diverged at step \(first.step)"
                : "\(group.count) runs diverged at steps \(first.step)" + (last.step == first.step ? "" : "–\(last.step)")
            let color = one ? TrajectoryStyle(index: first.run.styleIndex(theme), theme: theme).color : theme.foreground
            var note = TextMark(text, at: Point(k, top), anchor: TextAnchor(left ? 1 : 0, .top),
                                offset: Point(left ? -12 : 12 + 8 * Double(group.count - 1), -3), color: color, font: theme.noteFont, zOrder: 7)
            note.backing = true
            note.curve = [Point(k, top)]
            ax.add(note, animated: animated, as: .appearing(note, at: Double(last.step)))
        }
    }

    /// The legend of a stacked two-panel figure's top panel (`upper`) put under the bottom one (`lower`) when it
    /// went below the top one, between the panels (five runs' two lines each did not fit beside the Loss panel).
    static func legendUnderThePanels(_ figure: inout Figure, upper: Int, lower: Int) {
        guard let placements = try? figure.legendPlacements(), placements.indices.contains(upper), placements[upper] == .below else { return }
        let theme = figure.theme
        var rows: [LegendEntry] = []
        figure.modifyAxes(upper) { ax in
            rows = ax.marks.flatMap { $0.legendEntries(theme: theme) }
            ax.legend = .none
        }
        figure.modifyAxes(lower) { ax in
            ax.add(LegendRows(rows))
            ax.legend = .below
        }
    }

    /// The largest finite value the panel's lines draw (also inside timed marks), nil for none.
    static func highestValue(_ ax: Axes) -> Double? {
        ax.marks.compactMap { ($0 as? LineMark) ?? (($0 as? TimedMark)?.mark as? LineMark) }
            .flatMap { $0.points.map(\.y) }.filter(\.isFinite).max()
    }

    /// The footnote sentence for the panels whose values ran away (see `keepRunawaysOut`), nil for none.
    static func runawayNote(_ views: [RunawayView]) -> String? {
        RunawayView.note(views, rest: "--data has every value")
    }
}
