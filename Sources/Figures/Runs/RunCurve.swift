import Foundation
import RunLogs
import Viz

/// One run's series of one metric, ready to draw: x values, the logged values, the smoothed ones.
struct RunCurve {
    var run: Int
    var series: MetricSeries
    var x: XColumn
    var smoothed: [Double]?

    /// Draws the curve (the raw one faint when smoothed), its legend lines (none with `legend` false) and a
    /// cross where it diverged. Returns whether values had to be left out of a log axis, and the legend's
    /// line of numbers ("min 0.264 at step 659 · final 0.264").
    /// `animated` makes the marks grow with x (see `RunsFigure.animated`).
    func draw(into ax: inout Axes, label: String, style: Int, logY: Bool, best: BestValue, theme: Theme,
              pixels: Double, place: XPlace, animated: Bool = false, legend: Bool = true) -> (dropped: Bool, text: String) {
        let look = TrajectoryStyle(index: style, theme: theme, width: theme.lineWidth * 0.8)
        let (series, x) = (self.series, self.x)
        let values = series.values
        // A run that diverged is drawn up to the NaN or infinite values that end it (then the cross); a
        // transient NaN or inf before that is a gap in the line, marked with a ring.
        let end = series.drawnCount
        var dropped = CurvePoints.dropsValues(values[..<end], logY: logY)
        // Thinned point by point from the series' own arrays: no array of every point is built.
        let raw = CurvePoints.thinned(count: end, columns: pixels) { CurvePoints.point(x[$0], values[$0], logY: logY) }
        if let smoothed {
            var faint = look.stroke
            faint.color = look.color.withAlpha(0.28)
            faint.dash = []
            faint.width = theme.lineWidth * 0.6
            CurvePoints.addLine(LineMark(points: raw, style: faint, zOrder: 1.5), to: &ax, animated: animated)
            dropped = dropped || CurvePoints.dropsValues(smoothed[..<min(end, smoothed.count)], logY: logY)
            let s = CurvePoints.thinned(count: min(end, smoothed.count), columns: pixels) { CurvePoints.point(x[$0], smoothed[$0], logY: logY) }
            CurvePoints.addLine(LineMark(points: s, style: look.stroke, label: label, zOrder: 2), to: &ax, animated: animated)
        } else {
            CurvePoints.addLine(LineMark(points: raw, style: look.stroke, label: label, zOrder: 2), to: &ax, animated: animated)
        }
        // The legend gives the logged values (a smoothed line lags: a sparse validation curve's best would be
        // nowhere), and the value the bold smoothed line ends at.
        let described = smoothed.map { var s = series; s.values = $0; return s } ?? series
        var final = Self.annotation(series, best: best) { place.text(step: series.steps[$0], x: x[$0]) }
        if logY, Self.namesValuesOffTheLogAxis(values[..<end], best: best) { final += " (≤ 0: not on the log axis)" }
        if let smoothed { final += Self.smoothedEnd(smoothed, series: series) }
        let times = animated ? Array(x) : []
        if legend {
            ax.add(LegendLine(final), animated: animated, as: TimedMark(LegendLine(final), span: TimedMark.timeSpan(times)) { t in
                [LegendLine(Self.progress(described, x: times, count: TimedMark.revealed(times, upTo: t), best: best, place: place,
                                          smoothed: smoothed != nil))]
            })
        }
        let shownValues = smoothed ?? values
        // A cross at the step the run diverged (the one the legend names), on the frame's top edge for +∞ and
        // NaN, the bottom one for −∞: not level with the last finite value, which read as "loss 1.0 at step 4".
        if let i = series.divergenceIndex {
            var cross = ScatterMark(points: [Point(x[i], values[i])], shape: .cross, size: theme.markerSize * 1.4, color: look.color)
            cross.clipsToPlot = false  // whole, also on the edge of the view
            cross.pinsNonFiniteY = true
            ax.add(cross, animated: animated, as: .appearing(cross, at: x[i]))
        }
        let marks = Self.gapAndLoneMarks(shownValues, count: end, logY: logY)
        if !marks.rings.isEmpty {
            // A ring where each gap starts: on the curve for a NaN between drawn values, on the edge an
            // infinite value is off (see `ringValue`).
            var ring = ScatterMark(points: marks.rings.map { Point(x[$0], Self.ringValue(values, shown: shownValues, x: x, at: $0, count: end, logY: logY)) },
                                   shape: .circle, size: theme.markerSize * 1.2, color: theme.background, edge: look.color)
            ring.clipsToPlot = false
            ring.pinsNonFiniteY = true
            ax.add(ring, animated: animated, as: .appearing(ring, at: x[marks.rings[0]]))
        }
        if !marks.lone.isEmpty {
            let dots = ScatterMark(points: marks.lone.map { Point(x[$0], shownValues[$0]) }, shape: .circle,
                                   size: theme.markerSize * 0.8, color: look.color)
            ax.add(dots, animated: animated, as: .appearing(dots, at: x[marks.lone[0]]))
        }
        return (dropped, final)
    }

