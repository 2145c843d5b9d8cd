import Foundation

/// Collects points metric by metric while a reader streams a log, applying the rules every format
/// shares:
///
/// - **Joined by step.** Each point belongs to its metric at its step; rows or records are never
///   matched by position, so sparse logs (Lightning writes train and validation values on separate
///   rows) come out right.
/// - **Same step again.** The later value replaces the earlier one (the last write wins); a note
///   tells how many values were replaced, in which metrics.
/// - **Step going back (a resumed run).** When a metric logs a step lower than its last one, the run
///   was restarted from a checkpoint: the points at that step and after it are dropped and the new
///   ones follow, as TensorBoard does on a restart. A note tells how many points were replaced.
/// - **NaN and ±inf** are kept: a divergence is a result, not an error.
/// - **Text columns split the metrics.** A point may come with the values of the log's text columns
///   named in `splitColumns` (a `phase` column holding train and val, a `split`, a `stage`): each
///   combination is a metric of its own, named by the texts that differ between series and the metric,
///   `train/loss` and `val/loss` (TensorBoard's way of naming such tags). A text column that holds one
///   value throughout names nothing. Other text columns are ignored, with a note.
struct RunLogBuilder {
    /// The most distinct text combinations a log may split its metrics into.
    static let maximumSplits = 256
    /// The names (any case) of the text columns that split metrics.
    static let splitColumns: Set<String> = ["phase", "split", "stage", "mode", "subset", "partition", "set", "fold"]
    private var order: [String] = []
    private var index: [String: Int] = [:]
    private var series: [MetricSeries] = []
    /// Each series' text columns and values (empty for a log without text columns).
    private var splits: [[(column: String, value: String)]] = []
    private var splitKeys = Set<[String]>()
    private var replaced: [Int] = []
    /// How many values each series logged again at the step it had just logged (replaced by the later).
    private var repeated: [Int] = []
    /// Whether each series is the log's epoch column (see `append`).
    private var isEpoch: [Bool] = []
    private var restarts: [Int] = []
    /// The series that grew long, kept as `LongSeries` (nil for the others).
    private var long: [LongSeries?] = []
    private let recordsTime: Bool
    private let longAt: Int
    /// Why no temporary file could be written for a long series, once one could not: the series stay in
    /// memory (exact), and none is tried again (each try copied the whole series: a 400 000-point log spun).
    private var spillFailure: String?

    /// The points past which a series is kept as a `LongSeries` (a temporary file and the points a plot
    /// needs) rather than in memory: 2¹⁷ (3 MB of steps, values and times), or `DLPLOT_LONG_SERIES_POINTS`.
    static let longSeriesPoints: Int = {
        let text = ProcessInfo.processInfo.environment["DLPLOT_LONG_SERIES_POINTS"] ?? ""
        return Int(text).map { max($0, 2) } ?? 1 << 17
    }()

    /// - Parameter longAt: the points past which a series is kept as a `LongSeries`.
    init(recordsTime: Bool, longAt: Int = RunLogBuilder.longSeriesPoints) {
        self.recordsTime = recordsTime
        self.longAt = max(longAt, 2)
    }

    /// Adds one point; `time` is ignored when the builder does not record time.
    mutating func append(_ name: String, step: Int64, value: Double, time: Double = 0,
                         precision: LoggedPrecision = .float64) {
        append(to: series(named: name, precision: precision), step: step, value: value, time: time, precision: precision)
    }

    /// The index of the metric called `name`, added (empty) if new: readers that know their columns look
    /// it up once, not once per value.
    mutating func series(named name: String, precision: LoggedPrecision = .float64) -> Int {
        series(named: name, split: [], precision: precision)
    }

    /// The index of the metric `name` at the text values `split` (see the type's rules), added if new.
    mutating func series(named name: String, split: [(column: String, value: String)],
                         precision: LoggedPrecision = .float64) -> Int {
        let key = split.isEmpty ? name : split.map { $0.column + "\u{1}" + $0.value }.joined(separator: "\u{0}") + "\u{0}" + name
        if let existing = index[key] { return existing }
        let k = series.count
        index[key] = k
        order.append(name)
        series.append(MetricSeries(name: name, steps: StepColumn(), values: [], precision: precision))
        isEpoch.append(name == "epoch" && split.isEmpty)
        splits.append(split)
        splitKeys.insert(split.map(\.value))
        replaced.append(0); repeated.append(0); restarts.append(0); long.append(nil)
        return k
    }

