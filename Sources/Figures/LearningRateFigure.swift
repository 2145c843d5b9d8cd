import Optim
import Viz

/// Learning-rate comparison: gradient-descent steps on a 1-D loss, one panel per rate, every panel with
/// the same view so a divergent run is seen leaving it (clipped, with a note) rather than rescaled away.
public struct LearningRateFigure: FigureRecipe {
    public var curve: Curve1D
    public var rates: [Double]
    public var start: Double
    public var steps: Int
    /// Made for an animation: each panel's iterates appear step by step, and the note that a run left the
    /// view or diverged at its step (`TimedMark`s; the still figure is the same); the panel titles give their
    /// verdict only on the last frame.
    public var animated = false
    /// The y range the panels will show when the user fixes it (`--y-range`); nil: fitted to the curve. A run
    /// leaves the view where it leaves this range (the note gave the step it left the x range, ignoring it).
    public var yView: Interval?

    /// A recipe (or value) with these fields; see each field.
    public init(curve: Curve1D, rates: [Double], start: Double, steps: Int) {
        self.curve = curve
        self.rates = rates
        self.start = start
        self.steps = steps
    }

    /// What the run did: "diverges", "good", "oscillates", "oscillates, never settles" (near the minimum, then
    /// thrown out again), "overshoots" (thrown further past the minimum at its first step), "too small", "stuck in a local minimum", "crosses to another minimum",
    /// "leaves f's domain", or, on a curve with no minimum in view (1/x, −x²), "no minimum, descends"
    /// or "no minimum, leaves view". A run that ends at one of several equally low minima is "good".
    public static func verdict(_ ws: [Double], curve: Curve1D, stop: StopReason, leftDomain: Bool = false) -> String {
        if leftDomain { return "leaves f's domain" }
        guard ws.count >= 2, case .maxSteps = stop, let last = ws.last else { return "diverges" }
        let f0 = curve.value(ws[0]), fEnd = curve.value(last)
        if !(fEnd.isFinite) || fEnd > f0 { return "diverges" }
        let minima = curve.minima
        guard !minima.isEmpty else {
            // Nothing to converge to: f keeps falling towards an asymptote or −∞.
            return curve.viewRange.contains(last) ? "no minimum, descends" : "no minimum, leaves view"
        }
        if abs(last) > abs(ws[0]) * 4 && !curve.viewRange.contains(last) { return "diverges" }
        let fMin = minima.map(curve.value).min() ?? 0
        let span = curve.viewRange.upperBound - curve.viewRange.lowerBound
        let nearest = minima.min { abs($0 - last) < abs($1 - last) } ?? 0
        let fNearest = curve.value(nearest)
        // Oscillating: most steps jump across the minimum the run ends near.
        let crossings = zip(ws, ws.dropFirst()).filter { a, b in (a - nearest) * (b - nearest) < 0 }.count
        let oscillating = crossings > ws.count / 2
        // f tells nothing when it did not change (w₀ = −10⁻³⁰⁰: f = w² underflows to 0 all along): w does.
        if fEnd == f0, ws[0] != nearest {
            let d0 = abs(ws[0] - nearest), dEnd = abs(last - nearest)
            if dEnd > d0 * (1 + 1e-9) { return "diverges" }
            if dEnd >= d0 * (1 - 1e-9) { return oscillating ? "oscillates" : "too small" }
        }
        // Ended near a minimum: within `nearMinimum` of the curve's own view width (0.2 on the square's −4…4).
        if abs(last - nearest) <= nearMinimum * span {
            if fNearest > fMin + 1e-9 * max(1, abs(fMin)) { return "stuck in a local minimum" }
            // At a minimum other than the one its start rolls down to (x⁴/4 − x² from 2.4 at α = 0.3 ends at −√2,
            // over the hump at 0): said, not "good (oscillates)".
            if let home = basinMinimum(of: ws[0], minima: minima, curve: curve), abs(home - nearest) >= 0.01 * span {
                return "crosses to another minimum"
            }
            return oscillating ? "good (oscillates)" : "good"
        }
        // Came close to the minimum and was thrown back out from side to side (sqrt(|x|) at its cusp, where
        // |f′| → ∞: 0.55, −0.27, 0.89, …, −1.36 was "too small").
        let closest = ws.map { abs($0 - nearest) }.min() ?? 0
        if crossings >= 2, abs(last - nearest) > 3 * closest, closest < 0.25 * abs(ws[0] - nearest) { return "oscillates, never settles" }
        // Thrown past the minimum at the first step, further than it started, and not back near it (e^w − w at
        // α = 2.2: 2.4 to −20, creeping back): "overshoots", not "too small".
        if ws.count > 1, (ws[0] - nearest) * (ws[1] - nearest) < 0, abs(ws[1] - nearest) > abs(ws[0] - nearest) { return "overshoots" }
        if oscillating { return "oscillates" }
        // Not near the minimum after its steps: the same ending gets the same word from any start (α = 0.05
        // ending at w = −0.85 from −7 was "good" by its share of f₀ = 49, and at 0.71 from 2.5 "too small").
        return "too small"
    }

