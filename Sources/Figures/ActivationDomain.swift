import Optim
import RealModule
import Viz

/// Where a typed function is undefined (NaN or ±∞) over the drawn range and where it or its
/// derivative is unbounded, found from samples rather than a catalogue entry.
///
/// The figure names these in its subtitle ("f undefined for x < 0 · f′ → ∞ at x = 0") and fits its
/// y axis to the values away from the unbounded points, so `sqrt(x)`'s f′ → ∞ at 0 does not stretch
/// the axis and flatten the rest of the figure.
public struct ActivationDomain: Sendable, Equatable {
    /// Clauses for the subtitle, in x order: "f undefined for x < 0", "f′ → ∞ at x = 0".
    public var clauses: [String] = []
    /// Fixed y limits when an unbounded value was left out; nil when the data may set them.
    public var yLimits: Interval?
    /// The finite drawn values worth showing (unpadded; see `RobustYLimits`): what several curves drawn
    /// together need to agree on one y axis. Nil when none is finite.
    public var dataLimits: Interval?
    /// The unbounded points inside the range (x), where the curves must break.
    public var unbounded: [Double] = []
    /// The intervals of the range where f is undefined (NaN or ±∞ that is not a float overflow), in x
    /// order, ends found by bisection: what a figure hatches. Single undefined points (a pole) are not here.
    public var undefined: [ClosedRange<Double>] = []
    /// How the y limits were fitted (what was clipped), when some value is finite.
    public var robust: RobustYLimits?
    /// Single points where f is undefined between defined neighbours (sin(x)/x at 0), not poles.
    public var holes: [Double] = []