    /// Whether the best value (min or max) or the final finite value of `values` is ≤ 0: numbers the legend
    /// gives that a log axis does not show.
    static func namesValuesOffTheLogAxis(_ values: ArraySlice<Double>, best: BestValue) -> Bool {
        guard let last = values.last(where: \.isFinite) else { return false }
        if last <= 0 { return true }
        switch best {
        case .min: return values.contains { $0.isFinite && $0 <= 0 }
        case .max: return !values.contains { $0.isFinite && $0 > 0 }
        case .none: return false
        }
    }

    /// The drawn points of the curve from its end backwards (at most `count`, spread over its length): where
    /// a label of its final value is read best first.
    func endPoints(count: Int = 40, logY: Bool) -> [Point] {
        let shown = smoothed ?? series.values
        let n = min(series.drawnCount, shown.count, x.count)
        guard n > 0 else { return [] }
        let step = max(1, n / count)
        return stride(from: n - 1, through: 0, by: -step).map { CurvePoints.point(x[$0], shown[$0], logY: logY) }.filter { $0.y.isFinite }
    }

    /// " · smoothed final 0.767": where the smoothed line ends (nothing for a run that diverged, whose line
    /// ends at its cross).
    static func smoothedEnd(_ smoothed: [Double], series: MetricSeries) -> String {
        guard series.divergence == nil, let last = smoothed.last(where: \.isFinite) else { return "" }
        return " · smoothed final " + CurvePoints.value(last)
    }

    /// The y of the ring marking the gap that starts at `i`: the shown value where it is finite; for ±∞ the
    /// infinity (pinned to the edge the value is off); for NaN, which is on no edge, the curve's height there,
    /// interpolated in x between the drawn values either side of the gap (the first drawn value for a gap at
    /// the start; NaN, pinned to the top edge, for a gap running to the end). A one-step NaN gap at step 50 was ringed on
    /// the top edge, beside another run's runaway, far from its own curve.
    static func ringValue<X: RandomAccessCollection>(_ values: [Double], shown: [Double], x: X, at i: Int, count: Int,
                                                     logY: Bool) -> Double where X.Element == Double, X.Index == Int {
        if values[i].isFinite { return shown[i] }
        guard values[i].isNaN else { return values[i] }
        let n = min(count, shown.count, x.count)
        let drawn = { (k: Int) in shown[k].isFinite && (!logY || shown[k] > 0) }
        let before = (0..<min(i, n)).last(where: drawn), after = (min(i, n)..<n).first(where: drawn)
        switch (before, after) {
        case let (b?, a?):
            let t = x[a] == x[b] ? 0.5 : (x[i] - x[b]) / (x[a] - x[b])
            return logY ? exp(log(shown[b]) + t * (log(shown[a]) - log(shown[b]))) : shown[b] + t * (shown[a] - shown[b])
        case let (nil, a?): return shown[a]
        default: return values[i]  // a NaN tail: the run diverged, ringed on the top edge with its cross
        }
    }

    /// Among the first `count` values: `rings`, the first point of each stretch of non-finite values (drawn
    /// on the frame's edge at its step: the gap is where the value is off the scale), at most 50; `lone`, the drawable points
    /// with no drawable neighbour (a line through one point draws nothing), at most 200.
    static func gapAndLoneMarks(_ v: [Double], count: Int, logY: Bool) -> (rings: [Int], lone: [Int]) {
        let n = min(count, v.count)
        let ok = { (i: Int) in i >= 0 && i < n && v[i].isFinite && (!logY || v[i] > 0) }
        var rings: [Int] = [], lone: [Int] = []
        var i = 0
        while i < n {
            if !v[i].isFinite {
                var j = i
                while j < n && !v[j].isFinite { j += 1 }
                rings.append(i)
                if rings.count >= 50 { break }
                i = j
            } else {
                i += 1
            }
        }
        if n < 4_000_000 {
            for i in 0..<n where ok(i) && !ok(i - 1) && !ok(i + 1) {
                lone.append(i)
                if lone.count >= 200 { break }
            }
        }
        return (rings, lone)
    }

