import RunLogs
import Viz

/// Runs that differ only by seed, summarised on a common x grid (`RunGroupSummary`: the union of the
/// runs' x values, each run interpolated linearly inside its own range) and drawn as the mean with a band.
struct GroupCurve {
    var key: String
    var count: Int
    var summary: RunGroupSummary
    /// The mean of the smoothed members, when smoothing.
    var smoothed: RunGroupSummary?
    /// The x of each summary point (the grid: steps, epochs or seconds since each run's first record).
    var x: [Double]
    /// The member that diverged first (its name), when one did: the mean stops at its divergence, the x
    /// summarised last (a mean over the seeds left would be a different group's).
    var diverged: String?
    /// Each x after which fewer runs enter the mean (seeds that stopped early, one after another): the index
    /// of the last x before the drop and how many runs remain after it.
    var fewer: [(after: Int, runs: Int)] = []
    /// Each x before which fewer runs enter the mean (seeds that start late): the index of the first x the
    /// later run covers and how many runs there are before it.
    var later: [(before: Int, runs: Int)] = []
    /// The member with the first transient NaN or inf (its name), when one has.
    var transient: String?
    /// What the x axis counts.
    var axis: RunCurves.XAxis
    /// For a time axis, the seconds in its unit.
    var timeUnit = 1.0
    /// Whether every member was logged as float32 (TensorBoard scalars): a minimum or maximum that is a
    /// logged value is then printed as float32, as the points table prints it.
    var float32 = false

    /// - Parameter names: the members' run names.
    init(key: String, members: [RunCurve], names: [String] = [], x axis: RunCurves.XAxis) {
        self.key = key
        self.axis = axis
        count = members.count
        float32 = !members.isEmpty && members.allSatisfy { $0.series.precision == .float32 }
        let xs = members.map { Array($0.x) }
        summary = RunGroupSummary(x: xs, values: members.map(\.series.values))
        smoothed = members.allSatisfy({ $0.smoothed != nil })
            ? RunGroupSummary(x: xs, values: members.map { $0.smoothed ?? $0.series.values }) : nil
        let firstDivergence = members.indices.compactMap { m in
            members[m].series.divergenceIndex.map { (m, xs[m][$0]) } }.min { $0.1 < $1.1 }
        if let (m, at) = firstDivergence {
            diverged = m < names.count ? names[m] : "a run"
            let keep = summary.x.firstIndex { $0 > at } ?? summary.x.count
            summary.truncate(to: keep)
            smoothed?.truncate(to: keep)
        }
        let firstTransient = members.indices.compactMap { m in
            members[m].series.transient.map { (m, xs[m][$0.first]) } }.min { $0.1 < $1.1 }
        if let (m, _) = firstTransient { transient = m < names.count ? names[m] : nil }
        let grid = summary.x
        // Runs cover one range each (interpolated inside it): the count rises only where one starts and falls
        // only where one ends. Every change is named (a mean of one run is not a group's).
        let counts = summary.count
        for i in counts.indices.dropFirst() {
            if counts[i] < counts[i - 1] { fewer.append((i - 1, counts[i])) }
            if counts[i] > counts[i - 1] { later.append((i, counts[i - 1])) }
        }
        x = grid
    }

    /// The band's opacity: the least, from 0.2 up to 0.5, at which the band stands out from the plot's
    /// background by a WCAG contrast ratio of 1.3, or 1.9 on a dark background (whose dark tones a projector
    /// crushes: a 0.2 band there vanished).
    static func bandAlpha(_ color: Color, on background: Color) -> Double {
        let target = background.luminance < 0.2 ? 1.9 : 1.3
        func contrast(_ a: Double) -> Double {
            let l0 = background.luminance, l1 = background.mixed(with: color.withAlpha(1), a).luminance
            return (max(l0, l1) + 0.05) / (min(l0, l1) + 0.05)
        }
        return stride(from: 0.2, through: 0.5, by: 0.05).first { contrast($0) >= target } ?? 0.5
    }

