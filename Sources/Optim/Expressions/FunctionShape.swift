/// The shape of a function f: ℝ → ℝ found numerically from the function itself (no catalogue
/// entry): kinks and jumps (from the points where a non-smooth operation switches branch, located
/// by bisection and kept only where f′ or f really changes), horizontal asymptotes (tails that
/// converge to a value never reached), the output range, monotonicity, the steepest slope and the
/// minimum. This is what the built-in activations get from their catalogue entries.
///
/// Scans use `scan` (default [−50, 50], 8001 points) and tails out to ±800. Results are what the
/// samples show: a feature narrower than the sample spacing outside the switching points can be
/// missed, which is why kinks come from the expression's own branch points.
public struct FunctionShape: Sendable, Hashable {
    /// Points where f is continuous and f′ jumps.
    public var kinks: [Double] = []
    /// Points where f itself jumps.
    public var jumps: [Double] = []
    /// Horizontal asymptotes, with their side.
    public var asymptotes: [Asymptote] = []
    /// The output range.
    public var outputRange = OutputRange.all
    /// The values f takes when they are finitely many (2 to 4; f′ = 0 wherever f is defined), sorted:
    /// x/|x| takes {−1, 1}, an interval [−1, 1] would say it takes 0.3. Nil otherwise.
    public var discreteValues: [Double]?
    /// Whether f′ ≥ 0 everywhere.
    public var isMonotonic = false
    /// The largest |f′| and where (±infinity when only approached in a tail).
    public var maxAbsDerivative = 0.0
    public var maxAbsDerivativeAt = 0.0
    /// The minimum of f on the scan and where, when f is bounded below there and attains it.
    public var minimum: Double?
    public var minimumAt: Double?
    /// Whether |f′| → 0 as x → −∞ / +∞ (|f′| at 10³ and 10⁶ below 10⁻⁶ and not growing).
    public var derivativeVanishesLeft = false
    public var derivativeVanishesRight = false
    /// The same test of the tails alone, whatever poles f has (1/x: |f′| = 1/x² → 0 at both ends,
    /// although its zones do not count that as saturation).
    /// Whether |f′| grows without bound at both ends (x³ − x), when `maxAbsDerivative` is ∞ in a tail.
    public var steepInBothTails = false
    public var tailFlattensLeft = false
    public var tailFlattensRight = false
    /// Points where f is unbounded (1/x at 0, log at 0), with the side and sign of the blow-up.
    /// A function with a pole has an unbounded range, an unbounded f′ (`maxAbsDerivative` is ∞ at the
    /// first pole) and no saturating tails: 1/x's tails flatten only because it lives on its pole.
    public var poles: [Pole] = []
    /// Intervals where f′ is exactly 0 on a flat piece that begins and ends at a kink or jump (or
    /// spans the whole scan), extended to ±infinity when f′ is still 0 at ±10⁶; an underflowing tail
    /// (GELU's f′ below −38) is not a flat piece.
    public var deadIntervals: [ClosedRange<Double>] = []

