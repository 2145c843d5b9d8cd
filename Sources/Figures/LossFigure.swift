import Optim
import RealModule
import Viz

/// Training losses: binary cross-entropy against the predicted probability for y = 1 and y = 0 with
/// the textbook values marked (y = 1, p = 0.9 → 0.105), and MSE, MAE and Huber against the error
/// e = p − y; optionally their gradients ∂L/∂p in a second row. Every value comes from Optim's `Loss`.
public struct LossFigure: FigureRecipe {
    /// Probabilities whose BCE values are marked and labelled.
    public var marked: [Double] = [0.1, 0.5, 0.9]
    /// Huber's δ.
    public var delta: Double = 1
    /// The error range of the regression panel.
    public var errorRange: ClosedRange<Double> = -3...3
    public var gradients = false

    /// A recipe (or value) with these fields; see each field.
    public init(marked: [Double] = [0.1, 0.5, 0.9], delta: Double = 1, errorRange: ClosedRange<Double> = -3...3, gradients: Bool = false) {
        self.marked = marked
        self.delta = delta
        self.errorRange = errorRange
        self.gradients = gradients
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let bce = try Loss(name: "bce")
        let regression = [try Loss(name: "mse"), try Loss(name: "mae"), try Loss(name: "huber", parameters: ["delta": delta])]
        figure.title = "Loss functions and what they punish"
        figure.subtitle = "a confident wrong prediction costs cross-entropy without bound; MSE squares large errors, MAE and Huber grow linearly"
        let (bceAxes, markedRows) = try crossEntropyAxes(bce, theme: figure.theme)
        figure.add(bceAxes, row: 0, column: 0)
        figure.add(regressionAxes(regression, theme: figure.theme), row: 0, column: 1)
        if gradients {
            figure.add(crossEntropyGradientAxes(bce, theme: figure.theme), row: 1, column: 0)
            figure.add(regressionGradientAxes(regression, theme: figure.theme), row: 1, column: 1)
        }
        return tables(bce: bce, regression: regression, markedRows: markedRows)
    }

    /// The two targets of binary cross-entropy with the formula of each curve.
    private static let targets: [(y: Double, label: String)] = [(1, "$y$ = 1:  $-$log $p$"), (0, "$y$ = 0:  $-$log$(1 - p)$")]
    private static let pRange = 1e-4...(1 - 1e-4)
    private static let sampler = FunctionSampler()

    /// The k-th curve's line: the theme's k-th colour and dash.
    private func style(_ k: Int, _ theme: Theme) -> StrokeStyle {
        StrokeStyle(color: theme.color(k), width: theme.lineWidth, dash: theme.dash(k))
    }

    /// Binary cross-entropy against p, the `marked` predictions labelled with their loss; also the
    /// marked rows (y, p, loss).
    private func crossEntropyAxes(_ bce: Loss, theme: Theme) throws -> (Axes, [[Double]]) {
        let (targets, sampler, pRange) = (Self.targets, Self.sampler, Self.pRange)
        func style(_ k: Int) -> StrokeStyle { self.style(k, theme) }
        var bceAxes = Axes(title: "binary cross-entropy", xLabel: "predicted probability $p$ of class 1",
                           yLabel: "loss $L$ (nats)")
        var markedRows: [[Double]] = []
        var peak = 0.0
        // The curves reach every marked p (10⁻³⁰⁰ too: its dot floated far above curves that stopped at 10⁻⁴).
        let inside = marked.filter { $0 > 0 && $0 < 1 }
        let drawn = min(pRange.lowerBound, inside.min() ?? 1)...max(pRange.upperBound, inside.max() ?? 0)
        for (k, t) in targets.enumerated() {
            bceAxes.add(LineMark(points: sampler.sample(drawn) { bce.value(prediction: $0, target: t.y) }, style: style(k), label: t.label, zOrder: 3))
            let values = try bce.values(prediction: marked, target: marked.map { _ in t.y })
            for (p, v) in zip(marked, values.loss) {
                markedRows.append([t.y, p, v])
                peak = max(peak, v)
                bceAxes.add(ScatterMark(points: [Point(p, v)], shape: theme.marker(k), size: theme.markerSize * 1.1, color: theme.color(k),
                                        edge: theme.background, zOrder: 4))
            }
        }
        // One label per distinct point (at p = 0.5 both curves meet at log 2): above the point where the
        // curve is flat, beside it (away from the steep side) where it is steep.
        var labelled: [Point] = []
        for row in markedRows {
            let (y, p, v) = (row[0], row[1], row[2])
            if labelled.contains(where: { abs($0.x - p) < 1e-12 && abs($0.y - v) < 1e-9 }) { continue }
            labelled.append(Point(p, v))
            let steep = abs(bce.derivative(prediction: p, target: y)) > 2.5
            let side: Double = y == 1 ? 1 : -1
            bceAxes.add(TextMark(LossFigure.markText(v, p: p, y: y), at: Point(p, v),
                                 anchor: steep ? TextAnchor(side > 0 ? 0 : 1, .middle) : TextAnchor(0.5, .bottom),
                                 offset: steep ? Point(side * 10, 0) : Point(0, 12), color: theme.foreground, font: theme.noteFont))
        }
        bceAxes.xLimits = Interval(0, 1)
        bceAxes.yLimits = Interval(0, max(4.6, peak * 1.35))
        bceAxes.legend = .best
        return (bceAxes, markedRows)
    }