    /// How near a run must end to a minimum to be "good": this share of the curve's own view width (not of
    /// the figure's, which grows with a far start), so the verdict depends only on where the run ends.
    public static let nearMinimum = 0.025

    /// The w range every panel shows: the curve's own view, widened to take in the start (with a margin of
    /// 5 % of the curve's view) and, for a start outside that view, the start's mirror image about the minimum
    /// it descends to, so a run that jumps across (α = 1 on w² from 10: 10, −10, 10, …) is drawn on both sides.
    public static func view(of curve: Curve1D, start: Double) -> ClosedRange<Double> {
        let base = curve.viewRange, margin = (base.upperBound - base.lowerBound) * 0.05
        guard start.isFinite else { return base }
        var lo = min(base.lowerBound, start - margin), hi = max(base.upperBound, start + margin)
        let minima = curve.minima
        if !base.contains(start), let m = basinMinimum(of: start, minima: minima, curve: curve)
            ?? minima.min(by: { abs($0 - start) < abs($1 - start) }) {
            let mirror = 2 * m - start
            if mirror.isFinite, curve.value(mirror).isFinite { lo = min(lo, mirror - margin); hi = max(hi, mirror + margin) }
        }
        return lo...hi
    }

    /// The minimum gradient descent with small steps reaches from `w0`: the nearest of `minima` on the
    /// downhill side (nil when f′(w0) is 0 or not a number).
    static func basinMinimum(of w0: Double, minima: [Double], curve: Curve1D) -> Double? {
        let slope = curve.derivative(w0)
        guard slope != 0, slope.isFinite else { return nil }
        return minima.filter { slope > 0 ? $0 < w0 : $0 > w0 }.min { abs($0 - w0) < abs($1 - w0) }
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        // The view includes the start, so a run that starts outside the curve's usual view is drawn from its
        // first step, and its mirror image, so it is drawn where it jumps to.
        let view = Self.view(of: curve, start: start)
        let curvePoints = FunctionSampler().sample(view, curve.value)
        // Robust limits: a pole (1/x at 0) or a fast-growing tail does not set the scale.
        let fit = RobustYLimits.curve(curve.value, over: view, poles: curve.poles.map(\.at))
        var yLo = fit?.shownLower ?? 0, yHi = fit?.shownUpper ?? 1
        // A constant curve (f = 0) has no span: half its size, at least 0.5, each way (as automatic limits do).
        var pad = yHi > yLo ? 0.06 * yHi - 0.06 * yLo : max(1, abs(yLo)) * 0.5
        if let y = yView, y.isFinite, y.span > 0 {
            // The user's range is the frame: the same 6 % margins inside it.
            pad = y.span * 0.06 / 1.12
            (yLo, yHi) = (y.lower + pad, y.upper - pad)
        }
        var tables: [DataTable] = []
        figure.title = "Gradient descent on " + curve.formula + " with different learning rates"
        figure.plainTitle = figure.title.flatMap { curve.expression?.plainTitle(of: $0) }
        figure.subtitle = "start $w_0$ = \(TickFormat.short(start)), \(steps) step\(steps == 1 ? "" : "s"); every panel shows the same view"
        // Rates that differ get titles that differ (0.999 and 1.001 are not both "1").
        let rateTexts = rates.map(TickFormat.exact)
        for (i, rate) in rates.enumerated() {
            let optimizer = try Optimizer(name: "gd", settings: ["lr": .number(rate)])
            let c = curve
            let objective = FunctionObjective(dimension: 1, value: { c.value($0[0]) }, gradient: { [c.derivative($0[0])] })
            let run = try runTrajectory(objective: objective, optimizer: optimizer, start: [start],
                                        options: TrajectoryOptions(steps: steps, recordGradients: false))
            let ws = run.coordinates(0)
            let verdict = LearningRateFigure.verdict(ws, curve: curve, stop: run.stop, leftDomain: run.leftDomain)
            var axes = Axes(title: "$\\alpha$ = " + rateTexts[i] + ": " + verdict, xLabel: "$w$", yLabel: i == 0 ? "$f(w)$" : nil)
            axes.yQuantity = "$f(w)$"  // "f(w) (×10¹²)" on every panel whose values need a power of ten
            if animated {
                // The verdict is the animation's conclusion: the title names only the rate until the last frame.
                let neutral = "$\\alpha$ = " + rateTexts[i]
                axes.animatedTitle = { _ in neutral }
            }
            axes.xLimits = Interval(view.lowerBound, view.upperBound)
            axes.yLimits = Interval(max(yLo - pad, -Double.greatestFiniteMagnitude), min(yHi + pad, Double.greatestFiniteMagnitude))
            axes.legend = .none
            axes.add(LineMark(points: curvePoints, style: StrokeStyle(color: theme.muted, width: theme.lineWidth * 0.8), zOrder: 2))
            for p in curve.poles {
                axes.add(ReferenceLineMark(.vertical, at: p.at, style: StrokeStyle(color: theme.muted, width: 0.9, dash: [2, 3]),
                                           includeInLimits: false, zOrder: 1.5))
            }
            let color = theme.color(i)
            var pts = ws.map { Point($0, curve.value($0)) }
            // The step on which f overflowed to NaN (∞ − ∞) is drawn as a step to f = ±∞, off the view.
            let overflow = OverflowStep(run, curve: curve)
            if let o = overflow { pts.append(Point(o.w, o.f)) }
            // A step out of the view is drawn to the edge, with an arrow there (also when f overflows to ∞).
            let exit = PathExit(pts, x: Interval(view.lowerBound, view.upperBound), y: Interval(yLo - pad, yHi + pad))
            let path = LineMark(points: exit.shown, style: StrokeStyle(color: color, width: theme.lineWidth * 0.7), zOrder: 3)
            axes.add(path, animated: animated, as: .line(path, times: exit.times))
            let iterates = ScatterMark(points: exit.iterates.map(\.at), shape: .circle, size: theme.markerSize * 0.8, color: color,
                                       edge: theme.background, zOrder: 4)
            axes.add(iterates, animated: animated, as: .scatter(iterates, times: exit.iterates.map { Double($0.step) }))
            if let first = pts.first {
                axes.add(ScatterMark(points: [first], shape: .square, size: theme.markerSize * 1.1, color: color, edge: theme.foreground, zOrder: 5))
            }
            markExit(of: run, pts, exit: exit, on: &axes, view: view, top: (yHi, pad), frame: Interval(yLo - pad, yHi + pad), color: color, theme: theme,
                     rate: "$\\alpha$ = " + rateTexts[i])
            if let k = exit.step, let landing = exit.landingLabel(pts, x: Interval(view.lowerBound, view.upperBound),
                                                                  y: Interval(yLo - pad, yHi + pad), color: color, font: theme.noteFont) {
                axes.add(landing, animated: animated, as: .appearing(landing, at: Double(k)))
            }
            if animated { axes.add(Self.readout(pts, steps: steps, at: Point(view.lowerBound, yHi + pad), theme: theme)) }
            figure.add(axes, row: 0, column: i)
            var rows = ws.enumerated().map { [Double($0.offset), $0.element, curve.value($0.element)] }
            // The step that left f's domain, with f undefined (NaN) there.
            if run.leftDomain, case let .diverged(k) = run.stop, let to = run.divergedPosition.first { rows.append([Double(k), to, .nan]) }
            // The step whose f overflowed to NaN, with f as float64 gave it.
            if let o = overflow { rows.append([Double(o.step), o.w, curve.value(o.w)]) }
            tables.append(DataTable(name: NumberText.shortest(rate), columns: ["step", "w", "f"], rows: rows))
        }
        // One table keyed by the learning rate (a number).
        return [DataTable.long(name: "runs", keys: ["lr"], zip(rates, tables).map { ([.real($0)], $1) })]
    }

