// Figures: the figure recipes (library DLPlotFigures): Optim's numbers turned into Viz marks and tidy data tables.

import Optim
import Viz

/// The curves of the activation figure: f and f′ of each activation, their markers, jumps, the
/// steepest slope, and the data table behind them.
extension ActivationFigure {
    /// What the curves of one figure share while they are drawn, and the oscillating stretches found.
    struct CurvePlan {
        let theme: Theme
        let xr: ClosedRange<Double>
        let single: Bool
        /// About the plot's width in pixel columns (the legend and labels take the rest).
        let columns: Int
        let count: Int
        let sampler = FunctionSampler()
        var oscillating: [(name: String, envelope: OscillationEnvelope)] = []
    }

    /// Draws activation `i` (of style `style`): markers that tell several apart, f, f′ and its steepest point.
    func addCurves(_ a: Activation, index i: Int, style: Int, plan: inout CurvePlan, to axes: inout Axes) {
        let theme = plan.theme, single = plan.single
        let color = single ? theme.color(0) : theme.color(style)
        // One activation: f and f′ in two colours (and two dash styles); several: one colour each.
        let derivativeColor = single ? theme.color(1) : color
        if !single { addSeriesMarkers(a, index: i, style: style, color: color, plan: plan, to: &axes) }
        if curves != .derivativeOnly { addValueCurve(a, style: style, color: color, plan: &plan, to: &axes) }
        if curves != .valueOnly { addDerivativeCurve(a, style: style, color: derivativeColor, plan: &plan, to: &axes) }
    }

    /// Markers at evenly spaced x, staggered per series, tell the curves apart in greyscale too.
    private func addSeriesMarkers(_ a: Activation, index i: Int, style: Int, color: Color, plan: CurvePlan, to axes: inout Axes) {
        let theme = plan.theme, xr = plan.xr
        let marker = theme.marker(style)
        let xs = (0..<8).map { k in xr.lowerBound + (Double(k) + (Double(i) + 1) / Double(plan.count + 1)) * (xr.upperBound - xr.lowerBound) / 8 }
        if curves != .derivativeOnly {
            axes.add(ScatterMark(points: xs.map { Point($0, a.value($0)) }, shape: marker, size: theme.markerSize * 0.8,
                                 color: color, edge: theme.plotBackground, zOrder: 3.5))
        }
        if curves != .valueOnly {
            // Not where f is undefined (log(x)'s markers floated at 1/x for x < 0 beside the hatched half).
            let derivative = Self.drawnDerivative(a, range: xr)
            axes.add(ScatterMark(points: xs.map { Point($0, derivative($0)) }.filter { $0.y.isFinite }, shape: marker, size: theme.markerSize * 0.7,
                                 color: color, edge: theme.plotBackground, zOrder: 3.5))
        }
    }

    /// f′ as a figure draws it (curve, markers): NaN where f is undefined, since AD gives log′(x) = 1/x for
    /// x < 0 too; and NaN at the edge of f's domain (xˣ at 0), where torch's value (0) is a convention, not
    /// the limit (−∞), and joining it to the curve drew a V back up to 0. Built-ins: f′ as it is.
    static func drawnDerivative(_ a: Activation, range xr: ClosedRange<Double>) -> (Double) -> Double {
        guard a.expression != nil else { return a.derivative }
        let edge = (xr.upperBound - xr.lowerBound) * 1e-9
        return { x in
            guard a.value(x).isFinite, a.value(x - edge).isFinite || a.value(x + edge).isFinite else { return .nan }
            return a.value(x - edge).isFinite && a.value(x + edge).isFinite ? a.derivative(x) : .nan
        }
    }

    /// f, solid, broken at poles, with open and closed dots at its jumps.
    private func addValueCurve(_ a: Activation, style: Int, color: Color, plan: inout CurvePlan, to axes: inout Axes) {
        let theme = plan.theme, xr = plan.xr, single = plan.single
        // The curves break at a pole rather than join its two branches.
        let poles = a.poles.map(\.at)
        let sampled = plan.sampler.sample(xr, kinks: a.kinks, jumps: a.jumps + poles, a.value)
        let (pts, band, env) = Self.resolvable(sampled, a.value, slope: a.derivative, typed: a.expression != nil, over: xr,
                                               columns: plan.columns, color: color, zOrder: 3.05)
        if let band, let env { axes.add(band); plan.oscillating.append((single ? "f" : a.displayName, env)) }
        // Kinks drawn sharp; a cusp (sqrt(|x|) at 0, an angle near 0) rounded, or its miter spikes past the curve.
        let steep = a.steepestSlope
        let cusp = steep.magnitude.isInfinite && steep.at.isFinite && a.value(steep.at).isFinite
        let stroke = StrokeStyle(color: color, width: theme.lineWidth, join: cusp ? .round : .miter)
        let name = single ? "f" : Self.symbol(a)
        axes.add(LineMark(points: pts, style: stroke, label: single ? "$\(name)(x)$" : nil, zOrder: 3))
        if !single { axes.add(LineMark(points: [], style: stroke, label: legendLabel(a), marker: theme.marker(style))) }
        for j in a.jumps where xr.contains(j) { axes.add(Self.jumpDots(a, at: j, range: xr, color: color)) }
    }

