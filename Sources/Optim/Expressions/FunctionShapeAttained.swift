/// Attained or only approached: a bound of a typed function's range that is both a tail's limit and a value
/// taken inside is closed there (x²e^{−x²} → 0 in both tails, and is 0 at 0); a largest slope that f′ reaches
/// only by rounding in a tail is a limit (log1p(eˣ)/log 2: 1.443 as x → +∞).
extension FunctionShape {
    /// Closes a bound of the range that is a tail's limit (so open) but also taken between the plateaus at the
    /// scan's ends: x²e^{−x²} → 0 in both tails and is 0 at x = 0, so its range is [0, 0.368], not (0, 0.368].
    /// The lowest (highest) sample inside, refined by golden-section search, must reach the bound to 10⁻¹² of
    /// its size. Returns where the lower bound is taken, when it was closed here.
    mutating func closeLimitsTakenInside(_ f: (Double) -> Double, xs: [Double], ys: [Double]) -> Double? {
        guard var first = ys.indices.first, var last = ys.indices.last, last > first + 2 else { return nil }
        // Past the runs of equal values at each end (the tails rounding onto their limit).
        while first < last, ys[first + 1] == ys[first] { first += 1 }
        while last > first, ys[last - 1] == ys[last] { last -= 1 }
        guard last - first > 4 else { return nil }
        // A strict local extreme (1/(1 + e^{−x}) comes within 10⁻¹⁶ of its limit 1 on a run of samples
        // next to the plateau, which is not taking it).
        let inside = (first + 2)..<(last - 1), step = xs[1] - xs[0]
        var closedAt: Double?
        let r = outputRange
        var (lowerAttained, upperAttained) = (r.lowerAttained, r.upperAttained)
        let finite = inside.filter { ys[$0].isFinite && ys[$0 - 1].isFinite && ys[$0 + 1].isFinite }
        // Clearly above (below) both neighbours, not by the last bits: exp(x)/(1 + exp(x)) rounds to 1 and to the
        // float below it in turn near x = 37, which is round-off, not the limit 1 taken (it read "range (0, 1]").
        func clear(_ a: Double, _ b: Double) -> Bool { a - b > 1e-13 * max(1, abs(a)) }
        if !lowerAttained, r.lower.isFinite,
           let k = finite.filter({ clear(ys[$0 - 1], ys[$0]) && clear(ys[$0 + 1], ys[$0]) }).min(by: { ys[$0] < ys[$1] }) {
            let m = refine({ -f($0) }, around: xs[k], step: step)
            if -m.value <= r.lower + 1e-12 * max(1, abs(r.lower)) { (lowerAttained, closedAt) = (true, m.at) }
        }
        if !upperAttained, r.upper.isFinite,
           let k = finite.filter({ clear(ys[$0], ys[$0 - 1]) && clear(ys[$0], ys[$0 + 1]) }).max(by: { ys[$0] < ys[$1] }) {
            let m = refine(f, around: xs[k], step: step)
            if m.value >= r.upper - 1e-12 * max(1, abs(r.upper)) { upperAttained = true }
        }
        outputRange = OutputRange(lower: r.lower, upper: r.upper, lowerAttained: lowerAttained, upperAttained: upperAttained)
        return closedAt
    }

    /// A supremum only approached in a tail, which rounding lets f′ reach: σ(36.6) is 1 in float64, so
    /// log1p(eˣ)/log 2 said "1.443 attained at x = 36.6" where softplus says "1 as x → +∞". When |f′| keeps its
    /// largest value from there out to ±800 (or as far as f′ is a number) and is below it a little further in,
    /// with no kink between, the value is a limit as x → ±∞. A plateau that starts at a kink (relu(x)) stays
    /// attained.
    mutating func settleRoundedTailSupremum(_ df: (Double) -> Double) {
        let at = maxAbsDerivativeAt, peak = maxAbsDerivative
        guard at.isFinite, peak.isFinite, peak > 0 else { return }
        for side in [-1.0, 1.0] where at * side >= 0 && abs(at) < 800 {
            // As far out as f′ is a number (log1p(eˣ) overflows past x = 709, so its f′ is NaN at 800).
            guard let far = [800.0, 400, 200, 100].first(where: { $0 > 2 * abs(at) && !df(side * $0).isNaN }) else { continue }
            let plateau = [0.0, 0.25, 0.5, 0.75, 1].map { at + side * (far - abs(at)) * $0 }
            guard plateau.allSatisfy({ abs(df($0)) >= peak }) else { continue }
            let before = at - side * max(1, abs(at) * 0.1)
            guard abs(df(before)) < peak, !kinks.contains(where: { ($0 - before) * ($0 - at) <= 0 }) else { continue }
            (maxAbsDerivative, maxAbsDerivativeAt) = (abs(df(far * side)), side * .infinity)
            return
        }
    }
}
