import ArgumentParser
import Viz

/// The refusal of a page too small for its figure: one line naming `--size` as typed (or `--font-scale`
/// when the page is the command's default) and what would fit, found by laying the figure out (text
/// measured, nothing drawn) on larger pages of the same shape and at smaller font scales.
extension FigureOptions {
    func tooSmall(_ figure: Figure, format: OutputFormat, needs: VizError.PageNeed? = nil) -> ValidationError {
        if needs == .readableText { return unreadable(figure) }
        let fontScale = TickFormat.shortest(figure.theme.fontScale).replacingMinusSign()
        let smaller = largestFittingFontScale(figure, format: format).map { TickFormat.fixed($0, 2).replacingMinusSign() }
        if size == nil, figure.theme.fontScale == 1 {
            // Neither option was typed: name the default page and both ways out.
            let page = "\(figure.pixelSize.width)x\(figure.pixelSize.height)"
            var ways: [String] = []
            if let s = smallestFittingScale(figure, format: format) {
                // A larger pixel size alone scales the resolution with it (same layout): name the resolution too.
                let dpiText = dpi == nil ? " --dpi " + TickFormat.fixed(figure.dpi, 0) : ""
                ways.append("--size \(scaled(page, by: s, figure: figure, quoted: false))" + dpiText)
            }
            if let smaller { ways.append("--font-scale \(smaller)") }
            return ValidationError("this figure's titles, axes and legend do not fit the default \(page) page"
                + (ways.isEmpty ? "; give a larger --size" : "; give " + ways.joined(separator: " or ")))
        }
        guard let typed = size else {
            let hint = smaller.map { "; --font-scale \($0) fits, or give a larger --size" } ?? "; give a larger --size"
            return ArgumentRefusal.invalid("--font-scale", TypedText.number("--font-scale", figure.theme.fontScale), "the figure's titles, axes and legend do not fit its default page at this scale\(hint)")
        }
        var what = "too small for this figure's titles, axes and legend at --font-scale \(fontScale)"
        if var s = smallestFittingScale(figure, format: format) {
            // Rounded up to the unit typed, the size named must itself fit (legends move at some widths).
            for _ in 0..<12 where !fits(scaled(typed, by: s, figure: figure, quoted: false), figure, format: format) { s *= 1.04 }
            what += "; \(scaled(typed, by: s, figure: figure)) fits"
            if let smaller { what += ", or --font-scale \(smaller)" }
        } else if let page = fittingPageOfAnotherShape(typed, figure, format: format) {
            // No page of this shape fits (16x16, 20000x16): name one that does, each side at least the standard page's.
            what += "; '\(page)'" + (dpi == nil ? " with --dpi " + TickFormat.fixed(figure.dpi, 0) : "") + " fits"
            if let smaller { what += ", or --font-scale \(smaller)" }
        } else if let smaller {
            what += "; --font-scale \(smaller) fits"
        }
        return ArgumentRefusal.invalid("--size", typed, "\(what)")
    }

    /// A page in pixels that fits the figure when no page of the typed shape does: each side at least the
    /// standard page's (1280x720 at the figure's resolution), grown by 4 % steps until the layout fits.
    func fittingPageOfAnotherShape(_ typed: String, _ figure: Figure, format: OutputFormat) -> String? {
        guard let (w, h) = try? FigureOptions.parseSize(typed, dpi: figure.dpi),
              let (w0, h0) = try? FigureOptions.parseSize(FigureOptions.standardSize, dpi: figure.dpi) else { return nil }
        var s = 1.0
        for _ in 0..<40 {
            let width = (max(w, w0) * s).rounded(.up), height = (max(h, h0) * s).rounded(.up)
            guard max(width, height) <= Double(Figure.maxPixels) else { return nil }
            let page = TickFormat.fixed(width, 0) + "x" + TickFormat.fixed(height, 0)
            if fits(page, figure, format: format) { return page }
            s *= 1.04
        }
        return nil
    }

