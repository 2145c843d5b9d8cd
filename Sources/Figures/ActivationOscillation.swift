import Optim
import Viz

extension ActivationFigure {
    /// `pts` of a typed function's curve with the stretches where it oscillates faster than the page's
    /// pixel columns cut out, the band it fills there (an `OscillationEnvelope`, in the curve's colour),
    /// and the period for the note; built-in activations never oscillate and pass through unchanged.
    /// The period in the note is measured from `slope` (f′, whose sign changes twice a period) where it shows a
    /// steady one; the envelope's own count of sampled maxima aliases (sin(x) across ±10⁴: "period down to 5.2").
    static func resolvable(_ pts: [Point], _ f: @escaping (Double) -> Double, slope: ((Double) -> Double)? = nil, typed: Bool,
                           over xr: ClosedRange<Double>, columns: Int, color: Color,
                           zOrder: Double) -> (points: [Point], band: AreaMark?, envelope: OscillationEnvelope?) {
        guard typed else { return (pts, nil, nil) }
        var env = OscillationEnvelope(xr, columns: columns, f)
        guard !env.isEmpty else { return (pts, nil, nil) }
        if let slope {
            let measured = env.intervals.compactMap { Oscillation.period(ofDerivative: slope, from: $0.lowerBound, length: $0.upperBound - $0.lowerBound) }
            if let shortest = measured.min() { env.shortestPeriod = shortest }
        }
        let cut = pts.map { env.contains($0.x) ? Point($0.x, .nan) : $0 }
        let band = AreaMark(x: env.x, y1: env.lower, y2: env.upper, color: color.withAlpha(0.45), zOrder: zOrder)
        return (cut, band, env)
    }

    /// The footnote for curves drawn as bands: which curves, where, and the shortest period.
    static func oscillationNote(_ found: [(name: String, envelope: OscillationEnvelope)]) -> String? {
        guard let first = found.first?.envelope else { return nil }
        let names = found.map(\.name)
        let who = names.count == 1 ? names[0] + " oscillates" : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") + " oscillate"
        let all = found.flatMap(\.envelope.intervals)
        let lo = all.map(\.lowerBound).min() ?? 0, hi = all.map(\.upperBound).max() ?? 0
        let stretch = first.intervals.count == 1 && found.count == 1
            ? "for " + TickFormat.short(lo, significant: 2) + " < x < " + TickFormat.short(hi, significant: 2)
            : "between x = " + TickFormat.short(lo, significant: 2) + " and " + TickFormat.short(hi, significant: 2)
        let period = found.compactMap(\.envelope.shortestPeriod).min().map { " (period down to " + TickFormat.short($0, significant: 2) + ")" } ?? ""
        return who + " faster than the pixels can show " + stretch + period + ": shaded is the band " + (names.count == 1 ? "it fills" : "each fills") + "; give --range to zoom in"
    }
}
