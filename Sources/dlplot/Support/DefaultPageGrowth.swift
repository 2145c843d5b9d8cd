import Viz

/// A figure too large for the command's default page grows the page rather than being refused: when
/// `--size` is not given, the page keeps its shape and resolution and grows, up to twice as wide and high,
/// until every title, axis, legend and plot fits (as a notebook's figure grows with its content). A page
/// that must grow more, or text too small to read, is still refused with what would fit.
extension FigureOptions {
    /// The most the default page grows, as a multiple of its width and of its height.
    static let largestDefaultGrowth = 2.0

    /// `figure` on a page just large enough for it, when `--size` was not given and the default page is too
    /// small; unchanged otherwise. A note on standard error names the page drawn and how to choose another.
    func grownToFit(_ figure: Figure, format: OutputFormat) -> Figure {
        guard size == nil else { return figure }
        let result = Result { () throws(VizError) in try figure.layoutPlotRects(for: format) }
        guard case let .failure(.pageTooSmall(_, _, needs)) = result, needs != .readableText,
              var s = smallestFittingScale(figure, format: format), s <= Self.largestDefaultGrowth else { return figure }
        // Whole pixels, checked as drawn (legends may move between nearby widths).
        for _ in 0..<8 {
            var grown = figure
            let w = (figure.size.width * s * figure.dpi / 72).rounded(.up), h = (figure.size.height * s * figure.dpi / 72).rounded(.up)
            grown.size = Size(w * 72 / figure.dpi, h * 72 / figure.dpi)
            if (try? grown.layoutPlotRects(for: format)) != nil {
                let page = "\(figure.pixelSize.width)x\(figure.pixelSize.height)", scale = figure.theme.fontScale
                // A larger page shown on the same screen shrinks its text: say how large it still is.
                let relative = TickFormat.fixed(scale * Double(figure.pixelSize.width) / w, 2)
                writeStandardError("note: this figure does not fit the default \(page) page"
                    + (scale == 1 ? "" : " at --font-scale \(TickFormat.shortest(scale))")
                    + "; drawn on \(Int(w))x\(Int(h))"
                    + (scale == 1 ? "" : ", where its text is \(relative) times the default's size for the page")
                    + " (give --size to choose the page)\n")
                return grown
            }
            s *= 1.02
            if s > Self.largestDefaultGrowth { break }
        }
        return figure
    }
}
