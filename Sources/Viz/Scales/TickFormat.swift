/// Tick label formatting: decimals from the tick step (d3's precisionFixed), a true minus sign,
/// powers of ten as superscripts, and a shared ×10ⁿ when numbers are very large or very small.
public enum TickFormat {
    /// U+2212 MINUS SIGN.
    public static let minus = "\u{2212}"
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    /// `n` in superscript digits, e.g. −3 → ⁻³.
    public static func superscript(_ n: Int) -> String { String(String(n).compactMap { superscripts[$0] }) }

    /// Labels for evenly spaced linear ticks.
    public static func linear(_ ticks: [Double]) -> [String] {
        guard let first = ticks.first else { return [] }
        let step = ticks.count > 1 ? abs(ticks[1] - first) : max(abs(first), 1)
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e5 || (largest > 0 && largest < 1e-3) {
            // Scientific: mantissa × 10^e with e shared, decimals from the step.
            let e = Int(Math.log10(largest).rounded(.down))
            let d = decimals(mantissa(step, exponent: e))
            return ticks.map { v in
                if v == 0 { return "0" }
                return fixed(mantissa(v, exponent: e), d) + "×10" + superscript(e)
            }
        }
        let d = decimals(step)
        return ticks.map { fixed($0, d) }
    }

    /// v / 10ᵉ without under- or overflow: 10ᵉ alone is 0 below 10⁻³²³ (and loses digits below
    /// 10⁻³⁰⁷), so the smallest doubles (5×10⁻³²⁴) are scaled up first.
    public static func mantissa(_ v: Double, exponent e: Int) -> Double {
        if e < -290 { return (v * 1e300) / Math.pow(10, Double(e + 300)) }
        if e > 290 { return (v / 1e300) / Math.pow(10, Double(e - 300)) }
        return v / Math.pow(10, Double(e))
    }

    /// The number of decimals that shows a step exactly: max(0, −floor(log10 step)) (+1 for 2.5-like steps).
    public static func decimals(_ step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        // A hair of tolerance: a step taken between two ticks (1.3 − 1.2 = 0.09999999999999987) is 0.1, one
        // decimal, not a step under 0.1 that needed two ("1.30, 1.20").
        let e = (Math.log10(step) + 1e-9).rounded(.down)
        var d = max(0, Int(-e))
        let mant = step / Math.pow(10, e)
        if abs(mant - mant.rounded()) > 1e-6 { d += 1 }
        return min(d, 15)
    }

    /// `v` with exactly `digits` decimals and a true minus sign; no locale, no −0.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? minus + "∞" : "∞") }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let n = (abs(v) * p).rounded()
        if n == 0 { return digits > 0 ? "0." + String(repeating: "0", count: digits) : "0" }
        let sign = v < 0 ? minus : ""
        if n >= 9e15 { return sign + String(abs(v)) }
        let total = Int64(n)
        let whole = total / Int64(p)
        let frac = total % Int64(p)
        if digits == 0 { return sign + String(whole) }
        var f = String(frac)
        while f.count < digits { f = "0" + f }
        return sign + String(whole) + "." + f
    }

    /// A log-axis label: 10ⁿ for exact powers of ten, m×10ⁿ otherwise (small values written plainly).
    public static func power(_ v: Double) -> String {
        guard v > 0, v.isFinite else { return "0" }
        var e = Math.log10(v).rounded(.down)
        var m = (mantissa(v, exponent: Int(e)) * 1000).rounded() / 1000
        // A mantissa that rounds up to 10 carries into the exponent: 9.9996×10ⁿ reads 10ⁿ⁺¹, not 10×10ⁿ.
        if m >= 10 { m /= 10; e += 1 }
        if e >= -2 && e <= 3 {
            return fixed(v, max(0, Int(-e) + (abs(m - m.rounded()) > 1e-9 ? 1 : 0)))
        }
        if abs(m - 1) < 1e-9 { return "10" + superscript(Int(e)) }
        return fixed(m, abs(m - m.rounded()) > 1e-9 ? 1 : 0) + "×10" + superscript(Int(e))
    }

    /// A general-purpose short label for a value (legends, annotations): up to `significant` digits.
    public static func short(_ v: Double, significant: Int = 3) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? minus + "∞" : "∞") }
        if v == 0 { return "0" }
        var e = Int(Math.log10(abs(v)).rounded(.down))
        // A mantissa that rounds up to 10 carries into the exponent (9.9755×10⁻²⁰ to two digits is 1×10⁻¹⁹);
        // measured through `mantissa`, which stays finite for the smallest doubles.
        let digits = Double(max(1, significant))
        if (mantissa(abs(v), exponent: e) * Math.pow(10, digits - 1)).rounded() >= Math.pow(10, digits) { e += 1 }
        if e >= 5 || e <= -4 {
            let m = mantissa(v, exponent: e)
            var s = fixed(m, max(0, significant - 1))
            while s.contains("."), s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s + "×10" + superscript(e)
        }
        var s = fixed(v, max(0, significant - 1 - e))
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
