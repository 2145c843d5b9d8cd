/// Nice tick values, after d3-array's `ticks`/`tickIncrement`/`nice`.
///
/// Ticks are generated as integers and divided once (a negative increment means "divide by |inc|"), so
/// 0.1 prints as 0.1 and not 0.30000000000000004. Ticks always lie inside the domain; call `nice` first
/// to extend a domain to tick values.
public enum Ticks {
    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// JavaScript's Math.round: halves round towards +∞.
    @inline(__always) static func jsRound(_ x: Double) -> Double { (x + 0.5).rounded(.down) }

    /// `(i1, i2, inc)`: ticks are `i * inc` for i in i1...i2 (or `i / -inc` when inc < 0).
    static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double, Double) {
        // Divided before subtracting: a domain spanning more than 1.8×10³⁰⁸ (−10³⁰⁸…10³⁰⁸) still has a finite step.
        let step = stop / max(0, count) - start / max(0, count)
        let power = (Math.log10(step)).rounded(.down)
        let error = step / Math.pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = Math.pow(10, -power) / factor
            i1 = jsRound(start * inc); i2 = jsRound(stop * inc)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = Math.pow(10, power) * factor
            i1 = jsRound(start / inc); i2 = jsRound(stop / inc)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// About `count` nice values between `start` and `stop` (descending when `start > stop`).
    public static func values(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        let c = Double(count)
        guard c > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        if isTiny(start, stop) { return values(start * tinyScale, stop * tinyScale, count: count).map { $0 / tinyScale } }
        let reverse = stop < start
        let (a, b) = reverse ? (stop, start) : (start, stop)
        let (i1, i2, inc) = spec(a, b, c)
        guard i2 >= i1, inc.isFinite, inc != 0 else { return [] }
        let n = Int(i2 - i1 + 1)
        guard n > 0, n < 100_000 else { return [] }
        var out = [Double]()
        out.reserveCapacity(n)
        for k in 0..<n {
            let i = i1 + Double(k)
            var v = inc < 0 ? i / -inc : i * inc
            if v == 0 { v = 0 } // no negative zero
            out.append(v)
        }
        return reverse ? out.reversed() : out
    }

    /// Values below 10⁻²⁹⁰ (down to the subnormals, 5×10⁻³²⁴) need an increment of 10³¹⁰ or more, which
    /// overflows: their ticks are found 10³⁰⁰ times larger and scaled back (an axis of 1…3×10⁻³¹⁰ had none).
    private static let tinyScale = 1e300

    static func isTiny(_ a: Double, _ b: Double) -> Bool {
        let m = max(abs(a), abs(b))
        return m > 0 && m < 1e-290
    }

    /// The signed increment (negative: reciprocal) for `count` ticks.
    public static func increment(_ start: Double, _ stop: Double, count: Int) -> Double {
        spec(start, stop, Double(count)).2
    }

    /// The distance between consecutive ticks.
    public static func step(_ start: Double, _ stop: Double, count: Int) -> Double {
        if isTiny(start, stop) { return step(start * tinyScale, stop * tinyScale, count: count) / tinyScale }
        let reverse = stop < start
        let inc = reverse ? increment(stop, start, count: count) : increment(start, stop, count: count)
        return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc)
    }

    /// The domain extended outwards to tick values (at most 10 refinements, as d3-scale).
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        var lo = start, hi = stop
        guard lo.isFinite, hi.isFinite, lo < hi, count > 0 else { return (start, stop) }
        if isTiny(lo, hi) {
            let (l, h) = nice(lo * tinyScale, hi * tinyScale, count: count)
            return (l / tinyScale, h / tinyScale)
        }
        var prev = Double.nan
        for _ in 0..<10 {
            let step = increment(lo, hi, count: count)
            if step == prev || step == 0 || !step.isFinite { break }
            let (l, h) = step > 0 ? ((lo / step).rounded(.down) * step, (hi / step).rounded(.up) * step)
                                  : ((lo * step).rounded(.up) / step, (hi * step).rounded(.down) / step)
            // Rounding outwards near ±1.8×10³⁰⁸ would leave the doubles: keep the last finite limits.
            guard l.isFinite, h.isFinite, l < h else { break }
            (lo, hi) = (l, h)
            prev = step
        }
        return (lo, hi)
    }

    /// The number of ticks that fits an axis `length` points long with labels of `fontSize` points
    /// (matplotlib's `get_tick_space`: a label per 3 font sizes on x, per 2 on y), clamped to 2...9.
    public static func count(forLength length: Double, fontSize: Double, horizontal: Bool) -> Int {
        let per = fontSize * (horizontal ? 3.2 : 2.4)
        let ratio = length / max(per, 1)
        guard ratio.isFinite else { return 2 }
        let n = Int(min(ratio, 9).rounded(.down))
        return min(9, max(2, n))
    }
}
