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

    init(key: String, members: [RunCurve], x axis: RunCurves.XAxis) {
        self.key = key
        count = members.count
        summary = RunGroupSummary(members.map(\.series))
        smoothed = members.allSatisfy({ $0.smoothed != nil }) ? RunGroupSummary(members.map {
            var s = $0.series
            s.values = $0.smoothed ?? s.values
            return s
        }) : nil
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
        let means = MetricSeries(name: key, steps: summary.steps, values: summary.mean)
        let (x, steps) = (self.x, summary.steps)
        var text = RunCurve.annotation(means, best: best) { place.text(step: steps[$0], x: x[$0]) }
        if let i = summary.steps.indices.last, summary.minimum[i].isFinite, summary.maximum[i].isFinite, count > 1 {
            text += " (runs " + CurvePoints.value(summary.minimum[i]) + "–" + CurvePoints.value(summary.maximum[i]) + ")"
        }
        ax.add(LegendLine(text), animated: animated, as: TimedMark(LegendLine(text), span: TimedMark.timeSpan(x)) { t in
            [LegendLine(RunCurve.progress(means, x: x, count: TimedMark.revealed(x, upTo: t), best: best, place: place))]
        })
        return dropped
    }
}
