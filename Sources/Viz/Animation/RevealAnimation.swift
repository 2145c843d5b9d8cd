extension Animation {
    /// The animation that reveals `figure`'s timed marks (`TimedMark`): frame k draws each timed mark as it
    /// is at time `times[k]`, and the last frame draws them finished, so it is `figure` itself. Every other
    /// mark is still. The times run over the union of the timed marks' spans (within `figure.revealSpan`),
    /// spread by `timing`.
    ///
    /// The still marks below the lowest timed data mark (curves, markers, arrows, bands) are drawn once into the
    /// background; those above it are drawn again over each frame, so the z order holds.
    public init(revealing figure: Figure, frames: Int, timing: FrameTiming) {
        var still = figure
        var timed: [[TimedMark]] = []
        for p in still.panels.indices {
            timed.append(still.panels[p].axes.marks.compactMap { $0 as? TimedMark })
            still.modifyAxes(p) { $0.removeMarks { $0 is TimedMark } }
        }
        let times = Self.revealTimes(figure, frames: frames, timing: timing)
        // A timed band (an area growing with its curve) moves too: below it nothing is drawn into the
        // background, or its finished state would show from the first frame.
        let below = timed.flatMap { $0 }.filter { $0.isDataInk || $0.mark.isDataBand }.map(\.zOrder).min() ?? .infinity
        let last = times.count - 1
        let panels = timed
        self.init(still: still, frameCount: times.count, stillBelow: below) { k in
            guard k < last else { return panels.map { $0.map { $0 as any Mark } } }
            return panels.map { $0.flatMap { $0.at(times[k]) } }
        }
        let titles = figure.panels.map(\.axes.animatedTitle), finals = figure.panels.map(\.axes.title)
        if titles.contains(where: { $0 != nil }) {
            panelTitles = { k in
                k >= last ? finals : zip(titles, finals).map { timed, final in timed.map { $0(times[k]) } ?? final }
            }
        }
    }

    /// The time of each frame of `Animation(revealing:frames:timing:)` for `figure`: evenly, or evenly in
    /// log(1 + t), over the timed marks' span, whatever times the data were logged at.
    public static func revealTimes(_ figure: Figure, frames: Int, timing: FrameTiming) -> [Double] {
        let all = figure.panels.flatMap { $0.axes.marks.compactMap { $0 as? TimedMark } }
        var lower = all.map(\.span.lowerBound).min() ?? 0, upper = all.map(\.span.upperBound).max() ?? 0
        if let span = figure.revealSpan {
            lower = min(max(lower, span.lowerBound), upper)
            upper = max(lower, min(upper, span.upperBound))
        }
        let times = timing.times(frames: frames, over: lower...max(lower, upper))
        // Log time on a sparse log stays log time: the lines grow between logged points (`TimedMark.line`).
        // Snapped to the logged moments, 90 of 100 frames advanced one row of a log written every 10 steps.
        return times
    }
}