    /// The step of grid point i (its x on a step axis; unused by the words of the other axes).
    func step(_ i: Int) -> Int64 { axis == .step && x[i].magnitude < 9e18 ? Int64(x[i]) : Int64(i) }

    /// Draws the band, the mean (over the faint raw mean when smoothed) and the legend lines. Returns whether
    /// values had to be left out of a log axis, and where fewer runs than all enter the mean ("2 runs before
    /// step 5", "1 run after step 285"; a ring on the mean marks each place), for the figure's footnote.
    /// `animated` makes the marks grow with x (see `RunsFigure.animated`).
    func draw(into ax: inout Axes, style: Int, band: RunCurves.Band, logY: Bool, best: BestValue, theme: Theme,
              pixels: Double, place: XPlace, animated: Bool = false) -> (dropped: Bool, coverage: [String], bandCut: (group: String, from: String)?) {
        let look = TrajectoryStyle(index: style, theme: theme, width: theme.lineWidth * 0.8)
        let shown = smoothed ?? summary
        let drawnBand = addBand(into: &ax, band: band, logY: logY, color: look.color, theme: theme, animated: animated)
        var dropped = drawnBand.dropped
        let mean = CurvePoints.points(x, shown.mean, logY: logY, dropped: &dropped)
        if smoothed != nil {
            var faint = look.stroke
            faint.color = look.color.withAlpha(0.28); faint.dash = []; faint.width = theme.lineWidth * 0.6
            let raw = CurvePoints.points(x, summary.mean, logY: logY, dropped: &dropped)
            CurvePoints.addLine(LineMark(points: CurvePoints.thin(raw, columns: pixels), style: faint, zOrder: 1.5), to: &ax, animated: animated)
        }
        CurvePoints.addLine(LineMark(points: CurvePoints.thin(mean, columns: pixels), style: look.stroke,
                                     label: "\(key) (mean of \(count) run\(count == 1 ? "" : "s"))", zOrder: 2), to: &ax, animated: animated)
        // The legend gives the mean of the logged values (and where the smoothed mean ends, when smoothing).
        let means = MetricSeries(name: key, steps: shown.x.indices.map { step($0) }, values: shown.mean)
        let raw = MetricSeries(name: key, steps: means.steps, values: summary.mean)
        let x = self.x
        let at = { (i: Int) in place.text(step: step(i), x: x[i]) }
        var text = RunCurve.annotation(raw, best: best, who: diverged, whoTransient: transient, at: at)
        let s = summary
        if let i = s.x.indices.last(where: { s.minimum[$0].isFinite && s.maximum[$0].isFinite }), s.count[i] > 1 {
            // The spread of the runs beside the value it is the spread of: the final mean, or (after a
            // divergence) the last finite one, with its place.
            let range = " (runs " + CurvePoints.value(s.minimum[i]) + "–" + CurvePoints.value(s.maximum[i]) + ")"
            text += raw.divergence == nil && i == s.x.count - 1 ? range
                : " · last " + CurvePoints.value(s.mean[i]) + " at " + at(i) + range
        }
        if let smoothed { text += RunCurve.smoothedEnd(smoothed.mean, series: raw) }
        var coverage: [String] = []
        for start in later where start.before < x.count {
            coverage.append("\(start.runs) run\(start.runs == 1 ? "" : "s") before " + at(start.before))
        }
        for end in fewer where end.after < x.count {
            coverage.append("\(end.runs) run\(end.runs == 1 ? "" : "s") after " + at(end.after))
        }
        // Rings before gaps in the mean, and where fewer runs enter it from or up to.
        var marks = RunCurve.gapAndLoneMarks(shown.mean, count: shown.mean.count, logY: logY).rings
        // The non-finite end of a mean that stops at a divergence is the cross's alone: a ring there would read
        // as a gap (⊗) that the footnote does not explain.
        if diverged != nil {
            let lastFinite = shown.mean.lastIndex(where: \.isFinite) ?? -1
            marks.removeAll { $0 > lastFinite }
        }
        for i in fewer.map(\.after) + later.map(\.before) where i < mean.count && mean[i].y.isFinite { marks.append(i) }
        marks.sort()
        if !marks.isEmpty {
            var ring = ScatterMark(points: marks.map { mean[$0] }, shape: .circle, size: theme.markerSize * 1.2,
                                   color: theme.background, edge: look.color)
            ring.clipsToPlot = false
            ring.pinsNonFiniteY = true  // a gap's ring on the frame's edge at the step it starts
            ax.add(ring, animated: animated, as: .appearing(ring, at: mean[marks[0]].x))
        }
        // A cross where the mean stops at a member's divergence.
        if diverged != nil, let j = mean.lastIndex(where: { $0.y.isFinite }), let at = mean.last?.x {
            let y = mean.last.map(\.y).flatMap { $0.isFinite ? nil : $0 } ?? mean[j].y
            var cross = ScatterMark(points: [Point(at, y)], shape: .cross, size: theme.markerSize * 1.4, color: look.color)
            cross.clipsToPlot = false
            cross.pinsNonFiniteY = true  // on the frame's edge, not at the last finite mean's height
            ax.add(cross, animated: animated, as: .appearing(cross, at: mean[j].x))
        }
        ax.add(LegendLine(text), animated: animated, as: TimedMark(LegendLine(text), span: TimedMark.timeSpan(x)) { t in
            [LegendLine(RunCurve.progress(means, x: x, count: TimedMark.revealed(x, upTo: t), best: best, place: place,
                                          smoothed: smoothed != nil))]
        })
        return (dropped, coverage, drawnBand.cutAt.map { (key, place.text(step: step($0), x: x[$0])) })
    }