    /// Analyses f (with its derivative `df`), using `candidates` (points where some non-smooth
    /// operation switches branch) as the places to test for kinks and jumps, and `samples` + 1
    /// evenly spaced points of `scan` (fewer for a costly f, so the analysis has a bounded cost).
    public init(value f: (Double) -> Double, derivative df: (Double) -> Double, candidates: [Double],
                scan: ClosedRange<Double> = -50...50, samples: Int = 8000) {
        classify(candidates, f, df)
        asymptotes = [-1, 1].compactMap { FunctionShape.asymptote(f, df, side: $0) }
        let n = max(2, samples)
        var lo = (value: Double.infinity, at: 0.0), hi = (value: -Double.infinity, at: 0.0)
        var steepest = (value: -1.0, at: 0.0)
        var monotonic = true
        // Monotonic is judged where f is defined (sqrt and log are NaN left of 0): f(−50) being
        // NaN must not make an increasing function "not monotonic".
        var firstDefined = Double.nan, lastDefined = Double.nan
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(n + 1); ys.reserveCapacity(n + 1)
        var ds: [Double] = []
        for k in 0...n {
            let x = scan.lowerBound + (scan.upperBound - scan.lowerBound) * Double(k) / Double(n)
            xs.append(x); ys.append(f(x)); ds.append(df(x))
        }
        // A value defined at a lone sample between undefined ones (x^x at negative integers) is not part
        // of the curve: it says nothing of the range, the slope or monotonicity.
        let isolated = FunctionShape.isolatedSamples(ys)
        for k in 0...n {
            let x = xs[k], y = isolated[k] ? Double.nan : ys[k], d = isolated[k] ? Double.nan : ds[k]
            if y < lo.value { lo = (y, x) }
            if y > hi.value { hi = (y, x) }
            if abs(d) > steepest.value { steepest = (abs(d), x) }
            // Where f is undefined its derivative says nothing (log's is 1/x < 0 left of 0, as in torch).
            if d < -1e-15 && !y.isNaN { monotonic = false }
            if !y.isNaN { if firstDefined.isNaN { firstDefined = y }; lastDefined = y }
        }
        isMonotonic = monotonic && lastDefined >= firstDefined
        for side in [-1.0, 1.0] {
            // |f′| at 10, 10², …, 10⁶ (non-finite ones dropped: a formula such as 1/(1 + exp(−x))
            // overflows far out) shrinking below 10⁻⁶.
            let tail = [1e1, 1e2, 1e3, 1e4, 1e5, 1e6].map { abs(df(side * $0)) }.filter(\.isFinite)
            let vanishes = tail.count >= 2 && (tail.last ?? 1) < 1e-6 * max(1, tail[0])
                && zip(tail.dropFirst(), tail.dropFirst(2)).allSatisfy { $1 <= $0 }
            if side < 0 { derivativeVanishesLeft = vanishes } else { derivativeVanishesRight = vanishes }
        }
        (tailFlattensLeft, tailFlattensRight) = (derivativeVanishesLeft, derivativeVanishesRight)
        deadIntervals = FunctionShape.flatPieces(df, scan: scan, ends: kinks + jumps, samples: n)
        var refinedLow = refine({ -f($0) }, around: lo.at, step: (scan.upperBound - scan.lowerBound) / Double(n))
        var refinedHigh = refine(f, around: hi.at, step: (scan.upperBound - scan.lowerBound) / Double(n))
        var refinedSteep = refine({ abs(df($0)) }, around: steepest.at, step: (scan.upperBound - scan.lowerBound) / Double(n))
        // Beyond the scan: (x − 100)² is lowest at 100, not at the scan's edge, and falls on the way there.
        let outer = FunctionShape.outer(f, df, beyond: scan)
        if outer.falls { isMonotonic = false }
        mergeOuter(outer.lowest, { -f($0) }, sample: &lo, refined: &refinedLow, lowest: true)
        mergeOuter(outer.highest, f, sample: &hi, refined: &refinedHigh, lowest: false)
        mergeOuter(outer.steepest, { abs(df($0)) }, sample: &steepest, refined: &refinedSteep, lowest: false)
        (maxAbsDerivative, maxAbsDerivativeAt) = steepest.value >= refinedSteep.value ? steepest : refinedSteep
        maxAbsDerivativeAt = snapped({ abs(df($0)) }, maxAbsDerivativeAt, scan: scan, samples: n)
        let lower = tail(f, side: -1), upper = tail(f, side: 1)
        outputRange = range(low: (-refinedLow.value < lo.value ? -refinedLow.value : lo.value, refinedLow.at),
                            high: max(hi.value, refinedHigh.value.isFinite ? refinedHigh.value : hi.value), tails: [lower, upper])
        unattainRoundedPlateaus(xs: xs, ys: ys)
        let attainedAt = closeLimitsTakenInside(f, xs: xs, ys: ys)
        if outputRange.lowerAttained {
            snapMinimum(f, near: attainedAt ?? (-refinedLow.value < lo.value ? refinedLow.at : lo.at), scan: scan, samples: n)
        }
        settleSteepestSlope(df)
        applyPoles(FunctionShape.poles(f, xs: xs, ys: zip(ys, isolated).map { $1 ? .nan : $0 }))
        if poles.isEmpty {
            let far = [-1e6, 1e6] + jumps
            discreteValues = FunctionShape.finitelyManyValues(ys + far.map(f), ds + far.map(df))
        }
    }

