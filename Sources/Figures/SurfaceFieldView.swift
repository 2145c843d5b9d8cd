import Optim
import Viz

/// What a surface figure shows of its sampled field when the field is not tame: the values clipped to a
/// robust range (`RobustFieldRange`) so a pole or a double exponential does not put every cell in one
/// colour, the cells off that range and the cells where f is undefined (NaN) hatched, an isolated pole
/// marked, and one sentence for each in the figure's notes.
struct SurfaceFieldView {
    /// The sampled field as drawn: values clamped to `limits` (NaN kept).
    let field: ScalarField
    /// The field as sampled.
    let raw: ScalarField
    let limits: (lower: Double?, upper: Double?)
    /// Where f → ±∞ inside the view, with the sign, when the largest |f| is an isolated pole.
    let pole: (point: Point, positive: Bool)?
    /// The view's axes and curves along which f → ±∞ (log(x·y) on x = 0 and y = 0, 1/(x − y) on x − y = 0).
    let singular: [SingularSet]
    /// "x < 0" when the undefined cells are one side of a vertical or horizontal line, "x·y < 0" when they
    /// are whole quadrants, nil otherwise.
    let undefinedSide: String?
    /// The fraction of the grid's values that are NaN or infinite.
    let undefinedFraction: Double
    /// Whether none of them is NaN: every one is ±∞ (1/(x − y) on the cells of the line x = y).
    let undefinedIsInfinite: Bool

    /// - Parameters:
    ///   - logScale: whether colours are log-spaced (nil: decided from the data); heights are linear (false).
    ///   - clip: false when the user gave the levels (they are then drawn as asked).
    init(raw: ScalarField, surface: Surface, logScale: Bool?, clip: Bool) throws {
        self.raw = raw
        let found: (lower: Double?, upper: Double?) = clip ? RobustFieldRange.limits(for: raw, logScale: logScale) ?? (nil, nil) : (nil, nil)
        // Two significant digits, outwards, so the notes state the limits exactly.
        limits = (found.lower.map { -Self.roundedUp(-$0) }, found.upper.map(Self.roundedUp))
        if limits.lower != nil || limits.upper != nil {
            let lo = limits.lower ?? -.infinity, hi = limits.upper ?? .infinity
            field = try ScalarField(xs: raw.xs, ys: raw.ys, z: raw.z.map { $0.isFinite ? min(max($0, lo), hi) : $0 })
        } else {
            field = raw
        }
        let bad = raw.z.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
        undefinedFraction = Double(bad) / Double(max(1, raw.z.count))
        undefinedIsInfinite = !raw.z.contains { $0.isNaN }
        undefinedSide = bad > 0 ? Self.side(of: raw) ?? Self.quadrants(of: raw) : nil
        pole = surface.expression == nil ? nil : Self.pole(in: raw, surface: surface)
        let axes = pole == nil ? Self.singularAxes(of: surface, in: raw.bounds) : []
        singular = pole == nil ? axes + Self.singularCurves(of: surface, in: raw.bounds, besides: axes) : []
    }

