/// The page title set at a size everyone can read. A tall title (a fraction over a fraction at --font-scale 2)
/// takes at most a sixth of the page from the plots: its font shrinks to fit, down to half its size, but a
/// formula's smallest glyph (a script, a numerator) never goes below `Figure.minimumTextPixels`. A formula that
/// cannot be set whole and readable on the page (twenty nested fractions were a lone "…"; a long sum on a
/// 480×270 page had 5-pixel exponents) gives way to the figure's `plainTitle`, when it has one.
extension FigureRenderer {
    /// `title` laid out for a page area `width` × `height` (points); `source` is the text shown (the title or
    /// its plain form), `cut` true when it was cut short with "…".
    func pageTitle(_ title: String, width: Double, height: Double) -> (layout: TextLayout, cut: Bool, source: String) {
        let font = figure.theme.figureTitleFont
        let least = Figure.minimumTextPixels * 72 / figure.dpi
        func titled(_ text: String, _ factor: Double) -> (layout: TextLayout, cut: Bool, readable: Bool) {
            TextLayout.titleOnPage(text, font: font.scaled(factor), maxWidth: width, least: least, canvas: canvas)
        }
        var t = titled(title, 1)
        let tallest = height / 6
        var factor = 1.0
        // Height is not proportional to the font size (rules and gaps have floors): a few rounds.
        for _ in 0..<4 where t.layout.height > tallest && factor > 0.5 {
            factor = max(0.5, factor * tallest / t.layout.height * 0.98)
            let smaller = titled(title, factor)
            guard smaller.readable || !t.readable else { break }
            t = smaller
        }
        if t.cut || !t.readable, let plain = figure.plainTitle, plain != title {
            let p = titled(plain, 1)
            return (p.layout, p.cut, plain)
        }
        return (t.layout, t.cut, title)
    }
}