    /// The legend line while the first `count` points are drawn: "min 0.48 at step 96 · now 0.52"
    /// ("… at epoch 2.5" with --x epoch), or "diverged at step 199 (inf) · min …" once the run has diverged.
    /// `x` holds the points' x values.
    static func progress(_ s: MetricSeries, x: [Double], count: Int, best: BestValue, place: XPlace, smoothed: Bool = false) -> String {
        let n = min(count, s.count, x.count)
        guard n > 0 else { return "" }
        let shown = MetricSeries(name: s.name, steps: Array(s.steps.prefix(n)), values: Array(s.values.prefix(n)))
        let at = { (i: Int) in place.text(step: s.steps[i], x: x[i]) }
        if shown.divergence != nil || shown.transient != nil { return annotation(shown, best: best, smoothed: smoothed, at: at) }
        // The still figure's words ("min 0.48 at step 96 · final 0.5"), with the latest value "now" (where the
        // curve's head is on the x axis says when), so the row keeps its form and width on the last frame.
        var parts: [String] = []
        if best != .none, let b = shown.bestIndex(maximize: best == .max, before: n), n > 1 {
            parts.append("\(best.rawValue) " + CurvePoints.value(s.values[b]) + " at " + at(b))
        }
        parts.append("now " + CurvePoints.value(s.values[n - 1]))
        return (smoothed ? "smoothed " : "") + parts.joined(separator: " · ")
    }

    /// "min 0.264 at step 659 · final 0.264", "diverged at step 199 (∞) · min 0.97 at step 3" (the minimum
    /// before the divergence, over the points drawn), "2 non-finite points from step 40 (NaN) · min 0.01 at
    /// step 99 · final 0.0101" (a transient: gaps in the line); `at(i)` says where point i is in the
    /// quantity on the x axis ("step 659", "epoch 2.99", "85.2 s"). `smoothed` says that the values
    /// are the smoothed ones ("smoothed min … · final …"). `who` names the run that diverged (in a group).
    static func annotation(_ s: MetricSeries, best: BestValue, smoothed: Bool = false, who: String? = nil,
                           whoTransient: String? = nil, at: (Int) -> String) -> String {
        var parts: [String] = []
        if let t = s.transient {
            let v = CurvePoints.value(s.values[t.first])
            parts.append((whoTransient.map { $0 + " " } ?? "")
                + (t.count == 1 ? "non-finite at \(at(t.first)) (\(v))" : "\(t.count) non-finite points from \(at(t.first)) (\(v))"))
        }
        if let d = s.divergenceIndex {
            parts.append((who.map { $0 + " " } ?? "") + "diverged at \(at(d)) (\(CurvePoints.value(s.values[d])))")
        }
        var stats: [String] = []
        if best != .none, let b = s.bestIndex(maximize: best == .max, before: s.drawnCount) {
            stats.append("\(best.rawValue) " + CurvePoints.value(s.values[b]) + " at " + at(b))
        }
        if s.divergence == nil, let f = s.final { stats.append("final " + CurvePoints.value(f.value)) }
        if smoothed, !stats.isEmpty { stats[0] = "smoothed " + stats[0] }
        return (parts + stats).joined(separator: " · ")
    }
}

/// How a legend names where a point is: by the quantity drawn on the x axis.
struct XPlace {
    var axis: RunCurves.XAxis
    /// What the log's steps count ("step", "global_step", "epoch" for Keras, "row").
    var stepWord: String
    /// The unit of a time axis.
    var timeUnit: TimeUnit = .seconds

    /// "step 659" (the logged step), "epoch 2.99" (the epochs completed, cut to two decimals: a point
    /// short of epoch 3 never reads as 3), "85.2 s" (since the first record).
    func text(step: Int64, x: Double) -> String {
        switch axis {
        case .step: return "\(stepWord) \(step)"
        case .epoch: return "epoch " + Self.epoch(x)
        case .time: return x.isFinite ? TickFormat.short(x, significant: 3) + " " + timeUnit.symbol : "\(stepWord) \(step)"
        }
    }

    /// An epoch with at most two decimals, cut (not rounded) so that 2.999 stays in epoch 2: "3", "2.5", "2.99".
    static func epoch(_ x: Double) -> String {
        guard x.isFinite, x >= 0, x < 1e12 else { return CurvePoints.value(x) }
        let hundredths = Int64((x * 100 + 1e-7).rounded(.down))
        let whole = hundredths / 100, frac = hundredths % 100
        if frac == 0 { return "\(whole)" }
        return "\(whole)." + (frac % 10 == 0 ? "\(frac / 10)" : (frac < 10 ? "0\(frac)" : "\(frac)"))
    }
}