    /// Samples `value` and `derivative` on `range` (2401 points, so a symmetric range hits 0);
    /// `includeValue` / `includeDerivative` say which curves are drawn and so set the y limits.
    /// `poles` (from the function's shape) are unbounded points found more finely than these samples
    /// can (1/(x − 0.31) between two samples). `batch`, when given, evaluates f and f′ on all the
    /// samples at once (a typed expression's compiled tape over blocks of points), so the samples
    /// cost one pass rather than one call each; `value` and `derivative` then serve only the few
    /// points between samples (bisection to a domain boundary). `logScale`: the y axis is logarithmic, so
    /// the limits are fitted to log₁₀ of the positive values and always fixed (`RobustYLimits(logOf:…)`).
    public init(value f0: @escaping (Double) -> Double, derivative df0: @escaping (Double) -> Double,
                over range: ClosedRange<Double>, poles: [Pole] = [], includeValue: Bool = true,
                includeDerivative: Bool = true, logScale: Bool = false, overflowProne: Bool = false,
                batch: (([Double]) -> (values: [Double], derivatives: [Double]))? = nil) {
        let n = 2401, span = range.upperBound - range.lowerBound
        guard span > 0 else { return }
        let xs = (0..<n).map { range.lowerBound + span * Double($0) / Double(n - 1) }
        let sampled = batch?(xs) ?? (values: xs.map(f0), derivatives: xs.map(df0))
        let table = Dictionary(zip(xs, zip(sampled.values, sampled.derivatives)).map { ($0, $1) },
                               uniquingKeysWith: { first, _ in first })
        let f: (Double) -> Double = { table[$0]?.0 ?? f0($0) }
        let df: (Double) -> Double = { table[$0]?.1 ?? df0($0) }
        let q = span * 1e-6
        let inside = poles.filter { $0.at > range.lowerBound - q && $0.at < range.upperBound + q }
        var singular = undefinedRuns(f, xs: xs, span: span, poles: inside.map(\.at), overflowProne: overflowProne)
        // Points where f is defined but f′ is not (sqrt at 0 when the boundary is sampled exactly). Where f
        // itself is smooth there (its difference quotient is a modest number), f′ lost its precision in the
        // formula's float64 arithmetic (log(sigmoid(x)) near −745): said as such, not as f′ → ∞.
        var lossy: [Double] = []
        // f′ too large for float64 just before f itself overflows (e^{e^{eˣ}} for x > 1.85): a number, not a pole of f′.
        let derivativeOverflow = Self.derivativeOverflow(f, df, xs: xs)
        if let clause = derivativeOverflow.clause { clauses.append(clause) }
        for x in xs where f(x).isFinite && !df(x).isFinite && !singular.contains(where: { abs($0 - x) <= 4 * q })
            && !derivativeOverflow.xs.contains(x) {
            // One-sided quotients at two scales: a cusp (sqrt(|x|) at 0) has a modest symmetric quotient (0) but
            // one-sided ones that grow as h shrinks.
            let h = span * 1e-5
            let slopes = [h, h / 100, -h, -h / 100].map { (f(x + $0) - f(x)) / $0 }
            let tame = slopes.allSatisfy { $0.isFinite && abs($0) < 1e3 }
                && abs(slopes[1]) <= 3 * abs(slopes[0]) + 1 && abs(slopes[3]) <= 3 * abs(slopes[2]) + 1
            if tame { lossy.append(x) } else { singular.append(x) }
        }
        if let lo = lossy.first, let hi = lossy.last {
            clauses.append("f′ loses float64 precision " + (lossy.count == 1 ? "at x = " + TickFormat.short(lo)
                : "for " + TickFormat.short(lo, significant: 3) + " ≤ x ≤ " + TickFormat.short(hi, significant: 3)))
        }
        for p in inside where !singular.contains(where: { abs($0 - p.at) <= 4 * q }) { singular.append(p.at) }
        var valueBounded: [Double] = []
        for s in singular.sorted() {
            var said = false
            let pole = inside.first { abs($0.at - s) <= 4 * q }
            let at = pole.map { Self.rounded($0.at, span: span) } ?? s
            for name in ["f", "f′"] {
                let sign = name == "f" ? pole.map(Self.sign) ?? Self.divergence(f, at: s, span: span, defined: { f($0).isFinite })
                    : Self.divergence(df, at: s, span: span, defined: { f($0).isFinite })
                if sign == nil, name == "f" { valueBounded.append(s) }
                if let sign {
                    let place: String = Self.place(at, f, span: span, samples: n)
                    let limit: String = sign > 0 ? "∞" : sign < 0 ? "−∞" : "±∞"
                    var clause: String = sign == 2 ? name + " unbounded, oscillating," + place.replacing(" at x = ", with: " as x → ")
                        : name + " → " + limit + place
                    if sign == 0, name == "f′", f(s).isFinite, let sides = Self.cuspSides(df, at: s, span: span) {
                        // A cusp (sqrt(|x|) at 0): f is finite there and f′ runs to opposite infinities on each side.
                        let x = TickFormat.short(at)
                        clause = "f′ → " + sides.left + " as x → " + x + "⁻ and " + sides.right + " as x → " + x + "⁺ (a cusp)"
                    }
                    clauses.append(clause)
                    said = true
                } else if name == "f′", let slow = Self.slowDivergence(df, at: s, span: span, defined: { f($0).isFinite }) {
                    // Said, but not cut from the y fit: a logarithmic fall is drawn (xˣ's minimum at 1/e keeps its room).
                    clauses.append("f′ → " + (slow > 0 ? "∞" : "−∞") + Self.place(at, f, span: span, samples: n))
                }
            }
            if said { unbounded.append(s) }
        }
        setLimits(f, df, xs: xs, span: span, valueBounded: valueBounded, includeValue: includeValue,
                  includeDerivative: includeDerivative, logScale: logScale)
    }

    /// " at x = 0" for a point f is defined on both sides of (1/x), " as x → 0⁺" (or ⁻) for one it is
    /// defined on one side of only (log x: "f → −∞ as x → 0⁺", it has no value at or left of 0).
    static func place(_ at: Double, _ f: (Double) -> Double, span: Double, samples n: Int) -> String {
        let h = 2 * span / Double(max(n - 1, 1))
        let left = f(at - h).isFinite, right = f(at + h).isFinite
        return left == right ? " at x = " + TickFormat.short(at) : " as x → " + TickFormat.short(at) + (right ? "⁺" : "⁻")
    }

