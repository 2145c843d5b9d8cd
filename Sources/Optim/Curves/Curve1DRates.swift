import RealModule

extension Curve1D {
    /// Three learning rates for a step-size figure from `start`, showing too small, good and too large steps
    /// for this f. Two significant digits. Nil when f′(start) is 0 or not finite.
    ///
    /// Where f is smooth between the start and the minimum its descent heads for: 0.1/L and 1/L, where L is
    /// the largest curvature f″ on the way, and 2.2/L* with L* = f″ at that minimum. GD settles at a
    /// minimum only for α < 2/L* (Nocedal & Wright, Numerical Optimization, §3.3).
    ///
    /// Where the way has a kink (|x| at 0: a curvature measured across it grows as 1/h with the difference
    /// step h, and 0.1/L is 10⁻⁶), or there is no minimum to head for (√x falls towards the edge of its
    /// domain): rates from the distance d to go (to the minimum, the domain's edge or the view's) and the
    /// slope g = |f′(start)| — d/(6g) covers the way in about six steps, a tenth of it creeps, and 2.2·d/g
    /// overshoots by more than the whole way at the first step.
    public func suggestedRates(from start: Double) -> [Double]? {
        let g = abs(derivative(start))
        guard g > 0, g.isFinite else { return nil }
        let h = 1e-5 * max(1, abs(start))
        func curvature(_ w: Double, _ step: Double) -> Double { (derivative(w + step) - derivative(w - step)) / (2 * step) }
        func twoDigits(_ v: Double) -> Double {
            // By a power of ten ≥ 1, multiplied or divided, so 5.3 stays 5.3 (not 5.300000000000001).
            let k = 1 - Double.log10(v).rounded(.down)
            let p = Double.pow(10, abs(k))
            return k >= 0 ? (v * p).rounded() / p : (v / p).rounded() * p
        }
        let descent = -derivative(start)
        let ahead = minima.filter { ($0 - start) * descent > 0 }
        if let target = ahead.min(by: { abs($0 - start) < abs($1 - start) }) {
            let way = (0...50).map { start + (target - start) * Double($0) / 50 }
            let curvatures = way.map { curvature($0, h) }
            // A kink: the curvature across it shrinks tenfold when the step grows tenfold (a smooth f″ does not).
            let kinked = zip(way, curvatures).contains { w, c in
                c.isFinite && abs(c) > 1e-9 && abs(curvature(w, 10 * h)) < abs(c) / 3
            }
            let L = curvatures.filter(\.isFinite).max() ?? 0, atMinimum = curvature(target, h)
            if !kinked, L.isFinite, L > 0, atMinimum.isFinite, atMinimum > 0 {
                return [twoDigits(0.1 / L), twoDigits(1 / L), twoDigits(2.2 / atMinimum)]
            }
            return Self.stepRates(distance: abs(target - start), slope: g).map(twoDigits)
        }
        return Self.stepRates(distance: distanceToEdge(from: start, towards: descent > 0 ? 1 : -1), slope: g).map(twoDigits)
    }

    /// d/(60g), d/(6g), 2.2·d/g (see `suggestedRates`).
    static func stepRates(distance d: Double, slope g: Double) -> [Double] {
        [d / (60 * g), d / (6 * g), 2.2 * d / g]
    }

    /// How far f is defined from `start` in direction `sign` (±1) before the view ends or f stops being finite
    /// (400 steps across the view, then bisection to the edge of f's domain).
    func distanceToEdge(from start: Double, towards sign: Double) -> Double {
        let r = viewRange, step = (r.upperBound - r.lowerBound) / 400
        var w = start
        while r.contains(w + sign * step) {
            guard value(w + sign * step).isFinite else {
                var a = w, b = w + sign * step
                for _ in 0..<60 { let m = (a + b) / 2; if value(m).isFinite { a = m } else { b = m } }
                return max(abs(a - start), step)
            }
            w += sign * step
        }
        return max(abs((sign > 0 ? r.upperBound : r.lowerBound) - start), step)
    }
}