    /// How many distinct text combinations split the metrics so far.
    var splitCount: Int { splitKeys.count }

    /// Adds one point to the metric `k` (from `series(named:)`).
    mutating func append(to k: Int, step: Int64, value: Double, time: Double = 0, precision: LoggedPrecision = .float64) {
        if precision == .float64 { series[k].precision = .float64 }
        if long[k] != nil {
            let r = long[k]?.append(SpillFile.Point(step: step, value: value, time: recordsTime ? time : 0)) ?? (dropped: 0, wentBack: false)
            if r.wentBack { replaced[k] += r.dropped; restarts[k] += 1 } else if !isEpoch[k] { repeated[k] += r.dropped }
            return
        }
        if let last = series[k].steps.last, step <= last {
            let keep = firstIndex(notBelow: step, in: series[k].steps)
            let dropped = series[k].steps.count - keep
            if step < last { replaced[k] += dropped; restarts[k] += 1 } else if !isEpoch[k] { repeated[k] += dropped }
            series[k].steps.removeSuffix(from: keep)
            series[k].values.removeSubrange(keep...)
            if recordsTime { series[k].wallTimes.removeSubrange(keep...) }
        } else if isEpoch[k], series[k].count >= 2, series[k].values[series[k].count - 1] == value,
                  series[k].values[series[k].count - 2] == value {
            // The epoch holds over many steps: keep the first and last step of each epoch only (every map
            // from steps to epochs reads the same from them), so a 10⁷-row log's epoch column costs nothing.
            series[k].steps.setLast(step)
            if recordsTime { series[k].wallTimes[series[k].count - 1] = time }
            return
        }
        series[k].steps.append(step)
        series[k].values.append(value)
        if recordsTime { series[k].wallTimes.append(time) }
        if series[k].count > longAt, !isEpoch[k] { makeLong(k) }
    }

    /// Hands the series `k` over to a `LongSeries` (unless no temporary file can be written: then it stays).
    private mutating func makeLong(_ k: Int) {
        guard spillFailure == nil else { return }
        let l = LongSeries(steps: series[k].steps, values: series[k].values, times: series[k].wallTimes)
        guard l.isSpilled else {
            spillFailure = l.points.failure ?? "write failed"
            return
        }
        long[k] = l
        series[k].steps = StepColumn()
        series[k].values = []
        series[k].wallTimes = []
    }

    /// How many values of the metrics (not the epoch column) were logged again at the same step.
    var repeatedValues: Int { repeated.reduce(0, +) }

    var isEmpty: Bool { series.indices.allSatisfy { series[$0].steps.isEmpty && long[$0] == nil } }

    /// The last step of the metric `k`, if it has one.
    func lastStep(of k: Int) -> Int64? { long[k]?.lastStep ?? series[k].steps.last }

    /// Makes room at once for the points a log of about `rows` records will hold, each metric in the
    /// proportion of the first `seen` records that had it, so the columns grow without the doubling
    /// copies of `append` (each would briefly hold the old and the new buffer: twice the memory).
    mutating func reserve(rows: Int, seen: Int) {
        guard seen > 0, rows > seen else { return }
        for k in series.indices {
            // Never past the point where the series becomes a `LongSeries`.
            let n = min(Int(Double(series[k].count) / Double(seen) * Double(rows) * 1.05) + 64, longAt + 1)
            guard !isEpoch[k], long[k] == nil, n > series[k].values.capacity else { continue }
            series[k].steps.reserveCapacity(n)
            series[k].values.reserveCapacity(n)
            if recordsTime { series[k].wallTimes.reserveCapacity(n) }
        }
    }

