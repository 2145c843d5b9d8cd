/// The style sheet and drawing of merged animation frames as `SVGFrameStyle.render` writes them, one item
/// at a time: the `@keyframes` rules, the style classes (`sN`: each distinct style attribute once), the
/// open wrapper groups and the group of glyphs shown in the same frames.
struct SVGFrameWriter {
    let frames: Int
    /// The start of each frame in milliseconds, and the end of the last.
    let starts: [Int]
    let total: Int
    /// Decimals of a keyframe percentage.
    let digits: Int
    private(set) var css: String
    private(set) var body = ""
    /// The wrapper groups open around the last item.
    private var open: [Substring] = []
    /// The names of the shown-in-frames rules written (`vFIRST_LAST`, `oLENGTH`, `tDELAY`).
    private var intervals = Set<String>()
    /// How many growing or moving elements were written (their masks are `mN`).
    private var grown = 0
    /// The rules of growing or moving elements by their stops (`gN`): elements that change alike (a dot and
    /// its ring) share one.
    private var keyframes: [String: String] = [:]
    /// The moves written: an element's frames, its offset in each, and its rule.
    private var moves: [(first: Int, last: Int, offsets: [(Double, Double)], name: String)] = []
    private var styles: [Substring: String] = [:]
    /// The class of the open group of glyphs, if any.
    private var group: String?

    init(frames n: Int, timing: AnimationTiming) {
        frames = n
        let delays = timing.delays(count: n, unit: 1000)
        var starts = [0]
        for d in delays { starts.append((starts.last ?? 0) + d) }
        self.starts = starts
        // Played once, the cycle ends with the last frame's own 1/fps (the hold changes nothing: the last frame
        // stays, `forwards`), so frame k of n evenly timed ones starts at k/n of it: 100 frames, whole percents.
        let hold = timing.loop ? 0 : Int((timing.hold * 1000).rounded())
        total = max(1, (starts.last ?? 1) - hold, (starts.dropLast().last ?? 0) + 1)
        // Three decimals place a frame to the millisecond in animations up to 100 s, four beyond.
        digits = total <= 100_000 ? 3 : 4
        css = "<style type=\"text/css\"><![CDATA[\n"
        css += ".f,.a{animation-duration:\(total)ms;animation-timing-function:step-end;"
        css += "animation-iteration-count:\(timing.loop ? "infinite" : "1");animation-fill-mode:forwards}\n.f{visibility:hidden}\n.f.last{visibility:visible}\n"
    }

    /// The `<style>` element and the drawing, every group closed.
    mutating func finish() -> (css: String, body: String) {
        closeGroup()
        body += String(repeating: "</g>\n", count: open.count)
        return (css + "]]></style>\n", body)
    }

    private func percent(_ ms: Int) -> String { SVGFrameStyle.number(Double(ms) * 100 / Double(total), digits) + "%" }

    /// The stops of an element shown from frame `first` to `last` with frame k's declarations
    /// `states[k - first]` (nil: hidden then): one stop where something changes, each property written
    /// where it changes (a stop holds until the next that sets the property: step-end timing).
    private func stops(_ first: Int, _ last: Int, _ states: [String?], visibility: Bool = true) -> String {
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
        if last < frames - 1, visibility { out += percent(starts[last + 1]) + "{visibility:hidden}" }
        return out
    }

    /// `element` with its style attribute replaced by a style class (written to the sheet the first time)
    /// after `classes`.
    private mutating func styled(_ element: Substring, _ classes: String?) -> String {
        guard let r = element.firstRange(of: " style=\""), let end = element[r.upperBound...].firstIndex(of: "\"") else {
            return classes.map { SVGFrameStyle.classed(element, $0) } ?? String(element)
        }
        let declarations = element[r.upperBound..<end]
        let name: String
        if let known = styles[declarations] {
            name = known
        } else {
            name = "s\(styles.count + 1)"
            styles[declarations] = name
            css += ".\(name){\(declarations)}\n"
        }
        let bare = element[..<r.lowerBound] + element[element.index(after: end)...]
        return SVGFrameStyle.classed(Substring(bare), (classes.map { $0 + " " } ?? "") + name)
    }

    /// Glyphs shown in the same frames one after another share a group that carries their class.
    private mutating func closeGroup() { if group != nil { body += "</g>\n"; group = nil } }

    /// The classes that show an element in frames `first`…`last` (the state before and after is the
    /// class's: `.f` hidden, `.f.last` visible), their rules written the first time. Before the last frame:
    /// `oL`, shown for its first L ms, and `tD`, started D ms late (no class for 0), so elements of any frames
    /// shown as long share one rule; up to the last frame: `vFIRST_LAST`.
    private mutating func interval(_ first: Int, _ last: Int) -> String {
        guard last < frames - 1 else {
            let name = "v\(first)_\(last)"
            if intervals.insert(name).inserted {
                let shown = stops(first, last, Array(repeating: "", count: last - first + 1))
                css += "@keyframes \(name){" + shown + "}\n.\(name){animation-name:\(name)}\n"
            }
            return name
        }
        let length = starts[last + 1] - starts[first], name = "o\(length)"
        if intervals.insert(name).inserted {
            css += "@keyframes \(name){0%{visibility:visible}" + percent(length) + "{visibility:hidden}}\n.\(name){animation-name:\(name)}\n"
        }
        guard first > 0 else { return name }
        let delay = "t\(starts[first])"
        if intervals.insert(delay).inserted { css += ".\(delay){animation-delay:\(starts[first])ms}\n" }
        return name + " " + delay
    }

