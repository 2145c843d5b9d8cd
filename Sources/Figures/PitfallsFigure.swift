import Optim
import Viz

/// Non-convex pitfalls: gradient descent from several starts (and rates) on a 1-D loss with a local
/// minimum and a plateau; each run is labelled with where it ended up.
public struct PitfallsFigure: FigureRecipe {
    public var curve: Curve1D
    public var runs: [(start: Double, rate: Double)]
    public var steps: Int
    /// The y range the figure will show when the user fixes it (`--y-range`); nil: fitted to the curve.
    public var yView: Interval?

    /// A recipe (or value) with these fields; see each field.
    public init(curve: Curve1D, runs: [(start: Double, rate: Double)], steps: Int) {
        self.curve = curve
        self.runs = runs
        self.steps = steps
    }

    /// Where a run ended: global minimum (any of equally low ones), local minimum, local maximum or other
    /// stationary point (f′ = 0 where f falls on a side), plateau, still moving,
    /// left the view, left f's domain (a step to where f is undefined), or diverged.
    /// `view` is the figure's w range (the curve's own, widened to take in every start).
    public static func outcome(_ ws: [Double], curve: Curve1D, stop: StopReason, leftDomain: Bool = false,
                               view: ClosedRange<Double>? = nil) -> String {
        let view = view ?? curve.viewRange
        guard case .maxSteps = stop, let last = ws.last, curve.value(last).isFinite else {
            return leftDomain ? "leaves the domain of f" : "diverges"
        }
        let minima = curve.minima
        if let nearest = minima.min(by: { abs($0 - last) < abs($1 - last) }), abs(nearest - last) < 0.05 {
            // Equally low minima (x⁴/4 − x², at ±√2) are each global; none is where f goes lower (x³ − 3x).
            return curve.globalMinima(view: view).contains(nearest) ? "global minimum" : "local minimum"
        }
        if !view.contains(last) {
            // Where it went is the outcome: w₀ = 20 on the built-in curve jumps to −348.5 and stays on the plateau.
            let at = "w = " + TickFormat.short(last, significant: 4)
            let settled = ws.count > 2 && abs(last - ws[ws.count - 2]) <= 1e-9 * max(1, abs(last))
            if settled, abs(curve.derivative(last)) < 0.1 { return "leaves the view, stuck on a plateau at " + at }
            return "leaves the view, at " + at + " after the last step"
        }
        let span = view.upperBound - view.lowerBound
        if abs(curve.derivative(last)) < 0.1, abs(last - ws[0]) < 0.05 * span {
            // A hump is not a plateau: x⁴ − x² from w = 0 stays because f′(0) = 0 exactly, and any nudge rolls off.
            let h = 1e-3 * span, f0 = curve.value(last), exact = curve.derivative(last) == 0
            if curve.value(last - h) < f0, curve.value(last + h) < f0 {
                return exact ? "stuck at a local maximum (f′ = 0)" : "stuck near a local maximum"
            }
            if exact, curve.value(last - h) < f0 || curve.value(last + h) < f0 { return "stuck at a stationary point (f′ = 0)" }
            return "stuck on a plateau"
        }
        // Heading for a pole where f → −∞ (1/x from −2.4 runs towards 0⁻): no minimum ahead, and the name says so.
        if ws.count > 1, let pole = curve.poles.first(where: { p in
            let towards = (p.at - last) * (last - ws[ws.count - 2]) > 0
            return towards && (last < p.at ? p.left : p.right) < 0
        }) {
            return "still moving, towards w = " + TickFormat.short(pole.at) + " where f → −∞"
        }
        return "still moving"
    }