    /// The band (min–max or ±1 sd) of the shown mean. On a log axis a band whose lower edge reaches ≤ 0 (mean − sd,
    /// or a minimum ≤ 0) is cut at the bottom of the axis, as matplotlib clips it: drawn to far below the smallest
    /// positive value shown. Returns whether logged values ≤ 0 were left out, and where an sd band is first cut.
    private func addBand(into ax: inout Axes, band: RunCurves.Band, logY: Bool, color: Color, theme: Theme,
                         animated: Bool) -> (dropped: Bool, cutAt: Int?) {
        let shown = smoothed ?? summary
        var dropped = false, cutAt: Int?
        var bx: [Double] = [], lo: [Double] = [], hi: [Double] = []
        let floor = logY ? Self.logFloor(shown) : 0
        for i in shown.x.indices {
            var (l, h) = band == .minmax ? (shown.minimum[i], shown.maximum[i])
                : (shown.mean[i] - shown.standardDeviation[i], shown.mean[i] + shown.standardDeviation[i])
            guard l.isFinite, h.isFinite, x[i].isFinite else { continue }
            if logY && h <= 0 { dropped = true; continue }
            if logY && l <= 0 {
                // A minimum ≤ 0 is a logged value ≤ 0; mean − sd ≤ 0 is the band's edge only.
                if band == .minmax { dropped = true } else if cutAt == nil { cutAt = i }
                l = floor
            }
            bx.append(x[i]); lo.append(l); hi.append(h)
        }
        if !bx.isEmpty {
            let area = AreaMark(x: bx, y1: lo, y2: hi, color: color.withAlpha(Self.bandAlpha(color, on: theme.plotBackground)), zOrder: 1)
            ax.add(area, animated: animated, as: .area(area, times: bx))
        }
        return (dropped, cutAt)
    }

    /// Far below the smallest positive value of `s` (its band edges and means): where a band cut on a log axis
    /// ends, well outside the plot.
    static func logFloor(_ s: RunGroupSummary) -> Double {
        var least = Double.infinity
        for column in [s.mean, s.minimum] { for v in column where v.isFinite && v > 0 { least = min(least, v) } }
        return least.isFinite ? max(least * 1e-9, Double.leastNormalMagnitude) : Double.leastNormalMagnitude
    }
}