    /// The class of a rule with these stops (`gN`), written the first time.
    private mutating func rule(_ stops: String) -> String {
        if let known = keyframes[stops] { return known }
        let name = "g\(keyframes.count + 1)"
        keyframes[stops] = name
        css += "@keyframes \(name){" + stops + "}\n.\(name){animation-name:\(name)}\n"
        return name
    }

    /// Writes one element inside its wrapper groups: whole when shown whole in every frame, else with
    /// the classes that show, grow or move it.
    mutating func write(_ item: SVGFrameMerge.Item) {
        let shared = zip(open, item.wrappers).prefix { $0 == $1 }.count
        if shared < open.count || item.wrappers.count > shared { closeGroup() }
        body += String(repeating: "</g>\n", count: open.count - shared)
        for w in item.wrappers[shared...] { body += w + "\n" }
        open = item.wrappers
        let whole = item.first == 0 && item.last == frames - 1
        guard !whole || item.grows || item.moves else { closeGroup(); body += styled(item.element, nil) + "\n"; return }
        // nil: written already, as a dashed line shown through a growing mask.
        guard let name = animation(item) else { return }
        let classes = "f\(item.last == frames - 1 ? " last" : "") \(name)"
        if item.element.hasPrefix("<use"), !item.grows, !item.moves {
            if group != classes { closeGroup(); body += "<g class=\"\(classes)\">\n"; group = classes }
            body += styled(item.element, nil) + "\n"
        } else {
            closeGroup()
            body += styled(item.element, classes) + "\n"
        }
    }

    /// The class animating `item` (its rule written): a growing path's visible length per frame, a moving
    /// element's offset per frame, or the frames it is shown in. Nil when the item was written whole (a
    /// growing dashed line).
    private mutating func animation(_ item: SVGFrameMerge.Item) -> String? {
        if item.grows, let full = item.isWindow ? SVGFrameMerge.cumulativeLengths(item.points ?? []).last : item.lengths.last {
            grown += 1
            let dashes = SVGFrameStyle.dashPattern(SVGFrameMerge.style(item.element) ?? "")
            if dashes != nil, !item.isWindow {
                writeMasked(item, full: full)
                return nil
            }
            let states = item.lengths.indices.map { j -> String? in
                let start = item.isWindow ? item.starts[j] : 0, visible = item.lengths[j] - start
                guard visible > 0 else { return nil }
                return item.isWindow ? SVGFrameStyle.window(dashes, start: start, visible: visible, full: full)
                    : "stroke-dasharray:" + SVGFrameStyle.dashes(dashes, visible: visible, full: full)
            }
            return rule(stops(item.first, item.last, states))
        } else if item.moves, let end = item.offsets.last {
            grown += 1
            // Written where the last frame has it; each frame moves it back to its own place.
            let offsets = item.offsets.map { ($0.0 - end.0, $0.1 - end.1) }
            // A dot's ring moves with it: their offsets differ only by the rounding of their coordinates.
            if let same = moves.first(where: { m in
                m.first == item.first && m.last == item.last && m.offsets.count == offsets.count
                    && zip(m.offsets, offsets).allSatisfy { abs($0.0 - $1.0) <= 0.021 && abs($0.1 - $1.1) <= 0.021 }
            }) { return same.name }
            let states = offsets.map { o -> String? in
                "transform:translate(" + SVGFrameStyle.number(o.0, 2) + "px," + SVGFrameStyle.number(o.1, 2) + "px)"
            }
            let name = rule(stops(item.first, item.last, states))
            moves.append((item.first, item.last, offsets, name))
            return name
        }
        return interval(item.first, item.last)
    }

    /// A dashed line that grows: shown through a mask, a solid copy of it whose dash grows (its own dashes
    /// up to each frame's length would take dozens of numbers a frame).
    private mutating func writeMasked(_ item: SVGFrameMerge.Item, full: Double) {
        let gap = SVGFrameStyle.number(full + 10, 1)
        let states = item.lengths.map { length -> String? in
            "stroke-dasharray:" + (length > 0 ? SVGFrameStyle.number(min(length, full), 1) : "0") + "," + gap
        }
        let name = rule(stops(item.first, item.last, states, visibility: false))
        closeGroup()
        body += SVGFrameStyle.mask(item.element, id: "m\(grown)", classes: "a \(name)")
        let shownIn = interval(item.first, item.last)
        let masked = styled(item.element, "f\(item.last == frames - 1 ? " last" : "") \(shownIn)")
        body += masked.replacing("<path ", with: "<path mask=\"url(#m\(grown))\" ", maxReplacements: 1) + "\n"
    }
}
