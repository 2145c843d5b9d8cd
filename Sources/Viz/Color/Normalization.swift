/// Maps data values to [0, 1] for a colormap: linearly, or logarithmically in `v − offset`.
public struct Normalization: Sendable, Hashable {
    /// Linear or logarithmic.
    public enum Kind: Sendable, Hashable { case linear, log }
    /// Linear or logarithmic.
    public var kind: Kind
    /// The value that maps to 0.
    public var lower: Double
    /// The value that maps to 1.
    public var upper: Double
    /// Log normalisation works on `v − offset` (0 for positive data; below the minimum for data that reaches 0).
    public var offset: Double

    /// Validated normalisation: finite, different bounds; for log, `lower − offset > 0` and `upper > lower`.
    /// - Throws: `VizError.invalidValue` when a bound or `offset` is not finite or `lower` ≥ `upper`, or for `.log` when `lower −
    ///   offset` ≤ 0.
    public init(_ kind: Kind, lower: Double, upper: Double, offset: Double = 0) throws(VizError) {
        guard lower.isFinite, upper.isFinite, offset.isFinite, lower < upper else {
            throw VizError.invalidValue(what: "colour range", value: "\(lower):\(upper)", allowed: "two finite numbers, lower < upper")
        }
        if kind == .log, !(lower - offset > 0) {
            throw VizError.invalidValue(what: "log colour range", value: "\(lower):\(upper) (offset \(offset))",
                                        allowed: "a lower bound above the offset")
        }
        self.kind = kind; self.lower = lower; self.upper = upper; self.offset = offset
    }

    private init(unchecked kind: Kind, _ lower: Double, _ upper: Double, _ offset: Double) {
        self.kind = kind; self.lower = lower; self.upper = upper; self.offset = offset
    }

    /// Linear over the field's finite range (a constant field gets a unit range around its value).
    public static func linear(for field: ScalarField) -> Normalization {
        guard let r = field.finiteRange else { return Normalization(unchecked: .linear, 0, 1, 0) }
        if r.lower == r.upper { return Normalization(unchecked: .linear, r.lower - 0.5, r.upper + 0.5, 0) }
        return Normalization(unchecked: .linear, r.lower, r.upper, 0)
    }

    /// Symmetric about `centre` (for diverging maps): `centre ± max|z − centre|`.
    public static func centered(for field: ScalarField, on centre: Double = 0) -> Normalization {
        guard let r = field.finiteRange else { return Normalization(unchecked: .linear, centre - 1, centre + 1, 0) }
        var m = max(abs(r.lower - centre), abs(r.upper - centre))
        if !(m > 0) { m = 1 }
        return Normalization(unchecked: .linear, centre - m, centre + m, 0)
    }

    /// Logarithmic over the field: on `z` itself when all values are positive, otherwise on `z − offset`
    /// with the offset just below the minimum (1st-percentile floor, as log contour levels).
    public static func log(for field: ScalarField) -> Normalization {
        guard let r = field.finiteRange, r.upper > r.lower else { return linear(for: field) }
        let floor = ContourLevels.lowQuantile(ContourLevels.sortedSample(field), offset: r.lower > 0 ? 0 : r.lower, hi: r.upper)
        // The same offset as the levels (a round one: −0.25, not the sampled −0.2498).
        let offset = ContourLevels.logOffset(r.lower, floor: floor)
        return Normalization(unchecked: .log, offset + floor, r.upper, offset)
    }

    /// Linear or log from the data, by the same two-decade rule as `LevelSpacing.auto`.
    public static func automatic(for field: ScalarField) -> Normalization {
        guard let r = field.finiteRange, r.upper > r.lower else { return linear(for: field) }
        return ContourLevels.spansDecades(ContourLevels.sortedSample(field), range: r) ? log(for: field) : linear(for: field)
    }

    /// `v` mapped to [0, 1] (outside for values outside the range; NaN for NaN).
    @inline(__always) public func callAsFunction(_ v: Double) -> Double {
        switch kind {
        case .linear:
            return (v - lower) / (upper - lower)
        case .log:
            let s = v - offset
            if s <= 0 { return v.isNaN ? .nan : -1 }
            let a = Math.log10(lower - offset), b = Math.log10(upper - offset)
            return (Math.log10(s) - a) / (b - a)
        }
    }

    /// The value that maps to `t`.
    public func value(at t: Double) -> Double {
        switch kind {
        case .linear: return lower + t * (upper - lower)
        case .log:
            let a = Math.log10(lower - offset), b = Math.log10(upper - offset)
            return offset + Math.exp10(a + t * (b - a))
        }
    }
}