    /// Adds a clause for each run of samples where f is undefined and returns the run ends (the
    /// candidates for unbounded points). A single undefined sample at a pole is the pole's own clause.
    private mutating func undefinedRuns(_ f: (Double) -> Double, xs: [Double], span: Double, poles: [Double],
                                        overflowProne: Bool) -> [Double] {
        let n = xs.count, q = span * 1e-6
        let sampled = xs.map { f($0).isFinite }
        // A lone defined sample between undefined ones (x^x at a negative integer) is not a piece of
        // curve: the run goes on through it, and the clause says such points exist.
        let defined = sampled.indices.map { k in
            sampled[k] && !((k == 0 || !sampled[k - 1]) && (k == n - 1 || !sampled[k + 1]))
        }
        func boundary(_ inside: Double, _ outside: Double) -> Double {
            var a = inside, b = outside
            for _ in 0..<80 { let m = (a + b) / 2; if f(m).isFinite { a = m } else { b = m } }
            return Self.rounded((a + b) / 2, span: span)
        }
        func show(_ x: Double) -> String { TickFormat.short(x) }
        // "<" when f is defined at the rounded boundary itself (sqrt at 0), "≤" when it is not (log).
        func op(_ b: Double, _ strict: String, _ closed: String) -> String { f(b).isFinite ? strict : closed }
        var singular: [Double] = []
        var k = 0
        while k < n {
            guard !defined[k] else { k += 1; continue }
            var j = k
            while j + 1 < n, !defined[j + 1] { j += 1 }
            let lo = k > 0 ? boundary(xs[k - 1], xs[k]) : nil
            let hi = j < n - 1 ? boundary(xs[j + 1], xs[j]) : nil
            if let clause = Self.overflow(f, run: xs[k...j], before: k > 0 ? xs[k - 1] : nil, after: j < n - 1 ? xs[j + 1] : nil) {
                // Not undefined: f is a number too large for float64 there (eˣ for x > 709.78).
                clauses.append(clause)
                k = j + 1
                continue
            }
            if let clause = Self.rangeArtefact(f, run: xs[k...j], lo: lo, hi: hi, span: span, overflowProne: overflowProne) {
                // Not undefined either: an exponential inside the formula left float64's range (inf/inf, log(0)).
                clauses.append(clause)
                k = j + 1
                continue
            }
            let except = sampled[k...j].contains(true) ? " (except at isolated points)" : ""
            if let range = xs.first.flatMap({ a in xs.last.map { a...$0 } }), (hi ?? range.upperBound) - (lo ?? range.lowerBound) > 4 * q {
                undefined.append((lo ?? range.lowerBound)...(hi ?? range.upperBound))
            }
            switch (lo, hi) {
            case (nil, nil): clauses.append("f undefined on the whole range" + except)
            case let (nil, h?): clauses.append("f undefined for x " + op(h, "<", "≤") + " " + show(h) + except); singular.append(h)
            case let (l?, nil): clauses.append("f undefined for x " + op(l, ">", "≥") + " " + show(l) + except); singular.append(l)
            case let (l?, h?) where h - l <= 4 * q:
                let m = (l + h) / 2
                if !poles.contains(where: { abs($0 - m) <= 4 * q }) {
                    clauses.append("f undefined at x = " + show(m))
                    holes.append(m)
                }
                singular.append(m)
            case let (l?, h?):
                clauses.append("f undefined for " + show(l) + " " + op(l, "<", "≤") + " x " + op(h, "<", "≤") + " " + show(h) + except)
                singular += [l, h]
            }
            k = j + 1
        }
        return singular
    }