    /// The title and subtitle. The built-in curve is the non-convex loss the title names; any other (a typed
    /// expression, or the convex square) is named by its formula.
    private func setTitles(_ figure: inout Figure, view: ClosedRange<Double>) {
        figure.title = curve.kind == .pitfalls ? "Pitfalls of gradient descent on a non-convex loss"
            : "Gradient descent from several starts on " + curve.formula
        figure.plainTitle = figure.title.flatMap { curve.expression?.plainTitle(of: $0) }
        figure.subtitle = "\(steps) step\(steps == 1 ? "" : "s") of $w \\leftarrow w - \\alpha f'(w)$ from each start"
            + (Self.noGlobalMinimum(curve, view: view).map { "; " + $0 } ?? "")
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        // The view takes in every start (with a margin), so a run that starts outside the curve's usual view is
        // drawn from its first step and judged by what it does ("stuck on a plateau" from w₀ = −10), not called
        // "leaves the view" with nothing drawn.
        let base = curve.viewRange, margin = (base.upperBound - base.lowerBound) * 0.05
        let starts = runs.map(\.start).filter(\.isFinite)
        let view = min(base.lowerBound, (starts.min() ?? 0) - margin)...max(base.upperBound, (starts.max() ?? 0) + margin)
        let curvePoints = FunctionSampler().sample(view, curve.value)
        var axes = Axes(xLabel: "$w$", yLabel: "$f(w)$")
        setTitles(&figure, view: view)
        axes.xLimits = Interval(view.lowerBound, view.upperBound)
        // The user's --y-range is the frame: runs leave the view, and starts lie above it, by that range.
        let shownY = yView.flatMap { $0.isFinite && $0.span > 0 ? $0 : nil } ?? Self.yLimits(curve, view: view)
        axes.yLimits = shownY
        for p in curve.poles {
            axes.add(ReferenceLineMark(.vertical, at: p.at, style: StrokeStyle(color: theme.muted, width: 0.9, dash: [2, 3]),
                                       includeInLimits: false, zOrder: 1.5))
        }
        axes.legend = .best
        axes.add(LineMark(points: curvePoints, style: StrokeStyle(color: theme.muted, width: theme.lineWidth * 0.9), zOrder: 2))
        if curve.minima.count <= Self.namedMinima {
            if let said = Self.nameMinima(curve, view: view, shownY: shownY, on: &axes, theme: theme) { figure.footnote = said }
        } else {
            Self.markMinima(curve, view: view, shownY: shownY, on: &axes, curvePoints: curvePoints, theme: theme)
        }
        var tables: [DataTable] = []
        // Starts and rates that differ get labels that differ.
        let startTexts = TickFormat.distinct(runs.map(\.start)), rateTexts = runs.map { TickFormat.exact($0.rate) }
        for (i, r) in runs.enumerated() {
            let optimizer = try Optimizer(name: "gd", settings: ["lr": .number(r.rate)])
            let c = curve
            let objective = FunctionObjective(dimension: 1, value: { c.value($0[0]) }, gradient: { [c.derivative($0[0])] })
            let run = try runTrajectory(objective: objective, optimizer: optimizer, start: [r.start],
                                        options: TrajectoryOptions(steps: steps, recordGradients: false))
            let ws = run.coordinates(0)
            // The step on which f overflowed to NaN (∞ − ∞) is drawn as a step to f = ±∞, off the view.
            let overflow = OverflowStep(run, curve: curve)
            let pts = ws.map { Point($0, curve.value($0)) } + (overflow.map { [Point($0.w, $0.f)] } ?? [])
            let color = theme.color(i)
            // A start far up a steep wall (w₀ = 20: f = 3.6×10⁴) is above the robust y range: said, as nothing of it shows.
            let f0 = curve.value(r.start)
            let above = f0.isFinite && !shownY.contains(f0) ? "starts " + (f0 > shownY.upper ? "above" : "below") + " the view ($f$ = "
                + TickFormat.short(f0, significant: 2) + "), " : ""
            let label = "$w_0$ = \(startTexts[i]), $\\alpha$ = \(rateTexts[i]): " + above
                + PitfallsFigure.outcome(ws, curve: curve, stop: run.stop, leftDomain: run.leftDomain, view: view)
            // A run that ends out of the view (or diverged) is drawn to the edge where it first leaves, with an
            // arrow there: not a chord across the curve to a point 10³⁰⁰ away.
            let ended = pts.last.map { view.contains($0.x) && $0.y.isFinite } ?? false
            let exit = !ended || run.stopWords != nil ? PathExit(pts, x: Interval(view.lowerBound, view.upperBound), y: shownY)
                : PathExit(pts, x: Interval(-.infinity, .infinity), y: Interval(-.infinity, .infinity))
            axes.add(LineMark(points: exit.shown, style: StrokeStyle(color: color, width: theme.lineWidth * 0.6, dash: theme.dash(i, width: 0.6)),
                              label: label, marker: theme.marker(i), markerSize: theme.markerSize * 0.75, zOrder: 3))
            if let (a, edge) = exit.arrow {
                // The head alone: the run's line is drawn to the edge in its own dash pattern, which a solid
                // shaft over it hid (in greyscale the pattern is what tells which run left).
                var arrow = ArrowMark(from: a, to: edge, color: color, width: 1.4)
                arrow.showsShaft = false
                axes.add(arrow)
            }
            if let landing = exit.landingLabel(pts, x: Interval(view.lowerBound, view.upperBound), y: shownY,
                                               color: color, font: theme.noteFont) {
                axes.add(landing)
            }
            if let first = pts.first { Self.markStart(first, on: &axes, shown: shownY, color: color, theme: theme) }
            if !exit.excursions.endsOutside, let last = pts.last {
                axes.add(ScatterMark(points: [last], shape: .circle, size: theme.markerSize * 1.5, color: color, edge: theme.foreground, zOrder: 5))
            }
            let rows = ws.enumerated().map { [Double($0.offset), $0.element, curve.value($0.element)] }
                + (overflow.map { [[Double($0.step), $0.w, curve.value($0.w)]] } ?? [])
            let part = DataTable(name: "", columns: ["step", "w", "f"], rows: rows)
            tables.append(DataTable.long(name: "runs", keys: ["start", "lr"], [([.real(r.start), .real(r.rate)], part)]))
        }
        figure.add(axes)
        return [DataTable.long(name: "runs", keys: [], tables.map { ([], $0) })]
    }

