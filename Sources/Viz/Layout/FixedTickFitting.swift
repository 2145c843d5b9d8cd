/// Fixed tick labels (categories such as bar groups, or ticks a recipe chose) never overlap. Unlike
/// automatic ticks they cannot be replaced by nicer values. On x, in order: each label on two lines
/// (all split at their first space, else each nearest its middle), then turned 45°, then a smaller
/// font (down to 70 %), then each label's first word, and only then every k-th label. On y: every
/// k-th label.
extension AxisLayout {
    /// The labels as drawn, the ticks that keep one, and whether they are turned 45°.
    static func fitCategoryLabels(_ fixed: [(value: Double, label: String)], scale: Scale, width: Double, font: Font,
                                  rotate: Bool, canvas: any DrawingBackend) -> (ticks: [Double], labels: [TextLayout], rotated: Bool) {
        let ticks = fixed.map(\.value)
        let texts = fixed.map(\.label)
        let plain = texts.map { TextLayout.make($0, font: font, canvas: canvas) }
        func slots(_ t: [Double]) -> [Double] {
            t.count < 2 ? [] : (1..<t.count).map { width * abs(scale.normalize(t[$0]) - scale.normalize(t[$0 - 1])) }
        }
        func fitsUpright(_ l: [TextLayout], _ t: [Double]) -> Bool {
            zip(slots(t).indices, slots(t)).allSatisfy { k, slot in slot >= (l[k].width + l[k + 1].width) / 2 + font.size * 0.6 }
        }
        func fitsRotated(_ l: [TextLayout], _ t: [Double]) -> Bool {
            zip(slots(t).indices, slots(t)).allSatisfy { k, slot in slot >= (l[k + 1].width + max(l[k].height, l[k + 1].height)) * 0.7071 + font.size * 0.25 }
        }
        if fitsUpright(plain, ticks) { return (ticks, plain, false) }
        // Two lines: every label split alike (at its first space, as in "z₁" over "= 2.81"), else each
        // nearest its middle.
        func twoLines(_ text: String, firstSpace: Bool, _ f: Font) -> TextLayout {
            let one = TextLayout.make(text, font: f, canvas: canvas)
            guard let (a, b) = firstSpace ? firstSplit(text) : TextLayout.split(text) else { return one }
            let two = TextLayout.stacked(TextLayout.make(a, font: f, canvas: canvas), TextLayout.make(b, font: f, canvas: canvas), font: f)
            return two.width < one.width ? two : one
        }
        let atFirst = texts.map { twoLines($0, firstSpace: true, font) }, atMiddle = texts.map { twoLines($0, firstSpace: false, font) }
        if fitsUpright(atFirst, ticks) { return (ticks, atFirst, false) }
        if fitsUpright(atMiddle, ticks) { return (ticks, atMiddle, false) }
        if rotate, fitsRotated(plain, ticks) { return (ticks, plain, true) }
        // Smaller, every label in the same font (down to 70 %), still on two lines where that helps.
        for scale in [0.85, 0.7] {
            let f = font.scaled(scale)
            let smaller = texts.map { twoLines($0, firstSpace: true, f) }
            if fitsUpright(smaller, ticks) { return (ticks, smaller, false) }
        }
        // Each label's first word alone (a class name without its value, which the recipe states
        // elsewhere), then every k-th label: the widest one decides how many slots a label needs.
        let firstWords = texts.map { TextLayout.make(firstSplit($0)?.0 ?? $0, font: font, canvas: canvas) }
        if fitsUpright(firstWords, ticks) { return (ticks, firstWords, false) }
        let widest = firstWords.map(\.width).max() ?? 0
        let slot = slots(ticks).min() ?? width
        let k = max(2, Int(((widest + font.size * 0.6) / max(slot, 1e-9)).rounded(.up)))
        let keep = Array(stride(from: 0, to: ticks.count, by: k))
        return (keep.map { ticks[$0] }, keep.map { firstWords[$0] }, false)
    }

    /// `text` split at its first space outside `$…$`, or nil when it has none.
    static func firstSplit(_ text: String) -> (String, String)? {
        var inMath = false
        for (k, c) in text.enumerated() {
            if c == "$" { inMath.toggle() }
            if c == " ", !inMath, k > 0 {
                let i = text.index(text.startIndex, offsetBy: k)
                let rest = String(text[text.index(after: i)...])
                return rest.isEmpty ? nil : (String(text[..<i]), rest)
            }
        }
        return nil
    }

    /// True when neighbouring y labels (stacked on a plot `height` high) keep a gap of 0.15 em.
    static func fitsVertically(_ ticks: [Double], _ labels: [TextLayout], scale: Scale, height: Double, font: Font) -> Bool {
        guard ticks.count > 1 else { return true }
        return (1..<ticks.count).allSatisfy { k in
            height * abs(scale.normalize(ticks[k]) - scale.normalize(ticks[k - 1]))
                >= (labels[k].height + labels[k - 1].height) / 2 + font.size * 0.15
        }
    }

    /// y ticks whose labels keep a gap: every k-th one (the first kept) when neighbours would meet.
    static func thinFixedYLabels(_ ticks: [Double], _ labels: [TextLayout], scale: Scale, height: Double, font: Font) -> ([Double], [TextLayout]) {
        guard ticks.count > 1, let tallest = labels.map(\.height).max() else { return (ticks, labels) }
        let gaps = (1..<ticks.count).map { height * abs(scale.normalize(ticks[$0]) - scale.normalize(ticks[$0 - 1])) }
        guard let gap = gaps.min(), gap < tallest + font.size * 0.15 else { return (ticks, labels) }
        let k = max(2, Int(((tallest + font.size * 0.15) / max(gap, 1e-9)).rounded(.up)))
        let keep = Array(stride(from: 0, to: ticks.count, by: k))
        return (keep.map { ticks[$0] }, keep.map { labels[$0] })
    }
}