    /// The finished run; the `epoch` metric, when present, becomes the run's epoch axis.
    func build(name: String, source: String, format: LogFormat, notes: [String]) -> RunLog {
        var notes = notes
        var series = series
        for k in series.indices {
            guard var l = long[k] else { continue }
            let done = l.finish()
            series[k].steps = done.steps
            series[k].values = done.values
            series[k].wallTimes = recordsTime ? done.times : []
            series[k].full = done.all
        }
        var metrics: [MetricSeries] = []
        var epochs: MetricSeries?
        let names = splitNames()
        if names != series.map(\.name) {
            let columns = varyingColumns()
            notes.append("column(s) \(columns.map { "'\($0)'" }.joined(separator: ", ")) split the metrics: "
                + zip(names, series.map(\.name)).filter { $0 != $1 }.map(\.0).prefix(8).joined(separator: ", ")
                + (names.count > 8 ? ", …" : ""))
        }
        for (k, var s) in series.enumerated() {
            s.name = names[k]
            if s.name == "epoch" { epochs = s } else { metrics.append(s) }
        }
        if let note = restartNote(names) { notes.append(note) }
        if let note = repeatNote(names) { notes.append(note) }
        if let why = spillFailure {
            notes.append("no temporary file could be made (\(why)): the long series are kept in memory; "
                + "set TMPDIR to a writable directory to keep memory bounded")
        }
        return RunLog(name: name, source: source, format: format, metrics: metrics,
                      epochs: epochs, notes: notes)
    }

    /// One note for a resumed run (steps going back): how often, in which metrics, how many points replaced
    /// ("the run restarts 1 time at an earlier step (train_loss); 26 earlier points replaced by the resumed
    /// run's"); the epoch axis counts only when no metric restarts.
    private func restartNote(_ names: [String]) -> String? {
        let restarting = names.indices.filter { restarts[$0] > 0 }
        let metrics = restarting.filter { names[$0] != "epoch" }
        let counted = metrics.isEmpty ? restarting : metrics
        guard let times = counted.map({ restarts[$0] }).max() else { return nil }
        let points = counted.reduce(0) { $0 + replaced[$1] }
        let listed = counted.prefix(6).map { names[$0] }.joined(separator: ", ") + (counted.count > 6 ? ", …" : "")
        return "the run restarts \(times) time\(times == 1 ? "" : "s") at an earlier step (\(listed)); \(points) earlier "
            + "point\(points == 1 ? "" : "s") replaced by the resumed run's"
    }

    /// One note for values logged again at a step a metric already had ("45 values logged again at a step
    /// already logged (loss) replaced by the later ones").
    private func repeatNote(_ names: [String]) -> String? {
        let metrics = names.indices.filter { repeated[$0] > 0 }
        guard !metrics.isEmpty else { return nil }
        let n = repeatedValues
        let listed = metrics.prefix(6).map { names[$0] }.joined(separator: ", ") + (metrics.count > 6 ? ", …" : "")
        return "\(n) value\(n == 1 ? "" : "s") logged again at a step already logged (\(listed)) replaced by the later "
            + "one\(n == 1 ? "" : "s") (the last write wins)"
    }

    /// The text columns whose values differ between series, in order of first appearance.
    private func varyingColumns() -> [String] {
        var values: [String: Set<String>] = [:]
        var order: [String] = []
        for split in splits {
            for (c, v) in split {
                if values[c] == nil { order.append(c) }
                values[c, default: []].insert(v)
            }
        }
        // A column missing from some series counts as differing there (an empty text).
        for c in order where splits.contains(where: { !$0.contains { $0.column == c } }) { values[c]?.insert("") }
        return order.filter { (values[$0]?.count ?? 0) > 1 }
    }

    /// Each series' final name: its values in the varying text columns, then the metric (`val/loss`).
    private func splitNames() -> [String] {
        let columns = varyingColumns()
        guard !columns.isEmpty else { return series.map(\.name) }
        return series.indices.map { k in
            let parts = columns.compactMap { c in splits[k].first { $0.column == c }?.value }.filter { !$0.isEmpty }
            return (parts + [series[k].name]).joined(separator: "/")
        }
    }

    private func firstIndex(notBelow step: Int64, in steps: StepColumn) -> Int {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid] < step { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
