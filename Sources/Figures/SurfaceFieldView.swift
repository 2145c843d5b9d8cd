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
    /// "+∞", "−∞" or "±∞": the signs of the infinite values sampled (exp(100xy) overflows to +∞ where xy > 7.1).
    let infinitySigns: String
    /// Whether finite values off every drawable cell were set aside (`withoutIsolatedValues`).
    let setsAsideIsolated: Bool

    /// - Parameters:
    ///   - logScale: whether colours are log-spaced (nil: decided from the data); heights are linear (false).
    ///   - clip: false when the user gave the levels (they are then drawn as asked).
    init(raw sampled: ScalarField, surface: Surface, logScale: Bool?, clip: Bool) throws {
        let raw = try Self.withoutIsolatedValues(sampled)
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
        undefinedIsInfinite = !sampled.z.contains { $0.isNaN }
        let up = sampled.z.contains { $0 == .infinity }, down = sampled.z.contains { $0 == -.infinity }
        infinitySigns = up && down ? "±∞" : down ? "−∞" : "+∞"
        setsAsideIsolated = raw.z.count(where: \.isFinite) < sampled.z.count(where: \.isFinite)
        undefinedSide = bad > 0 ? Self.side(of: raw) ?? Self.quadrants(of: raw) : nil
        pole = surface.expression == nil ? nil : Self.pole(in: sampled, surface: surface)
        let axes = pole == nil ? Self.singularAxes(of: surface, in: raw.bounds) : []
        singular = pole == nil ? axes + Self.singularCurves(of: surface, in: raw.bounds, besides: axes) : []
    }

    /// `f` with NaN for every finite value that is no corner of a cell whose four corners are finite: such
    /// values are not drawn (a filled contour needs a cell), so no colour, limit or claim may come from them.
    /// x^y is defined for x < 0 only where y is an integer: the rows y = ±3 of [−3, 3]² held (−0.01)^(−3) = −10⁶,
    /// which set a colour bar the figure could not show.
    static func withoutIsolatedValues(_ f: ScalarField) throws -> ScalarField {
        let nx = f.nx, ny = f.ny
        guard nx > 1, ny > 1, f.z.contains(where: { !$0.isFinite }) else { return f }
        var shown = [Bool](repeating: false, count: f.z.count)
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) where f[i, j].isFinite && f[i + 1, j].isFinite && f[i, j + 1].isFinite && f[i + 1, j + 1].isFinite {
                for k in [j * nx + i, j * nx + i + 1, (j + 1) * nx + i, (j + 1) * nx + i + 1] { shown[k] = true }
            }
        }
        guard zip(f.z, shown).contains(where: { $0.isFinite && !$1 }) else { return f }
        return try ScalarField(xs: f.xs, ys: f.ys, z: zip(f.z, shown).map { $0.isFinite && !$1 ? .nan : $0 })
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
        if let lo = limits.lower, let hi = limits.upper, let range = raw.finiteRange {
            // Both ends clipped (a line of poles with both signs): one sentence.
            out.append((heights ? "heights cut flat below \(Self.short(lo)) and above \(Self.short(hi)) (pale faces)"
                                : "colours stop at \(Self.short(lo)) and \(Self.short(hi)) (hatched beyond)")
                       + "; sampled \(f) spans \(Self.short(range.lower)) … \(Self.short(range.upper))")
        } else if let hi = limits.upper, let top = raw.finiteRange?.upper {
            let cut = heights ? "heights above \(Self.short(hi)) cut flat (pale faces)" : "colours stop at \(Self.short(hi)) (hatched above)"
            out.append(cut + "; the largest sampled \(f) is \(Self.short(top))")
        } else if let lo = limits.lower, let bottom = raw.finiteRange?.lower {
            out.append((heights ? "heights below \(Self.short(lo)) cut flat" : "colours stop at \(Self.short(lo)) (hatched below)")
                       + "; the smallest sampled \(f) is \(Self.short(bottom))")
        }
        // Cells where f is ±∞ on a pole or singular curve already named are not "undefined (NaN)".
        if undefinedFraction > 0, !(undefinedIsInfinite && (pole != nil || !singular.isEmpty)) {
            let share = TickFormat.short(100 * undefinedFraction, significant: 2)
            // Every such cell infinite (exp(100xy) past xy ≈ 7.1) is an overflow: f is defined there, not NaN.
            let what = undefinedIsInfinite ? "\(f) overflows float64 (\(infinitySigns))" : "\(f) undefined (NaN)"
            out.append(what + (undefinedSide.map { " for \($0)" } ?? " on \(share) % of the view")
                       + (setsAsideIsolated ? " apart from isolated points or lines" : "")
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

extension SurfaceFieldView {
    /// For a typed surface with no global minimum in the view (none found, or only local ones): where the drawn f is lowest, when that is on the
    /// view's edge and lower than everywhere inside ("no minimum found inside the view: the lowest sampled f is
    /// on its edge, −27 at (−3, 0)"): f keeps falling past what the figure shows, so a run's end there is no result. For a
    /// built-in surface, whose minima are known, `minimaOutsideNote` when none is in the view. Nil for a surface with a minimum in the view, an oscillation too fast to search, or a lowest
    /// value inside the view (a valley floor such as (x − y)² reaches the edge but is as low inside).
    func noMinimumNote(fSymbol f: String, surface: Surface, view: Bounds) -> String? {
        let shown = (surface.minima + surface.minimumCurves.flatMap(\.points)).contains { view.x.contains($0.x) && view.y.contains($0.y) }
        // A built-in surface knows its minima: one outside the view is said (Rosenbrock over 2…4 × 2…4 said nothing).
        // So does a typed one whose search beyond a given view found them there (a zoom on one dip of a wavy bowl).
        if surface.expression == nil || !surface.minima.isEmpty { return shown ? nil : Self.minimaOutsideNote(surface.minima) }
        guard surface.unresolvedPeriod == nil, !shown,
              let k = raw.z.indices.filter({ raw.z[$0].isFinite }).min(by: { raw.z[$0] < raw.z[$1] }) else { return nil }
        let i = k % raw.nx, j = k / raw.nx
        guard i == 0 || j == 0 || i == raw.nx - 1 || j == raw.ny - 1 else { return nil }
        // A valley floor that reaches the edge ((x − y)² is 0 all along x = y) is no fall past the view.
        let lowest = raw.z[k], tolerance = 1e-9 * max(1, abs(lowest))
        let interiorLow = (1..<(raw.ny - 1)).contains { jj in
            (1..<(raw.nx - 1)).contains { ii in (ii != i || jj != j) && raw[ii, jj] <= lowest + tolerance }
        }
        let refined = Self.lowestAlongEdge(surface, i: i, j: j, of: raw)
        let (p, value) = refined ?? (Point(raw.xs[i], raw.ys[j]), lowest)
        guard !interiorLow || refined.map({ Self.risesInward(surface, from: $0.0, value: $0.1, i: i, j: j, of: raw) }) == true
        else { return nil }
        let at = "\(TickFormat.short(value, significant: 3)) at (\(Self.coordinate(p.x, span: view.x.upper - view.x.lower)), "
            + "\(Self.coordinate(p.y, span: view.y.upper - view.y.lower)))"
        // A local minimum inside (x³ − 3x + y² at (1, 0), f = −2) is no global one when the edge is lower (−18).
        let inside = surface.localMinima.filter { view.x.contains($0.x) && view.y.contains($0.y) }
        if let m = inside.map({ surface.value($0.x, $0.y) }).min() {
            return "no global minimum in the view: the lowest sampled \(f) is on its edge, " + at + ", below the local minimum's "
                + TickFormat.short(m, significant: 3)
        }
        return "no minimum found inside the view: the lowest sampled \(f) is on its edge, " + at
    }

    /// Whether f rises in every direction into the view from the lowest point `p` of an edge (at grid column i
    /// or row j; f there `value`), a grid step away: e^{20x} + y² falls on past x = −3, but its samples there,
    /// at y = ±0.01, all round to 10⁻⁴, as a valley floor's do; at y = 0 the fall is plain.
    static func risesInward(_ s: Surface, from p: Point, value: Double, i: Int, j: Int, of f: ScalarField) -> Bool {
        let r = min(f.xs[1] - f.xs[0], f.ys[1] - f.ys[0])
        let normal = i == 0 ? 0 : i == f.nx - 1 ? Double.pi : j == 0 ? Double.pi / 2 : -Double.pi / 2
        return (0...8).allSatisfy { k in
            let t = normal + Double(k - 4) * Double.pi / 8
            let v = s.value(p.x + r * Double.cos(t), p.y + r * Double.sin(t))
            return !v.isFinite || v > value + 1e-14 * abs(value)
        }
    }

    /// "the minimum (1, 1) is outside the view" for a built-in surface whose known minima all lie outside it
    /// ("the 4 minima are outside the view"); nil when it has none.
    static func minimaOutsideNote(_ minima: [Point2]) -> String? {
        guard let m = minima.first else { return nil }
        if minima.count > 1 { return "the \(minima.count) minima are outside the view" }
        // A found minimum's round-off (−3×10⁻²⁰ beside −0.512) is 0.
        func c(_ v: Double, _ other: Double) -> String { abs(v) < 1e-12 * max(1, abs(other)) ? "0" : TickFormat.short(v, significant: 3) }
        return "the minimum (\(c(m.x, m.y)), \(c(m.y, m.x))) is outside the view"
    }

    /// The lowest f along the view's edge between the samples either side of the edge sample (i, j), by
    /// golden-section search (x³ + y² is lowest at (−3, 0), sampled at (−3, −0.01)); nil at a corner.
    static func lowestAlongEdge(_ s: Surface, i: Int, j: Int, of f: ScalarField) -> (Point, Double)? {
        let vertical = i == 0 || i == f.nx - 1
        if vertical && (j == 0 || j == f.ny - 1) { return nil }
        let along = vertical ? f.ys : f.xs, at = vertical ? j : i
        guard at > 0, at < along.count - 1 else { return nil }
        func point(_ t: Double) -> Point { vertical ? Point(f.xs[i], t) : Point(t, f.ys[j]) }
        func value(_ t: Double) -> Double { let p = point(t); let v = s.value(p.x, p.y); return v.isFinite ? v : .infinity }
        // Between the neighbours that are drawn (x^y is finite at (−0.01, 3), an isolated value).
        let step = vertical ? (0, 1) : (1, 0)
        var a = f[i - step.0, j - step.1].isFinite ? along[at - 1] : along[at]
        var b = f[i + step.0, j + step.1].isFinite ? along[at + 1] : along[at]
        let r = (5.0.squareRoot() - 1) / 2
        for _ in 0..<80 where b - a > 1e-15 * max(1, abs(a)) {
            let c = b - r * (b - a), d = a + r * (b - a)
            if value(c) <= value(d) { b = d } else { a = c }
        }
        let t = (a + b) / 2, v = value(t)
        return v <= f[i, j] ? (point(t), v) : nil
    }
}
