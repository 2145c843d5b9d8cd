/// TensorBoard's debiased exponential moving average, as its scalar dashboard draws it
/// (tensorflow/tensorboard, `components/vz_line_chart2/line-chart.ts`; W&B uses the same):
///
///     last = 0, n = 0
///     for each finite v:  last = w·last + (1 − w)·v,  n += 1,  smoothed = last / (1 − wⁿ)
///
/// With w = 0 the values are unchanged. Non-finite values are passed through as they are and do not
/// enter the average. Shapes: `values.count` in, the same count out.
public enum Smoothing {
    /// - Parameter weight: w in [0, 1).
    public static func debiasedEMA(_ values: [Double], weight w: Double) -> [Double] {
        guard w > 0 else { return values }
        var out = values
        var last = 0.0
        var debias = 1.0   // wⁿ
        for (i, v) in values.enumerated() where v.isFinite {
            last = w * last + (1 - w) * v
            debias *= w
            out[i] = last / (1 - debias)
        }
        return out
    }

    /// `debiasedEMA` of every logged point of `series`, at the points it holds: for a long series (see
    /// `MetricSeries.full`) the average runs over every point, not over the few a plot keeps.
    public static func debiasedEMA(_ series: MetricSeries, weight w: Double) -> [Double] {
        guard let full = series.full, w > 0 else { return debiasedEMA(series.values, weight: w) }
        var out = series.values
        var last = 0.0, debias = 1.0, j = 0
        let steps = series.steps
        full.forEach { p in
            var v = p.value
            if v.isFinite {
                last = w * last + (1 - w) * v
                debias *= w
                v = last / (1 - debias)
            }
            while j < steps.count && steps[j] < p.step { j += 1 }
            if j < steps.count && steps[j] == p.step { out[j] = v; j += 1 }
        }
        return out
    }
}
