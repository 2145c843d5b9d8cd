/// The drawing and style sheet of merged animation frames (`SVGFrameMerge`): each element once, with a
/// class naming a `@keyframes` rule that shows it in its frames (step-end timing, so a frame's state holds for
/// its 1/fps, the last frame's for 1/fps plus the hold) and, for a growing path, sets its visible length in
/// each frame with `stroke-dasharray`. Elements shown in every frame, whole, are written without a class.
/// Viewers without CSS animation show the last frame.
struct SVGFrameStyle {
    let merge: SVGFrameMerge
    let timing: AnimationTiming

    /// The `<style>` element and the drawing.
    func render() -> (css: String, body: String) {
        var writer = SVGFrameWriter(frames: merge.frames, timing: timing)
        for item in Self.glyphsByFrames(merge.items) { writer.write(item) }
        return writer.finish()
    }

    /// A `<mask>` (id `id`) holding a solid white copy of the path `element`, 2 units wider, with `classes`:
    /// what it shows of a path drawn through it is what the copy's dash shows (butt ends, so an empty dash
    /// shows nothing).
    static func mask(_ element: Substring, id: String, classes: String) -> String {
        let width = SVGFrameMerge.style(element).flatMap { style -> Double? in
            guard let r = style.firstRange(of: "stroke-width:") else { return nil }
            return Double(style[r.upperBound...].prefix { $0 != ";" })
        } ?? 1
        let d = AnimatedSVG.attribute("d", in: element) ?? ""
        return "<mask id=\"\(id)\" maskUnits=\"userSpaceOnUse\" x=\"-99999\" y=\"-99999\" width=\"199998\" height=\"199998\">"
            + "<path class=\"\(classes)\" style=\"fill:none;stroke:#fff;stroke-width:\(number(width + 2, 2));stroke-linecap:butt;stroke-linejoin:round\" d=\"\(d)\"/></mask>\n"
    }

    /// `items` with each run of glyphs (`<use>` elements in the same groups) ordered by the frames that show
    /// them, so glyphs of the same frames sit together (and share a group). Glyphs of one style are drawn
    /// in one colour, so their order changes nothing drawn.
    static func glyphsByFrames(_ items: [SVGFrameMerge.Item]) -> [SVGFrameMerge.Item] {
        var out: [SVGFrameMerge.Item] = []
        out.reserveCapacity(items.count)
        var run: [SVGFrameMerge.Item] = []
        func flush() {
            out += run.enumerated().sorted { a, b in
                (a.element.first, a.element.last, a.offset) < (b.element.first, b.element.last, b.offset)
            }.map(\.element)
            run = []
        }
        for item in items {
            let glyph = item.element.hasPrefix("<use") && !item.grows && !item.moves
            if !glyph || run.first.map({ $0.wrappers != item.wrappers }) == true { flush() }
            if glyph { run.append(item) } else { out.append(item) }
        }
        flush()
        return out
    }

    /// `element` with a class attribute after its tag name.
    static func classed(_ element: Substring, _ classes: String) -> String {
        let name = element.dropFirst().prefix { $0.isLetter }
        return "<\(name) class=\"\(classes)\"" + element.dropFirst(1 + name.count)
    }

    /// The dash lengths and offset of a style (`stroke-dasharray:10.8,5.4`), or nil for a solid stroke.
    static func dashPattern(_ style: Substring) -> (lengths: [Double], offset: Double)? {
        func value(_ name: String) -> Substring? {
            guard let r = style.firstRange(of: name + ":") else { return nil }
            return style[r.upperBound...].prefix { $0 != ";" }
        }
        guard let array = value("stroke-dasharray"), array != "none" else { return nil }
        var lengths = array.split { $0 == "," || $0 == " " }.compactMap { Double($0) }
        if lengths.count % 2 == 1 { lengths += lengths }
        guard !lengths.isEmpty, lengths.reduce(0, +) > 0 else { return nil }
        return (lengths, value("stroke-dashoffset").flatMap { Double($0) } ?? 0)
    }

    /// The `stroke-dasharray` that draws the first `visible` units of a path `full` units long: one dash and a
    /// longer gap for a solid stroke; for a dashed one its own dashes (from its offset) up to `visible`, then
    /// the gap. The whole path gets its own pattern back.
    static func dashes(_ pattern: (lengths: [Double], offset: Double)?, visible: Double, full: Double) -> String {
        let gap = number(full + 10, 2)
        guard visible > 0 else { return "0," + gap }
        guard let pattern else { return visible >= full - 1e-9 ? "none" : number(visible, 2) + "," + gap }
        let p = pattern.lengths
        if visible >= full - 1e-9 { return p.map { number($0, 2) }.joined(separator: ",") + ";stroke-dashoffset:" + number(pattern.offset, 2) }
        let period = p.reduce(0, +)
        var phase = pattern.offset.truncatingRemainder(dividingBy: period)
        if phase < 0 { phase += period }
        var index = 0
        while phase >= p[index] { phase -= p[index]; index = (index + 1) % p.count }
        var out: [Double] = index % 2 == 1 ? [0] : []
        var left = p[index] - phase, drawn = 0.0
        while drawn < visible {
            let piece = min(left, visible - drawn)
            out.append(piece)
            drawn += piece
            index = (index + 1) % p.count
            left = p[index]
        }
        if out.count % 2 == 1 { out.append(full + 10) } else { out[out.count - 1] += full + 10 }
        return out.map { number($0, 2) }.joined(separator: ",") + ";stroke-dashoffset:0"
    }

    /// The declarations that draw the stretch of a path `full` units long from `start` to `start + visible`:
    /// a dash that long (or, for a dashed line, its own dashes from its offset, as a line drawn from `start`
    /// has them) after a gap longer than the path, shifted by the dash offset to begin at `start`.
    static func window(_ pattern: (lengths: [Double], offset: Double)?, start: Double, visible: Double, full: Double) -> String {
        let list = dashes(pattern, visible: min(visible, full - 1e-6), full: full).split(separator: ";")[0]
            .split(separator: ",").map { Double($0) ?? 0 }
        // The pattern sums to `period`; position s along the path shows the pattern at s + offset.
        let period = list.reduce(0, +)
        return "stroke-dasharray:" + list.map { number($0, 2) }.joined(separator: ",")
            + ";stroke-dashoffset:" + number(period - start, 2)
    }

    /// A number for CSS: at most `digits` decimals, an ASCII minus.
    static func number(_ v: Double, _ digits: Int) -> String {
        var s = TickFormat.fixed(v, digits).replacing("−", with: "-")
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}