    /// f′, dashed when f is drawn too, and (one activation) its steepest slope marked.
    private func addDerivativeCurve(_ a: Activation, style: Int, color: Color, plan: inout CurvePlan, to axes: inout Axes) {
        let theme = plan.theme, xr = plan.xr, single = plan.single, width = theme.lineWidth
        let derivativeJumps = Array(Set(a.kinks + a.jumps + a.poles.map(\.at))).sorted()
        let typed = a.expression != nil
        let derivative = Self.drawnDerivative(a, range: xr)
        let sampled = plan.sampler.sample(xr, kinks: [], jumps: derivativeJumps, derivative)
        // f′'s period is f's: measured from f′'s own sign changes (its extrema would need f″).
        let (pts, band, env) = Self.resolvable(sampled, derivative, slope: a.derivative, typed: typed, over: xr, columns: plan.columns,
                                               color: color, zOrder: 2.9)
        if let band, let env { axes.add(band); plan.oscillating.append((single ? "f′" : a.displayName + "′", env)) }
        let dash = curves == .derivativeOnly ? [] : [width * 3, width * 1.8]
        let stroke = StrokeStyle(color: color, width: width * 0.9, dash: dash, join: .miter)
        let name = single ? "f" : Self.symbol(a)
        axes.add(LineMark(points: pts, style: stroke, label: single ? "$\(name)'(x)$" : nil, zOrder: 3))
        // f′ jumps at the kinks of f: torch's value there closed, the one-sided limits open (up to four curves).
        if single || plan.count <= 4 {
            for dots in Self.derivativeJumpDots(a, range: xr, color: color, size: theme.markerSize * 0.9) { axes.add(dots) }
        }
        // With f drawn too, one key says what dashes mean (a row per curve made a family's legend
        // twice as long, over half the page at --font-scale 2); f′ alone keeps a row per curve.
        if !single && curves == .derivativeOnly {
            axes.add(LineMark(points: [], style: stroke, label: a.expression == nil ? a.displayName + "′" : legendLabel(a) + ": $f'$",
                              marker: theme.marker(style)))
        }
        if single { addSteepestSlope(a, color: color, plan: plan, to: &axes) }
    }

    /// The dots at a jump of f at `j`: closed at f(j) where f is defined there, open at each one-sided limit
    /// that differs from it — both open where f(j) is undefined (x/|x| at 0 had an open dot at −1 and none at 1).
    static func jumpDots(_ a: Activation, at j: Double, range xr: ClosedRange<Double>, color: Color, size: Double = 7) -> JumpDotsMark {
        jumpDots(a.value, at: j, range: xr, color: color, size: size)
    }

    /// The dots of f′'s jumps at the kinks of `a` inside `xr` (f′ drawn only where f is defined): a closed dot
    /// at the value torch gives there (relu′(0) = 0, a tie of max 0.5) and an open one at each one-sided limit.
    static func derivativeJumpDots(_ a: Activation, range xr: ClosedRange<Double>, color: Color, size: Double) -> [JumpDotsMark] {
        let typed = a.expression != nil
        let derivative: (Double) -> Double = { x in !typed || a.value(x).isFinite ? a.derivative(x) : Double.nan }
        // Not at a cusp, where f′ → ±∞ (sqrt(|x|) at 0): no value to put a dot at.
        return a.kinks.filter { xr.contains($0) && !a.jumps.contains($0) && !FunctionShape.slopeUnbounded(derivative, at: $0) }.map {
            jumpDots(derivative, at: $0, range: xr, color: color, size: size)
        }
    }

    /// The dots at a jump of `g` at `j` (see the activation form above).
    static func jumpDots(_ g: (Double) -> Double, at j: Double, range xr: ClosedRange<Double>, color: Color, size: Double = 7) -> JumpDotsMark {
        let eps = (xr.upperBound - xr.lowerBound) * 1e-9
        let left = g(j - eps), right = g(j + eps), at = g(j)
        func same(_ u: Double, _ v: Double) -> Bool { abs(u - v) <= 1e-6 * max(1, abs(u), abs(v)) }
        let open = [left, right].filter { $0.isFinite && !(at.isFinite && same($0, at)) }.map { Point(j, $0) }
        return JumpDotsMark(closed: at.isFinite ? [Point(j, at)] : [], open: open, color: color, size: size)
    }

