/// Fitting a figure's own texts (title, subtitle, footnote) into the page width without making them
/// unreadable: one line, shrunk to no less than 75 % of the font size; else two lines (split at the
/// space outside `$…$` nearest the middle), shrunk to no less than `floor`, when that keeps the text
/// larger than one line would be; else one line shrunk to no less than `floor`; else two lines at `floor`
/// with the second cut at a word (or, in text without math, a character) and ended with "…". Nothing is
/// ever drawn below `floor` of its size: a 10 000-character title used to shrink to a fraction of a pixel.
extension TextLayout {
    /// `text` fitted to `maxWidth` as above; `cut` is true when the text had to be cut short. `display`: set
    /// as a page's title (see `make`).
    static func fittedOnPage(_ text: String, font: Font, maxWidth: Double, floor: Double, display: Bool = false,
                             canvas: any DrawingBackend) -> (layout: TextLayout, cut: Bool) {
        let width = max(maxWidth, 1)
        func make(_ text: String, font: Font, canvas: any DrawingBackend) -> TextLayout {
            TextLayout.make(text, font: font, canvas: canvas, display: display)
        }
        let one = make(text, font: font, canvas: canvas)
        guard one.width > width else { return (one, false) }
        // One line shrunk a little (to 75 %); else two lines, as large as they fit; else one line shrunk to
        // the floor (a subtitle set at 60 % on one line was the smallest text of its figure).
        let shrink = width / one.width * 0.98
        if shrink >= max(floor, 0.75) { return (make(text, font: font.scaled(shrink), canvas: canvas), false) }
        if let (a, b) = split(text) {
            let la = make(a, font: font, canvas: canvas), lb = make(b, font: font, canvas: canvas)
            let w = max(la.width, lb.width)
            if w <= width { return (stacked(la, lb, font: font), false) }
            let factor = width / w * 0.98
            if factor >= floor, factor > shrink {
                let f = font.scaled(factor)
                return (stacked(make(a, font: f, canvas: canvas), make(b, font: f, canvas: canvas), font: f), false)
            }
        }
        if shrink >= floor { return (make(text, font: font.scaled(shrink), canvas: canvas), false) }
        let small = font.scaled(floor)
        let fits = { (s: String) in make(s, font: small, canvas: canvas).width <= width }
        // Malformed math is drawn as its literal text (see `MathText.problem`): cut as text without math, at
        // any space or character (`${{{…` with no space was cut to a lone "…").
        let literal = text.contains("$") && MathParser.parseReporting(text).problem != nil
        let breaks = literal ? text.indices.filter { text[$0] == " " }.map { text.distance(from: text.startIndex, to: $0) }
            : breakPoints(text)
        // The first line: as many words as fit.
        var line1 = ""
        var rest = text
        if let k = lastFitting(breaks, fits: { fits(String(text.prefix($0))) }) {
            line1 = String(text.prefix(k))
            rest = String(text.dropFirst(k + 1))
        }
        let restBreaks = text.contains("$") && !literal ? breakPoints(rest) : Array(1...max(1, rest.count))
        let cutAt = lastFitting(restBreaks, fits: { fits(String(rest.prefix($0)) + "…") }) ?? 0
        let line2 = String(rest.prefix(cutAt)).trimmingTrailingSpaces() + "…"
        let l2 = make(line2, font: small, canvas: canvas)
        guard !line1.isEmpty else { return (l2, true) }
        return (stacked(make(line1, font: small, canvas: canvas), l2, font: small), true)
    }

    /// Character offsets of the spaces outside `$…$` (where a line may end), in order; not the spaces around
    /// an "=" (a title "α = 0.04: too small" broke as "α =" over "0.04: too small").
    static func breakPoints(_ text: String) -> [Int] {
        var out: [Int] = []
        var inMath = false
        let chars = Array(text)
        for (k, c) in chars.enumerated() {
            if c == "$" { inMath.toggle() }
            let nextToEquals = chars[k - 1 < 0 ? k : k - 1] == "=" || (k + 1 < chars.count && chars[k + 1] == "=")
            if c == " ", !inMath, k > 0, !nextToEquals { out.append(k) }
        }
        return out
    }

    /// The largest of the increasing `candidates` for which `fits` holds (fits is monotone: a longer
    /// prefix is never narrower), by bisection; nil when none does.
    static func lastFitting(_ candidates: [Int], fits: (Int) -> Bool) -> Int? {
        var lo = 0, hi = candidates.count - 1, best: Int?
        while lo <= hi {
            let mid = (lo + hi) / 2
            if fits(candidates[mid]) { best = candidates[mid]; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
