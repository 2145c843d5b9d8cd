// Fields: scalar fields z = f(x, y): sampling, contour lines and bands (marching squares), levels.

/// How contour levels are spaced when only a count is given.
public enum LevelSpacing: Sendable, Hashable {
    /// Logarithmic when the data spans more than two decades above its minimum, linear otherwise.
    case auto
    case linear
    /// Nice values of `10^k` (1-3 or 1-2-5 per decade) of `z − offset`, where `offset` is the minimum
    /// when that is not positive and 0 otherwise (a rule of this library, so that a field whose minimum
    /// is zero or negative still gets log-spaced levels above it).
    case log
}

/// Which contour levels to draw.
public enum ContourLevels: Sendable, Hashable {
    /// About `n` nice levels strictly inside the data range (as close to `n` as nice values allow).
    case count(Int, spacing: LevelSpacing = .auto)
    /// Exactly `n` evenly spaced levels strictly inside the data range.
    case exactly(Int)
    /// These levels (sorted; duplicates and non-finite values are rejected).
    case values([Double])
    /// Levels already resolved for this field (`resolve(for:)` of another request), used as they are: a
    /// figure that draws bands and lines of one field resolves once (choosing log or linear levels sorts a
    /// sample of the field).
    case resolved(Resolved)

    /// Seven levels, spacing chosen from the data.
    public static let automatic = ContourLevels.count(7)

    /// Resolved levels: the values and how they were spaced.
    public struct Resolved: Sendable, Hashable {
        /// Increasing levels (may be empty; then `note` says why).
        public var values: [Double]
        /// The levels were chosen on a log scale of `z − offset`.
        public var isLog: Bool
        /// What is subtracted from z before taking logs (0 for positive data).
        public var offset: Double
        /// Something the figure should tell the reader (no finite data, constant field, levels outside the data).
        public var note: String?
    }

    /// The levels for `field`; data that leaves no level to draw gives empty `values` and a note.
    /// - Throws: `VizError.invalidValue` for a count outside 1…1000, or explicit levels that are empty, not finite or repeated.
    public func resolve(for field: ScalarField) throws(VizError) -> Resolved {
        switch self {
        case let .resolved(r):
            return r
        case let .count(n, _), let .exactly(n):
            guard n >= 1, n <= 1000 else {
                throw VizError.invalidValue(what: "number of contour levels", value: "\(n)", allowed: "1 to 1000")
            }
        case let .values(v):
            guard !v.isEmpty, v.allSatisfy(\.isFinite) else {
                throw VizError.invalidValue(what: "contour levels", value: "\(v)", allowed: "one or more finite numbers")
            }
            let s = v.sorted()
            for k in 1..<max(1, s.count) where s[k] == s[k - 1] {
                throw VizError.invalidValue(what: "contour levels", value: "\(v)", allowed: "distinct values")
            }
        }
        guard let range = field.finiteRange else {
            return Resolved(values: [], isLog: false, offset: 0, note: "no finite values to contour")
        }
        let lo = range.lower, hi = range.upper
        if case let .values(v) = self {
            let s = v.sorted()
            let inside = s.filter { $0 >= lo && $0 < hi }
            let note = inside.isEmpty ? "no contour level lies within the data range "
                + TickFormat.short(lo) + " … " + TickFormat.short(hi) : nil
            return Resolved(values: s, isLog: false, offset: 0, note: note)
        }
        guard hi > lo else {
            return Resolved(values: [], isLog: false, offset: 0, note: "constant field (z = " + TickFormat.short(lo) + "): no contours")
        }
        switch self {
        case let .exactly(n):
            let step = (hi - lo) / Double(n + 1)
            return Resolved(values: (1...n).map { lo + Double($0) * step }, isLog: false, offset: 0, note: nil)
        case let .count(n, spacing):
            // One sorted sample serves both questions (sorting 16k values is most of the cost).
            var sample: [Double]?
            func sorted() -> [Double] {
                if let sample { return sample }
                let s = ContourLevels.sortedSample(field)
                sample = s
                return s
            }
            let useLog: Bool
            switch spacing {
            case .linear: useLog = false
            case .log: useLog = true
            case .auto: useLog = ContourLevels.spansDecades(sorted(), range: range)
            }
            if useLog {
                let floor = ContourLevels.lowQuantile(sorted(), offset: lo > 0 ? 0 : lo, hi: hi)
                let offset = ContourLevels.logOffset(lo, floor: floor)
                let v = ContourLevels.logLevels(from: floor, to: hi - offset, near: n).map { $0 + offset }.filter { $0 > lo && $0 < hi }
                // Too few nice log values (a field within one decade, e.g. 0.2 to 1.5): linear levels show more.
                if v.count >= min(n, 3) { return Resolved(values: v, isLog: true, offset: offset, note: nil) }
            }
            return Resolved(values: ContourLevels.linearLevels(lo, hi, near: n), isLog: false, offset: 0, note: nil)
        case .values, .resolved:
            return Resolved(values: [], isLog: false, offset: 0, note: nil)
        }
    }

