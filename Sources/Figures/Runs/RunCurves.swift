import Foundation
import RunLogs

/// The curves `dlplot runs` draws, as plain values: which metrics, against what, smoothed how, and
/// how runs are grouped. Everything here is pure: logs in, series out.
public struct RunCurves: Sendable {
    /// The quantity on the x axis.
    public enum XAxis: String, Sendable, CaseIterable {
        /// The logged step (for a Keras log, the epoch).
        case step
        /// The epochs completed at each step, fractional (an `epoch` column or tag; see `EpochMap`): Keras'
        /// epoch e and Lightning's end-of-epoch-e validation are both at e + 1.
        case epoch
        /// Seconds since the run's first record (wall time of each point).
        case time
    }

    /// What the band around a group's mean shows.
    public enum Band: String, Sendable, CaseIterable {
        /// From the smallest to the largest value of the runs at each step.
        case minmax
        /// The mean ± one population standard deviation (divided by the number of runs, ddof = 0).
        case sd
    }

    /// Metric names matching `patterns` (shell globs: `*`, `?`, `[…]`), in the order of the patterns, each
    /// pattern's matches in order of first appearance across `runs`. With no patterns: every metric whose name contains "loss", else every metric.
    /// - Throws: `RunLogError` naming a file none of whose metrics match, or a pattern nothing matches.
    public static func selectMetrics(_ patterns: [String], in runs: [RunLog]) throws(RunLogError) -> [String] {
        var all: [String] = []
        var seen = Set<String>()
        for run in runs { for m in run.metrics where seen.insert(m.name).inserted { all.append(m.name) } }
        if patterns.isEmpty {
            let losses = all.filter { $0.lowercased().contains("loss") }
            return losses.isEmpty ? all : losses
        }
        for p in patterns where !all.contains(where: { Glob.matches(p, $0) }) {
            let file = runs.count == 1 ? runs[0].source : runs.map(\.source).joined(separator: ", ")
            throw RunLogError(file: file, "no metric matches --y '\(p)'; the log has "
                + Self.listing(all))
        }
        for run in runs where !run.metrics.contains(where: { m in patterns.contains { Glob.matches($0, m.name) } }) {
            throw RunLogError(file: run.source, "no metric matches --y '\(patterns.joined(separator: ","))'; "
                + "it has " + Self.listing(run.metrics.map(\.name)))
        }
        // Panels in the order of the patterns (`--y 'val_*,train_loss'`), each pattern's matches in log order.
        var out: [String] = []
        for p in patterns { for m in all where Glob.matches(p, m) && !out.contains(m) { out.append(m) } }
        return out
    }

    /// "a, b, c", or the first twelve and "… (n in all)".
    public static func listing(_ names: [String]) -> String {
        names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + ", … (\(names.count) in all)"
    }

    /// The x value of every point of `series` of `run`.
    /// - Throws: `RunLogError` when the run has no epochs (for `.epoch`) or no wall times (for `.time`).
    public static func xValues(_ series: MetricSeries, of run: RunLog, axis: XAxis) throws(RunLogError) -> [Double] {
        Array(try xColumn(series, of: run, axis: axis))
    }

    /// `xValues` computed when read: no array of 10⁷ values for a 10⁷-point series.
    /// - Throws: as `xValues`.
    /// - Parameter timeUnit: for `.time`, the seconds in the unit drawn (60 for minutes, 3600 for hours).
    public static func xColumn(_ series: MetricSeries, of run: RunLog, axis: XAxis, timeUnit: Double = 1) throws(RunLogError) -> XColumn {
        switch axis {
        case .step:
            return XColumn(.steps(series.steps))
        case .epoch:
            // Keras' epoch e holds the metrics at the end of its (e + 1)-th epoch (its printout says
            // "Epoch e+1/N"): e + 1 epochs completed, as every epoch axis counts (see `EpochMap`).
            if run.stepAxis == "epoch" { return XColumn(.completedEpochs(series.steps)) }
            guard let epochs = run.epochs else {
                throw RunLogError(file: run.source, "has no epoch column or tag; expected one for --x epoch (or use --x step)")
            }
            return XColumn(.epochs(EpochMap(epochs), series.steps))
        case .time:
            guard !series.wallTimes.isEmpty, let t0 = Self.startTime(of: run) else {
                throw RunLogError(file: run.source, "records no wall time; expected a time column "
                    + "(wall_time, time, timestamp) or an event file for --x time")
            }
            guard !run.metrics.contains(where: { $0.wallTimes.contains(where: \.isNaN) }) else {
                throw RunLogError(file: run.source, "has times that are neither seconds since 1970 nor ISO-8601 date-times "
                    + "(such as 2024-05-01T12:00:00Z); expected one of these for --x time")
            }
            return XColumn(.times(series.wallTimes, t0, timeUnit))
        }
    }