    /// The largest |f′| as a diamond on the branch that reaches it, with its value and where.
    private func addSteepestSlope(_ a: Activation, color: Color, plan: CurvePlan, to axes: inout Axes) {
        let theme = plan.theme, xr = plan.xr
        let steep = a.steepestSlope
        let (peak, at) = (steep.magnitude, steep.at)
        guard at.isFinite, xr.contains(at), peak > 0, peak.isFinite else { return }
        // f′ that oscillates without bound (sin(1/x) at 0) has no largest value: a sampled "max |f′| = 1067" was
        // false; the subtitle says "f′ unbounded, oscillating, as x → 0".
        if a.expression != nil, ActivationDomain(value: a.value, derivative: a.derivative, over: xr, poles: a.poles)
            .clauses.contains(where: { $0.hasPrefix("f′ unbounded, oscillating") }) { return }
        // On the branch that reaches the maximum (hardswish: (3, 1.5), the end of the left branch).
        // Approached from both sides (|x|/(1 + |x|) at 0): a diamond on each limit, none on torch's f′(0) = 0.
        let shown = Self.insideItsInterval(steep, of: a, over: xr)
        let p = Point(shown.at, shown.slope)
        axes.add(Self.steepestMarker(shown, color: color, size: theme.markerSize * 1.3, theme: theme))
        let side = steep.approach == -1 ? "⁻" : steep.approach == 1 ? "⁺" : ""
        let place = steep.approach == 0 ? Self.whereText(a, peak: peak, at: at, range: xr) : " as $x$ → " + TickFormat.short(at) + side
        var note = AnnotationMark("max $|f'|$ = " + TickFormat.short(peak) + place,
                                  at: p, offset: Point(22, 30), color: theme.foreground, font: theme.noteFont, showsDot: false)
        // Where no spot is free of the curves (a large font on a small plot): said under the figure, by the ◆.
        note.footnote = "◆ max $|f'|$ = " + TickFormat.short(peak) + place
        axes.add(note)
    }

    /// `steep` moved into the interval where |f′| keeps its maximum, when it was found at that interval's end
    /// at a kink: max(x, 0.1x) drew its ◆ "max |f′| = 1 for x > 0" at (0, 1), over the jump's open end, where
    /// f′(0) = 0.55 (torch's tie value). It goes 4 % of the view into the interval (not past its other end).
    static func insideItsInterval(_ steep: SteepestSlope, of a: Activation, over xr: ClosedRange<Double>) -> SteepestSlope {
        guard steep.approach == 0, steep.markedSlopes.count <= 1 else { return steep }
        let width = xr.upperBound - xr.lowerBound, step = width / 400
        func flat(_ x: Double) -> Bool { abs(abs(a.derivative(x)) - steep.magnitude) <= 1e-12 * steep.magnitude }
        let atKink = !flat(steep.at) || a.kinks.contains { abs($0 - steep.at) <= step }
        guard atKink else { return steep }
        for side in [1.0, -1.0] where flat(steep.at + side * step) {
            var x = steep.at + side * 0.04 * width
            while abs(x - steep.at) > step, !flat(x) || !xr.contains(x) { x = (x + steep.at) / 2 }
            var moved = steep
            moved.at = x
            moved.slope = a.derivative(x)
            moved.markedSlopes = []
            return moved
        }
        return steep
    }

    /// The ◆ at the largest |f′|: filled where f′ takes that value, hollow (the plot's background inside an
    /// outline in `color`) where it is only approached from one side, as the open dot of a jump is drawn
    /// (hardswish: 1.5 as x → 3⁻, while f′(3) = 1).
    /// (|x|/(1 + |x|): both limits ±1 at 0, where f′(0) = 0, are hollow).
    static func steepestMarker(_ steep: SteepestSlope, color: Color, size: Double, theme: Theme) -> ScatterMark {
        let points = steep.markers.map { Point(steep.at, $0) }
        guard steep.approach != 0 else {
            return ScatterMark(points: points, shape: .diamond, size: size, color: color, edge: theme.background, zOrder: 5)
        }
        return ScatterMark(points: points, shape: .diamond, size: size, color: theme.plotBackground, edge: color,
                           edgeWidth: max(1.5, size * 0.16), zOrder: 5)
    }

    /// The data behind the curves of `a`: f and f′ on a uniform grid of 601 points over `xr`.
    static func curveTable(_ a: Activation, over xr: ClosedRange<Double>) -> DataTable {
        let n = 601
        let rows = (0..<n).map { k -> [Double] in
            let x = xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(k) / Double(n - 1)
            return [x, a.value(x), a.derivative(x)]
        }
        return DataTable(name: a.tableName, columns: ["x", "f", "df"], rows: rows)
    }
}
