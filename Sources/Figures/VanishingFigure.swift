import Optim
import Viz

/// Vanishing gradients: the bound ∏ max|f′| against depth, and the measured mean |∂L/∂W| per layer of
/// a random deep network, both on log axes.
public struct VanishingFigure: FigureRecipe {
    public var activations: [Activation]
    public var depth: Int
    public var width: Int
    /// nil: He for rectifiers (relu, gelu, …, typed ones too), Glorot otherwise (`defaultInitialization`).
    public var initialization: Initialization?
    public var seed: UInt64

    /// A recipe (or value) with these fields; see each field.
    public init(activations: [Activation], depth: Int, width: Int, initialization: Initialization? = nil, seed: UInt64) {
        self.activations = activations
        self.depth = depth
        self.width = width
        self.initialization = initialization
        self.seed = seed
    }

    /// He for a rectifier, Glorot otherwise, decided from the function (a typed copy of a built-in gets the
    /// built-in's init: 'x*sigmoid(x)' had Glorot beside SiLU's He, and gradients 1000× smaller). A rectifier
    /// passes 0 through 0, is nearly flat on the left (|f′(−4)| ≤ 0.3: leaky ReLU, PReLU, ELU, GELU, SiLU…) and
    /// nearly the identity on the right (|f′(4) − 1| ≤ 0.1) — relu, its smooth kin, relu6 and hardswish;
    /// not softplus (f(0) = ln 2), LiSHT (f′(−4) = −1) or the identity.
    public static func defaultInitialization(for a: Activation) -> Initialization {
        let rectifier = abs(a.value(0)) <= 1e-12 && abs(a.derivative(-4)) <= 0.3 && abs(a.derivative(4) - 1) <= 0.1
        return rectifier ? .heNormal : .glorotUniform
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        figure.title = "Vanishing gradients: how much signal reaches the early layers"
        figure.subtitle = "random MLP, \(depth) layers of width \(width), MSE on random data, seed \(seed)"
        var bound = Axes(title: "bound: $\\prod$ max$|f'|$ over $n$ layers", xLabel: "layers $n$ the gradient passes through", yLabel: "factor (log scale)")
        var measured = Axes(title: "measured: mean $|\\partial L/\\partial W|$ per layer", xLabel: "layer (1 = input side)", yLabel: "mean $|\\partial L/\\partial W|$ (log scale)")
        bound.yScale = .log
        measured.yScale = .log
        bound.legend = .best
        // Below, not beside: beside it the legend would take half of this panel's width.
        measured.legend = .below
        var tables: [DataTable] = []
        var boundTable = DataTable(name: "bound", columns: ["activation", "layers", "factor"], cells: [])
        var emptySeries = 0
        let styles = SeriesStyles.indices(for: activations.map(\.name), catalogue: Activation.allNames, inOrder: theme.seriesInFigureOrder)
        for (i, a) in activations.enumerated() {
            let color = theme.color(styles[i])
            let style = StrokeStyle(color: color, width: theme.lineWidth, dash: theme.dash(styles[i]))
            let m = a.maxAbsDerivative.value
            let ns = (0...depth).map(Double.init)
            let factors = ns.map { m > 0 ? Double.pow(m, $0) : ($0 == 0 ? 1 : 0) }
            let label = a.label(among: activations) + " (max $|f'|$ = " + TickFormat.short(m) + ")"
            bound.add(LineMark(points: zip(ns, factors).map { Point($0, $1 > 0 ? $1 : .nan) }, style: style, label: label,
                               marker: theme.marker(styles[i]), markerEvery: max(1, depth / 8), markerSize: theme.markerSize * 0.8))
            for (n, f) in zip(ns, factors) { boundTable.cells.append([.text(a.tableName), .integer(Int64(n)), .real(f)]) }

            let initial = initialization ?? VanishingFigure.defaultInitialization(for: a)
            let grads = try Vanishing.measure(depth: depth, width: width, activation: a, initialization: initial, seed: seed)
            let layers = grads.indices.map { Double($0 + 1) }
            // A gradient of 0 (f′ = 0) has no point on a log axis, nor has a NaN one (x³ overflows float64): said.
            let none = !grads.contains { $0 > 0 && $0.isFinite }
            if none { emptySeries += 1 }
            let points = zip(layers, grads).map { Point($0, $1 > 0 ? $1 : .nan) }
            measured.add(LineMark(points: points, style: style,
                                  label: a.label(among: activations) + ", " + (initial == .heNormal ? "He" : "Glorot") + " init" + VanishingFigure.gapNote(grads),
                                  marker: theme.marker(styles[i]), markerEvery: max(1, depth / 8), markerSize: theme.markerSize * 0.8))
            // A point with no drawn neighbour (binary step's output layer, after 49 zeros) is a marker, not a line.
            let lone = points.indices.filter { k in
                points[k].y.isFinite && (k == 0 || !points[k - 1].y.isFinite) && (k == points.count - 1 || !points[k + 1].y.isFinite)
            }
            if !lone.isEmpty {
                measured.add(ScatterMark(points: lone.map { points[$0] }, shape: theme.marker(styles[i]), size: theme.markerSize * 0.8,
                                         color: color, edge: theme.background, zOrder: 4))
            }
            tables.append(DataTable(name: a.tableName, columns: ["layer", "mean_abs_dL_dW"],
                                    rows: zip(layers, grads).map { [$0, $1] }))
        }
        if activations.allSatisfy({ !($0.maxAbsDerivative.value.isFinite) }) {
            // Every bound is ∞ from one layer on (x²: f′ unbounded): only n = 0 has a point, and the axis ran −1 … 1.
            bound.xLimits = Interval(0, Double(max(depth, 2)))
            bound.yLimits = Interval(0.1, 10)
        }
        if emptySeries == activations.count {  // nothing to scale the axes by: an empty panel of the layers
            measured.xLimits = Interval(1, Double(max(depth, 2)))
            measured.yLimits = Interval(1e-6, 1)
        }
        let measuredTable = DataTable.long(name: "measured", key: "activation", tables, columns: ["layer", "mean_abs_dL_dW"])
        figure.add(bound, row: 0, column: 0)
        figure.add(measured, row: 0, column: 1)
        return [boundTable, measuredTable]
    }

