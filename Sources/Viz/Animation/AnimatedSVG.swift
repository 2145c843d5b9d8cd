// Animation: figures that change over frames, and their encoders (GIF, WebP, MP4, animated SVG).

/// One SVG file that plays an animation with CSS alone (no script, no SMIL): the background is drawn once,
/// and the frames' moving layers are merged (`SVGFrameMerge`): each element written once and shown by a
/// `@keyframes` rule in the frames that have it, a growing line written once at its longest and revealed by
/// its dash pattern (`SVGFrameStyle`), in a cycle that repeats with `--loop` and otherwise stops on the last
/// frame. Viewers without CSS animation show the last frame, which is the still figure.
///
/// The frames' definitions (glyph outlines, clip rectangles) are shared: an outline used by many frames is
/// written once. Ids are `d1`, `d2`, … in order of first appearance, so the bytes depend only on the frames.
enum AnimatedSVG {
    /// The parts of one Cairo SVG document (ids `idN`, as `SVGNormalizer` numbers them).
    struct Parts {
        /// `<?xml …?>` and the `<svg …>` start tag.
        var header: Substring
        /// Definitions that have an id (`<symbol>`, `<clipPath>`), with that id.
        var items: [(id: Substring, text: Substring)]
        /// Anything else inside `<defs>` (other than Cairo's bare `<g>` wrapper).
        var otherDefs: [Substring]
        /// What the document draws.
        var body: Substring
    }

    /// Splits a normalized Cairo SVG document.
    static func parts(_ svg: String) -> Parts {
        let end = svg.ranges(of: "</svg>").last?.lowerBound ?? svg.endIndex
        guard let d0 = svg.firstRange(of: "<defs>"), let d1 = svg.firstRange(of: "</defs>") else {
            let tag = svg.firstRange(of: "<svg")?.upperBound ?? svg.startIndex
            let close = svg[tag...].firstIndex(of: ">").map { svg.index(after: $0) } ?? tag
            return Parts(header: svg[..<close], items: [], otherDefs: [], body: svg[close..<end])
        }
        var items: [(id: Substring, text: Substring)] = []
        var other: [Substring] = []
        var i = d0.upperBound
        let defs = svg[d0.upperBound..<d1.lowerBound]
        while let open = defs[i...].firstIndex(of: "<") {
            let rest = defs[open...]
            let name = rest.dropFirst().prefix { $0.isLetter }
            let tagEnd = rest.firstIndex(of: ">").map { defs.index(after: $0) } ?? defs.endIndex
            let startTag = defs[open..<tagEnd]
            if name == "g" || rest.hasPrefix("</g>") { i = tagEnd; continue }
            let selfClosing = startTag.hasSuffix("/>")
            let close = selfClosing ? tagEnd : (defs[tagEnd...].firstRange(of: "</\(name)>")?.upperBound ?? defs.endIndex)
            let element = defs[open..<close]
            if let id = attribute("id", in: startTag) { items.append((id: id, text: element)) } else { other.append(element) }
            i = close
        }
        return Parts(header: svg[..<d0.lowerBound], items: items, otherDefs: other, body: svg[d1.upperBound..<end])
    }

    /// The value of attribute `name` in a start tag.
    static func attribute(_ name: String, in tag: Substring) -> Substring? {
        guard let r = tag.firstRange(of: " \(name)=\"") else { return nil }
        let v = tag[r.upperBound...]
        return v.firstIndex(of: "\"").map { v[..<$0] }
    }