extension MetricSeries {
    /// The largest finite value and its first step.
    var maximum: (step: Int64, value: Double)? {
        bestIndex(maximize: true).map { (steps[$0], values[$0]) }
    }

    /// The points drawn: those before the divergence (every point when there is none; a transient NaN or
    /// inf before it is a gap).
    var drawnCount: Int { divergenceIndex ?? values.count }

    /// The index of the first smallest (largest with `maximize`) finite value among the first `before`.
    func bestIndex(maximize: Bool, before: Int? = nil) -> Int? {
        var best: Int?
        for (i, v) in values.prefix(before ?? values.count).enumerated() where v.isFinite {
            if let b = best { if maximize ? v > values[b] : v < values[b] { best = i } } else { best = i }
        }
        return best
    }
}

/// Point building and thinning shared by run and group curves.
enum CurvePoints {
    /// Points (x, y); non-finite y, and y ≤ 0 on a log axis, become gaps (NaN).
    static func points(_ x: [Double], _ y: [Double], logY: Bool, dropped: inout Bool) -> [Point] {
        dropped = dropped || dropsValues(y[...], logY: logY)
        return zip(x, y).map { point($0, $1, logY: logY) }
    }

    /// The point (x, y), or a gap (y NaN) where y is not finite, x is not, or y ≤ 0 on a log axis.
    @inline(__always)
    static func point(_ x: Double, _ y: Double, logY: Bool) -> Point {
        !y.isFinite || !x.isFinite || (logY && y <= 0) ? Point(x, .nan) : Point(x, y)
    }

    /// Whether a log axis must leave out some finite values (those ≤ 0).
    static func dropsValues(_ y: ArraySlice<Double>, logY: Bool) -> Bool {
        logY && y.contains { $0.isFinite && $0 <= 0 }
    }

    /// At most about 4 points per pixel column: each run of `count / (columns)` points keeps its first,
    /// smallest, largest and last point (in their order), and any gap.
    static func thin(_ p: [Point], columns: Double) -> [Point] {
        thinned(count: p.count, columns: columns) { p[$0] }
    }

    /// `thin` over the points `point(0)`, …, `point(count − 1)`, made one at a time (a 10⁷-point series
    /// never exists as an array of points).
    static func thinned(count: Int, columns: Double, point: (Int) -> Point) -> [Point] {
        let buckets = max(64, Int(columns))
        guard count > 4 * buckets else { return (0..<count).map(point) }
        let per = (count + buckets - 1) / buckets
        var out: [Point] = []
        out.reserveCapacity(4 * buckets + 8)
        var start = 0
        while start < count {
            let end = min(count, start + per)
            var lo: (Int, Point)?, hi: (Int, Point)?, gap: (Int, Point)?
            for i in start..<end {
                let q = point(i)
                if q.y.isNaN { if gap == nil { gap = (i, q) }; continue }
                if let l = lo, !(q.y < l.1.y) {} else { lo = (i, q) }
                if let h = hi, !(q.y > h.1.y) {} else { hi = (i, q) }
            }
            var keep: [(Int, Point)] = [(start, point(start)), (end - 1, point(end - 1))]
            for extra in [lo, hi, gap] { if let extra { keep.append(extra) } }
            keep.sort { $0.0 < $1.0 }
            var last = -1
            for (i, q) in keep where i != last { out.append(q); last = i }
            start = end
        }
        return out
    }

    /// Adds `line`, growing with x in an animation.
    static func addLine(_ line: LineMark, to ax: inout Axes, animated: Bool) {
        ax.add(line, animated: animated, as: .line(line, times: line.points.map(\.x)))
    }

    /// A value for a legend: three significant digits, trailing zeros kept where the value was rounded
    /// (0.11996 is "0.120", beside "0.108"), so a legend's numbers all show one precision; a value with
    /// fewer digits (to one part in 10⁶) is shown as it is (0.5).
    static func value(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "−∞" : "∞" }
        let short = TickFormat.short(v, significant: 3)
        // Exact to float32's and the arithmetic's rounding (a mean of 0.4 and 0.8, a float32 0.1): as it is.
        guard !short.contains("×"), let shown = Double(short.replacingOccurrences(of: "−", with: "-")),
              abs(shown - v) > 1e-6 * abs(v) else { return short }
        var e = Int(log10(abs(v)).rounded(.down))
        if (abs(v) / pow(10, Double(e - 2))).rounded() >= 1000 { e += 1 }
        return TickFormat.fixed(v, max(0, 2 - e))
    }
}