    /// The label of a marked BCE value: three decimals ("0.105"); two significant digits below 0.0005 (1.1×10⁻¹⁶
    /// at p = 1 − 10⁻¹⁶ was "0.000"); and where PyTorch's BCELoss clamps log at −100 (p below e⁻¹⁰⁰), the clamp
    /// said with the value the curve's formula gives: "100 (clamped; −log p = 691)".
    static func markText(_ v: Double, p: Double, y: Double) -> String {
        let formula = y == 1 ? -Double.log(p) : -Double.log(onePlus: -p)
        if v >= 100, formula > 100 {
            return "100 (clamped; " + (y == 1 ? "$-$log $p$" : "$-$log$(1 - p)$") + " = " + TickFormat.short(formula, significant: 3) + ")"
        }
        return v != 0 && abs(v) < 5e-4 ? TickFormat.short(v, significant: 2) : NumberText.fixed(v, decimals: 3)
    }

    /// The regression losses against the error, each named at its curve.
    private func regressionAxes(_ regression: [Loss], theme: Theme) -> Axes {
        let sampler = Self.sampler
        func style(_ k: Int) -> StrokeStyle { self.style(k, theme) }
        var regAxes = Axes(title: "regression losses (Huber $\\delta$ = " + TickFormat.short(delta) + ")", xLabel: "error $e$ = $p - y$", yLabel: "loss $L$")
        let kinks = [0, -delta, delta]
        let names = ["MSE  $e^{2}$", "MAE  $|e|$", "Huber ($\\delta$ = " + TickFormat.short(delta) + ")"]
        for (k, loss) in regression.enumerated() {
            regAxes.add(LineMark(points: sampler.sample(errorRange, kinks: kinks) { loss.value(prediction: $0, target: 0) },
                                 style: style(k), label: names[k], zOrder: 3))
        }
        addDeltaLines(to: &regAxes, theme: theme)
        regAxes.yPadding = 0.03
        regAxes.xLimits = Interval(errorRange.lowerBound, errorRange.upperBound)
        // Labelled at the curves: the three of them fill every corner, leaving no room for a legend.
        regAxes.legend = .none
        let top = regression.map { $0.value(prediction: errorRange.upperBound, target: 0) }
        let eMSE = min(errorRange.upperBound, (0.8 * (top.max() ?? 1)).squareRoot())
        // Each name moves, when its spot is taken, only along its own curve (from the right end inwards):
        // "MAE" and "Huber" drifted to free spots beside the MSE curve.
        func label(_ text: String, _ k: Int, at p: Point, anchor: TextAnchor, offset: Point, from e0: Double) {
            var mark = TextMark(text, at: p, anchor: anchor, offset: offset, color: theme.color(k))
            let (a, b) = (errorRange.lowerBound, errorRange.upperBound)
            mark.curve = (0...80).map { i in
                let e = e0 - (b - a) * Double(i) / 80
                let wrapped = e < a ? e + (b - a) : e
                return Point(wrapped, regression[k].value(prediction: wrapped, target: 0))
            }
            regAxes.add(mark)
        }
        label("MSE", 0, at: Point(eMSE, eMSE * eMSE), anchor: TextAnchor(1, .middle), offset: Point(-10, 0), from: eMSE)
        label("MAE", 1, at: Point(errorRange.upperBound, top[1]), anchor: TextAnchor(1, .bottom), offset: Point(-4, 2), from: errorRange.upperBound)
        label("Huber", 2, at: Point(errorRange.upperBound, top[2]), anchor: TextAnchor(1, .top), offset: Point(-2, -6), from: errorRange.upperBound)
        return regAxes
    }

