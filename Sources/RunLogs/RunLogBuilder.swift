/// Collects points metric by metric while a reader streams a log, applying the rules every format
/// shares:
///
/// - **Joined by step.** Each point belongs to its metric at its step; rows or records are never
///   matched by position, so sparse logs (Lightning writes train and validation values on separate
///   rows) come out right.
/// - **Same step again.** The later value replaces the earlier one (the last write wins).
/// - **Step going back (a resumed run).** When a metric logs a step lower than its last one, the run
///   was restarted from a checkpoint: the points at that step and after it are dropped and the new
///   ones follow, as TensorBoard does on a restart. A note tells how many points were replaced.
/// - **NaN and ±inf** are kept: a divergence is a result, not an error.
struct RunLogBuilder {
    private var order: [String] = []
    private var index: [String: Int] = [:]
    private var series: [MetricSeries] = []
    private var replaced: [Int] = []
    private var restarts: [Int] = []
    private let recordsTime: Bool

    init(recordsTime: Bool) { self.recordsTime = recordsTime }

    /// Adds one point; `time` is ignored when the builder does not record time.
    mutating func append(_ name: String, step: Int64, value: Double, time: Double = 0,
                         precision: LoggedPrecision = .float64) {
        append(to: series(named: name, precision: precision), step: step, value: value, time: time, precision: precision)
    }

    /// The index of the metric called `name`, added (empty) if new: readers that know their columns look
    /// it up once, not once per value.
    mutating func series(named name: String, precision: LoggedPrecision = .float64) -> Int {
        if let existing = index[name] { return existing }
        let k = series.count
        index[name] = k
        order.append(name)
        series.append(MetricSeries(name: name, steps: [], values: [], precision: precision))
        replaced.append(0); restarts.append(0)
        return k
    }

    /// Adds one point to the metric `k` (from `series(named:)`).
    mutating func append(to k: Int, step: Int64, value: Double, time: Double = 0, precision: LoggedPrecision = .float64) {
        if let last = series[k].steps.last, step <= last {
            let keep = firstIndex(notBelow: step, in: series[k].steps)
            let dropped = series[k].steps.count - keep
            if step < last { replaced[k] += dropped; restarts[k] += 1 }
            series[k].steps.removeSubrange(keep...)
            series[k].values.removeSubrange(keep...)
            if recordsTime { series[k].wallTimes.removeSubrange(keep...) }
        }
        series[k].steps.append(step)
        series[k].values.append(value)
        if recordsTime { series[k].wallTimes.append(time) }
        if precision == .float64 { series[k].precision = .float64 }
    }

    var isEmpty: Bool { series.allSatisfy { $0.steps.isEmpty } }

    /// Makes room at once for the points a log of about `rows` records will hold, each metric in the
    /// proportion of the first `seen` records that had it, so the columns grow without the doubling
    /// copies of `append` (each would briefly hold the old and the new buffer: twice the memory).
    mutating func reserve(rows: Int, seen: Int) {
        guard seen > 0, rows > seen else { return }
        for k in series.indices {
            let n = Int(Double(series[k].count) / Double(seen) * Double(rows) * 1.05) + 64
            guard n > series[k].steps.capacity else { continue }
            series[k].steps.reserveCapacity(n)
            series[k].values.reserveCapacity(n)
            if recordsTime { series[k].wallTimes.reserveCapacity(n) }
        }
    }

    /// The finished run; the `epoch` metric, when present, becomes the run's epoch axis.
    func build(name: String, source: String, format: LogFormat, notes: [String]) -> RunLog {
        var notes = notes
        var metrics: [MetricSeries] = []
        var epochs: MetricSeries?
        for (k, s) in series.enumerated() {
            if restarts[k] > 0 {
                notes.append("\(s.name): the run restarts \(restarts[k]) time(s) at an earlier step; "
                    + "\(replaced[k]) earlier point(s) replaced by the resumed run's")
            }
            if s.name == "epoch" { epochs = s } else { metrics.append(s) }
        }
        return RunLog(name: name, source: source, format: format, metrics: metrics,
                      epochs: epochs, notes: notes)
    }

    private func firstIndex(notBelow step: Int64, in steps: [Int64]) -> Int {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid] < step { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
