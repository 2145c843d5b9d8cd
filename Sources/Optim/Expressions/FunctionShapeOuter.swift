/// What f shows beyond the scan of its shape analysis: (x − 100)² has its minimum at 100, e^{−(x−60)²} its
/// peak at 60, both outside [−50, 50]; a range, a monotonicity or a steepest slope read from the scan alone
/// would be the values at its edge.
extension FunctionShape {
    /// One extreme sample of f (or |f′|) beyond the scan: the value, where, and the spacing of the samples
    /// there (the bracket a refinement searches).
    struct OuterExtreme {
        var value: Double, at: Double, step: Double
    }

    /// The extremes of f and |f′| over samples beyond `scan` (each 2 % further out than the last, out to
    /// ±10⁸), and whether f′ < 0 at a sample where f is defined. An extreme beyond ±10⁶ is a tail (x² grows
    /// for ever, x·sin x swings ever wider), not a feature: the tail analysis speaks for it, so it is left
    /// out. Non-finite values and samples defined between two undefined ones are ignored.
    struct Outer {
        var lowest: OuterExtreme?
        var highest: OuterExtreme?
        var steepest: OuterExtreme?
        var falls = false
    }

    static func outer(_ f: (Double) -> Double, _ df: (Double) -> Double, beyond scan: ClosedRange<Double>) -> Outer {
        var result = Outer()
        for side in [-1.0, 1.0] {
            let edge = side < 0 ? scan.lowerBound : scan.upperBound
            var distances = [abs(edge)], x = max(1, abs(edge))
            while x < 1e8 { x *= 1.02; distances.append(x) }
            // The scan's edge first, as the first outer sample's inner neighbour.
            let xs = distances.map { side * $0 }, ys = xs.map(f), ds = xs.map(df)
            let isolated = isolatedSamples(ys), last = xs.count - 1
            var low: Int?, high: Int?, steep: Int?
            for k in 1...last where ys[k].isFinite && !isolated[k] {
                if ds[k] < -1e-15 { result.falls = true }
                if ys[k] < low.map({ ys[$0] }) ?? .infinity { low = k }
                if ys[k] > high.map({ ys[$0] }) ?? -.infinity { high = k }
                if abs(ds[k]).isFinite, abs(ds[k]) > steep.map({ abs(ds[$0]) }) ?? -1 { steep = k }
            }
            // An extreme equal to the value at the last sample is a plateau out to the end: f rounding onto its
            // limit (e^{x+60} underflows to 0 from −805), not a value f takes.
            func extreme(_ k: Int?, _ value: (Int) -> Double) -> OuterExtreme? {
                guard let k, abs(xs[k]) < 1e6, value(k) != value(last) else { return nil }
                return OuterExtreme(value: value(k), at: xs[k], step: abs(xs[min(k + 1, last)] - xs[k - 1]) / 2)
            }
            if let e = extreme(low, { ys[$0] }), e.value < result.lowest?.value ?? .infinity { result.lowest = e }
            if let e = extreme(high, { ys[$0] }), e.value > result.highest?.value ?? -.infinity { result.highest = e }
            if let e = extreme(steep, { abs(ds[$0]) }), e.value > result.steepest?.value ?? -1 { result.steepest = e }
        }
        return result
    }
}