    /// "f overflows float64 for x > 709.78" when every sample of an undefined run is ±∞ of one sign and f
    /// just before the run (found by bisection from the defined sample `before` or `after` next to it) is a
    /// finite double beyond ±10³⁰⁰ of that sign: a value too large for a double, not a pole (whose sides
    /// differ or stay moderate) or a domain edge (NaN). The boundary is given to 5 significant digits.
    static func overflow(_ f: (Double) -> Double, run: ArraySlice<Double>, before: Double?, after: Double?) -> String? {
        guard let first = run.first.map(f), first.isInfinite, run.allSatisfy({ f($0) == first }),
              let runStart = run.first, let runEnd = run.last, before != nil || after != nil,
              run.count > 1 || before == nil || after == nil else { return nil }  // one sample between two defined ones: a pole (1/x²)
        // The last finite point between a defined sample and the run, and f there.
        func edge(_ inside: Double, _ outside: Double) -> (x: Double, f: Double) {
            var a = inside, b = outside
            for _ in 0..<80 { let m = (a + b) / 2; if f(m).isFinite { a = m } else { b = m } }
            return (a, f(a))
        }
        let sides = [before.map { edge($0, runStart) }, after.map { edge($0, runEnd) }]
        for side in sides.compactMap({ $0 }) where !(side.f.isFinite && abs(side.f) > 1e300 && side.f.sign == first.sign) { return nil }
        let show = { (x: Double) in TickFormat.short(x, significant: 5) }
        let to = first > 0 ? "" : " (to −∞)"
        switch (sides[0], sides[1]) {
        case let (l?, h?): return "f overflows float64\(to) for " + show(l.x) + " < x < " + show(h.x)
        case let (l?, nil): return "f overflows float64\(to) for x > " + show(l.x)
        case let (nil, h?): return "f overflows float64\(to) for x < " + show(h.x)
        case (nil, nil): return nil
        }
    }

    /// The samples where f is finite but f′ is ±∞ in runs that reach a sample where f itself is ±∞ (f
    /// overflows float64 there, see `overflow`), and "f′ overflows float64 for x > 1.8497" for them: f′
    /// passes 1.8×10³⁰⁸ before f does wherever f′/f > 1, so those runs are overflow, not f′ → ∞ (nor f → ∞,
    /// which e^{e^{eˣ}} was said to do at 1.88).
    static func derivativeOverflow(_ f: (Double) -> Double, _ df: (Double) -> Double, xs: [Double]) -> (xs: Set<Double>, clause: String?) {
        let n = xs.count
        let lone = xs.map { f($0).isFinite && df($0).isInfinite }
        var found: Set<Double> = [], bounds: [(Double, Bool)] = []
        var k = 0
        while k < n {
            guard lone[k] else { k += 1; continue }
            var j = k
            while j + 1 < n, lone[j + 1] { j += 1 }
            // Beside the infinite f, f is itself near the top of float64 (no pole's samples come near 10²⁵⁰).
            let right = j + 1 < n && f(xs[j + 1]).isInfinite && abs(f(xs[j])) > 1e250
            let left = k > 0 && f(xs[k - 1]).isInfinite && abs(f(xs[k])) > 1e250
            if right != left {
                for i in k...j { found.insert(xs[i]) }
                // The last x where f′ is still finite, by bisection from the sample before the run (after it).
                var (a, b) = right ? (k > 0 ? xs[k - 1] : xs[k], xs[k]) : (j + 1 < n ? xs[j + 1] : xs[j], xs[j])
                for _ in 0..<80 { let m = (a + b) / 2; if df(m).isFinite { a = m } else { b = m } }
                bounds.append((a, right))
            }
            k = j + 1
        }
        guard let (edge, above) = bounds.first else { return (found, nil) }
        let show = TickFormat.short(edge, significant: 5)
        return (found, "f′ overflows float64 for " + (above ? "x > " : "x < ") + show + (bounds.count > 1 ? " and elsewhere" : ""))
    }

