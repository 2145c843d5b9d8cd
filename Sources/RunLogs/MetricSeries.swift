/// One scalar metric of a run: points (step, value), steps strictly increasing.
///
/// `values` may hold NaN or ±inf: a run that diverged keeps them, and `divergence` tells where.
public struct MetricSeries: Sendable {
    /// The metric's name: a CSV column, a JSON key (nested keys joined by `/`), or a TensorBoard tag.
    public var name: String
    /// Steps, strictly increasing (held as a progression while they are one: see `StepColumn`).
    public var steps: StepColumn
    /// Values at `steps`, exactly as logged.
    public var values: [Double]
    /// Wall-clock time of each point in seconds since the Unix epoch (or the log's own time origin);
    /// empty when the log records no time.
    public var wallTimes: [Double]
    /// How the values were logged.
    public var precision: LoggedPrecision
    /// Every logged point of a long series (more than `RunLogBuilder.longSeriesPoints`), whose `steps`,
    /// `values` and `wallTimes` then hold only the points a plot needs (see `StepBuckets`: the minimum,
    /// maximum, final value and divergence are among them); nil when those hold every point.
    public var full: SpilledPoints?

    /// How many points were logged (`count` unless the series is long).
    public var loggedCount: Int { full?.count ?? count }

    public init(name: String, steps: StepColumn, values: [Double], wallTimes: [Double] = [],
                precision: LoggedPrecision = .float64) {
        self.name = name; self.steps = steps; self.values = values
        self.wallTimes = wallTimes; self.precision = precision
    }

    public init(name: String, steps: [Int64], values: [Double], wallTimes: [Double] = [],
                precision: LoggedPrecision = .float64) {
        self.init(name: name, steps: StepColumn(steps), values: values, wallTimes: wallTimes, precision: precision)
    }

    public var count: Int { steps.count }

    /// Where the run diverged: the first of the NaN or infinite values that end the series (the run is
    /// non-finite from there to its last point). Non-finite values followed by finite ones are not a
    /// divergence but a transient (an overflow a loss scaler skipped, say; see `transient`).
    public var divergence: (step: Int64, value: Double)? {
        divergenceIndex.map { (steps[$0], values[$0]) }
    }

    /// The index of `divergence`.
    public var divergenceIndex: Int? {
        guard let last = values.last, !last.isFinite else { return nil }
        var i = values.count - 1
        while i > 0 && !values[i - 1].isFinite { i -= 1 }
        return i
    }

    /// The non-finite values before `divergence` (each followed, sooner or later, by a finite one): the
    /// index of the first and how many there are; nil when there are none.
    public var transient: (first: Int, count: Int)? {
        let end = divergenceIndex ?? values.count
        guard let first = values[..<end].firstIndex(where: { !$0.isFinite }) else { return nil }
        guard let full else { return (first, values[first..<end].reduce(0) { $0 + ($1.isFinite ? 0 : 1) }) }
        // A long series keeps only some of its points: count them all.
        let stop = end < steps.count ? steps[end] : Int64.max
        var n = 0
        full.forEach(from: steps[first]) { p in if p.step < stop, !p.value.isFinite { n += 1 } }
        return (first, n)
    }

    /// The smallest finite value and its first step.
    public var minimum: (step: Int64, value: Double)? {
        var best: Int?
        for (i, v) in values.enumerated() where v.isFinite {
            if let b = best { if v < values[b] { best = i } } else { best = i }
        }
        return best.map { (steps[$0], values[$0]) }
    }

    /// The last point, finite or not.
    public var final: (step: Int64, value: Double)? {
        guard let s = steps.last, let v = values.last else { return nil }
        return (s, v)
    }

    /// The value at `step` by step join: the value of the last point at or before `step`
    /// (nil before the first point). Used to map steps to epochs.
    public func value(atOrBefore step: Int64) -> Double? {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid] <= step { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : values[lo - 1]
    }
}