    /// The steepest slope where the scan cannot see it: only approached in a tail, growing without bound
    /// there, or unbounded at a cusp.
    private mutating func settleSteepestSlope(_ df: (Double) -> Double) {
        // The steepest slope only approached in a tail (softplus: 1 as x → ∞).
        for side in [-1.0, 1.0] where abs(df(800 * side)) > maxAbsDerivative * (1 + 1e-9) {
            // Still growing far out (x³: 3x²) it is unbounded, not the value at 800.
            let far = [800.0, 1e4, 1e6].map { abs(df(side * $0)) }
            let grows = far[1] > 2 * far[0] && !(far[2] < far[1])
            (maxAbsDerivative, maxAbsDerivativeAt) = (grows ? .infinity : far[0], side * .infinity)
        }
        if maxAbsDerivative.isInfinite, maxAbsDerivativeAt.isInfinite {
            steepInBothTails = [-1.0, 1.0].allSatisfy { side in
                let far = [800.0, 1e4, 1e6].map { abs(df(side * $0)) }
                return far[1] > 2 * far[0] && !(far[2] < far[1])
            }
        }
        settleRoundedTailSupremum(df)
        // A cusp (sqrt(|x|) at 0): f is finite but |f′| → ∞ from a side, so the largest slope is ∞ there, not a
        // sample's 9.4×10⁶ next to it.
        if let cusp = kinks.first(where: { FunctionShape.slopeUnbounded(df, at: $0) }) {
            (maxAbsDerivative, maxAbsDerivativeAt) = (.infinity, cusp)
        }
    }

    /// Whether |f′| grows without bound towards `k` from a side: beyond 10³ at 10⁻⁹ from k and over ten
    /// times its size at 10⁻⁵ (sqrt(|x|): 15811 against 158).
    public static func slopeUnbounded(_ df: (Double) -> Double, at k: Double) -> Bool {
        let unit = max(1, abs(k))
        return [-1.0, 1.0].contains { side in
            let near = abs(df(k + side * 1e-9 * unit)), far = abs(df(k + side * 1e-5 * unit))
            return !near.isNaN && near > 1e3 && (far.isNaN || near > 10 * far)
        }
    }

    /// The distinct finite values among `ys` when there are 2 to 4 of them and f′ is exactly 0 at each
    /// (a step function), else nil.
    static func finitelyManyValues(_ ys: [Double], _ ds: [Double]) -> [Double]? {
        var values: Set<Double> = []
        for (y, d) in zip(ys, ds) where y.isFinite {
            guard d == 0 else { return nil }
            values.insert(y == 0 ? 0 : y)
            if values.count > 4 { return nil }
        }
        return values.count >= 2 ? values.sorted() : nil
    }

    /// A bound of the range that f takes only on a run of samples out to an end of the scan that starts at no
    /// kink or jump is f rounding onto its limit, not a value taken: between branch points f is analytic, and an
    /// analytic function constant on an interval is constant on its whole piece. e/(1 + e) is 1.0 from x ≈ 37
    /// in float64, but never 1: its range is (0, 1), as the built-in sigmoid's, not (0, 1].
    /// Sets the attained minimum at the point `snapped` finds near `x`, and ends the range at f there:
    /// relu(x − 10) + 0.1|x + 0.3| is 0 at −0.3, not the 5.55×10⁻¹⁸ of the search's −0.30000000000000004.
    private mutating func snapMinimum(_ f: (Double) -> Double, near x: Double, scan: ClosedRange<Double>, samples n: Int) {
        minimum = outputRange.lower
        let at = snapped({ -f($0) }, x, scan: scan, samples: n)
        minimumAt = at
        let snappedValue = f(at)
        if snappedValue.isFinite, snappedValue < outputRange.lower {
            minimum = snappedValue
            let r = outputRange
            outputRange = OutputRange(lower: snappedValue, upper: r.upper, lowerAttained: true, upperAttained: r.upperAttained)
        }
    }