    /// "float64 over/underflow in the formula for x < −745.13 (f = −∞ there)" for a run at the end of the
    /// range where f is computed as ±∞ (one sign) or NaN although f approaches its edge tamely — a modest,
    /// finite value that does not grow towards it: log(sigmoid(x)) (σ underflows to 0 below −745) and
    /// exp(x)/(1 + exp(x)) (∞/∞ above 709.78) are defined everywhere. A NaN run is taken for such an artefact
    /// only when the formula has an exponential in it (`overflowProne`) and its edge is beyond |x| = 20: NaN is
    /// also what a true domain edge gives (x^1.5 below 0), and those sit where the formula puts them.
    static func rangeArtefact(_ f: (Double) -> Double, run: ArraySlice<Double>, lo: Double?, hi: Double?, span: Double,
                              overflowProne: Bool) -> String? {
        guard (lo == nil) != (hi == nil), let edge = lo ?? hi, let first = run.first.map(f) else { return nil }
        let infinite = first.isInfinite && run.allSatisfy { f($0) == first }
        guard infinite || (overflowProne && abs(edge) > 20 && run.allSatisfy { f($0).isNaN }) else { return nil }
        // Tame on the defined side: finite and moderate, and not growing towards the edge as a pole's value does.
        let side = lo == nil ? 1.0 : -1.0
        let near = f(edge + side * span * 1e-6), far = f(edge + side * span * 1e-3)
        guard near.isFinite, far.isFinite, abs(near) < 1e12, abs(near) <= 10 * max(abs(far), 1) else { return nil }
        let bound = TickFormat.short(edge, significant: 5)
        let place = lo == nil ? "x < " + bound : "x > " + bound
        let computed = first.isNaN ? "NaN" : first > 0 ? "∞" : "−∞"
        return "float64 over/underflow in the formula for " + place + " (f = " + computed + " there)"
    }

    /// The y limits (`RobustYLimits`): fixed when an unbounded point is in view or a fast-growing tail
    /// was cut off, so the pole or the tail does not set the scale; f at a point where f itself stays
    /// bounded (sqrt at 0) is kept in view.
    private mutating func setLimits(_ f: (Double) -> Double, _ df: (Double) -> Double, xs: [Double], span: Double,
                                    valueBounded: [Double], includeValue: Bool, includeDerivative: Bool, logScale: Bool) {
        var series: [[Double]] = []
        if includeValue { series.append(xs.map(f)) }
        if includeDerivative { series.append(xs.map { f($0).isFinite ? df($0) : .nan }) }
        if logScale {
            // A log axis draws no value ≤ 0: fixed limits over the positive ones, whatever the data's lower end.
            guard let fit = RobustYLimits(logOf: xs, series: series, poles: unbounded) else { return }
            robust = fit
            dataLimits = Interval(fit.shownLower, fit.shownUpper)
            yLimits = Interval(fit.lower, fit.upper)
            return
        }
        guard var fit = RobustYLimits(xs: xs, series: series, poles: unbounded) else { return }
        if includeValue {
            for x in valueBounded where f(x).isFinite {
                fit = fit.including(f(x))
            }
        }
        robust = fit
        dataLimits = Interval(fit.shownLower, fit.shownUpper)
        guard !unbounded.isEmpty || fit.trimmed else { return }
        yLimits = Interval(fit.lower, fit.upper)
    }

    /// [lo, hi] padded by 5 % of its span (by half of |lo|, at least 0.5, when it is a single value).
    public static func padded(_ lo: Double, _ hi: Double) -> Interval {
        // Twentieths taken before subtracting, and the ends kept finite, so values near ±1.8×10³⁰⁸ do not overflow.
        let pad = hi > lo ? 0.05 * hi - 0.05 * lo : max(1, abs(lo)) * 0.5
        return Interval(max(lo - pad, -Double.greatestFiniteMagnitude), min(hi + pad, Double.greatestFiniteMagnitude))
    }

    /// x rounded to the power of ten just under a millionth of the range (−0 → 0): 1.5 stays 1.5, not
    /// 1.5000000001.
    static func rounded(_ x: Double, span: Double) -> Double {
        let perUnit = Double.pow(10, (-Double.log10(span * 1e-6)).rounded(.up))
        let r = (x * perUnit).rounded() / perUnit
        return r == 0 ? 0 : r
    }

    /// The sign a pole's f tends to: ±1 when both defined sides agree (or only one is unbounded), 0
    /// when they differ (1/x: −∞ on the left, ∞ on the right).
    static func sign(_ p: Pole) -> Int {
        if p.left == 0 { return p.right }
        if p.right == 0 { return p.left }
        return p.left == p.right ? p.left : 0
    }

