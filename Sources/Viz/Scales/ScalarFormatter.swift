// Scales: linear and log scales, tick positions and tick labels.

/// Tick labels that tell values apart, after matplotlib's `ScalarFormatter`
/// (`lib/matplotlib/ticker.py`: `_compute_offset`, `_set_order_of_magnitude`, `_set_format`):
///
/// 1. **Offset.** When the ticks share a round leading part that saves four or more digits (matplotlib's
///    `offset_threshold`), it is subtracted from every tick and shown once with the axis title
///    (999.999 … 1000.001 → −0.001 … 0.001 with "x − 1000").
/// 2. **Shared power of ten.** When what remains is ≥ 10⁵ or < 10⁻³ (or `scientific` is asked for),
///    every label is divided by one 10ⁿ, shown once (0.2, 0.4 … with "×10⁶").
/// 3. **Decimals.** The fewest decimals that show the step (d3's `precisionFixed`), raised until every
///    tick has a different label.
public struct ScalarLabels: Sendable, Equatable {
    /// One label per tick.
    public var labels: [String]
    /// Subtracted from every tick before formatting (0: none).
    public var offset: Double
    /// Every label is the tick (minus the offset) divided by 10^exponent (0: none).
    public var exponent: Int

    /// True when an offset or a power of ten has to be shown once beside the axis.
    public var hasSuffix: Bool { offset != 0 || exponent != 0 }

    /// The axis title with the shared offset and factor, e.g. "$x$ − 1000", "step (×10⁶)"; `title`
    /// alone when there is nothing to add; with no title the factor alone ("×10⁵", for a panel whose
    /// neighbour names the axis), or "value − 1000" for an offset.
    public func axisTitle(_ title: String?) -> String? {
        guard hasSuffix else { return title }
        if title == nil, offset == 0 { return "×10" + TickFormat.superscript(exponent) }
        var parts: [String] = []
        if offset != 0 {
            // 2×10¹², not 2000000000000 (a long run of zeros is unreadable); 1000000 stays as typed.
            let plain = TickFormat.shortest(abs(offset)), power = TickFormat.short(abs(offset), significant: 17)
            let magnitude = plain.count > 7 && power.count <= plain.count ? power : plain
            parts.append((offset > 0 ? TickFormat.minus : "+") + " " + magnitude)
        }
        var text = (title ?? "value") + (parts.isEmpty ? "" : " " + parts.joined(separator: " "))
        if exponent != 0 { text += " (×10" + TickFormat.superscript(exponent) + ")" }
        return text
    }
}

/// Tick and value labels: `labels(_:scientific:)` computes `ScalarLabels` (offset, shared power of ten,
/// fewest decimals: the rules above); `distinct` and `shortest` label single values.
public enum ScalarFormatter {
    /// Labels for linear `ticks` (any order); `scientific` forces the shared power of ten even for
    /// magnitudes that would print plainly (used when plain labels cannot fit the axis).
    public static func labels(_ ticks: [Double], scientific: Bool = false) -> ScalarLabels {
        let finite = ticks.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else {
            return ScalarLabels(labels: ticks.map { TickFormat.fixed($0, 0) }, offset: 0, exponent: 0)
        }
        let offset = self.offset(lo, hi)
        let shifted = ticks.map { $0 - offset }
        let big = shifted.filter(\.isFinite).map(abs).max() ?? 0
        var exponent = 0
        if big > 0 {
            // A hair of tolerance: 1000.001 − 1000 is 0.000999999… in binary and still reads 0.001.
            let oom = Int((Math.log10(big) + 1e-9).rounded(.down))
            if oom >= 5 || oom <= -4 || (scientific && oom != 0) { exponent = oom }
        }
        let scale = Math.pow(10, Double(exponent))
        let scaled = shifted.map { $0 / scale }
        let sorted = Array(Set(scaled.filter(\.isFinite))).sorted()
        var step = Double.infinity
        for k in sorted.indices.dropFirst() { step = min(step, sorted[k] - sorted[k - 1]) }
        // One tick has no step: as many decimals as the value itself needs (up to six).
        let alone = sorted.first.map { v in
            (0...6).first { d in let p = Math.pow(10, Double(d)); return abs((v * p).rounded() / p - v) <= 1e-9 * max(1, abs(v)) } ?? 6
        } ?? 0
        var digits = step.isFinite ? TickFormat.decimals(step) : alone
        var labels = scaled.map { TickFormat.fixed($0, digits) }
        while digits < 15, !TickFormat.tellsApart(labels, values: scaled) {
            digits += 1
            labels = scaled.map { TickFormat.fixed($0, digits) }
        }
        return ScalarLabels(labels: labels, offset: offset, exponent: exponent)
    }