    private mutating func unattainRoundedPlateaus(xs: [Double], ys: [Double]) {
        let breaks = kinks + jumps
        for side in [-1, 1] {
            let order = side < 0 ? Array(ys.indices) : Array(ys.indices.reversed())
            guard let endIndex = order.first else { continue }
            let v = ys[endIndex]
            let isUpper = v == outputRange.upper && outputRange.upperAttained, isLower = v == outputRange.lower && outputRange.lowerAttained
            guard v.isFinite, isUpper || isLower, let inner = order.first(where: { ys[$0] != v }) else { continue }
            // The run is xs[first in run] … the scan's end; a branch point inside or at its start makes it a real flat piece.
            let (a, b) = (min(xs[inner], xs[endIndex]), max(xs[inner], xs[endIndex]))
            guard ys[inner].isFinite, !breaks.contains(where: { $0 >= a && $0 <= b }) else { continue }
            let r = outputRange
            outputRange = OutputRange(lower: r.lower, upper: r.upper, lowerAttained: r.lowerAttained && !isLower,
                                      upperAttained: r.upperAttained && !isUpper)
        }
    }

    /// True at samples that are defined while both neighbours are not (NaN or infinite).
    static func isolatedSamples(_ ys: [Double]) -> [Bool] {
        ys.indices.map { k in
            ys[k].isFinite && (k == 0 || !ys[k - 1].isFinite) && (k == ys.count - 1 || !ys[k + 1].isFinite)
                && ys.count > 2
        }
    }

    /// Records `found` and what a pole implies: the range is unbounded on the side f tends to, f′ is
    /// unbounded, and no tail saturates.
    private mutating func applyPoles(_ found: [Pole]) {
        poles = found
        guard let first = found.first else { return }
        let signs = found.flatMap { [$0.left, $0.right] }
        let r = outputRange, up = signs.contains(1), down = signs.contains(-1)
        outputRange = OutputRange(lower: down ? -.infinity : r.lower, upper: up ? .infinity : r.upper,
                                  lowerAttained: !down && r.lowerAttained, upperAttained: !up && r.upperAttained)
        if down { (minimum, minimumAt) = (nil, nil) }
        (maxAbsDerivative, maxAbsDerivativeAt) = (.infinity, first.at)
        derivativeVanishesLeft = false
        derivativeVanishesRight = false
    }

    /// Keeps the candidates where f jumps (jumps) or f′ jumps (kinks).
    private mutating func classify(_ candidates: [Double], _ f: (Double) -> Double, _ df: (Double) -> Double) {
        for k in Set(candidates).sorted() where k.isFinite {
            let h = 1e-7 * max(1, abs(k))
            let (fl, fr) = (f(k - h), f(k + h))
            let (dl, dr) = (df(k - h), df(k + h))
            let scale = 1 + max(abs(dl), abs(dr))
            if abs(fr - fl) > 1e-3 * (1 + abs(fl)) && abs(fr - fl) > 10 * h * scale {
                jumps.append(k)
            } else if abs(dr - dl) > 1e-6 * scale {
                kinks.append(k)
            }
        }
    }

    /// The value approached (never reached) as x → side·∞, if the tail converges: f at 10⁶, 10⁸
    /// and 10¹⁰ agree within 10⁻⁶ (differences shrinking), and the limit (rounded to 8 significant
    /// digits unless exact) is not already taken on a flat piece at |x| ≤ 20 (relu's flat 0 and
    /// hardtanh's 1 are reached, so they are not asymptotes).
    static func asymptote(_ f: (Double) -> Double, _ df: (Double) -> Double, side: Double) -> Asymptote? {
        let far = [1e6, 1e8, 1e10].map { f(side * $0) }
        // f must be defined between the whole numbers too (x^x is only at negative integers).
        guard far.allSatisfy(\.isFinite), [1e6 + 0.5, 1e6 + 0.25].allSatisfy({ f(side * $0).isFinite }) else { return nil }
        let d1 = abs(far[1] - far[0]), d2 = abs(far[2] - far[1])
        guard d2 <= d1, d2 <= 1e-6 * max(1, abs(far[2])) else { return nil }
        let limit = d2 == 0 ? far[2] : rounded(far[2])
        for x in [0.5, 1, 2, 5, 10, 20] where f(side * x) == limit && df(side * x) == 0 { return nil }
        return Asymptote(y: limit, side: Int(side))
    }