    /// `v` rounded up (towards +∞) to two significant digits.
    static func roundedUp(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return v }
        // Whole powers of ten (10^−k as a divisor by 10^k) keep 8.7 exact.
        var up = 1.0, down = 1.0
        while abs(v) / up >= 100 { up *= 10 }
        while abs(v) * down < 10 { down *= 10 }
        return up > 1 ? (v / up).rounded(.up) * up : (v * down).rounded(.up) / down
    }

    /// A limit or value for a note, two significant digits.
    static func short(_ v: Double) -> String { TickFormat.short(v, significant: 2) }

    /// The hatched regions: undefined cells (neutral grey), values above and below the colour range.
    /// They have no legend rows (one more row moved a full legend below a 137-pixel plot): the notes
    /// name them ("f undefined (NaN) for x < 0, hatched grey").
    func marks(theme: Theme, fSymbol f: String, bounds: Bounds) -> [any Mark] {
        var out: [any Mark] = []
        let line = StrokeStyle(color: theme.foreground.withAlpha(0.45), width: 0.7)
        if undefinedFraction > 0 {
            let domain = FilledContours.region(raw, above: nil)
            out.append(HatchedRegionMark(rings: HatchedRegionMark.complement(of: domain, in: bounds),
                                         fill: theme.plotBackground.mixed(with: theme.foreground, 0.12), hatch: line,
                                         angle: 45, zOrder: 0.4))
        }
        let over = Color(hex: 0xFDE725).mixed(with: Color(hex: 0xFFFFFF), 0.55)
        let dark = StrokeStyle(color: Color(hex: 0x1A1A1A, alpha: 0.5), width: 0.7)
        if let hi = limits.upper {
            out.append(HatchedRegionMark(rings: FilledContours.region(raw, above: hi), fill: over, hatch: dark, angle: -45,
                                         zOrder: 0.7))
        }
        if let lo = limits.lower {
            // Valid cells minus z > lo: even–odd over both ring sets.
            let rings = FilledContours.region(raw, above: nil) + FilledContours.region(raw, above: lo)
            out.append(HatchedRegionMark(rings: rings, fill: Color(hex: 0x440154).mixed(with: Color(hex: 0xFFFFFF), 0.55),
                                         hatch: dark, angle: -45, zOrder: 0.7))
        }
        return out
    }

    /// One sentence per oddity, for the figure's notes; `heights` for a 3-D view.
    func notes(fSymbol f: String, heights: Bool) -> [String] {
        var out: [String] = []
        if let pole {
            let b = raw.bounds
            out.append("\(f) → \(pole.positive ? "" : "−")∞ at (\(Self.coordinate(pole.point.x, span: b.x.upper - b.x.lower)), "
                       + "\(Self.coordinate(pole.point.y, span: b.y.upper - b.y.lower)))")
        }
        if let note = Self.singularAxesNote(singular, fSymbol: f) { out.append(note) }
        if let hi = limits.upper, let top = raw.finiteRange?.upper {
            let cut = heights ? "heights above \(Self.short(hi)) cut flat (pale faces)" : "colours stop at \(Self.short(hi)) (hatched above)"
            out.append(cut + "; the largest sampled \(f) is \(Self.short(top))")
        }
        if let lo = limits.lower, let bottom = raw.finiteRange?.lower {
            out.append((heights ? "heights below \(Self.short(lo)) cut flat" : "colours stop at \(Self.short(lo)) (hatched below)")
                       + "; the smallest sampled \(f) is \(Self.short(bottom))")
        }
        // Cells where f is ±∞ on a pole or singular curve already named are not "undefined (NaN)".
        if undefinedFraction > 0, !(undefinedIsInfinite && (pole != nil || !singular.isEmpty)) {
            let share = TickFormat.short(100 * undefinedFraction, significant: 2)
            out.append("\(f) undefined (NaN)" + (undefinedSide.map { " for \($0)" } ?? " on \(share) % of the view")
                       + (heights ? ": no surface there" : ", hatched grey"))
        }
        return out
    }

    /// A coordinate for a note: 3 significant digits, and 0 for values within 10⁻⁶ of the view's side
    /// `span` (in a view 10⁻⁹ wide a pole at 5×10⁻¹⁰ is not at 0).
    static func coordinate(_ v: Double, span: Double = 1) -> String {
        abs(v) < 1e-6 * (span.isFinite && span > 0 ? span : 1) ? "0" : TickFormat.short(v, significant: 3)
    }

    /// "x < 0" (or x >, y <, y >) when every non-finite cell lies on one side of a grid line and every
    /// finite one on the other; the line is the simplest number between the last bad and first good sample.
    static func side(of f: ScalarField) -> String? {
        func badColumn(_ i: Int) -> (all: Bool, any: Bool) {
            var all = true, any = false
            for j in 0..<f.ny { if f[i, j].isFinite { all = false } else { any = true } }
            return (all, any)
        }
        func badRow(_ j: Int) -> (all: Bool, any: Bool) {
            var all = true, any = false
            for i in 0..<f.nx { if f[i, j].isFinite { all = false } else { any = true } }
            return (all, any)
        }
        let cols = (0..<f.nx).map(badColumn), rows = (0..<f.ny).map(badRow)
        if let s = split(cols, f.xs, "x") { return s }
        return split(rows, f.ys, "y")
    }

    /// The side when the lines with any bad value are all-bad and form a prefix or a suffix.
    private static func split(_ lines: [(all: Bool, any: Bool)], _ at: [Double], _ name: String) -> String? {
        guard lines.allSatisfy({ $0.all == $0.any }) else { return nil }
        let bad = lines.map(\.all)
        guard let firstGood = bad.firstIndex(of: false), let lastGood = bad.lastIndex(of: false) else { return nil }
        let prefix = bad[..<firstGood].allSatisfy { $0 }, suffix = bad[(lastGood + 1)...].allSatisfy { $0 }
        guard !bad[firstGood...lastGood].contains(true) else { return nil }
        if firstGood > 0, lastGood == bad.count - 1, prefix {
            return "\(name) < \(simplest(at[firstGood - 1], at[firstGood]))"
        }
        if firstGood == 0, lastGood < bad.count - 1, suffix {
            return "\(name) > \(simplest(at[lastGood], at[lastGood + 1]))"
        }
        return nil
    }

    /// The number with the fewest decimals in (a, b] (a < b), printed shortest.
    static func simplest(_ a: Double, _ b: Double) -> String {
        var scale = 1.0
        for _ in 0...8 {
            defer { scale *= 10 }
            let c = (b * scale).rounded(.down) / scale
            if c > a { return coordinate(c) }
        }
        return coordinate(b)
    }
}

extension SurfaceFigure {
    /// The field as this figure shows it: clipped to a robust range unless the user gave the levels
    /// (heights in 3-D are linear; colours follow the levels' spacing).
    func fieldView(_ raw: ScalarField) throws -> SurfaceFieldView {
        var logScale: Bool?
        var clip = true
        switch levels {
        case let .count(_, spacing): logScale = spacing == .auto ? nil : spacing == .log
        case .exactly: logScale = false
        case .values: clip = false
        case let .resolved(r): logScale = r.isLog; clip = false
        }
        if view3D != nil { logScale = false }
        // Built-in surfaces keep their own colours in any view (six_hump_camel over ±4 spans decades by design).
        if surface.expression == nil { clip = false }
        return try SurfaceFieldView(raw: raw, surface: surface, logScale: logScale, clip: clip)
    }
}
