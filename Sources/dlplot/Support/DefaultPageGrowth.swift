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
        guard size == nil, let grown = Self.grownPage(figure, format: format) else { return figure }
        let page = "\(figure.pixelSize.width)x\(figure.pixelSize.height)", scale = figure.theme.fontScale
        // A larger page shown on the same screen shrinks its text: say how large it still is.
        let relative = TickFormat.fixed(scale * Double(figure.pixelSize.width) / Double(grown.pixelSize.width), 2)
        writeStandardError("note: this figure does not fit the default \(page) page"
            + (scale == 1 ? "" : " at --font-scale \(TickFormat.shortest(scale))")
            + "; drawn on \(grown.pixelSize.width)x\(grown.pixelSize.height)"
            + (scale == 1 ? "" : ", where its text is \(relative) times the default's size for the page")
            + " (give --size to choose the page)\n")
        return grown
    }

    /// `figure` on the smallest page of its shape and resolution, up to `largestDefaultGrowth` times as wide
    /// and high, that fits it, when its own page is too small; nil when it fits already or none does.
    static func grownPage(_ figure: Figure, format: OutputFormat) -> Figure? {
        let result = Result { () throws(VizError) in try figure.layoutPlotRects(for: format) }
        guard case let .failure(.pageTooSmall(_, _, needs)) = result, needs != .readableText,
              var s = figure.smallestFittingPageScale(format: format), s <= largestDefaultGrowth else { return nil }
        // Whole pixels, checked as drawn (legends may move between nearby widths).
        for _ in 0..<8 {
            var grown = figure
            let w = (figure.size.width * s * figure.dpi / 72).rounded(.up), h = (figure.size.height * s * figure.dpi / 72).rounded(.up)
            grown.size = Size(w * 72 / figure.dpi, h * 72 / figure.dpi)
            if (try? grown.layoutPlotRects(for: format)) != nil { return grown }
            s *= 1.02
            if s > largestDefaultGrowth { break }
        }
        return nil
    }
}

extension Figure {
    /// The smallest factor (≤ 16) by which the page, at the same resolution, fits the figure (by bisection:
    /// a larger page of the same shape leaves every plot more room).
    func smallestFittingPageScale(format: OutputFormat) -> Double? {
        func fits(_ s: Double) -> Bool {
            var f = self
            f.size = Size(size.width * s, size.height * s)
            let px = max(f.size.width, f.size.height) * f.dpi / 72
            guard px <= Double(Figure.maxPixels) else { return false }
            return (try? f.layoutPlotRects(for: format)) != nil
        }
        var lo = 1.0, hi = 1.25
        while !fits(hi) {
            lo = hi; hi *= 1.5
            if hi > 16 { return nil }
        }
        for _ in 0..<10 {
            let mid = (lo + hi) / 2
            if fits(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }
}
