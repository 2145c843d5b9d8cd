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
        let n = merge.frames
        let delays = timing.delays(count: n, unit: 1000)
        var starts = [0]
        for d in delays { starts.append((starts.last ?? 0) + d) }
        let total = max(1, starts.last ?? 1)
        // Three decimals place a frame to the millisecond in animations up to 100 s, four beyond.
        let digits = total <= 100_000 ? 3 : 4
        func percent(_ ms: Int) -> String { Self.number(Double(ms) * 100 / Double(total), digits) + "%" }

        var css = "<style type=\"text/css\"><![CDATA[\n"
        css += ".f,.a{animation-duration:\(total)ms;animation-timing-function:step-end;"
        css += "animation-iteration-count:\(timing.loop ? "infinite" : "1");animation-fill-mode:forwards}\n.f{visibility:hidden}\n.f.last{visibility:visible}\n"
        // The stops of an element shown from frame `first` to `last` with frame k's declarations
        // `states[k - first]` (nil: hidden then): one stop where something changes, each property written
        // where it changes (a stop holds until the next that sets the property: step-end timing).
        func stops(_ first: Int, _ last: Int, _ states: [String?], visibility: Bool = true) -> String {
            var out = first > 0 && visibility ? "0%{visibility:hidden}" : ""
            var shown: Bool? = first > 0 ? false : nil, state: String?
            for (j, s) in states.enumerated() {
                var declarations: [String] = []
                if visibility, shown != (s != nil) { declarations.append("visibility:" + (s != nil ? "visible" : "hidden")); shown = s != nil }
                if let s, !s.isEmpty, s != state { declarations.append(s); state = s }
                guard !declarations.isEmpty else { continue }
                let k = first + j
                out += (k == 0 ? "0%" : percent(starts[k])) + "{" + declarations.joined(separator: ";") + "}"
            }
            if last < n - 1, visibility { out += percent(starts[last + 1]) + "{visibility:hidden}" }
            return out
        }
        var body = "", open: [Substring] = [], intervals = Set<String>(), grown = 0
        // Each distinct style attribute becomes a class (`sN`): most of an element's bytes are its style.
        var styles: [Substring: String] = [:]
        func styled(_ element: Substring, _ classes: String?) -> String {
            guard let r = element.firstRange(of: " style=\""), let end = element[r.upperBound...].firstIndex(of: "\"") else {
                return classes.map { Self.classed(element, $0) } ?? String(element)
            }
            let declarations = element[r.upperBound..<end]
            let name = styles[declarations] ?? {
                let n = "s\(styles.count + 1)"
                styles[declarations] = n
                css += ".\(n){\(declarations)}\n"
                return n
            }()
            let bare = element[..<r.lowerBound] + element[element.index(after: end)...]
            return Self.classed(Substring(bare), (classes.map { $0 + " " } ?? "") + name)
        }
        // Glyphs shown in the same frames one after another share a group that carries their class.
        var group: String?
        func closeGroup() { if group != nil { body += "</g>\n"; group = nil } }
        for item in Self.glyphsByFrames(merge.items) {
            let shared = zip(open, item.wrappers).prefix { $0 == $1 }.count
            if shared < open.count || item.wrappers.count > shared { closeGroup() }
            body += String(repeating: "</g>\n", count: open.count - shared)
            for w in item.wrappers[shared...] { body += w + "\n" }
            open = item.wrappers
            let whole = item.first == 0 && item.last == n - 1
            guard !whole || item.grows || item.moves else { closeGroup(); body += styled(item.element, nil) + "\n"; continue }
            let name: String
            if item.grows, let full = item.isWindow ? SVGFrameMerge.cumulativeLengths(item.points ?? []).last : item.lengths.last {
                grown += 1
                name = "g\(grown)"
                let dashes = Self.dashPattern(SVGFrameMerge.style(item.element) ?? "")
                if dashes != nil, !item.isWindow {
                    // A dashed line that grows: shown through a mask, a solid copy of it whose dash grows (its
                    // own dashes up to each frame's length would take dozens of numbers a frame).
                    let gap = Self.number(full + 10, 1)
                    let states = item.lengths.map { length -> String? in
                        "stroke-dasharray:" + (length > 0 ? Self.number(min(length, full), 1) : "0") + "," + gap
                    }
                    css += "@keyframes \(name){" + stops(item.first, item.last, states, visibility: false) + "}\n.\(name){animation-name:\(name)}\n"
                    closeGroup()
                    body += Self.mask(item.element, id: "m\(grown)", classes: "a \(name)")
                    let interval = "v\(item.first)_\(item.last)"
                    if intervals.insert(interval).inserted {
                        let shown = stops(item.first, item.last, Array(repeating: "", count: item.last - item.first + 1))
                        css += "@keyframes \(interval){" + shown + "}\n.\(interval){animation-name:\(interval)}\n"
                    }
                    let masked = styled(item.element, "f\(item.last == n - 1 ? " last" : "") \(interval)")
                    body += masked.replacing("<path ", with: "<path mask=\"url(#m\(grown))\" ", maxReplacements: 1) + "\n"
                    continue
                }
                let states = item.lengths.indices.map { j -> String? in
                    let start = item.isWindow ? item.starts[j] : 0, visible = item.lengths[j] - start
                    guard visible > 0 else { return nil }
                    return item.isWindow ? Self.window(dashes, start: start, visible: visible, full: full)
                        : "stroke-dasharray:" + Self.dashes(dashes, visible: visible, full: full)
                }
                css += "@keyframes \(name){" + stops(item.first, item.last, states) + "}\n.\(name){animation-name:\(name)}\n"
            } else if item.moves, let end = item.offsets.last {
                grown += 1
                name = "g\(grown)"
                // Written where the last frame has it; each frame moves it back to its own place.
                let states = item.offsets.map { o -> String? in
                    "transform:translate(" + Self.number(o.0 - end.0, 2) + "px," + Self.number(o.1 - end.1, 2) + "px)"
                }
                css += "@keyframes \(name){" + stops(item.first, item.last, states) + "}\n.\(name){animation-name:\(name)}\n"
            } else {
                name = "v\(item.first)_\(item.last)"
                if !intervals.contains(name) {
                    intervals.insert(name)
                    // Shown in frames first…last: the state before and after is the class's (`.f` hidden,
                    // `.f.last` visible).
                    let shown = stops(item.first, item.last, Array(repeating: "", count: item.last - item.first + 1))
                    css += "@keyframes \(name){" + shown + "}\n.\(name){animation-name:\(name)}\n"
                }
            }
            let classes = "f\(item.last == n - 1 ? " last" : "") \(name)"
            if item.element.hasPrefix("<use"), name.hasPrefix("v") {
                if group != classes { closeGroup(); body += "<g class=\"\(classes)\">\n"; group = classes }
                body += styled(item.element, nil) + "\n"
            } else {
                closeGroup()
                body += styled(item.element, classes) + "\n"
            }
        }
        closeGroup()
        body += String(repeating: "</g>\n", count: open.count)
        return (css + "]]></style>\n", body)
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