    /// Nice linear values strictly inside (lo, hi), as close to `n` of them as possible.
    static func linearLevels(_ lo: Double, _ hi: Double, near n: Int) -> [Double] {
        var best: [Double] = []
        for c in 1...(3 * n + 2) {
            let v = Ticks.values(lo, hi, count: c).filter { $0 > lo && $0 < hi }
            if best.isEmpty || abs(v.count - n) < abs(best.count - n) { best = v }
            if v.count == n { break }
        }
        return best.isEmpty ? [(lo + hi) / 2] : best
    }

    /// Nice log values (mantissas 1; 1, 3; 1, 2, 5; or every k-th decade) in (lo, hi), as close to `n` as possible.
    static func logLevels(from lo: Double, to hi: Double, near n: Int) -> [Double] {
        guard lo > 0, hi > lo else { return [] }
        let e0 = Int(Math.log10(lo).rounded(.down)), e1 = Int(Math.log10(hi).rounded(.up))
        var candidates: [[Double]] = []
        for mantissas in [[1.0, 2, 5], [1, 3], [1]] {
            var v: [Double] = []
            for e in e0...e1 { for m in mantissas { v.append(m * Math.exp10(Double(e))) } }
            candidates.append(v.filter { $0 > lo * (1 - 1e-12) && $0 < hi })
        }
        for stride in 2...6 {
            var v: [Double] = []
            var e = e0 - ((e0 % stride) + stride) % stride
            while e <= e1 { v.append(Math.exp10(Double(e))); e += stride }
            candidates.append(v.filter { $0 > lo * (1 - 1e-12) && $0 < hi })
        }
        return candidates.min { abs($0.count - n) < abs($1.count - n) } ?? []
    }

    /// True when the data spans more than two decades above its minimum: the largest value of `z − zmin`
    /// exceeds 100 times its 10th percentile (a bowl like x² + y² stays linear; Rosenbrock and Beale go log).
    /// `sample` is `sortedSample(field)`.
    static func spansDecades(_ sample: [Double], range: Interval) -> Bool {
        let s = sample.map { $0 - range.lower }
        guard !s.isEmpty else { return false }
        // The first positive of the 10th, 25th and 50th percentiles (a grid that hits its minimum often).
        for q in [s[s.count / 10], s[s.count / 4], s[s.count / 2]] where q > 0 {
            return range.upper - range.lower > 100 * q
        }
        return false
    }

    /// A floor for log levels: the 1st percentile of the positive values of `z − offset`, at least 10⁻⁷ of the top.
    /// What log-spaced levels are counted from: 0 for positive data, else the minimum `lo` rounded down to
    /// the decade of the lowest level (`floor`, the low quantile of z − lo). A sampled minimum of −0.2498 for
    /// x⁴ − x² + y² (true −0.25) then gives levels −0.05, 0.75, … rather than −0.0498, 0.7502, ….
    static func logOffset(_ lo: Double, floor: Double) -> Double {
        guard lo <= 0 else { return 0 }
        guard floor > 0, floor.isFinite else { return lo }
        let unit = Math.pow(10, Math.log10(floor).rounded(.down))
        let rounded = (lo / unit).rounded(.down) * unit
        return rounded.isFinite && rounded <= lo && lo - rounded <= floor ? rounded : lo
    }

    static func lowQuantile(_ sample: [Double], offset: Double, hi: Double) -> Double {
        let s = sample.map { $0 - offset }.filter { $0 > 0 }
        let top = hi - offset
        guard !s.isEmpty else { return top * 1e-3 }
        // Levels span 7 decades below the top, or down to the 5th percentile where the values' bulk reaches
        // further (e^{10x} over [−3, 3]: 26 decades, evenly; the bottom 19 had been one colour).
        return max(s[s.count / 100], spreadsBeyondLogSpan(s) ? min(top * 1e-7, s[s.count / 20]) : top * 1e-7)
    }

    /// Whether the positive, increasing values `s` spread evenly over more decades than log levels otherwise
    /// cover: their 5th percentile lies more than 7 decades below their largest, and their median at least a
    /// quarter of the way up those decades (e^{10x}: half way). A double exponential's decades are a thin tail
    /// (exp(exp(x + y)): median 10^0.43 of 10^175), which the 7-decade span is for.
    static func spreadsBeyondLogSpan(_ s: [Double]) -> Bool {
        guard let top = s.last, !s.isEmpty else { return false }
        let q05 = s[s.count / 20], median = s[s.count / 2]
        guard q05 > 0, q05 < top * 1e-7 else { return false }
        return Math.log10(median) - Math.log10(q05) >= 0.25 * (Math.log10(top) - Math.log10(q05))
    }

    /// Up to ~16k finite values of `z`, sorted (a deterministic stride through the grid).
    static func sortedSample(_ field: ScalarField) -> [Double] {
        let stride = max(1, field.z.count / 16_384)
        var out: [Double] = []
        out.reserveCapacity(field.z.count / stride + 1)
        var k = 0
        while k < field.z.count {
            let v = field.z[k]
            if v.isFinite { out.append(v) }
            k += stride
        }
        return out.sorted()
    }
}
