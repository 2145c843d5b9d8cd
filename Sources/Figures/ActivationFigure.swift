import Optim
import Viz

/// The activation figure: f solid and f′ dashed on one axes, with saturation and dead zones shaded,
/// kinks sharp, jumps drawn as jumps with open/closed end dots, asymptotes dashed, the steepest
/// slope marked, and the formula in the title. Several activations overlay for comparison.
public struct ActivationFigure: FigureRecipe {
    public enum Curves: Equatable { case both, valueOnly, derivativeOnly }

    public var activations: [Activation]
    public var range: ClosedRange<Double>?
    public var curves: Curves = .both
    /// Absolute threshold τ on |f′| for saturation zones.
    public var saturation: Double? = 0.05
    /// Relative threshold: a fraction of max |f′|.
    public var saturationRelative: Double?
    /// Whether `saturation` scales down with a typed function's own max |f′| when that is finite and
    /// below sigmoid's 0.25 (τ · min(1, max|f′|/0.25)): 0.05 was chosen for activations, whose slopes are
    /// 0.25 (sigmoid) to about 1, and would call all of 0.001·tanh(x) saturated. (Never up: a sampled max of an unbounded f′, as
    /// sin(1/x)'s, would make every point saturated.)
    /// The command sets false when the user gives `--saturation`.
    public var saturationScalesTypedFunctions = true
    public var zones = true
    /// Whether the y axis will be logarithmic (`--log-y`): y limits are then fitted to the positive values
    /// (the linear fit's padding below 0 is no log limit) and the subtitle says what ≤ 0 is not drawn.
    public var logY = false

    /// A recipe (or value) with these fields; see each field.
    public init(activations: [Activation], range: ClosedRange<Double>? = nil, curves: Curves = .both, saturation: Double? = 0.05, saturationRelative: Double? = nil, zones: Bool = true) {
        self.activations = activations
        self.range = range
        self.curves = curves
        self.saturation = saturation
        self.saturationRelative = saturationRelative
        self.zones = zones
    }

    /// The default x range: [−6, 6], widened to show every kink and jump with room around it when an
    /// activation has only a few beyond it (`isolatedBreaksLimit`: relu(x − 10), |x + 100|). A repeating
    /// pattern (|sin x|, relu(sin x): a kink every π out to the end of the search) does not widen it: the
    /// figure would be a comb of arches. Poles do not widen it either: tan's poles every π reach ±50
    /// (the subtitle counts the poles in view instead).
    public static func defaultRange(for acts: [Activation]) -> ClosedRange<Double> {
        var lo = -6.0, hi = 6.0
        for a in acts {
            let beyond = (a.kinks + a.jumps).filter { !(-6.0...6.0).contains($0) }
            guard beyond.count <= isolatedBreaksLimit else { continue }
            for k in beyond {
                lo = min(lo, k); hi = max(hi, k)
            }
        }
        // Room around a far kink in proportion to the view: relu(x − 10⁶) rises over the last 5 %, not 3 units.
        let margin = max(3, 0.05 * (hi - lo))
        return (lo < -6 ? lo - margin : lo)...(hi > 6 ? hi + margin : hi)
    }

    /// At most this many kinks and jumps of one activation outside [−6, 6] widen the default view.
    public static let isolatedBreaksLimit = 4

    /// The threshold τ for one activation.
    public func tau(for a: Activation) -> Double? {
        // f′ unbounded (a pole): no fraction of it is a threshold.
        if let r = saturationRelative { return a.maxAbsDerivative.value.isFinite ? r * a.maxAbsDerivative.value : nil }
        let peak = a.maxAbsDerivative.value
        // Scaled against sigmoid's 0.25, the smallest steepest slope of the built-ins τ = 0.05 was chosen for: a
        // typed sigmoid gets the built-in's 0.05 (it had 0.0125), 0.001·tanh(x) gets 2×10⁻⁴.
        if saturationScalesTypedFunctions, a.expression != nil, let t = saturation, peak.isFinite, peak > 0 { return t * min(1, peak / 0.25) }
        return saturation
    }