    /// The refusal of a font scale or resolution at which the smallest text (notes) is under
    /// `Figure.minimumTextPixels` high: names the option typed and the least value that is legible.
    func unreadable(_ figure: Figure) -> ValidationError {
        let pixels = TickFormat.fixed(figure.theme.noteFont.size * figure.dpi / 72, 1)
        let resolution = TickFormat.fixed(figure.dpi, 0)
        if let dpi, figure.theme.fontScale >= 1 {
            let least = (Figure.minimumTextPixels * 72 / figure.theme.noteFont.size).rounded(.up)
            return ArgumentRefusal.invalid("--dpi", TypedText.number("--dpi", dpi), "the smallest text would be \(pixels) pixels high; "
                + "give --dpi \(TickFormat.fixed(least, 0)) or more")
        }
        let least = TickFormat.fixed((figure.minimumReadableFontScale * 100).rounded(.up) / 100, 2)
        return ArgumentRefusal.invalid("--font-scale", TypedText.number("--font-scale", figure.theme.fontScale), "the smallest text would be "
            + "\(pixels) pixels high at \(resolution) dpi; give --font-scale \(least) or more")
    }

    /// True when the figure fits a page of `size` (as typed) at its resolution.
    func fits(_ size: String, _ figure: Figure, format: OutputFormat) -> Bool {
        guard let (w, h) = try? FigureOptions.parseSize(size, dpi: figure.dpi) else { return false }
        var f = figure
        f.size = Size(w * 72 / figure.dpi, h * 72 / figure.dpi)
        return (try? f.layoutPlotRects(for: format)) != nil
    }

    /// The smallest factor (≤ 16) by which the page, at the same resolution, fits the figure.
    func smallestFittingScale(_ figure: Figure, format: OutputFormat) -> Double? {
        figure.smallestFittingPageScale(format: format)
    }

    /// The largest font scale (from the smallest legible one, at least 0.25, up to the one asked for) at which
    /// the figure fits its page or, when `--size` was not given, the default page grown as the command grows
    /// it (`grownPage`): a refusal of --font-scale 2.9 named 1.34 while 2.8 rendered on a grown page.
    func largestFittingFontScale(_ figure: Figure, format: OutputFormat) -> Double? {
        let grows = size == nil
        func fits(_ s: Double) -> Bool {
            var f = figure
            f.theme.fontScale = s
            if (try? f.layoutPlotRects(for: format)) != nil { return true }
            return grows && Self.grownPage(f, format: format) != nil
        }
        // Never below the scale at which text stays legible (a fitting page of 18-pixel plots in 6-pixel
        // type helps nobody); the value named is checked as rounded.
        var lo = max(0.25, (figure.minimumReadableFontScale * 100).rounded(.up) / 100), hi = figure.theme.fontScale
        guard lo < hi, fits(lo) else { return nil }
        for _ in 0..<10 {
            let mid = (lo + hi) / 2
            if fits(mid) { lo = mid } else { hi = mid }
        }
        let named = (lo * 100).rounded(.down) / 100
        return fits(named) ? named : nil
    }

    /// `typed` (WxH with its unit) scaled by `s`, rounded up, in the same unit; for an automatic resolution
    /// also the --dpi that keeps the text at the same size.
    func scaled(_ typed: String, by s: Double, figure: Figure, quoted: Bool = true) -> String {
        let lower = typed.lowercased()
        let unit = ["px", "in", "cm", "mm", "pt"].first { lower.hasSuffix($0) } ?? ""
        let parts = lower.dropLast(unit.count).split(separator: "x").compactMap { NumberArguments.decimal($0) }
        guard parts.count == 2 else { return typed }
        let decimals = unit == "in" || unit == "cm" ? 1 : 0
        let p = decimals == 1 ? 10.0 : 1.0
        func up(_ v: Double) -> String { TickFormat.fixed((v * s * p).rounded(.up) / p, decimals) }
        let size = up(parts[0]) + "x" + up(parts[1]) + unit
        guard quoted else { return size }
        var text = "'" + size + "'"
        if dpi == nil, Self.isPixelSize(typed) { text += " with --dpi " + TickFormat.fixed(figure.dpi, 0) }
        return text
    }
}

extension String {
    /// ASCII hyphen for the typographic minus (in messages that name a value).
    func replacingMinusSign() -> String { String(map { $0 == "\u{2212}" ? "-" : $0 }) }
}
