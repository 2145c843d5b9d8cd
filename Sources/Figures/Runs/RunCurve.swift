import RunLogs
import Viz

/// One run's series of one metric, ready to draw: x values, the logged values, the smoothed ones.
struct RunCurve {
    var run: Int
    var series: MetricSeries
    var x: [Double]
    var smoothed: [Double]?

    /// Draws the curve (the raw one faint when smoothed), its legend lines and a cross where it
    /// diverged. Returns whether values had to be left out of a log axis.
    /// `animated` makes the marks grow with x (see `RunsFigure.animated`).
    func draw(into ax: inout Axes, label: String, style: Int, logY: Bool, maximize: Bool, theme: Theme,
              pixels: Double, stepWord: String, animated: Bool = false) -> Bool {
        let look = TrajectoryStyle(index: style, theme: theme, width: theme.lineWidth * 0.8)
        var dropped = false
        let raw = CurvePoints.points(x, series.values, logY: logY, dropped: &dropped)
        if let smoothed {
            var faint = look.stroke
            faint.color = look.color.withAlpha(0.28)
            faint.dash = []
            faint.width = theme.lineWidth * 0.6
            CurvePoints.addLine(LineMark(points: CurvePoints.thin(raw, columns: pixels), style: faint, zOrder: 1.5), to: &ax, animated: animated)
            let s = CurvePoints.points(x, smoothed, logY: logY, dropped: &dropped)
            CurvePoints.addLine(LineMark(points: CurvePoints.thin(s, columns: pixels), style: look.stroke, label: label, zOrder: 2),
                                to: &ax, animated: animated)
        } else {
            CurvePoints.addLine(LineMark(points: CurvePoints.thin(raw, columns: pixels), style: look.stroke, label: label, zOrder: 2),
                                to: &ax, animated: animated)
        }
        let final = Self.annotation(series, maximize: maximize, stepWord: stepWord)
        let (series, x) = (self.series, self.x)
        ax.add(LegendLine(final), animated: animated, as: TimedMark(LegendLine(final), span: TimedMark.timeSpan(x)) { t in
            [LegendLine(Self.progress(series, count: TimedMark.revealed(x, upTo: t), maximize: maximize, stepWord: stepWord))]
        })
        // A cross on the last drawable point before the divergence.
        if let i = series.values.firstIndex(where: { !$0.isFinite }),
           let j = series.values[..<i].lastIndex(where: { $0.isFinite && (!logY || $0 > 0) }) {
            let cross = ScatterMark(points: [Point(x[j], series.values[j])], shape: .cross, size: theme.markerSize * 1.4, color: look.color)
            ax.add(cross, animated: animated, as: .appearing(cross, at: x[i]))
        }
        return dropped
    }

    /// The legend line while the first `count` points are drawn: "step 120: 0.52 · min 0.48 at step 96", or
    /// "diverged at step 199 (inf) · min …" once the run has diverged.
    static func progress(_ s: MetricSeries, count: Int, maximize: Bool, stepWord: String) -> String {
        let n = min(count, s.count)
        guard n > 0 else { return "" }
        let shown = MetricSeries(name: s.name, steps: Array(s.steps.prefix(n)), values: Array(s.values.prefix(n)))
        if shown.divergence != nil { return annotation(shown, maximize: maximize, stepWord: stepWord) }
        var text = "\(stepWord) \(s.steps[n - 1]): " + CurvePoints.value(s.values[n - 1])
        if let b = maximize ? shown.maximum : shown.minimum, n > 1 {
            text += (maximize ? " · max " : " · min ") + CurvePoints.value(b.value) + " at \(stepWord) \(b.step)"
        }
        return text
    }

    /// "min 0.264 at step 659 · final 0.264", "diverged at step 199 · min 0.97 at step 3".
    static func annotation(_ s: MetricSeries, maximize: Bool, stepWord: String) -> String {
        var parts: [String] = []
        if let d = s.divergence { parts.append("diverged at \(stepWord) \(d.step) (\(CurvePoints.value(d.value)))") }
        let best = maximize ? s.maximum : s.minimum
        if let b = best { parts.append((maximize ? "max " : "min ") + CurvePoints.value(b.value) + " at \(stepWord) \(b.step)") }
        if s.divergence == nil, let f = s.final { parts.append("final " + CurvePoints.value(f.value)) }
        return parts.joined(separator: " · ")
    }
}

extension MetricSeries {
    /// The largest finite value and its first step.
    var maximum: (step: Int64, value: Double)? {
        var best: Int?
        for (i, v) in values.enumerated() where v.isFinite {
            if let b = best { if v > values[b] { best = i } } else { best = i }
        }
        return best.map { (steps[$0], values[$0]) }
    }
}

/// Point building and thinning shared by run and group curves.
enum CurvePoints {
    /// Points (x, y); non-finite y, and y ≤ 0 on a log axis, become gaps (NaN).
    static func points(_ x: [Double], _ y: [Double], logY: Bool, dropped: inout Bool) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(min(x.count, y.count))
        for (a, b) in zip(x, y) {
            if !b.isFinite || !a.isFinite { out.append(Point(a, .nan)); continue }
            if logY && b <= 0 { dropped = true; out.append(Point(a, .nan)); continue }
            out.append(Point(a, b))
        }
        return out
    }

    /// At most about 4 points per pixel column: each run of `count / (columns)` points keeps its first,
    /// smallest, largest and last point (in their order), and any gap.
    static func thin(_ p: [Point], columns: Double) -> [Point] {
        let buckets = max(64, Int(columns))
        guard p.count > 4 * buckets else { return p }
        let per = (p.count + buckets - 1) / buckets
        var out: [Point] = []
        out.reserveCapacity(4 * buckets + 8)
        var start = 0
        while start < p.count {
            let end = min(p.count, start + per)
            var lo = start, hi = start, gap: Int?
            for i in start..<end {
                if p[i].y.isNaN { gap = gap ?? i; continue }
                if p[lo].y.isNaN || p[i].y < p[lo].y { lo = i }
                if p[hi].y.isNaN || p[i].y > p[hi].y { hi = i }
            }
            var keep = Set([start, lo, hi, end - 1])
            if let gap { keep.insert(gap) }
            for i in keep.sorted() { out.append(p[i]) }
            start = end
        }
        return out
    }

    /// Adds `line`, growing with x in an animation.
    static func addLine(_ line: LineMark, to ax: inout Axes, animated: Bool) {
        ax.add(line, animated: animated, as: .line(line, times: line.points.map(\.x)))
    }

    /// A value for a legend: three significant digits.
    static func value(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "−∞" : "∞" }
        return TickFormat.short(v, significant: 3)
    }
}