    /// v to 8 significant digits (0 below 10⁻⁸), so 1 − 10⁻¹⁰ reads as 1.
    static func rounded(_ v: Double) -> Double {
        if abs(v) < 1e-8 { return 0 }
        var scale = 1.0
        while abs(v) * scale < 1e7 { scale *= 10 }
        while abs(v) * scale >= 1e8 { scale /= 10 }
        return (v * scale).rounded() / scale
    }

    /// How f behaves as x → side·∞: its bound, and whether the bound is reached.
    enum Tail { case up, down, upAndDown, limit(Double, reached: Bool), bounded }

    func tail(_ f: (Double) -> Double, side: Double) -> Tail {
        if let a = asymptotes.first(where: { Double($0.side) == side }) { return .limit(a.y, reached: false) }
        let far = [1e2, 1e4, 1e8, 1e16].map { f(side * $0) }
        if far.allSatisfy({ $0 == far[0] }) { return .limit(far[0], reached: true) }
        // Rising from some point on counts (relu(x − 10⁶) is 0 at 10² and 10⁴, 10⁸ − 10⁶ at 10⁸).
        if zip(far, far.dropFirst()).allSatisfy({ $1 >= $0 }) && far[3] > far[2] && far[3] > 2 * abs(far[0]) { return .up }
        if zip(far, far.dropFirst()).allSatisfy({ $1 <= $0 }) && far[3] < far[2] && -far[3] > 2 * abs(far[0]) { return .down }
        if far.contains(where: { $0 == .infinity }) { return .up }
        if far.contains(where: { $0 == -.infinity }) { return .down }
        return FunctionShape.oscillatingTail(f, side: side)
    }

    /// A tail that swings ever wider (x·sin x: its peaks grow like |x|): the largest and smallest of
    /// 256 samples over [10ᵏ, 2·10ᵏ] for k = 2…5 each grow at least threefold a decade and pass 10³.
    /// Otherwise `.bounded` (what the samples show; a feature beyond 2·10⁵ is not seen).
    static func oscillatingTail(_ f: (Double) -> Double, side: Double) -> Tail {
        var highs: [Double] = [], lows: [Double] = []
        for a in [1e2, 1e3, 1e4, 1e5] {
            let values = (0..<256).map { f(side * a * (1 + Double($0) / 255)) }.filter(\.isFinite)
            guard let hi = values.max(), let lo = values.min() else { return .bounded }
            highs.append(hi); lows.append(-lo)
        }
        func grows(_ v: [Double]) -> Bool {
            (v.last ?? 0) > 1e3 && zip(v, v.dropFirst()).allSatisfy { $1 >= 3 * max($0, 1e-300) && $0 > 0 }
        }
        switch (grows(highs), grows(lows)) {
        case (true, true): return .upAndDown
        case (true, false): return .up
        case (false, true): return .down
        default: return .bounded
        }
    }

    private func range(low: (Double, Double), high: Double, tails: [Tail]) -> OutputRange {
        var lower = low.0, upper = high
        var lowerAttained = true, upperAttained = true
        for t in tails {
            switch t {
            case .up: (upper, upperAttained) = (.infinity, false)
            case .upAndDown: (upper, upperAttained, lower, lowerAttained) = (.infinity, false, -.infinity, false)
            case .down: (lower, lowerAttained) = (-.infinity, false)
            case .limit(let v, let reached):
                if v < lower || (!reached && v == lower) { (lower, lowerAttained) = (v, reached) }
                if v > upper || (!reached && v == upper) { (upper, upperAttained) = (v, reached) }
            case .bounded: break
            }
        }
        return OutputRange(lower: lower, upper: upper, lowerAttained: lowerAttained && lower.isFinite,
                           upperAttained: upperAttained && upper.isFinite)
    }

