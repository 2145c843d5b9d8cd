import RealModule
import RunLogs
import Viz

/// Axis limits for run panels that never overflow, even for a run that diverged to 10³⁰⁸.
enum PanelLimits {
    /// The y limits of the finite values of `columns` (positive ones on a log axis), padded by 5 % of their span
    /// (of their decades on a log axis; a constant c by 5 % of |c|), clamped to finite numbers; nil when there is nothing to show.
    static func y(_ columns: [ArraySlice<Double>], log: Bool) -> Interval? {
        var lo = Double.infinity, hi = -Double.infinity
        for values in columns {
            for v in values where v.isFinite && (!log || v > 0) { lo = min(lo, v); hi = max(hi, v) }
        }
        guard lo <= hi else { return nil }
        let big = Double.greatestFiniteMagnitude
        if log {
            let a = Double.log10(lo), b = Double.log10(hi)
            let pad = max(0.05 * (b - a), 0.02)
            return Interval(Double.pow(10, max(a - pad, -307)), Double.pow(10, min(b + pad, 308.25)))
        }
        // A constant (a learning rate of 1e-4, a weight decay): a view around its value, ±5 % of it as
        // matplotlib's `nonsingular` expands, so it never sits on a zero line of a ±0.5 window.
        if hi - lo <= max(abs(lo), abs(hi)) * 1e-12 {
            let pad = lo == 0 && hi == 0 ? 0.5 : max(abs(lo), abs(hi)) * 0.05
            return Interval(lo - pad, hi + pad)
        }
        let span = hi / 2 - lo / 2   // half spans: no overflow for ±1e308
        let pad = 0.1 * span
        return Interval(max(lo - pad, -big), min(hi + pad, big))
    }

    /// The decades between the smallest and the largest positive finite value (0 when none).
    static func decades(_ columns: [ArraySlice<Double>]) -> Double {
        var lo = Double.infinity, hi = 0.0
        for values in columns { for v in values where v.isFinite && v > 0 { lo = min(lo, v); hi = max(hi, v) } }
        return lo <= hi ? Double.log10(hi) - Double.log10(lo) : 0
    }

    /// The x extent of every drawn metric of every run, so that all panels share one x axis.
    static func xRange(runs: [RunLog], metrics: [String], axis: RunCurves.XAxis) throws(RunLogError) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for run in runs {
            for m in metrics {
                guard let s = run.metric(m) else { continue }
                for v in try RunCurves.xColumn(s, of: run, axis: axis) where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Whole-number ticks for an axis of whole steps or epochs that spans at most 12 of them (a nice-number
    /// locator would put ticks at 0.5, 1.5, … where no step exists): every one up to 6, else every second;
    /// nil for longer spans, whose nice ticks are whole anyway.
    static func integerTicks(_ range: (Double, Double)?) -> [(value: Double, label: String)]? {
        guard let (lo, hi) = range, lo.isFinite, hi.isFinite, hi - lo <= 12, abs(lo) < 1e15, abs(hi) < 1e15 else { return nil }
        let stride = hi - lo <= 6 ? 1.0 : 2.0
        var out: [(value: Double, label: String)] = []
        var v = (lo / stride).rounded(.up) * stride
        while v <= hi {
            out.append((v, v < 0 ? "−\(Int64(-v))" : "\(Int64(v))"))
            v += stride
        }
        return out.isEmpty ? nil : out
    }

    /// The shared x limits: the data's extent, padded by 2 %.
    static func x(_ range: (Double, Double)?) -> Interval? {
        guard let (lo, hi) = range else { return nil }
        if lo == hi { return Interval(lo - 0.5, hi + 0.5) }
        let pad = 0.02 * (hi - lo)
        return Interval(lo - pad, hi + pad)
    }
}
