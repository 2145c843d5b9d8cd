/// One scalar metric of a run: points (step, value), steps strictly increasing.
///
/// `values` may hold NaN or ±inf: a run that diverged keeps them, and `divergence` tells where.
public struct MetricSeries: Sendable {
    /// The metric's name: a CSV column, a JSON key (nested keys joined by `/`), or a TensorBoard tag.
    public var name: String
    /// Steps, strictly increasing.
    public var steps: [Int64]
    /// Values at `steps`, exactly as logged.
    public var values: [Double]
    /// Wall-clock time of each point in seconds since the Unix epoch (or the log's own time origin);
    /// empty when the log records no time.
    public var wallTimes: [Double]
    /// How the values were logged.
    public var precision: LoggedPrecision

    public init(name: String, steps: [Int64], values: [Double], wallTimes: [Double] = [],
                precision: LoggedPrecision = .float64) {
        self.name = name; self.steps = steps; self.values = values
        self.wallTimes = wallTimes; self.precision = precision
    }

    public var count: Int { steps.count }

    /// The first point whose value is NaN or infinite: where the run diverged.
    public var divergence: (step: Int64, value: Double)? {
        guard let i = values.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (steps[i], values[i])
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
