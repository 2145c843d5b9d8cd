/// Intervals of x where a derivative is zero (dead) or small (saturated), with boundaries found by
/// bisection to machine precision so shading starts exactly where |f′| crosses the threshold.
public struct Zones {
    public enum Kind: Equatable { case dead, saturated }
    public struct Zone: Equatable {
        public var kind: Kind
        public var lower: Double
        public var upper: Double
    }

    /// Zones of `derivative` over `range` for threshold `tau`.
    public static func find(_ range: ClosedRange<Double>, tau: Double, samples: Int = 2001,
                     _ derivative: (Double) -> Double) -> [Zone] {
        let a = range.lowerBound, b = range.upperBound
        func classify(_ x: Double) -> Kind? {
            let d = abs(derivative(x))
            if d == 0 { return .dead }
            if d < tau { return .saturated }
            return nil
        }
        let xs = (0..<samples).map { a + (b - a) * Double($0) / Double(samples - 1) }
        let kinds = xs.map(classify)
        var zones: [Zone] = []
        var start = 0
        for k in 1...samples {
            if k < samples && kinds[k] == kinds[start] { continue }
            if let kind = kinds[start] {
                let lo = start == 0 ? a : boundary(xs[start - 1], xs[start], classify)
                let hi = k == samples ? b : boundary(xs[k - 1], xs[k], classify)
                zones.append(Zone(kind: kind, lower: lo, upper: hi))
            }
            start = k
        }
        // A single dead sample inside a saturated run is a point, not a zone.
        return zones.filter { $0.upper - $0.lower > (b - a) * 1e-6 }
    }

    /// The point between `x0` and `x1` where the class changes (bisection on the class).
    private static func boundary(_ x0: Double, _ x1: Double, _ classify: (Double) -> Kind?) -> Double {
        var lo = x0, hi = x1
        let left = classify(lo)
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { break }
            if classify(mid) == left { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
