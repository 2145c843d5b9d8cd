import Optim
import Viz

/// How the i-th optimizer's path is drawn, the same in every figure of the family: a palette colour,
/// a dash pattern and a marker shape, so overlapping paths stay apart in colour, in greyscale and where
/// they coincide.
struct TrajectoryStyle {
    var color: Color
    var stroke: StrokeStyle
    var marker: MarkerShape

    init(index i: Int, theme: Theme, width: Double? = nil) {
        color = theme.color(i)
        let w = width ?? theme.lineWidth * 0.9
        stroke = StrokeStyle(color: color, width: w, dash: theme.dash(i, width: w), cap: .round, join: .round)
        marker = theme.marker(i)
    }

    /// A nice marker spacing: about `count` markers along `steps` steps (1, 2, 5, 10, 20, 50, …).
    static func markerEvery(steps: Int, count: Int = 12) -> Int {
        let raw = max(1, Double(steps) / Double(count))
        var base = 1.0
        while base * 10 <= raw { base *= 10 }
        for m in [1.0, 2, 5, 10] where m * base >= raw { return Int(m * base) }
        return Int(base * 10)
    }
}

/// A legend row with no sample: the second line of the entry above it (a run's outcome under its settings).
struct LegendLine: Mark {
    var text: String
    init(_ text: String) { self.text = text }
    var zOrder: Double { 0 }
    func dataBounds() -> Bounds? { nil }
    var legendEntries: [LegendEntry] { [LegendEntry(label: text, sample: .patch(.clear, edge: nil))] }
    func draw(in ctx: PlotContext) {}
}
