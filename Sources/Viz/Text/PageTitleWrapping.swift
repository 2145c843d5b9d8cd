/// Wrapping a long page title onto several centred lines. A title that is one long formula
/// ("$f(x, y) = 0.1x^{2} + 0.2y^{2} + … + 0.9\log(1 + x^{2} + y^{2})$", 164 characters typed) has no space
/// outside `$…$` where a line may end, so `fittedOnPage` cut it to a lone "…": the figure no longer said which
/// function it showed. Such a formula may also end a line after a top-level + or − (outside any brackets),
/// as TeX breaks a displayed sum.
extension TextLayout {
    /// `text` as `fittedOnPage` fits it (floor 0.6); when that would cut it short and it holds a formula with a
    /// top-level + or −, the text with its formulas made breakable there (`mathBreakable`), fitted again, else wrapped
    /// greedily onto up to `footnoteLines` centred lines at the largest of 100, 90, 80, 70 and 60 % of `font` that fits.
    /// A title with math is set only where its smallest glyph (a script, a numerator) is at least `least` points:
    /// a long formula on a 480×270 page was one line with 5-pixel exponents. `cut`: cut short with "…";
    /// `readable`: every glyph is at least `least` (false only for a formula that could not be set so).
    static func titleOnPage(_ text: String, font: Font, maxWidth: Double, least: Double = 0,
                            canvas: any DrawingBackend) -> (layout: TextLayout, cut: Bool, readable: Bool) {
        let math = text.contains("$")
        func readable(_ t: TextLayout) -> Bool { !math || t.smallestEm >= least * (1 - 1e-9) }
        let fitted = fittedOnPage(text, font: font, maxWidth: maxWidth, floor: 0.6, display: true, canvas: canvas)
        guard fitted.cut || !readable(fitted.layout) else { return (fitted.layout, fitted.cut, true) }
        // Plain words keep the page texts' rule (two lines, then cut); only a formula gains its break points.
        let broken = mathBreakable(text)
        guard broken != text else { return (fitted.layout, fitted.cut, readable(fitted.layout)) }
        let again = fittedOnPage(broken, font: font, maxWidth: maxWidth, floor: 0.6, display: true, canvas: canvas)
        if !again.cut, readable(again.layout) { return (again.layout, false, true) }
        for scale in [1, 0.9, 0.8, 0.7, 0.6] {
            let f = font.scaled(scale)
            guard let lines = greedyLines(broken, font: f, maxWidth: maxWidth, display: true, canvas: canvas) else { continue }
            let made = lines.map { make($0, font: f, canvas: canvas, display: true) }
            let width = made.map(\.width).max() ?? 0
            var block = TextLayout(width: width, ascent: 0, descent: 0, items: [])
            var y = 0.0, previousDescent = 0.0
            for (k, l) in made.enumerated() {
                if k > 0 { y += previousDescent + f.size * 0.15 + l.ascent }
                block.place(l, at: Point((width - l.width) / 2, y))
                previousDescent = l.descent
            }
            block.width = width
            guard readable(block) else { break }
            return (block, false, true)
        }
        return (again.layout, again.cut, readable(again.layout))
    }

    /// `text` with each `$…$` formula split after its top-level binary + and − (those with a space either side,
    /// outside (), [] and {}) into formulas joined by a space: "$a + b - c$" becomes "$a +$ $b -$ $c$", so a line
    /// may end there. Text without such an operator is returned as it is.
    static func mathBreakable(_ text: String) -> String {
        var out = "", inMath = false, depth = 0
        let chars = Array(text)
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c == "$" { inMath.toggle(); depth = 0 }
            if inMath, c == "(" || c == "[" || c == "{" { depth += 1 }
            if inMath, c == ")" || c == "]" || c == "}" { depth -= 1 }
            // A backslash command's brackets (\{ \}) are characters, not groups.
            if inMath, c == "\\", k + 1 < chars.count, "{}".contains(chars[k + 1]) {
                out.append(c); out.append(chars[k + 1]); k += 2; continue
            }
            let binary = inMath && depth == 0 && (c == "+" || c == "-" || c == "−") && k > 0 && k + 2 < chars.count
                && chars[k - 1] == " " && chars[k + 1] == " " && chars[k + 2] != "$"
            out.append(c)
            if binary { out += "$ $"; k += 2; continue }
            k += 1
        }
        return out
    }

    /// The em size of the smallest glyph drawn (points), or infinity when there is none.
    var smallestEm: Double {
        items.reduce(Double.infinity) { if case let .text(_, f, _) = $1 { min($0, f.size) } else { $0 } }
    }
}
