/// How data values map to positions along an axis.
public enum ScaleKind: Sendable, Hashable {
    case linear
    /// Base-10 logarithm; the domain must be positive.
    case log
    /// Linear within ±`threshold`, logarithmic outside (sign · log10(1 + |v|/threshold)).
    case symlog(threshold: Double)
}

/// A one-dimensional scale: a kind and a domain (which may be reversed for an inverted axis).
public struct Scale: Sendable, Hashable {
    /// Linear or log.
    public var kind: ScaleKind
    /// The data values at the two ends of the axis.
    public var domain: Interval

    /// A scale of `kind` over `domain`.
    public init(_ kind: ScaleKind = .linear, domain: Interval) { self.kind = kind; self.domain = domain }

    /// The value in the scale's straight space (identity, log10, or symlog).
    @inline(__always) public func transform(_ v: Double) -> Double {
        switch kind {
        case .linear: return v
        case .log: return v > 0 ? Math.log10(v) : .nan
        case let .symlog(c): return v < 0 ? -Self.log10OnePlus(-v / c) : Self.log10OnePlus(v / c)
        }
    }

    /// log10(1 + u) for u ≥ 0, exact where 1 + u rounds (u = 10⁻²⁰ gave 0, so data of 10⁻¹² and less all sat
    /// at one point of a symlog axis, a matrix Cairo could not invert); log10(1 + u) itself where u is not
    /// small, so powers of ten stay whole decades.
    static func log10OnePlus(_ u: Double) -> Double {
        u < 1e-3 ? Math.log1p(u) / Math.log(10) : Math.log10(1 + u)
    }

    /// 10^t − 1 for t ≥ 0, the inverse of `log10OnePlus`.
    static func exp10MinusOne(_ t: Double) -> Double {
        t < 1e-3 ? Math.expm1(t * Math.log(10)) : Math.pow(10, t) - 1
    }

    /// The inverse of `transform`.
    public func untransform(_ t: Double) -> Double {
        switch kind {
        case .linear: return t
        case .log: return Math.pow(10, t)
        case let .symlog(c): return t < 0 ? -c * Self.exp10MinusOne(-t) : c * Self.exp10MinusOne(t)
        }
    }

    /// 0 at `domain.lower`, 1 at `domain.upper`.
    @inline(__always) public func normalize(_ v: Double) -> Double {
        let a = transform(domain.lower), b = transform(domain.upper), t = transform(v)
        let d = b - a, offset = t - a
        if d.isFinite && offset.isFinite { return offset / d }
        // A domain or a value beyond it spanning more than 1.8×10³⁰⁸ (−10³⁰⁸…10³⁰⁸): halves first.
        return (0.5 * t - 0.5 * a) / (0.5 * b - 0.5 * a)
    }

    /// The data value at normalized position `u`.
    public func value(atNormalized u: Double) -> Double {
        let a = transform(domain.lower), b = transform(domain.upper)
        let d = b - a
        return untransform(d.isFinite ? a + u * d : a * (1 - u) + b * u)
    }

    /// Checks that the domain can be drawn on this kind of scale.
    /// - Throws: `VizError.invalidValue` (naming `axis`) when the domain is not two different finite numbers, a log domain is not
    ///   positive, or a symlog threshold is not positive.
    public func validate(axis: String) throws(VizError) {
        guard domain.isFinite, domain.lower != domain.upper else {
            throw VizError.invalidValue(what: "\(axis) limits", value: "\(domain.lower):\(domain.upper)", allowed: "two different finite numbers")
        }
        if case .log = kind, domain.lower <= 0 || domain.upper <= 0 {
            throw VizError.invalidValue(what: "\(axis) limits for a log scale", value: "\(domain.lower):\(domain.upper)", allowed: "positive limits")
        }
        if case let .symlog(c) = kind, !(c > 0) {
            throw VizError.invalidValue(what: "symlog threshold", value: "\(c)", allowed: "a positive number")
        }
    }

    private var increasing: (Double, Double) { (min(domain.lower, domain.upper), max(domain.lower, domain.upper)) }

