/// The figure's one legend (`Figure.pageLegend`), under the panels and above the footnote.
extension FigureRenderer {
    /// The page legend measured for the width of `content` (the page less its title and footnote) and placed
    /// at its foot, centred, with the room left above it for the panels; (nil, `content`) when there is none.
    /// Its entries go in as many columns as the width holds (fewest rows), the font shrunk to
    /// `LegendPlacer.minimumScale` at most, or each entry's name joined to its first line of numbers, when the
    /// legend is still too wide, or would take over a third of the height and that makes it shorter.
    /// - Throws: `VizError.pageTooSmall(.legendBeside)` when it does not fit the width even so, or would
    ///   take more than half the height left for the panels.
    func placePageLegend(in content: Rect) throws(VizError) -> ((legend: LegendLayout, origin: Point)?, Rect) {
        let entries = figure.pageLegend
        guard !entries.isEmpty else { return (nil, content) }
        let theme = figure.theme
        func measure(_ scale: Double, joined: Bool) -> LegendLayout {
            // A height of one row asks for as many columns as entries; the width then takes columns away.
            LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: 0, maxWidth: content.width, scale: scale, joined: joined)
        }
        let gap = theme.labelFont.size * 0.6
        // The full size while it takes at most a third of the height; else the size (to 80 %), with each name
        // and its first line of numbers on one line or not, that leaves the panels the most (a smaller font
        // may also fit another column).
        var legend = measure(1, joined: false)
        for scale in [1, 0.9, LegendPlacer.minimumScale] where legend.size.width > content.width + 0.5 || legend.size.height > content.height / 3 {
            for joined in [false, true] {
                let other = measure(scale, joined: joined)
                if other.size.width <= content.width + 0.5, legend.size.width > content.width + 0.5 || other.size.height < legend.size.height - 0.5 {
                    legend = other
                }
            }
        }
        guard legend.size.width <= content.width + 0.5, legend.size.height + gap <= content.height * 0.5 else {
            throw VizError.pageTooSmall(width: figure.pixelSize.width, height: figure.pixelSize.height, needs: .legendBeside)
        }
        let origin = Point(content.midX - legend.size.width / 2, content.maxY - legend.size.height)
        return ((legend, origin), content.inset(by: Insets(bottom: legend.size.height + gap)))
    }
}
