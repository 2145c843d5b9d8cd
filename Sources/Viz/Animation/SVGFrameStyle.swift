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
        func percent(_ ms: Int) -> String { Self.number(Double(ms) * 100 / Double(total), 4) + "%" }

        var css = "<style type=\"text/css\"><![CDATA[\n"
        css += ".f{visibility:hidden;animation-duration:\(total)ms;animation-timing-function:step-end;"
        css += "animation-iteration-count:\(timing.loop ? "infinite" : "1");animation-fill-mode:forwards}\n.f.last{visibility:visible}\n"
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
        for item in merge.items {
            let shared = zip(open, item.wrappers).prefix { $0 == $1 }.count
            body += String(repeating: "</g>\n", count: open.count - shared)
            for w in item.wrappers[shared...] { body += w + "\n" }
            open = item.wrappers
            let whole = item.first == 0 && item.last == n - 1
            guard !whole || item.grows || item.moves else { body += styled(item.element, nil) + "\n"; continue }
            let name: String
            if item.grows, let full = item.lengths.last {
                grown += 1
                name = "g\(grown)"
                let dashes = Self.dashPattern(SVGFrameMerge.style(item.element) ?? "")
                var stops: [String] = []
                if item.first > 0 { stops.append("0%{visibility:hidden}") }
                for (j, length) in item.lengths.enumerated() {
                    let k = item.first + j
                    let shown = length > 0 ? "visible" : "hidden"
                    stops.append((k == 0 ? "0%" : percent(starts[k])) + "{visibility:\(shown);stroke-dasharray:"
                                 + Self.dashes(dashes, visible: length, full: full) + "}")
                }
                if item.last < n - 1 { stops.append(percent(starts[item.last + 1]) + "{visibility:hidden}") }
                css += "@keyframes \(name){" + stops.joined() + "}\n.\(name){animation-name:\(name)}\n"
            } else if item.moves, let end = item.offsets.last {
                grown += 1
                name = "g\(grown)"
                // Written where the last frame has it; each frame moves it back to its own place.
                var stops: [String] = item.first > 0 ? ["0%{visibility:hidden}"] : []
                for (j, o) in item.offsets.enumerated() {
                    let k = item.first + j
                    stops.append((k == 0 ? "0%" : percent(starts[k])) + "{visibility:visible;transform:translate("
                                 + Self.number(o.0 - end.0, 2) + "px," + Self.number(o.1 - end.1, 2) + "px)}")
                }
                if item.last < n - 1 { stops.append(percent(starts[item.last + 1]) + "{visibility:hidden}") }
                css += "@keyframes \(name){" + stops.joined() + "}\n.\(name){animation-name:\(name)}\n"
            } else {
                name = "v\(item.first)_\(item.last)"
                if !intervals.contains(name) {
                    intervals.insert(name)
                    var stops = ["0%{visibility:\(item.first == 0 ? "visible" : "hidden")}"]
                    if item.first > 0 { stops.append(percent(starts[item.first]) + "{visibility:visible}") }
                    if item.last < n - 1 { stops.append(percent(starts[item.last + 1]) + "{visibility:hidden}") }
                    stops.append("100%{visibility:\(item.last == n - 1 ? "visible" : "hidden")}")
                    css += "@keyframes \(name){" + stops.joined() + "}\n.\(name){animation-name:\(name)}\n"
                }
            }
            body += styled(item.element, "f\(item.last == n - 1 ? " last" : "") \(name)") + "\n"
        }
        body += String(repeating: "</g>\n", count: open.count)
        return (css + "]]></style>\n", body)
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

    /// A number for CSS: at most `digits` decimals, an ASCII minus.
    static func number(_ v: Double, _ digits: Int) -> String {
        var s = TickFormat.fixed(v, digits).replacing("−", with: "-")
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}
