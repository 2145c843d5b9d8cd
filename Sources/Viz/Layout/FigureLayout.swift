/// A figure laid out but not drawn: its own texts, its panels (after axis sharing) and their geometry.
struct FigureLayout {
    /// A text block placed on the page.
    struct Label {
        var text: TextLayout
        var at: Point
        var anchor: TextAnchor
        var color: Color
        /// What the text is (title, subtitle or footnote) and the text as given.
        var kind: FigureElement.Kind
        var source: String
        /// Cut short with "…" to fit the page (see `TextLayout.fittedOnPage`).
        var cut = false
    }
    /// Figure title, subtitle and footnote.
    var texts: [Label]
    var panels: [Figure.Panel]
    var axes: [AxisLayout]
    /// The figure's `pageLegend` as measured and its top-left corner, or nil.
    var pageLegend: (legend: LegendLayout, origin: Point)?
}

extension Figure {
    /// The plot rectangles (inside the frames) of the panels, in the order they were added, in device
    /// points (multiply by `dpi / 72` for PNG pixels). Lays the figure out as `render(as:)` does, with the
    /// same text measurements, without drawing.
    /// - Throws: What `render(as:metadata:)` throws while laying out: `VizError.pageTooSmall` when the page has no room for what
    ///   the figure holds (the `PageNeed` says what); `.invalidData` when a panel's marks hold no finite data or a log axis has
    ///   no positive data; `.invalidValue` for axis limits that are not two different finite numbers (positive on a log axis), a
    ///   font scale outside 0.1…10, a base font size outside 1…200 points or a size or dpi outside `Figure.validate`'s limits;
    ///   `.cairo` when Cairo cannot make its surface (out of memory).
    public func layoutPlotRects(for format: OutputFormat = .png) throws(VizError) -> [Rect] {
        try laidOut(for: format).axes.map(\.plotRect)
    }

    /// Where each panel's legend went once laid out, in the order the panels were added (nil for a panel
    /// without one): an `.outsideRight` legend too wide for the room beside its plot goes `.below`, for one.
    /// - Throws: What `layoutPlotRects(for:)` throws.
    public func legendPlacements(for format: OutputFormat = .png) throws(VizError) -> [LegendPlacement?] {
        try laidOut(for: format).axes.map { $0.legend == nil ? nil : $0.legendPlacement }
    }

    /// The figure's own texts (title, subtitle, footnote) that do not fit the page on two lines at 0.6 of
    /// their size and are drawn cut short with "…", as `render(as:)` would draw them.
    /// - Throws: What `layoutPlotRects(for:)` throws.
    public func cutPageTexts(for format: OutputFormat = .png) throws(VizError) -> [FigureElement.Kind] {
        try laidOut(for: format).texts.filter(\.cut).map(\.kind)
    }

    /// The full layout `render(as:)` would draw (for tests and layout inspection).
    func laidOut(for format: OutputFormat = .png) throws(VizError) -> FigureLayout {
        let scale = format == .png ? dpi / 72 : 4
        let canvas = try CairoBackend(size: size, kind: .measuring(pixelsPerPoint: format == .png ? scale : 1))
        return try FigureRenderer(figure: self, canvas: canvas, resolution: scale).layout()
    }
}