    public func build(into figure: inout Figure) -> [DataTable] {
        let theme = Self.familyTheme(figure.theme, members: isFamily ? activations.count : 0)
        let xr = range ?? ActivationFigure.defaultRange(for: activations)
        let single = activations.count == 1
        var axes = Axes(xLabel: "$x$", yLabel: yLabel(single: single))
        var curveTables: [DataTable] = [], tables: [DataTable] = []
        let width = theme.lineWidth
        setTitles(&figure, single: single)
        var plan = CurvePlan(theme: theme, xr: xr, single: single, columns: Int(Double(figure.pixelSize.width) * 0.75),
                             count: activations.count)
        // Several activations: each keeps its catalogue style (colour and marker) in every figure.
        let styles = SeriesStyles.indices(for: activations.map(\.name), catalogue: Activation.allNames, inOrder: theme.seriesInFigureOrder)
        for (i, a) in activations.enumerated() {
            addCurves(a, index: i, style: styles[i], plan: &plan, to: &axes)
            if single { addAsymptotes(a, over: xr, theme: theme, to: &axes) }
            curveTables.append(Self.curveTable(a, over: xr))
        }
        if single, zones, let a = activations.first, let tau = tau(for: a) {
            tables.append(addZones(a, tau: tau, over: xr, theme: theme, to: &axes))
        }
        if !single, zones, isFamily {
            let (table, note) = addFamilyZones(over: xr, theme: theme, to: &axes)
            tables.append(table)
            if let note { figure.footnote = [figure.footnote, note].compactMap { $0 }.joined(separator: " · ") }
        }
        if !single && curves == .both {
            let key = StrokeStyle(color: theme.muted, width: width * 0.9, dash: [width * 3, width * 1.8], join: .miter)
            axes.add(LineMark(points: [], style: key, label: "dashed: derivative $f'$"))
        }
        addDomainNotes(over: xr, figure: &figure, axes: &axes)
        if let note = Self.oscillationNote(plan.oscillating) { figure.footnote = [figure.footnote, note].compactMap { $0 }.joined(separator: " · ") }
        axes.xLimits = Interval(xr.lowerBound, xr.upperBound)
        figure.add(axes)
        return [TidyTables.curves(curveTables)] + tables
    }

    /// Shades where `a` is dead (f′ = 0 by definition) or saturated (|f′| < `tau` in a tail that
    /// saturates), each band labelled inline; returns the zones' table.
    func addZones(_ a: Activation, tau: Double, over xr: ClosedRange<Double>, theme: Theme, to axes: inout Axes) -> DataTable {
        // Dead where f′ = 0 by definition; saturated only in tails that saturate (never an interior
        // zero of f′, never leaky ReLU's constant slope, never σ′'s float underflow).
        let found = a.zones(over: xr, threshold: tau)
        var zoneRows: [TidyTables.Zone] = []
        for z in found {
            let dead = z.kind == .dead
            // Zones are labelled inline; the legend stays small (f and f′ only).
            let text = dead ? "dead: $f'$ = 0" : "saturated: $|f'|$ < " + TickFormat.short(tau)
            var band = BandMark(.vertical, from: z.lower, to: z.upper, color: theme.bandColors[dead ? 1 : 0], text: text,
                                textColor: theme.muted)
            band.shorterTexts = [dead ? "dead" : "saturated"]
            band.textHeightFraction = Self.quietestRow(from: z.lower, to: z.upper, curves: curveFunctions(a), over: xr)
            band.avoiding = Self.curvePoints(from: z.lower, to: z.upper, curves: curveFunctions(a), over: xr)
            axes.add(band)
            zoneRows.append(.init(activation: a.tableName, dead: dead, lower: z.lower, upper: z.upper))
        }
        return TidyTables.zones(zoneRows)
    }