    /// The common round part of ticks in `lo...hi` (matplotlib's `_compute_offset`), or 0 when it would
    /// not save at least four digits (`axes.formatter.offset_threshold`).
    static func offset(_ lo: Double, _ hi: Double) -> Double {
        guard hi > lo, lo * hi > 0, lo.isFinite, hi.isFinite else { return 0 }
        let absMin = min(abs(lo), abs(hi)), absMax = max(abs(lo), abs(hi))
        let sign: Double = lo < 0 ? -1 : 1
        func floorDiv(_ x: Double, _ e: Int) -> Double { (x / Math.pow(10, Double(e))).rounded(.down) }
        let oomMax = Int(Math.log10(absMax).rounded(.up))
        // The smallest power of ten at which both ends still agree.
        var oom = oomMax
        while oom > -330, floorDiv(absMin, oom) == floorDiv(absMax, oom) { oom -= 1 }
        oom += 1
        if (absMax - absMin) / Math.pow(10, Double(oom)) <= 1e-2 {
            // Straddling a multiple of a large power of ten: the power at which the ends are more than 1 apart.
            oom = oomMax
            while oom > -330, floorDiv(absMax, oom) - floorDiv(absMin, oom) <= 1 { oom -= 1 }
            oom += 1
        }
        let head = floorDiv(absMax, oom)
        guard head >= 1000 else { return 0 }
        // head / 10^k rather than head · 10^−k: both are exact integers below 2⁵³ for k ≤ 22, so the
        // offset is the double nearest its decimal value and prints as typed (0.03559, not 0.035590000000000004).
        let o = sign * (oom >= 0 ? head * Math.pow(10, Double(oom)) : head / Math.pow(10, Double(-oom)))
        return o.isFinite ? o : 0
    }
}

extension TickFormat {
    /// True when values that differ get labels that differ.
    static func tellsApart(_ labels: [String], values: [Double]) -> Bool {
        var seen: [String: Double] = [:]
        for (l, v) in zip(labels, values) where v.isFinite {
            if let w = seen[l], w != v { return false }
            seen[l] = v
        }
        return true
    }

    /// Labels for values that need not be evenly spaced (contour levels, colour bands): `short` with
    /// `significant` digits, raised until values that differ get labels that differ.
    public static func distinct(_ values: [Double], significant: Int = 3) -> [String] {
        var s = significant
        var labels = values.map { short($0, significant: s) }
        while s < 17, !tellsApart(labels, values: values) {
            s += 1
            labels = values.map { short($0, significant: s) }
        }
        guard s > significant else { return labels }
        // Long mantissas read better written out: 2000001, not 2.000001×10⁶.
        return values.map { v in
            let a = abs(v)
            guard v.isFinite, a >= 1e-4, a < 1e15 else { return short(v, significant: s) }
            let e = Int(Math.log10(a).rounded(.down))
            var t = fixed(v, max(0, s - 1 - e))
            if t.contains(".") {
                while t.hasSuffix("0") { t.removeLast() }
                if t.hasSuffix(".") { t.removeLast() }
            }
            return t
        }
    }

    /// `v` in the form of `short` with every digit of its shortest round-trip decimal, so it is never
    /// shown rounded: 1e10 → 1×10¹⁰, 10.0 → 10, 0.001 → 0.001, 1.001 → 1.001, 1e-5 → 1×10⁻⁵. For settings
    /// the user typed or a program chose (learning rates in legends and titles).
    public static func exact(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return short(v) }
        var digits = abs(v).description
        if let e = digits.firstIndex(where: { $0 == "e" || $0 == "E" }) { digits = String(digits[..<e]) }
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        digits.removeAll { $0 == "." }
        while digits.hasPrefix("0") { digits.removeFirst() }
        while digits.hasSuffix("0") { digits.removeLast() }
        return short(v, significant: min(17, max(1, digits.count)))
    }

    /// The shortest decimal that reads back to the same Double (Swift's `description`), with a true minus
    /// and ×10ⁿ instead of `e` notation: for numbers the user typed (starts, ranges), which must not be
    /// shown rounded (1000.0005 stays 1000.0005).
    public static func shortest(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? minus + "∞" : "∞") }
        if v == 0 { return "0" }
        var s = v.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(s[..<e])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            let exponent = Int(s[s.index(after: e)...]) ?? 0
            s = (mantissa == "1" ? "" : mantissa == "-1" ? "-" : mantissa + "×") + "10" + superscript(exponent)
        }
        return s.hasPrefix("-") ? minus + s.dropFirst() : s
    }
}
