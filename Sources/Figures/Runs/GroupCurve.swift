import RunLogs
import Viz

/// Runs that differ only by seed, summarised step by step (`RunGroupSummary`) and drawn as the mean
/// with a band.
struct GroupCurve {
    var key: String
    var count: Int
    var summary: RunGroupSummary
    /// The mean of the smoothed members, when smoothing.
    var smoothed: RunGroupSummary?
    /// The x of each summary step: the mean of the members' x at that step.
    var x: [Double]
    /// The member that diverged first (its name), when one did: the mean stops at its divergence, the step
    /// summarised last (a mean over the seeds left would be a different group's).
    var diverged: String?
    /// Where fewer runs than `count` enter the mean from some step on (a seed that stopped early):
    /// the step after which they do and how many remain.
    var fewer: (after: Int64, runs: Int)?
    /// The member with the first transient NaN or inf (its name), when one has.
    var transient: String?

    /// - Parameter names: the members' run names.
    init(key: String, members: [RunCurve], names: [String] = [], x axis: RunCurves.XAxis) {
        self.key = key
        count = members.count
        summary = RunGroupSummary(members.map(\.series))
        smoothed = members.allSatisfy({ $0.smoothed != nil }) ? RunGroupSummary(members.map {
            var s = $0.series
            s.values = $0.smoothed ?? s.values
            return s
        }) : nil
        let firstDivergence = members.indices.compactMap { m in members[m].series.divergence.map { (m, $0.step) } }.min { $0.1 < $1.1 }
        if let (m, step) = firstDivergence {
            diverged = m < names.count ? names[m] : "a run"
            let keep = summary.steps.firstIndex { $0 > step } ?? summary.steps.count
            summary.truncate(to: keep)
            smoothed?.truncate(to: keep)
        }
        let firstTransient = members.indices.compactMap { m in
            members[m].series.transient.map { (m, members[m].series.steps[$0.first]) } }.min { $0.1 < $1.1 }
        if let (m, _) = firstTransient { transient = m < names.count ? names[m] : nil }
        let ends = members.compactMap(\.series.steps.last)
        if let lastEnd = ends.min(), let i = summary.steps.firstIndex(where: { $0 > lastEnd }) {
            fewer = (lastEnd, summary.count[i])
        }
        if axis == .step {
            x = summary.steps.map(Double.init)
        } else {
            var sum: [Int64: (Double, Int)] = [:]
            for m in members { for (s, v) in zip(m.series.steps, m.x) { let o = sum[s] ?? (0, 0); sum[s] = (o.0 + v, o.1 + 1) } }
            x = summary.steps.map { s in sum[s].map { $0.0 / Double($0.1) } ?? .nan }
        }
    }

    /// Draws the band, the mean (over the faint raw mean when smoothed) and the legend lines.
    /// `animated` makes the marks grow with x (see `RunsFigure.animated`).
    func draw(into ax: inout Axes, style: Int, band: RunCurves.Band, logY: Bool, best: BestValue, theme: Theme,
              pixels: Double, place: XPlace, animated: Bool = false) -> Bool {
        let look = TrajectoryStyle(index: style, theme: theme, width: theme.lineWidth * 0.8)
        let shown = smoothed ?? summary
        var dropped = false
        var bx: [Double] = [], lo: [Double] = [], hi: [Double] = []
        for i in shown.steps.indices {
            let (l, h) = band == .minmax ? (shown.minimum[i], shown.maximum[i])
                : (shown.mean[i] - shown.standardDeviation[i], shown.mean[i] + shown.standardDeviation[i])
            guard l.isFinite, h.isFinite, x[i].isFinite else { continue }
            if logY && l <= 0 { dropped = true; continue }
            bx.append(x[i]); lo.append(l); hi.append(h)
        }
        if !bx.isEmpty {
            let area = AreaMark(x: bx, y1: lo, y2: hi, color: look.color.withAlpha(0.2), zOrder: 1)
            ax.add(area, animated: animated, as: .area(area, times: bx))
        }
        let mean = CurvePoints.points(x, shown.mean, logY: logY, dropped: &dropped)
        if smoothed != nil {
            var faint = look.stroke
            faint.color = look.color.withAlpha(0.28); faint.dash = []; faint.width = theme.lineWidth * 0.6
            let raw = CurvePoints.points(x, summary.mean, logY: logY, dropped: &dropped)
            CurvePoints.addLine(LineMark(points: CurvePoints.thin(raw, columns: pixels), style: faint, zOrder: 1.5), to: &ax, animated: animated)
        }
        CurvePoints.addLine(LineMark(points: CurvePoints.thin(mean, columns: pixels), style: look.stroke,
                                     label: "\(key) (mean of \(count) run\(count == 1 ? "" : "s"))", zOrder: 2), to: &ax, animated: animated)
        // The legend's numbers describe the bold line: the (smoothed) mean.
        let means = MetricSeries(name: key, steps: shown.steps, values: shown.mean)
        let (x, steps) = (self.x, summary.steps)
        var text = RunCurve.annotation(means, best: best, smoothed: smoothed != nil, who: diverged,
                                       whoTransient: transient) { place.text(step: steps[$0], x: x[$0]) }
        if let i = shown.steps.indices.last(where: { shown.minimum[$0].isFinite && shown.maximum[$0].isFinite }), count > 1 {
            text += " (runs " + CurvePoints.value(shown.minimum[i]) + "–" + CurvePoints.value(shown.maximum[i]) + ")"
        }
        if let fewer, let i = steps.firstIndex(of: fewer.after) {
            text += " · \(fewer.runs) run\(fewer.runs == 1 ? "" : "s") after " + place.text(step: fewer.after, x: x[i])
        }
        // Rings before gaps in the mean; a triangle where fewer runs enter it from.
        var marks = RunCurve.gapAndLoneMarks(shown.mean, count: shown.mean.count, logY: logY).rings
        if let fewer, let i = steps.firstIndex(of: fewer.after), mean[i].y.isFinite { marks.append(i) }
        if !marks.isEmpty {
            let ring = ScatterMark(points: marks.map { mean[$0] }, shape: .circle, size: theme.markerSize * 1.2,
                                   color: theme.background, edge: look.color)
            ax.add(ring, animated: animated, as: .appearing(ring, at: mean[marks[0]].x))
        }
        // A cross where the mean stops at a member's divergence.
        if diverged != nil, let j = mean.lastIndex(where: { $0.y.isFinite }), let at = mean.last?.x {
            var cross = ScatterMark(points: [Point(at, mean[j].y)], shape: .cross, size: theme.markerSize * 1.4, color: look.color)
            cross.clipsToPlot = false
            ax.add(cross, animated: animated, as: .appearing(cross, at: mean[j].x))
        }
        ax.add(LegendLine(text), animated: animated, as: TimedMark(LegendLine(text), span: TimedMark.timeSpan(x)) { t in
            [LegendLine(RunCurve.progress(means, x: x, count: TimedMark.revealed(x, upTo: t), best: best, place: place,
                                          smoothed: smoothed != nil))]
        })
        return dropped
    }
}