    /// The title (the formula) and, for one activation, a subtitle with its range and shape.
    private func setTitles(_ figure: inout Figure, single: Bool) {
        if let a = activations.first, single {
            // A typed expression is titled by its pretty-printed math alone.
            figure.title = a.expression.map(\.formulaWithParameters) ?? (a.displayName + "   " + a.formula)
            let desc = [a.isMonotonic ? "monotonic" : "not monotonic", a.isZeroCentred ? "zero-centred" : "not zero-centred",
                        a.isBounded ? "bounded" : "unbounded"]
            // A step function takes two values, not the interval between them.
            let range = a.outputValues == nil ? "range " : "values "
            figure.subtitle = range + Self.rangeText(of: a) + " · " + desc.joined(separator: " · ")
        } else {
            figure.title = "Activation functions" + (curves == .valueOnly ? "" : " and their derivatives")
            if let family = sharedExpression { figure.title = family.formula }
        }
        let typed = single ? activations.first?.expression : sharedExpression
        figure.plainTitle = figure.title.flatMap { typed?.plainTitle(of: $0) }
    }

    /// The horizontal asymptotes of `a` as dashed lines, labelled clear of the curves drawn.
    func addAsymptotes(_ a: Activation, over xr: ClosedRange<Double>, theme: Theme, to axes: inout Axes) {
        let typed = a.expression != nil
        let derivative: (Double) -> Double = { x in !typed || a.value(x).isFinite ? a.derivative(x) : Double.nan }
        let drawn: [(Double) -> Double] = (curves != .derivativeOnly ? [a.value] : []) + (curves != .valueOnly ? [derivative] : [])
        AsymptoteLabels.add(a, drawn: drawn, over: xr, theme: theme, to: &axes)
    }

    /// The functions drawn for `a` (what zone labels must stay clear of).
    public func curveFunctions(_ a: Activation) -> [(Double) -> Double] {
        let lines: [(Double) -> Double] = a.asymptotes.map { y in { _ in y } }
        switch curves {
        case .both: return [a.value, a.derivative] + lines
        case .valueOnly: return [a.value] + lines
        case .derivativeOnly: return [a.derivative]
        }
    }

    /// The curves drawn over a zone as lines of 161 points each (NaN between lines and where a curve has no
    /// value), for the zone's label to keep off them (`BandMark.avoiding`).
    public static func curvePoints(from lo: Double, to hi: Double, curves: [(Double) -> Double],
                                   over range: ClosedRange<Double>) -> [Point] {
        let a = max(lo, range.lowerBound), b = min(hi, range.upperBound)
        guard a < b else { return [] }
        let xs = (0...160).map { a + (b - a) * Double($0) / 160 }
        return curves.flatMap { f in
            xs.map { x -> Point in
                let y = f(x)
                return y.isFinite ? Point(x, y) : Point(.nan, .nan)
            } + [Point(.nan, .nan)]
        }
    }