    /// Major tick values inside the domain, about `count` of them.
    public func ticks(count: Int) -> [Double] {
        let (lo, hi) = increasing
        switch kind {
        case .linear:
            return Ticks.values(lo, hi, count: count)
        case .log:
            return Self.logTicks(lo, hi, count: count)
        case let .symlog(c):
            return symlogTicks(lo, hi, threshold: c, count: count)
        }
    }

    /// Log ticks: 1-2-5 or 1-3 multiples of the powers of ten over a few decades; over many, every
    /// n-th power with n a nice number (1, 2, 3, 5, 10, 20, 25, 50, …), so an axis from 10⁻³⁰⁰ to 1
    /// reads 10⁻³⁰⁰, 10⁻²⁰⁰, 10⁻¹⁰⁰, 1 rather than 10⁻²²², 10⁻¹¹¹. Never fewer than two ticks.
    static func logTicks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let a = Math.log10(lo), b = Math.log10(hi)
        let most = max(count, 3) + 1
        if b - a < 40 {
            for mantissas in [[1.0, 2, 5], [1.0, 3], [1.0]] {
                var out: [Double] = []
                for e in Int(a.rounded(.down))...Int(b.rounded(.up)) {
                    for m in mantissas {
                        let v = m * Math.pow(10, Double(e))
                        if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { out.append(v) }
                    }
                }
                // Less than a decade without two 1-2-5 values in it: plain nice ticks.
                if out.count < 2 { return Ticks.values(lo, hi, count: count) }
                if out.count <= most { return out }
            }
        }
        // Many decades: every n-th power of ten.
        let raw = (b - a) / Double(max(count, 1))
        var step = 1.0
        var base = 1.0
        search: while true {
            for m in [1.0, 2, 2.5, 3, 5] where m * base >= raw && (m != 2.5 || base >= 10) { step = m * base; break search }
            base *= 10
        }
        var out: [Double] = []
        var e = (a / step).rounded(.up) * step
        while e <= b + 1e-9 { out.append(Math.pow(10, e)); e += step }
        if out.count < 2 {
            out = [Math.pow(10, a.rounded(.up)), Math.pow(10, b.rounded(.down))]
            if out[0] == out[1] { return Ticks.values(lo, hi, count: count) }
        }
        return out.filter { $0 > 0 && $0.isFinite }
    }

    /// Minor tick values between the major ones.
    public func minorTicks(count: Int) -> [Double] {
        let (lo, hi) = increasing
        switch kind {
        case .linear:
            let major = Ticks.values(lo, hi, count: count)
            guard major.count >= 2 else { return [] }
            let step = major[1] - major[0]
            let mant = step / Math.pow(10, Math.log10(step).rounded(.down))
            let parts = abs(mant - 2) < 1e-9 ? 4 : 5
            let minor = step / Double(parts)
            var out: [Double] = []
            var k = ((lo - major[0]) / minor).rounded(.up)
            while true {
                let v = major[0] + k * minor
                if v > hi + minor * 1e-9 { break }
                let r = ((v - major[0]) / step)
                if abs(r - r.rounded()) > 1e-6 { out.append(v) }
                k += 1
                if out.count > 500 { break }
            }
            return out
        case .log:
            let a = Int(Math.log10(lo).rounded(.down)), b = Int(Math.log10(hi).rounded(.up))
            guard b - a <= 12 else { return [] }
            var out: [Double] = []
            for e in a...b {
                for m in 2...9 {
                    let v = Double(m) * Math.pow(10, Double(e))
                    if v >= lo && v <= hi { out.append(v) }
                }
            }
            return out
        case .symlog:
            return []
        }
    }

    /// Tick labels for `ticks`, formatted from their spacing (see `TickFormat`).
    public func labels(for ticks: [Double]) -> [String] {
        switch kind {
        case .linear: return TickFormat.linear(ticks)
        case .log, .symlog:
            // Powers of ten and 1-2-5 multiples read best as such; a narrow range (10.05 … 10.25, plain nice
            // ticks under a decade) needs more digits, as many as tell the ticks apart.
            let powers = ticks.map { $0 == 0 ? "0" : ($0 < 0 ? TickFormat.minus : "") + TickFormat.power(abs($0)) }
            return TickFormat.tellsApart(powers, values: ticks) ? powers : TickFormat.distinct(ticks)
        }
    }
}
