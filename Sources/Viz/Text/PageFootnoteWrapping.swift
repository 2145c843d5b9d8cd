/// Fitting a footnote line into the page width without cutting it: a footnote states what the figure
/// cannot show (runs that overflow, paths that leave the view), so it wraps onto more lines before any of
/// it is cut. (Twelve series' notes were cut after two lines: "…at step 1, back in the view 2 times, the last a…".)
extension TextLayout {
    /// The most lines a footnote line takes before its font shrinks further.
    static let footnoteLines = 4

    /// `text` as `fittedOnPage` fits it (floor 0.6) when that keeps it whole; else wrapped word by word
    /// (at spaces outside `$…$`), left-aligned, on at most `footnoteLines` lines at the largest of 90, 80, 70
    /// and 60 % of `font` that holds it; else as `fittedOnPage` cuts it. `cut` is true when it was cut short.
    static func wrappedOnPage(_ text: String, font: Font, maxWidth: Double, canvas: any DrawingBackend) -> (layout: TextLayout, cut: Bool) {
        let fitted = fittedOnPage(text, font: font, maxWidth: maxWidth, floor: 0.6, canvas: canvas)
        guard fitted.cut else { return fitted }
        for scale in [0.9, 0.8, 0.7, 0.6] {
            let f = font.scaled(scale)
            guard let lines = greedyLines(text, font: f, maxWidth: maxWidth, canvas: canvas) else { continue }
            var block = TextLayout(width: 0, ascent: 0, descent: 0, items: [])
            var y = 0.0, previousDescent = 0.0
            for (k, line) in lines.enumerated() {
                let l = make(line, font: f, canvas: canvas)
                if k > 0 { y += previousDescent + f.size * 0.15 + l.ascent }
                block.place(l, at: Point(0, y))
                block.width = max(block.width, l.width)
                previousDescent = l.descent
            }
            return (block, false)
        }
        return fitted
    }

    /// `text` broken greedily into lines no wider than `maxWidth` in `font`, or nil when it needs more than
    /// `footnoteLines` lines or a single word is wider than `maxWidth`; `display` as for `make`.
    static func greedyLines(_ text: String, font: Font, maxWidth: Double, display: Bool = false, canvas: any DrawingBackend) -> [String]? {
        let chars = Array(text), breaks = breakPoints(text)
        func piece(_ a: Int, _ b: Int) -> String { String(chars[a..<b]) }
        func fits(_ s: String) -> Bool { make(s, font: font, canvas: canvas, display: display).width <= maxWidth }
        var lines: [String] = [], start = 0
        while lines.count < footnoteLines {
            let rest = piece(start, chars.count)
            if fits(rest) { return lines + [rest] }
            let later = breaks.filter { $0 > start }
            guard let end = lastFitting(later, fits: { fits(piece(start, $0)) }) else { return nil }
            lines.append(piece(start, end))
            start = end + 1
        }
        return nil
    }
}