    /// What the log axis cannot draw of a series of per-layer gradients: ": 0 at layers 1–49, not drawn on
    /// the log axis" (f′ = 0), ": NaN at every layer, not drawn" (the passes left float64: x³, eˣ);
    /// empty when every value is drawn.
    static func gapNote(_ grads: [Double]) -> String {
        let zeros = grads.indices.filter { grads[$0] == 0 }, bad = grads.indices.filter { !grads[$0].isFinite }
        func layers(_ ks: [Int]) -> String {
            if ks.count == grads.count { return " at every layer" }
            if ks.count == 1 { return " at layer \(ks[0] + 1)" }
            let contiguous = zip(ks, ks.dropFirst()).allSatisfy { $1 == $0 + 1 }
            return contiguous ? " at layers \(ks[0] + 1)–\((ks.last ?? 0) + 1)" : " at \(ks.count) layers"
        }
        var parts: [String] = []
        if !zeros.isEmpty { parts.append("0" + layers(zeros)) }
        if !bad.isEmpty {
            let kind = bad.allSatisfy { grads[$0].isNaN } ? "NaN" : bad.allSatisfy { grads[$0].isInfinite } ? "∞" : "NaN or ∞"
            // After the zeros, short: "0 at layers 1–19, ∞ at 20" (f = 10³⁰⁸: its output layer's gradient overflows).
            parts.append(kind + (zeros.isEmpty ? layers(bad) : layers(bad).replacingOccurrences(of: " layers ", with: " ")
                .replacingOccurrences(of: " layer ", with: " ")))
        }
        guard !parts.isEmpty else { return "" }
        return ": " + parts.joined(separator: ", ") + (bad.isEmpty ? ", not drawn on the log axis" : ", not drawn")
    }
}