    /// The earliest wall time of any point of the run.
    static func startTime(of run: RunLog) -> Double? {
        run.metrics.compactMap { $0.wallTimes.min() }.min()
    }

    /// The group key of a run name: the name (without a log file's extension: .csv, .tsv, .json, .jsonl,
    /// .ndjson, .txt, .log) with the first match of `pattern` removed and the separators left at the cut
    /// trimmed ("adam-seed2.csv" with `seed\d+` → "adam"). When nothing is left ("seed2.csv"), the pattern as
    /// typed (`source`) names the group, else the name.
    public static func groupKey(_ name: String, pattern: Regex<AnyRegexOutput>, source: String? = nil) -> String {
        let stem = logStem(name)
        guard let m = stem.firstMatch(of: pattern) ?? name.firstMatch(of: pattern) else { return name }
        var key = stem.firstMatch(of: pattern) != nil ? stem : name
        key.removeSubrange(m.range)
        let separators = CharacterSet(charactersIn: "-_.,:/ =")
        key = key.trimmingCharacters(in: separators).replacingOccurrences(of: "--", with: "-")
            .replacingOccurrences(of: "__", with: "_").replacingOccurrences(of: "/-", with: "/")
            .replacingOccurrences(of: "/_", with: "/")
        return key.isEmpty ? (source ?? name) : key
    }

    /// A run name without a log file's extension ("seed1.csv" → "seed1").
    static func logStem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        let ext = name[name.index(after: dot)...].lowercased()
        return ["csv", "tsv", "json", "jsonl", "ndjson", "txt", "log"].contains(ext) ? String(name[..<dot]) : name
    }

    /// Indices of `names` grouped by `groupKey`, groups in order of first appearance.
    public static func groups(_ names: [String], pattern: Regex<AnyRegexOutput>, source: String? = nil) -> [(key: String, members: [Int])] {
        var out: [(key: String, members: [Int])] = []
        for (i, n) in names.enumerated() {
            let k = groupKey(n, pattern: pattern, source: source)
            if let j = out.firstIndex(where: { $0.key == k }) { out[j].members.append(i) } else { out.append((k, [i])) }
        }
        return out
    }
}

/// The x value of each point of a series, worked out when read from the series' own columns (steps,
/// the run's epoch map, or wall times less the run's first one).
public struct XColumn: RandomAccessCollection, Sendable {
    enum Source: Sendable {
        case steps(StepColumn)
        /// A Keras log's epochs (its steps), as epochs completed: e + 1.
        case completedEpochs(StepColumn)
        case epochs(EpochMap, StepColumn)
        /// Wall times, the run's first one, the seconds in the unit drawn.
        case times([Double], Double, Double)
    }

    let source: Source
    public let startIndex = 0
    public let endIndex: Int

    init(_ source: Source) {
        self.source = source
        switch source {
        case let .steps(s), let .completedEpochs(s), let .epochs(_, s): endIndex = s.count
        case let .times(t, _, _): endIndex = t.count
        }
    }

    public subscript(i: Int) -> Double {
        switch source {
        case let .steps(s): Double(s[i])
        case let .completedEpochs(s): Double(s[i]) + 1
        case let .epochs(map, s): map.epoch(at: s[i])
        case let .times(t, t0, unit): unit == 1 ? t[i] - t0 : (t[i] - t0) / unit
        }
    }

    /// The x of point i in the log's own unit: seconds for times (whatever unit is drawn).
    public func logged(_ i: Int) -> Double {
        if case let .times(t, t0, _) = source { return t[i] - t0 }
        return self[i]
    }

    /// The x, in the log's own unit, of a point at `step` logged at wall time `time` (for the points of a
    /// long series that the column does not hold; see `MetricSeries.full`).
    public func logged(step: Int64, time: Double) -> Double {
        switch source {
        case .steps: Double(step)
        case .completedEpochs: Double(step) + 1
        case let .epochs(map, _): map.epoch(at: step)
        case let .times(_, t0, _): time - t0
        }
    }
}

/// The unit of a time axis, picked from the span so that its numbers read as people say durations:
/// seconds up to 5 minutes, minutes up to 5 hours, hours up to 3 days, then days.
public enum TimeUnit: Double, Sendable {
    case seconds = 1, minutes = 60, hours = 3600, days = 86400

    public static func pick(span: Double) -> TimeUnit {
        span <= 300 ? .seconds : span <= 5 * 3600 ? .minutes : span <= 3 * 86400 ? .hours : .days
    }

    /// "s", "min", "h", "d".
    public var symbol: String {
        switch self {
        case .seconds: "s"
        case .minutes: "min"
        case .hours: "h"
        case .days: "d"
        }
    }
}

/// Shell-style glob matching for metric names with POSIX `fnmatch` (`*`, `?`, `[…]`; `*` also
/// matches `/`, so `*loss` matches `train/loss`).
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
