/// Steps to fractional epochs, for `--x epoch` on logs that record per-step metrics with an epoch
/// column or tag (Lightning's `metrics.csv`, JSON lines with an `epoch` key, TensorBoard `epoch` tags).
///
/// One convention for every log: x counts the epochs completed when the value was logged (Hugging Face's
/// fractional `epoch`; Keras' epoch e, logged at the end of its (e + 1)-th epoch, is at e + 1, see
/// `RunCurves.xColumn`; Lightning's end-of-epoch e validation is at e + 1 too).
///
/// Rule, for whole-number epochs: epoch e spans the steps after the previous epoch's last logged step
/// through its own last logged step (Lightning logs the epoch-end metrics at an epoch's last step, so
/// these are the epoch's real bounds). A step s of epoch e is at
///
///     x = e + (s − first step of e + 1) / (steps in e),
///
/// so the steps of epoch e lie in (e, e + 1], spread evenly, its last step at e + 1 (one more epoch
/// completed), and a log with one row per epoch has x = e + 1. The first epoch is taken as long as the second (or as its logged span when
/// it is the only one); the last is at least as long as the one before it (a run stopped mid-epoch is not
/// stretched); steps after the last logged epoch step continue at the last epoch's rate.
/// Epochs logged as fractions (Hugging Face's Trainer logs `epoch: 0.27`) are used as logged,
/// interpolated linearly between logged steps. Epochs that decrease as steps increase are used as
/// logged (the epoch at or before each step).
public struct EpochMap: Sendable {
    private enum Rule: Sendable {
        /// Whole epochs `epochs[i]` spanning the steps `starts[i]…ends[i]`, `lengths[i]` steps long
        /// (more than the span for a last epoch cut short).
        case spans(epochs: [Double], starts: [Int64], ends: [Int64], lengths: [Int64])
        /// Logged fractional epochs, interpolated.
        case interpolated(MetricSeries)
        /// The logged value at or before each step.
        case logged(MetricSeries)
    }

    private let rule: Rule

    /// The map of a run's epoch series (steps increasing; NaN epochs are ignored).
    public init(_ series: MetricSeries) {
        var clean = series
        if !series.values.allSatisfy(\.isFinite) {
            var steps: [Int64] = [], values: [Double] = []
            for (s, v) in zip(series.steps, series.values) where v.isFinite { steps.append(s); values.append(v) }
            clean = MetricSeries(name: series.name, steps: steps, values: values)
        }
        let steps = clean.steps, values = clean.values
        if zip(values, values.dropFirst()).contains(where: { $0 > $1 }) {
            rule = .logged(clean)
        } else if values.contains(where: { $0.rounded() != $0 }) {
            rule = .interpolated(clean)
        } else {
            var epochs: [Double] = [], ends: [Int64] = []
            for (s, v) in zip(steps, values) {
                if epochs.last == v { ends[ends.count - 1] = s } else { epochs.append(v); ends.append(s) }
            }
            var lengths = zip(ends.dropFirst(), ends).map { $0 - $1 }
            let firstSpan = (ends.first ?? 0) - (steps.first ?? 0) + 1
            lengths.insert(max(lengths.first ?? 1, firstSpan, 1), at: 0)
            let starts = ends.indices.map { $0 == 0 ? ends[0] - lengths[0] + 1 : ends[$0 - 1] + 1 }
            if lengths.count >= 2 { lengths[lengths.count - 1] = max(lengths[lengths.count - 1], lengths[lengths.count - 2]) }
            rule = .spans(epochs: epochs, starts: starts, ends: ends, lengths: lengths)
        }
    }

    /// The (fractional) epoch of `step`; NaN when the log has no epoch at all.
    public func epoch(at step: Int64) -> Double {
        switch rule {
        case let .logged(series):
            return series.value(atOrBefore: step) ?? series.values.first ?? .nan
        case let .interpolated(series):
            return Self.interpolate(series, at: step)
        case let .spans(epochs, starts, ends, lengths):
            guard let lastEnd = ends.last, let lastEpoch = epochs.last, let lastLength = lengths.last else { return .nan }
            if step > lastEnd {
                // Past the last logged step: the last epoch runs to its full length, then epochs continue at that rate.
                return lastEpoch + Double(step - (starts.last ?? 0) + 1) / Double(lastLength)
            }
            var lo = 0, hi = ends.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if ends[mid] >= step { hi = mid } else { lo = mid + 1 }
            }
            return epochs[lo] + Double(step - starts[lo] + 1) / Double(lengths[lo])
        }
    }

    private static func interpolate(_ series: MetricSeries, at step: Int64) -> Double {
        let s = series.steps, v = series.values
        guard let first = s.first, let last = s.last else { return .nan }
        if step <= first { return v[0] }
        if step >= last { return v[v.count - 1] }
        var lo = 0, hi = s.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if s[mid] <= step { lo = mid } else { hi = mid }
        }
        let t = Double(step - s[lo]) / Double(s[hi] - s[lo])
        return v[lo] + t * (v[hi] - v[lo])
    }
}