    /// `at`, a maximiser of g found by `refine` from a scan step, to the precision g's values
    /// support (`ExtremumPrecision`): e/(1 + e)′ peaks at 0, not at the search's −1.37×10⁻⁹.
    private func snapped(_ g: (Double) -> Double, _ at: Double, scan: ClosedRange<Double>, samples n: Int) -> Double {
        ExtremumPrecision.snap(g, maximiserAt: at, reach: (scan.upperBound - scan.lowerBound) / Double(n))
    }

    /// Replaces the scan's extreme (its best `sample` and the `refined` maximiser of g) by the one refined from
    /// an outer sample `o` when that is clearly beyond it (by 10⁻¹² of their size): sin x is lowest at −π/2
    /// although a far sample comes as low. `lowest`: the sample holds f and g is −f.
    private func mergeOuter(_ o: OuterExtreme?, _ g: (Double) -> Double, sample: inout (value: Double, at: Double),
                            refined: inout (value: Double, at: Double), lowest: Bool) {
        guard let o else { return }
        let r = refine(g, around: o.at, step: o.step)
        // The scan's best so far (−∞ when it found nothing; +∞, a slope unbounded at a point, is never beaten).
        let best = [lowest ? -sample.value : sample.value, refined.value].filter { !$0.isNaN }.max() ?? -.infinity
        guard r.value.isFinite, r.value > best + 1e-12 * max(1, abs(r.value), best.isFinite ? abs(best) : 0) else { return }
        sample = (lowest ? -r.value : r.value, r.at)
        refined = r
    }

    /// Golden-section search for the maximum of g within one step of `x`.
    func refine(_ g: (Double) -> Double, around x: Double, step: Double) -> (value: Double, at: Double) {
        var a = x - step, b = x + step
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<80 {
            let c = b - ratio * (b - a), d = a + ratio * (b - a)
            if g(c) > g(d) { b = d } else { a = c }
        }
        let at = (a + b) / 2
        return (g(at), at)
    }

    /// Runs of exact zeros of f′ on a scan whose ends are branch points (or the scan's ends).
    static func flatPieces(_ df: (Double) -> Double, scan: ClosedRange<Double>, ends: [Double],
                           samples n: Int = 8000) -> [ClosedRange<Double>] {
        let step = (scan.upperBound - scan.lowerBound) / Double(n)
        var pieces: [ClosedRange<Double>] = []
        var start: Double?
        // A flat piece may also end where f′ is undefined (x/(x/2)/3 at 0: f′ = 0 on both sides, NaN at 0): that
        // point is an end too, so both sides are dead up to it (they were "saturated" up to ±2.4×10⁻³³).
        var ends = ends
        func close(_ lo: Double, _ hi: Double) {
            let snap = { (x: Double) in ends.min { abs($0 - x) < abs($1 - x) }.flatMap { abs($0 - x) <= 1.5 * step ? $0 : nil } }
            let atLeft = lo <= scan.lowerBound, atRight = hi >= scan.upperBound
            guard let a = atLeft ? scan.lowerBound : snap(lo), let b = atRight ? scan.upperBound : snap(hi),
                  (atLeft && atRight) || (!atLeft && !atRight) || (atLeft ? snap(hi) != nil : snap(lo) != nil), a < b
            else { return }
            pieces.append((atLeft && df(-1e6) == 0 ? -.infinity : a)...(atRight && df(1e6) == 0 ? .infinity : b))
        }
        for k in 0...n {
            let x = scan.lowerBound + step * Double(k)
            let d = df(x)
            if d == 0 {
                if start == nil { start = x }
                continue
            }
            if d.isNaN { ends.append(x) }
            if let s = start {
                close(s, x - step)
                start = nil
            }
        }
        if let s = start { close(s, scan.upperBound) }
        return pieces
    }
}
