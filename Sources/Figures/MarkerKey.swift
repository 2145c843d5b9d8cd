import Viz

/// A legend row that says what a plot's marker stands for ("▲ local min"), drawn filled and edged as the
/// plot draws it (`PointLabelMark`'s markers: the theme's marker fill and outline). For markers whose
/// labels may find no free spot on a crowded plot (six-hump camel's four local minima among seven
/// saddles were bare triangles nothing explained). Draws nothing on the plot.
public struct MarkerKey: Mark {
    /// The marker's shape.
    public var shape: MarkerShape
    /// What it marks.
    public var text: String
    /// A key row for `shape` saying `text`.
    public init(_ shape: MarkerShape, _ text: String) { self.shape = shape; self.text = text }
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double { 0 }
    /// `Mark`: A key widens no view.
    public func dataBounds() -> Bounds? { nil }
    /// `Mark`: The row, in the theme's marker colours.
    public func legendEntries(theme: Theme) -> [LegendEntry] {
        [LegendEntry(label: text, sample: .outlined(shape, fill: theme.markerFillColor, edge: theme.outlineColor))]
    }
    /// `Mark`: Nothing on the plot.
    public func draw(in ctx: PlotContext) {}
}
