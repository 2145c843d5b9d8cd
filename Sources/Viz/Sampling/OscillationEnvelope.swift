/// Where a curve y = f(x) turns back and forth faster than the page can show, and the band it fills
/// there. A line through such a stretch is a solid block at best and, sampled sparsely, an aliased
/// wave that is not there; the honest picture is the band between its lowest and highest values in
/// each pixel column (the envelope, as an oscilloscope or a min/max decimating plot draws it).
///
/// f is sampled uniformly, `samplesPerColumn` points per column of `columns` across the range. A
/// column is *unresolved* when its window of three columns holds at least three local extrema of the
/// samples (a period shorter than about two columns), each turn moving by more than 10⁻⁹ of the curve's
/// largest |value| on both sides (float rounding is not a wave); runs of unresolved columns, with gaps of up to
/// two columns closed, are the stretches returned. A wave sampled below its own frequency (aliased)
/// still shows many extrema, so it is flagged too.
public struct OscillationEnvelope: Sendable {
    /// The unresolved stretches of x, increasing.
    public var intervals: [ClosedRange<Double>]
    /// Each column's centre x and its lowest and highest finite value; NaN outside the stretches.
    public var x: [Double]
    /// Each column's lowest finite value.
    public var lower: [Double]
    /// Each column's highest finite value.
    public var upper: [Double]
    /// The shortest distance between two neighbouring maxima found in the stretches (x units), if any.
    public var shortestPeriod: Double?

    /// The envelope of `f` over `range` drawn `columns` wide (at least 10 and at most 10,000 columns).
    public init(_ range: ClosedRange<Double>, columns: Int, samplesPerColumn: Int = 8, _ f: (Double) -> Double) {
        let cols = min(10_000, max(10, columns)), per = min(64, max(4, samplesPerColumn))
        let n = cols * per
        let a = range.lowerBound, span = range.upperBound - range.lowerBound
        let ys = (0...n).map { f(a + span * Double($0) / Double(n)) }
        var extrema = [Int](repeating: 0, count: cols)
        var maxima: [Int] = []
        // Rounding noise is no oscillation: exp(x)/(1 + exp(x)) steps between 0.9999999999999993, …98 and 1
        // near x = 36. A turn counts only when both its sides move by more than 10⁻⁹ of the curve's size.
        let size = ys.lazy.filter(\.isFinite).map(abs).max() ?? 0
        let noise = 1e-9 * size
        for k in 1..<n {
            let l = ys[k] - ys[k - 1], r = ys[k + 1] - ys[k]
            guard l.isFinite, r.isFinite, (l > 0 && r < 0) || (l < 0 && r > 0), abs(l) > noise, abs(r) > noise else { continue }
            extrema[min(cols - 1, k / per)] += 1
            if l > 0 { maxima.append(k) }
        }
        var flagged = (0..<cols).map { c in extrema[max(0, c - 1)...min(cols - 1, c + 1)].reduce(0, +) >= 3 }
        // Close gaps of up to two columns between flagged runs.
        var last: Int?
        for c in 0..<cols where flagged[c] {
            if let l = last, c - l > 1, c - l <= 3 { for g in (l + 1)..<c { flagged[g] = true } }
            last = c
        }
        let width = span / Double(cols)
        var xs: [Double] = [], lo: [Double] = [], hi: [Double] = []
        var stretches: [ClosedRange<Double>] = []
        var start: Int?
        for c in 0...cols {
            if c < cols, flagged[c] {
                if start == nil { start = c }
                let part = ys[(c * per)...((c + 1) * per)].filter(\.isFinite)
                xs.append(a + width * (Double(c) + 0.5)); lo.append(part.min() ?? .nan); hi.append(part.max() ?? .nan)
            } else {
                if let s = start { stretches.append((a + width * Double(s))...(a + width * Double(c))) }
                start = nil
                if c < cols { xs.append(a + width * (Double(c) + 0.5)); lo.append(.nan); hi.append(.nan) }
            }
        }
        intervals = stretches
        x = xs; lower = lo; upper = hi
        let inside = zip(maxima, maxima.dropFirst()).filter { flagged[min(cols - 1, $0.0 / per)] }.map { Double($0.1 - $0.0) * span / Double(n) }
        shortestPeriod = inside.min()
    }

    /// Whether nothing is unresolved.
    public var isEmpty: Bool { intervals.isEmpty }

    /// Whether `x` lies in an unresolved stretch.
    public func contains(_ v: Double) -> Bool { intervals.contains { $0.contains(v) } }
}
