import Optim
import Viz

/// Softmax with temperature: grouped bars of the probabilities softmax(z/T), with their values, and
/// a companion panel of the entropy H(T) with the maximum log n (the uniform distribution) marked.
public struct SoftmaxFigure: FigureRecipe {
    /// Which bars share a group.
    public enum Grouping: String, CaseIterable {
        /// One group per class, one bar per temperature: the eye follows each class as T changes.
        case `class`
        /// One group per temperature, one bar per class: each group is one whole distribution.
        case temperature
    }

    public var logits: [Double]
    public var temperatures: [Double]
    /// Class names (one per logit); nil: z₁, z₂, …
    public var classNames: [String]?
    public var grouping: Grouping = .class

    /// A recipe (or value) with these fields; see each field.
    public init(logits: [Double], temperatures: [Double], classNames: [String]? = nil, grouping: Grouping = .class) {
        self.logits = logits
        self.temperatures = temperatures
        self.classNames = classNames
        self.grouping = grouping
    }

    /// The tick label of class `i`: its name and logit.
    public func classLabel(_ i: Int) -> String {
        let z = TickFormat.short(logits[i], significant: 4)
        if let names = classNames { return names[i] + " ($z$ = " + z + ")" }
        return "$z_{\(i + 1)}$ = " + z
    }

    public static func temperatureText(_ t: Double) -> String { "$T$ = " + TickFormat.short(t, significant: 4) }

    /// The temperatures the entropy curve spans (log scale): the given ones with room on both sides.
    public func entropyRange() -> ClosedRange<Double> {
        let least = temperatures.min() ?? 1, hi = max(10, (temperatures.max() ?? 1) * 2)
        // Half of the smallest double (T = 5×10⁻³²⁴) rounds to 0, which a log axis cannot show: T itself then.
        let lo = min(0.1, least / 2 > 0 ? least / 2 : least)
        return lo...hi
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        let n = logits.count
        let probabilities = temperatures.map { Softmax.probabilities(logits, temperature: $0) }
        let entropies = temperatures.map { Softmax.entropy(logits, temperature: $0) }
        let maxEntropy = Double.log(Double(n))
        figure.title = "Softmax with temperature: $s_{i}$ = $e^{z_{i}/T}$ / $\\sum_{j} e^{z_{j}/T}$"
        figure.subtitle = "logits " + logits.map { TickFormat.short($0, significant: 4) }.joined(separator: ", ")
            + ": low $T$ sharpens towards the largest logit, high $T$ flattens towards uniform (1/\(n) each)"

        var bars = Axes(xLabel: grouping == .class ? "class" : "temperature", yLabel: "probability $s_{i}$")
        let series: [BarMark.Series]
        let categories: [String]
        let colors: [Color]
        switch grouping {
        case .class:
            categories = (0..<n).map(classLabel)
            series = temperatures.indices.map { k in
                BarMark.Series(label: Self.temperatureText(temperatures[k]) + ",  $H$ = " + TickFormat.short(entropies[k]) + " nats",
                               values: probabilities[k])
            }
            colors = temperatures.indices.map { theme.color($0) }
        case .temperature:
            categories = temperatures.map(Self.temperatureText)
            series = (0..<n).map { i in BarMark.Series(label: classLabel(i), values: probabilities.map { $0[i] }) }
            colors = (0..<n).map { theme.color($0) }
        }
        var barMark = BarMark(categories: categories, series: series, colors: colors)
        // Three decimals: probabilities read alike in every bar (a tiny one reads "<0.001").
        barMark.valueLabelDecimals = 3
        bars.addBars(barMark)
        // Upright labels (bars narrower than the text) need more headroom above the tallest bar.
        let count = Double(categories.count * series.count)
        let barWidth = (figure.size.width * (figure.size.width < figure.size.height * 1.2 ? 1 : 2 / 3) - 90) / count * barMark.groupWidth
        let upright = barWidth < theme.noteFont.size * 0.62 * 5.2
        // Inside, in the emptiest corner: an outside legend would take a third of the bars' width.
        bars.legend = .best
        bars.yLimits = Interval(0, upright ? 1.22 : 1.08)
        // Probabilities stop at 1: no ticks in the headroom above it.
        bars.yTickLabels = stride(from: 0.0, through: 1.0001, by: 0.2).map { ($0, TickFormat.short($0)) }
        // Side by side on a landscape page (bars two thirds of the width); stacked on a portrait one.
        let portrait = figure.size.width < figure.size.height * 1.2
        (figure.rows, figure.columns) = portrait ? (3, 1) : (1, 3)
        if portrait { figure.add(bars, row: 0, column: 0, rowSpan: 2) } else { figure.add(bars, row: 0, column: 0, columnSpan: 2) }

        let entropy = entropyAxes(theme: theme, entropies: entropies, maxEntropy: maxEntropy)
        if portrait { figure.add(entropy, row: 2, column: 0) } else { figure.add(entropy, row: 0, column: 2) }

        var rows: [[Double]] = []
        for (k, t) in temperatures.enumerated() {
            for i in 0..<n { rows.append([t, Double(i + 1), logits[i], probabilities[k][i]]) }
        }
        return [
            DataTable(name: "probabilities", columns: ["temperature", "class", "logit", "probability"], rows: rows),
            DataTable(name: "entropy", columns: ["temperature", "entropy_nats", "max_entropy_nats"],
                      rows: temperatures.indices.map { [temperatures[$0], entropies[$0], maxEntropy] }),
        ]
    }

    /// Entropy against temperature (log scale), the given temperatures marked, the maximum log n dashed.
    private func entropyAxes(theme: Theme, entropies: [Double], maxEntropy: Double) -> Axes {
        let n = logits.count
        var entropy = Axes(title: "entropy against temperature", xLabel: "temperature $T$ (log scale)",
                           yLabel: "$H$ = $-\\sum_{i} s_{i}$ log $s_{i}$ (nats)")
        entropy.xScale = .log
        let range = entropyRange()
        let ts = FieldSampler.linspace(Double.log(range.lowerBound), Double.log(range.upperBound), count: 300).map { Double.exp($0) }
        let logitsCopy = logits
        entropy.add(LineMark(points: ts.map { Point($0, Softmax.entropy(logitsCopy, temperature: $0)) },
                             style: StrokeStyle(color: theme.foreground, width: theme.lineWidth * 0.8), zOrder: 2))
        // The label at the line's left end, below it: H(T) is lowest at small T, so the curve is far.
        var ceiling = ReferenceLineMark.horizontal(y: maxEntropy, style: StrokeStyle(color: theme.muted, width: 1.2, dash: [5, 3]),
                                                   text: "max log \(n) = " + TickFormat.short(maxEntropy, significant: 4))
        ceiling.textAtStart = true
        ceiling.shortText = "log \(n)"
        ceiling.textBelow = true
        entropy.add(ceiling)
        for (k, t) in temperatures.enumerated() {
            let color = grouping == .class ? theme.color(k) : theme.foreground
            entropy.add(ScatterMark(points: [Point(t, entropies[k])], shape: theme.marker(k), size: theme.markerSize * 1.3,
                                    color: color, edge: theme.background, edgeWidth: 1, zOrder: 4))
        }
        entropy.xLimits = Interval(range.lowerBound, range.upperBound)
        entropy.yLimits = Interval(0, maxEntropy * 1.15)
        entropy.legend = .none
        return entropy
    }
}