    /// The height (a fraction of the plot, 0 bottom, 1 top) in a zone farthest from every curve drawn
    /// there, so the zone's label never sits on a curve or an asymptote.
    public static func quietestRow(from lo: Double, to hi: Double, curves: [(Double) -> Double], over range: ClosedRange<Double>) -> Double {
        let xs = (0...40).map { lo + (hi - lo) * Double($0) / 40 }
        let values = curves.flatMap { f in xs.map(f) }.filter(\.isFinite)
        let all = (0...200).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 200 }
        let everywhere = curves.flatMap { f in all.map(f) }.filter(\.isFinite)
        guard let yMin = everywhere.min(), let yMax = everywhere.max(), yMax > yMin else { return 0.5 }
        // The axes pad the data by 5 % of its span on each side.
        let span = yMax - yMin, bottom = yMin - 0.05 * span, height = span * 1.1
        var best = 0.5, bestGap = -1.0
        for k in 1...19 {
            let t = Double(k) / 20
            let y = bottom + t * height
            let gap = values.map { abs($0 - y) }.min() ?? height
            // Prefer the middle on ties (a small bonus for being central).
            let score = gap - abs(t - 0.5) * height * 0.02
            if score > bestGap { best = t; bestGap = score }
        }
        return best
    }

    /// " at x = 0", or " for x > 0" when the largest slope holds on a whole interval (ReLU, hardtanh).
    public static func whereText(_ a: Activation, peak: Double, at: Double, range: ClosedRange<Double>) -> String {
        let step = (range.upperBound - range.lowerBound) / 400
        func flat(_ x: Double) -> Bool { abs(abs(a.derivative(x)) - peak) <= 1e-12 * peak }
        guard flat(at + step), flat(at + 2 * step) || flat(at - 2 * step) else { return " at $x$ = " + TickFormat.short(at) }
        var lo = at, hi = at
        while lo - step >= range.lowerBound, flat(lo - step) { lo -= step }
        while hi + step <= range.upperBound, flat(hi + step) { hi += step }
        // Refine each end by bisection, then round to a hundredth of the scan step.
        func edge(_ inside: Double, _ outside: Double) -> Double {
            var a = inside, b = outside
            for _ in 0..<60 { let m = (a + b) / 2; if flat(m) { a = m } else { b = m } }
            let q = step / 100
            return (a / q).rounded() * q
        }
        if lo - step >= range.lowerBound { lo = edge(lo, lo - step) }
        if hi + step <= range.upperBound { hi = edge(hi, hi + step) }
        let left = a.kinks.filter { abs($0 - lo) <= step }.first ?? (lo <= range.lowerBound + step ? nil : lo)
        let right = a.kinks.filter { abs($0 - hi) <= step }.first ?? (hi >= range.upperBound - step ? nil : hi)
        switch (left, right) {
        case let (l?, r?): return " for " + TickFormat.short(l) + " < $x$ < " + TickFormat.short(r)
        case let (l?, nil): return " for $x$ > " + TickFormat.short(l)
        case let (nil, r?): return " for $x$ < " + TickFormat.short(r)
        case (nil, nil): return " everywhere"
        }
    }

    private func yLabel(single: Bool) -> String {
        switch curves {
        case .both: return single ? "$f(x)$, $f'(x)$" : "value, derivative"
        case .valueOnly: return single ? "$f(x)$" : "value"
        case .derivativeOnly: return single ? "$f'(x)$" : "derivative"
        }
    }

    /// A short symbol for legends: σ for sigmoid, f for a typed expression, the name otherwise.
    public static func symbol(_ a: Activation) -> String {
        if a.expression != nil { return "f" }
        return a.name == "sigmoid" ? "\\sigma" : "\\mathrm{\(a.name)}"
    }

    /// The expression every activation is typed from when they form one family (beta=0.5,1,2).
    var sharedExpression: MathExpression? {
        guard let first = activations.first?.expression, activations.count > 1,
              activations.allSatisfy({ $0.expression?.source == first.source }) else { return nil }
        return first
    }

    /// A legend entry: the parameter values within a family, else the display name (with parameters).
    func legendLabel(_ a: Activation) -> String {
        guard let e = a.expression else { return a.label(among: activations) }
        if sharedExpression != nil, !e.parameters.isEmpty { return e.parameterLabel }
        return a.label
    }

    /// The values of `a` as a set when they are finitely many ("{−1, 1}"), else its range ("[0, ∞)").
    public static func rangeText(of a: Activation) -> String {
        guard let values = a.outputValues else { return rangeText(a.outputRange) }
        return "{" + values.map { TickFormat.short($0) }.joined(separator: ", ") + "}"
    }

    public static func rangeText(_ r: OutputRange) -> String {
        func v(_ x: Double) -> String { x.isInfinite ? (x < 0 ? "−∞" : "∞") : TickFormat.short(x) }
        return (r.lowerAttained ? "[" : "(") + v(r.lower) + ", " + v(r.upper) + (r.upperAttained ? "]" : ")")
    }
}
