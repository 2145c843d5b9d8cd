/// A point where a function f: ℝ → ℝ is unbounded: |f| → ∞ as x → `at` from at least one side
/// (1/x at 0, tan at π/2, log at the end of its domain).
public struct Pole: Sendable, Hashable {
    /// Where (x).
    public var at: Double
    /// What f tends to as x → at⁻ and as x → at⁺: +1 (∞), −1 (−∞), 0 (bounded or undefined there).
    public var left: Int
    public var right: Int

    /// A pole at `at` with the given one-sided signs.
    public init(at: Double, left: Int, right: Int) {
        self.at = at; self.left = left; self.right = right
    }
}

extension FunctionShape {
    /// The poles of f among the samples `ys = f(xs)` (a uniform grid): candidates are samples where f is
    /// ±∞, the ends of undefined (NaN) runs, and local maxima of |f| (refined by golden-section search,
    /// which homes in on a pole between two samples); a candidate is a pole on a side when |f| grows
    /// strictly at 10⁻¹ … 10⁻¹⁰ of the sample step from it and the growth per decade does not die out
    /// (it shrinks tenfold per decade for a smooth maximum such as 1 − |x|, stays constant for log,
    /// and grows for 1/x).
    static func poles(_ f: (Double) -> Double, xs: [Double], ys: [Double]) -> [Pole] {
        guard xs.count > 2 else { return [] }
        let h = xs[1] - xs[0]
        var candidates: [Double] = []
        for k in 1..<(xs.count - 1) {
            let (l, y, r) = (ys[k - 1], ys[k], ys[k + 1])
            if y.isInfinite {
                // The ends of a run of ±∞ (exp(exp(x)) overflows on a whole interval).
                if !(l.isInfinite && r.isInfinite) { candidates.append(xs[k]) }
            } else if y.isFinite, r.isNaN {
                candidates.append(domainEnd(f, defined: xs[k], undefined: xs[k + 1]))
            } else if y.isFinite, l.isNaN {
                candidates.append(domainEnd(f, defined: xs[k], undefined: xs[k - 1]))
            } else if y.isFinite, l.isFinite, r.isFinite, abs(y) > abs(l), abs(y) >= abs(r) {
                candidates.append(peakOfMagnitude(f, xs[k - 1], xs[k + 1]))
            }
        }
        var out: [Pole] = []
        for c in candidates.sorted() where !out.contains(where: { abs($0.at - c) <= h }) {
            let left = growth(f, at: c, side: -1, step: h), right = growth(f, at: c, side: 1, step: h)
            if left != 0 || right != 0 { out.append(Pole(at: c, left: left, right: right)) }
        }
        return out
    }

    /// The end of f's domain between a defined and an undefined point, by bisection.
    static func domainEnd(_ f: (Double) -> Double, defined: Double, undefined: Double) -> Double {
        var a = defined, b = undefined
        for _ in 0..<80 {
            let m = (a + b) / 2
            if m == a || m == b { break }
            if f(m).isNaN { b = m } else { a = m }
        }
        return a
    }

    /// Where |f| is largest on [a, b] (golden-section search; a pole inside is found to rounding).
    static func peakOfMagnitude(_ f: (Double) -> Double, _ a0: Double, _ b0: Double) -> Double {
        var a = a0, b = b0
        let ratio = (5.0.squareRoot() - 1) / 2
        func g(_ x: Double) -> Double { let v = abs(f(x)); return v.isNaN ? -1 : v }
        for _ in 0..<90 {
            let c = b - ratio * (b - a), d = a + ratio * (b - a)
            if g(c) > g(d) { b = d } else { a = c }
        }
        return (a + b) / 2
    }

    /// +1 or −1 when f → ±∞ as x → c from `side`, else 0.
    static func growth(_ f: (Double) -> Double, at c: Double, side: Double, step h: Double) -> Int {
        let values = (1...10).map { f(c + side * h * Double.powerOfTen(-$0)) }
        guard values.allSatisfy({ !$0.isNaN }) else { return 0 }
        let sign = values[values.count - 1] > 0 ? 1 : -1
        guard values.allSatisfy({ ($0 > 0 ? 1 : -1) == sign }) else { return 0 }
        let a = values.map(abs)
        if let firstInfinite = a.firstIndex(where: \.isInfinite) {
            // Overflowing next to c: a pole only if |f| was already climbing towards it.
            return firstInfinite >= 3 && zip(a.prefix(firstInfinite), a.prefix(firstInfinite).dropFirst()).allSatisfy { $1 > $0 } ? sign : 0
        }
        let increments = zip(a, a.dropFirst()).map { $1 - $0 }
        guard increments.allSatisfy({ $0 > 0 }), let first = increments.first, let last = increments.last,
              last >= 0.5 * first else { return 0 }
        return sign
    }
}