    /// The gradient of binary cross-entropy against p, for both targets.
    private func crossEntropyGradientAxes(_ bce: Loss, theme: Theme) -> Axes {
        let (sampler, pRange) = (Self.sampler, Self.pRange)
        func style(_ k: Int) -> StrokeStyle { self.style(k, theme) }
        var g = Axes(title: "gradient of binary cross-entropy", xLabel: "predicted probability $p$ of class 1", yLabel: "$\\partial L/\\partial p$")
        for (k, t) in Self.targets.enumerated() {
            g.add(LineMark(points: sampler.sample(pRange) { bce.derivative(prediction: $0, target: t.y) }, style: style(k),
                           label: t.y == 1 ? "$y$ = 1:  $-1/p$" : "$y$ = 0:  $1/(1 - p)$", zOrder: 3))
        }
        g.xLimits = Interval(0, 1)
        g.yLimits = Interval(-12, 12)
        g.legend = .best  // upper left at the default size (empty there); outside when the legend grows
        return g
    }

    /// The gradients of the regression losses against the error; MAE's jump drawn with end dots.
    private func regressionGradientAxes(_ regression: [Loss], theme: Theme) -> Axes {
        let sampler = Self.sampler
        let kinks = [0, -delta, delta]
        func style(_ k: Int) -> StrokeStyle { self.style(k, theme) }
        var rg = Axes(title: "gradients of the regression losses", xLabel: "error $e$ = $p - y$", yLabel: "$\\partial L/\\partial p$")
        let gradNames = ["MSE  $2e$", "MAE  sign$(e)$", "Huber  clip$(e, \\pm\\delta)$"]
        for (k, loss) in regression.enumerated() {
            // MAE's gradient jumps at e = 0 (PyTorch takes 0 there): drawn as a jump with end dots.
            let jumps: [Double] = loss.name == "mae" ? [0] : []
            rg.add(LineMark(points: sampler.sample(errorRange, kinks: kinks, jumps: jumps) { loss.derivative(prediction: $0, target: 0) },
                            style: style(k), label: gradNames[k], zOrder: 3))
            if loss.name == "mae" {
                rg.add(JumpDotsMark(closed: [Point(0, loss.derivative(prediction: 0, target: 0))], open: [Point(0, -1), Point(0, 1)],
                                    color: theme.color(k)))
            }
        }
        addDeltaLines(to: &rg, theme: theme)
        rg.xLimits = Interval(errorRange.lowerBound, errorRange.upperBound)
        rg.legend = .best  // lower right at the default size; outside when the legend grows
        return rg
    }

    /// The data behind the figure: long tables, one row per (target, p) for cross-entropy and per
    /// (loss, error) for the regression losses.
    private func tables(bce: Loss, regression: [Loss], markedRows: [[Double]]) -> [DataTable] {
        let ps = FieldSampler.linspace(0.01, 0.99, count: 99)
        let es = FieldSampler.linspace(errorRange.lowerBound, errorRange.upperBound, count: 121)
        return [
            DataTable(name: "bce", columns: ["y", "p", "value", "gradient"], rows: [1.0, 0].flatMap { y in
                ps.map { p in [y, p, bce.value(prediction: p, target: y), bce.derivative(prediction: p, target: y)] }
            }, integerColumns: ["y"]),
            DataTable(name: "bce marked points", columns: ["y", "p", "value"], rows: markedRows, integerColumns: ["y"]),
            DataTable.long(name: "regression", keys: ["loss"], regression.map { loss in
                ([.text(loss.name)], DataTable(name: loss.name, columns: ["error", "value", "gradient"], rows: es.map { e in
                    [e, loss.value(prediction: e, target: 0), loss.derivative(prediction: e, target: 0)]
                }))
            }),
        ]
    }

    /// Dotted verticals at e = ±δ, where Huber turns from quadratic to linear.
    private func addDeltaLines(to axes: inout Axes, theme: Theme) {
        for (v, text) in [(-delta, "$-\\delta$"), (delta, "$\\delta$")] where errorRange.contains(v) {
            var line = ReferenceLineMark.vertical(x: v, style: StrokeStyle(color: theme.muted, width: 1, dash: [2, 3]), text: text)
            line.includeInLimits = false
            axes.add(line)
        }
    }
}