    /// "−∞" and "∞" (left and right) for g at 10⁻⁸ of the span on either side of `s`, when both are large with
    /// opposite signs.
    static func cuspSides(_ g: (Double) -> Double, at s: Double, span: Double) -> (left: String, right: String)? {
        let l = g(s - span * 1e-8), r = g(s + span * 1e-8)
        guard abs(l) > 1e3, abs(r) > 1e3, (l > 0) != (r > 0) else { return nil }
        return (l > 0 ? "∞" : "−∞", r > 0 ? "∞" : "−∞")
    }

    /// The sign of a slow (logarithmic) blow-up at `s` that the tenfold test misses: xˣ's f′ = xˣ(ln x + 1) is −15
    /// at 10⁻⁷ and −5.7 at 10⁻³, but −587 at 10⁻²⁵⁵ (torch's f′(0) = 0 is its value at the point, not the limit).
    /// Counted when |g| grows, with one sign, at every step from 10⁻⁴ of the range down to 10⁻²⁵⁶ of it (or 4 ulp of
    /// `s`) and ends over 8 times its size at 10⁻⁴; nil otherwise.
    static func slowDivergence(_ g: (Double) -> Double, at s: Double, span: Double, defined: (Double) -> Bool) -> Int? {
        for side in [-1.0, 1.0] {
            let floor = 4 * s.ulp
            let ds = [4.0, 8, 16, 32, 64, 128, 256].map { max(span * Double.pow(10, -$0), floor) }
            guard Set(ds).count == ds.count, ds.allSatisfy({ defined(s + side * $0) }) else { continue }
            let v = ds.map { g(s + side * $0) }
            guard v.allSatisfy(\.isFinite), let far = v.first, let near = v.last, far != 0,
                  v.allSatisfy({ ($0 > 0) == (far > 0) }), zip(v, v.dropFirst()).allSatisfy({ abs($1) > abs($0) }),
                  abs(near) > 8 * abs(far) else { continue }
            return far > 0 ? 1 : -1
        }
        return nil
    }

    /// Whether `g` takes values beyond 10³ of both signs at 41 points between 10⁻⁸ and 10⁻⁴ of `span` from `s`
    /// (geometrically spaced) on one `side`.
    static func oscillates(_ g: (Double) -> Double, from s: Double, side: Double, span: Double) -> Bool {
        let large = (0...40).map { k in g(s + side * span * Double.pow(10, -8 + Double(k) / 10)) }.filter { $0.isFinite && abs($0) > 1e3 }
        return large.contains { $0 > 0 } && large.contains { $0 < 0 }
    }

    /// The sign of g's blow-up at `s` (+1 → ∞, −1 → −∞, 0 both; 2 when it oscillates with both signs, as
    /// sin(1/x)'s f′ does at 0), or nil when g stays bounded there: g is ±∞ at or next to `s`, or |g| grows
    /// tenfold from 10⁻⁴ to 10⁻⁸ of the range away and exceeds 10³ there.
    static func divergence(_ g: (Double) -> Double, at s: Double, span: Double, defined: (Double) -> Bool) -> Int? {
        var signs: [Int] = []
        for side in [-1.0, 1.0] {
            let near = s + side * span * 1e-8, far = s + side * span * 1e-4
            guard defined(near), defined(far) else { continue }
            let a = g(near), b = g(far)
            guard a.isInfinite || (abs(a) > 1e3 && abs(a) > 10 * abs(b)) else { continue }
            // Large values of both signs as x → s (sin(1/x)'s f′ = −cos(1/x)/x²): unbounded with no limit.
            if Self.oscillates(g, from: s, side: side, span: span) { return 2 }
            signs.append(a > 0 ? 1 : -1)
        }
        if signs.isEmpty, g(s).isInfinite { signs.append(g(s) > 0 ? 1 : -1) }
        guard let first = signs.first else { return nil }
        return signs.allSatisfy { $0 == first } ? first : 0
    }
}