    /// The y limits: robust, so a pole (1/x at 0) or a fast-growing tail does not set the scale, with room
    /// below for the minimum labels; a constant curve (f = 0) has no span and gets half its size, at least
    /// 0.5, each way.
    static func yLimits(_ curve: Curve1D, view: ClosedRange<Double>) -> Interval {
        let fit = RobustYLimits.curve(curve.value, over: view, poles: curve.poles.map(\.at))
        let (yLo, yHi) = (fit?.shownLower ?? 0, fit?.shownUpper ?? 1)
        let pad = yHi > yLo ? 0.08 * yHi - 0.08 * yLo : max(1, abs(yLo)) * 0.25
        return Interval(max(yLo - pad * 2.2, -Double.greatestFiniteMagnitude), min(yHi + pad, Double.greatestFiniteMagnitude))
    }

    /// Why no minimum is global, when f goes lower than all of them: "no global minimum: f → −∞ as w → −∞"
    /// (x³ − 3x), or "no global minimum in the view: f = −18 at w = −3" when f is lower at a point of the view.
    static func noGlobalMinimum(_ curve: Curve1D, view: ClosedRange<Double>) -> String? {
        guard let lower = curve.lowerThanMinima(view: view) else { return nil }
        if lower.unboundedSide != 0 {
            return "no global minimum: $f \\to -\\infty$ as $w \\to " + (lower.unboundedSide < 0 ? "-" : "") + "\\infty$"
        }
        return "no global minimum" + (view.contains(lower.w) ? " in the view" : "") + ": $f$ = "
            + TickFormat.short(lower.f, significant: 3) + " at $w$ = " + TickFormat.short(lower.w, significant: 3)
    }

    /// The start's square, and for a start above (below) the view a triangle inside that edge at its w,
    /// pointing to where it is (w₀ = 20 on the built-in curve, f = 35715, showed nothing).
    private static func markStart(_ first: Point, on axes: inout Axes, shown: Interval, color: Color, theme: Theme) {
        axes.add(ScatterMark(points: [first], shape: .square, size: theme.markerSize * 1.2, color: color, edge: theme.foreground, zOrder: 5))
        guard first.x.isFinite, first.y.isFinite, !shown.contains(first.y) else { return }
        let up = first.y > shown.upper, inset = 0.035 * (shown.upper - shown.lower)
        axes.add(ScatterMark(points: [Point(first.x, up ? shown.upper - inset : shown.lower + inset)], shape: up ? .triangle : .triangleDown,
                             size: theme.markerSize * 1.2, color: color, edge: theme.foreground, zOrder: 5))
    }
}