    /// Where a panel's run leaves the view (an arrow along its last visible step and a note), or diverges,
    /// or steps out of f's domain (an arrow towards where it went and the note).
    private func markExit(of run: Trajectory, _ pts: [Point], exit: PathExit, on axes: inout Axes, view: ClosedRange<Double>,
                          top: (yHi: Double, pad: Double), frame: Interval, color: Color, theme: Theme, rate: String) {
        let (yHi, pad) = top
        // Where the run leaves the view: an arrow along each leaving step to the edge, and a note.
        if let k = exit.step {
            for (j, a, edge) in exit.exits {
                let arrow = ArrowMark(from: a, to: edge, color: color, width: 1.4)
                axes.add(arrow, animated: animated, as: .appearing(arrow, at: Double(j)))
            }
            // A jump sideways out of the view (x⁴ − x² from 2.4 to −25.4) is drawn as a near-vertical chord to the
            // top edge: the note says where w went, so it does not read as f growing at the same w. A run that
            // comes back (|w| at α = 6 from 2.5: −3.5, 2.5, −3.5, …) is said with its returns.
            let landing = pts.indices.contains(k) ? pts[k] : Point(.nan, .nan)
            let away = exit.excursions.list.count == 1 && exit.excursions.endsOutside ? nil : exit.excursions.words
            // Out through the top or the bottom at a w inside the view (a --y-range under the run): where, and f there.
            let to = !landing.x.isFinite ? ""
                : !view.contains(landing.x) ? " (to w = \(TickFormat.short(landing.x, significant: 3)))"
                : yView != nil && landing.y.isFinite && !frame.contains(landing.y)
                    ? " (to w = \(TickFormat.short(landing.x, significant: 3)), f = \(TickFormat.short(landing.y, significant: 3)))" : ""
            let later = (away == nil ? to : "") + (run.stopWords.map { ", " + $0 } ?? "")
            let said = (away ?? "leaves the view at step \(k)") + later
            var note = TextMark(said, at: Point((view.lowerBound + view.upperBound) / 2, yHi + pad * 0.2),
                                anchor: TextAnchor(0.5, .top), color: theme.foreground, font: theme.noteFont)
            // Where no spot in the panel is free of the parabola and the path: said under the figure, with its rate.
            note.footnote = rate + ": " + said
            axes.add(note, animated: animated, as: .appearing(note, at: Double(k)))
        } else if case let .diverged(k) = run.stop {
            var text = run.leftDomain ? "leaves f's domain at step \(k)" : "diverged at step \(k)"
            // The step out of the domain is drawn as an arrow towards where it went (√w stepping from 2.7 to −3.1):
            // a rate whose first step leaves showed only its start square, as if nothing happened.
            if run.leftDomain, let a = pts.last, let to = run.divergedPosition.first {
                let end = min(max(to, view.lowerBound), view.upperBound)
                let arrow = ArrowMark(from: a, to: Point(a.x + (end - a.x) * 0.9, a.y), color: color, width: 1.4)
                axes.add(arrow, animated: animated, as: .appearing(arrow, at: Double(k)))
                text += " (to w = \(TickFormat.short(to, significant: 3)))"
            }
            var note = TextMark(text, at: Point((view.lowerBound + view.upperBound) / 2, yHi),
                                anchor: TextAnchor(0.5, .top), color: theme.foreground, font: theme.noteFont)
            note.footnote = rate + ": " + text
            axes.add(note, animated: animated, as: .appearing(note, at: Double(k)))
        }
    }

    /// The step and loss of a panel's run while it animates ("step 3: f = 0.42", moved off the curve like a
    /// note; after its last iterate, the step it ended at); nothing on the last frame, the still figure.
    static func readout(_ pts: [Point], steps: Int, at corner: Point, theme: Theme) -> TimedMark {
        let nothing = LineMark(points: [], style: StrokeStyle(color: theme.foreground, width: 0))
        return TimedMark(nothing, span: 0...Double(steps)) { t in
            guard !pts.isEmpty else { return [] }
            let k = min(Int(max(0, t.rounded(.down))), pts.count - 1)
            let f = pts[k].y
            let value = f.isFinite ? TickFormat.short(f, significant: 3) : (f.isNaN ? "NaN" : "∞")
            return [TextMark("step \(k): f = \(value)", at: corner, anchor: TextAnchor(0, .top), offset: Point(6, -4),
                             color: theme.foreground, font: theme.noteFont)]
        }
    }
}