    /// `text` with every id `idN` (after `id="`, `#` or `url(#`) replaced through `map`; ids not in the map
    /// are replaced by `fresh`, which records them.
    static func renaming(_ text: Substring, _ map: inout [Substring: String], fresh: (Substring) -> String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        while let r = text[i...].firstRange(of: "id") {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let isRef = before == "#" || (before == "\"" && text[..<r.lowerBound].hasSuffix("id=\""))
            let digits = text[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard isRef, !digits.isEmpty else {
                out += text[i..<r.upperBound]; i = r.upperBound; continue
            }
            out += text[i..<r.lowerBound]
            let id = text[r.lowerBound..<digits.endIndex]
            if let m = map[id] { out += m } else { let m = fresh(id); map[id] = m; out += m }
            i = digits.endIndex
        }
        out += text[i...]
        return out
    }

    /// The ids (`dN`) that `text` refers to (`#dN` in a link or `url(#dN)`).
    static func referencedIDs(_ text: String) -> Set<String> {
        var out = Set<String>()
        var i = text.startIndex
        while let r = text[i...].firstRange(of: "#d") {
            let digits = text[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { out.insert("d" + digits) }
            i = digits.endIndex
        }
        return out
    }

    /// The rectangle (x0, y0, x1, y1) of a `<clipPath>` definition whose one path is an axis-aligned
    /// rectangle (`M x0 y0 L x1 y0 L x1 y1 L x0 y1 Z`, as Cairo writes a clip rectangle), else nil.
    static func clipRectangle(_ def: String) -> [Double]? {
        guard def.hasPrefix("<clipPath"), def.ranges(of: "<path").count == 1,
              let open = def.firstRange(of: "<path")?.lowerBound,
              let d = attribute("d", in: def[open...]) else { return nil }
        let words = d.split(separator: " ")
        guard words.count == 13, words[0] == "M", words[3] == "L", words[6] == "L", words[9] == "L", words[12] == "Z" else { return nil }
        let v = [1, 2, 4, 5, 7, 8, 10, 11].compactMap { Double(words[$0]) }
        guard v.count == 8, v[1] == v[3], v[2] == v[4], v[5] == v[7], v[6] == v[0] else { return nil }
        return [min(v[0], v[2]), min(v[1], v[5]), max(v[0], v[2]), max(v[1], v[5])]
    }

    /// The animated SVG of a background document and the frames' overlay documents.
    static func combine(background: String, frames: [String], timing: AnimationTiming) -> [UInt8] {
        var defs: [(id: String?, text: String)] = [], seen: [String: String] = [:], clips: [Substring: [Double]] = [:]
        var count = 0
        func next() -> String { count += 1; return "d\(count)" }
        // Definitions first (shared by content), then each body with its ids renamed.
        func bodyOf(_ svg: String) -> String {
            let p = parts(svg)
            var map: [Substring: String] = [:]
            for (id, text) in p.items {
                var own: [Substring: String] = [id: "\u{0}"]
                let key = renaming(text, &own) { _ in "\u{0}" }
                if let shared = seen[key] { map[id] = shared; continue }
                let name = next()
                seen[key] = name
                map[id] = name
                let def = key.replacing("\u{0}", with: name)
                if let r = clipRectangle(def) { clips[Substring(name)] = r }
                defs.append((name, def))
            }
            for o in p.otherDefs { defs.append((nil, renaming(o, &map) { _ in next() })) }
            return renaming(p.body, &map) { _ in next() }
        }
        let back = bodyOf(background)
        var merge = SVGFrameMerge()
        for f in frames {
            let body = bodyOf(f)
            merge.clipRects = clips
            merge.add(SVGFrameMerge.leaves(body[...]))
        }
        let (css, drawing) = SVGFrameStyle(merge: merge, timing: timing).render()
        var out = String(parts(background).header)
        // A definition only earlier frames used (the clip of a growing line's shorter versions, a glyph of a
        // number that changed) is left out when no element of the merged drawing refers to it.
        let used = referencedIDs(back + drawing)
        let kept = defs.filter { d in d.id.map { used.contains($0) } ?? true }.map(\.text)
        out += "<defs>\n" + kept.joined(separator: "\n") + "\n</defs>\n"
        out += css + back + drawing + "</svg>\n"
        return Array(out.utf8)
    }
}
