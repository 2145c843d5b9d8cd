import Optim
import Viz

/// How the i-th optimizer's path is drawn, the same in every figure of the family: a palette colour,
/// a dash pattern and a marker shape, so overlapping paths stay apart in colour, in greyscale and where
/// they coincide.
public struct TrajectoryStyle {
    public var color: Color
    public var stroke: StrokeStyle
    public var marker: MarkerShape

    public init(index i: Int, theme: Theme, width: Double? = nil) {
        color = theme.color(i)
        let w = width ?? theme.lineWidth * 0.9
        stroke = StrokeStyle(color: color, width: w, dash: theme.dash(i, width: w), cap: .round, join: .round)
        marker = theme.marker(i)
    }

    /// A nice marker spacing: about `count` markers along `steps` steps (1, 2, 5, 10, 20, 50, …).
    public static func markerEvery(steps: Int, count: Int = 12) -> Int {
        let raw = max(1, Double(steps) / Double(count))
        var base = 1.0
        while base * 10 <= raw { base *= 10 }
        for m in [1.0, 2, 5, 10] where m * base >= raw { return Int(m * base) }
        return Int(base * 10)
    }
}

/// A legend row with no sample: the second line of the entry above it (a run's outcome under its settings).
public struct LegendLine: Mark {
    public var text: String
    public init(_ text: String) { self.text = text }
    public var zOrder: Double { 0 }
    public func dataBounds() -> Bounds? { nil }
    public var legendEntries: [LegendEntry] { [LegendEntry(label: text, sample: .patch(.clear, edge: nil), continuesPrevious: true)] }
    public func draw(in ctx: PlotContext) {}
}

/// Legend rows carried by a panel that does not draw their marks (a stacked figure's legend moved under its
/// lowest panel); draws nothing.
public struct LegendRows: Mark {
    public var rows: [LegendEntry]
    public init(_ rows: [LegendEntry]) { self.rows = rows }
    public var zOrder: Double { 0 }
    public func dataBounds() -> Bounds? { nil }
    public func legendEntries(theme: Theme) -> [LegendEntry] { rows }
    public func draw(in ctx: PlotContext) {}
}
