/// Fitting a label into a length: first on two lines (split at the space outside math nearest the middle),
/// then a smaller font, but not below `floor` of its size while `hardLimit` allows, so labels stay legible
/// instead of shrinking to a few points.
extension TextLayout {
    /// `text` in `font`, no wider than `maxWidth` when it can be (two lines, then at most `floor` smaller),
    /// and never wider than `hardLimit` (shrunk whatever it takes) so it stays on the page.
    static func fitted(_ text: String, font: Font, maxWidth: Double, hardLimit: Double? = nil, floor: Double = 0.8,
                       wrap: Bool = true, canvas: any DrawingBackend) -> TextLayout {
        let t = make(text, font: font, canvas: canvas)
        let hard = max(hardLimit ?? maxWidth, 1)
        guard t.width > maxWidth, t.width > 0 else { return t }
        var best = t
        if wrap, let (a, b) = split(text) {
            let two = stacked(make(a, font: font, canvas: canvas), make(b, font: font, canvas: canvas), font: font)
            if two.width < t.width { best = two }
            if two.width <= maxWidth { return two }
        }
        let factor = min(max(maxWidth / best.width, floor), hard / best.width) * 0.98
        guard factor < 1 else { return best }
        if wrap, best.height > t.height * 1.5, let (a, b) = split(text) {
            let f = font.scaled(factor)
            return stacked(make(a, font: f, canvas: canvas), make(b, font: f, canvas: canvas), font: f)
        }
        return make(text, font: font.scaled(factor), canvas: canvas)
    }

    /// The two halves of `text` at the space outside `$…$` nearest its middle, or nil when it has none; never
    /// at a space next to an "=" ("α = 0.04: too small" broke as "α =" over "0.04: too small"). A text of
    /// clauses joined by " · " breaks at the separator nearest its middle (when within a quarter of the text of
    /// it), which is dropped ("min 0.162 at
    /// step 239" over "final 0.247", not "min 0.162 at step" over "239 · final 0.247").
    static func split(_ text: String) -> (String, String)? {
        let chars = Array(text)
        var inMath = false
        var best: Int?
        let middle = Double(chars.count) / 2
        var separator: Int?
        for k in chars.indices.dropFirst().dropLast(2) where chars[k] == "·" && chars[k - 1] == " " && chars[k + 1] == " " {
            if separator.map({ abs(Double(k) - middle) < abs(Double($0) - middle) }) ?? true { separator = k }
        }
        // (Only near the middle: a separator at one end would leave one line nearly as long as the text.)
        if let k = separator, abs(Double(k) - middle) <= Double(chars.count) / 4, !text.contains("$") {
            return (String(chars[..<(k - 1)]), String(chars[(k + 2)...]))
        }
        for (k, c) in chars.enumerated() {
            if c == "$" { inMath.toggle() }
            if c == " ", !inMath, k > 0, k < chars.count - 1, chars[k - 1] != "=", chars[k + 1] != "=" {
                if best.map({ abs(Double(k) - middle) < abs(Double($0) - middle) }) ?? true { best = k }
            }
        }
        guard let k = best else { return nil }
        return (String(chars[..<k]), String(chars[(k + 1)...]))
    }

    /// `first` above `second`, both centred, as one block whose baseline is the first line's.
    static func stacked(_ first: TextLayout, _ second: TextLayout, font: Font) -> TextLayout {
        let w = max(first.width, second.width)
        var out = TextLayout(width: w, ascent: 0, descent: 0, items: [])
        out.place(first, at: Point((w - first.width) / 2, 0))
        out.place(second, at: Point((w - second.width) / 2, first.descent + font.size * 0.15 + second.ascent))
        out.width = w
        return out
    }
}
