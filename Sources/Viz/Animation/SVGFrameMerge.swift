/// The frames of an animated SVG merged into one list of elements, each written once with the frames it is
/// shown in: an element that stays the same from frame to frame (a marker, a legend's swatch, most glyphs of
/// its text) is one element shown over an interval of frames, and a line that grows (a path traced point by
/// point, a curve) is one path, its longest, whose visible length changes from frame to frame (a dash as long as
/// the part drawn so far, then a gap longer than the path; for a dashed line, its own dashes up to that
/// length). So the file holds about one frame's drawing plus a few numbers a frame, instead of every frame
/// whole.
///
/// Each frame's drawing order is kept: the merged list holds every frame's elements in that frame's order.
struct SVGFrameMerge {
    /// One element of the merged drawing and the frames that show it.
    final class Item {
        /// The open tags of the groups around the element (Cairo's style groups for text), outermost first:
        /// those of its longest version, for a growing path (its clip rectangle is the largest).
        var wrappers: [Substring]
        /// The element as written: the longest version of a growing path.
        var element: Substring
        /// The first frame and the last that show it (consecutive frames).
        let first: Int
        var last: Int
        /// For a path drawn as one stroked polyline: its points, and where its drawn part ends in each frame
        /// from `first` (the length of that frame's version, measured along it).
        var points: [Substring]?
        var lengths: [Double]
        /// Where its drawn part starts in each frame from `first`: 0 for a line that grows from its start, more
        /// for a stretch of a longer line (`SVGFrameWindows`).
        var starts: [Double]
        /// The index in `points` of the segment where the last frame's stretch starts (where the next one is
        /// looked for), and the points as numbers with their distances along the line.
        var windowFrom = 0
        var geometry: (count: Int, xy: [(Double, Double)], along: [Double])?
        /// The key of a growing path: its wrappers, style and first point.
        let key: String?
        /// For an element that moves without changing shape (a dot at a run's current point): how far each
        /// frame's version is from the first one (x, y), from `first` on; empty for one that never moves.
        var offsets: [(Double, Double)] = []
        /// The key of a moving element: its wrappers, style and path commands without their numbers.
        let shapeKey: String?
        /// The numbers of the path's `d` as written now (for a moving element).
        var numbers: [Double] = []

        init(_ leaf: Leaf, frame: Int) {
            wrappers = leaf.wrappers; element = leaf.element; first = frame; last = frame
            points = SVGFrameMerge.polyline(leaf.element)
            lengths = points.map { [SVGFrameMerge.length($0)] } ?? []
            starts = points == nil ? [] : [0]
            key = points.flatMap { p in
                SVGFrameMerge.style(leaf.element).map { SVGFrameMerge.growingKey(leaf.wrappers) + $0 + (p.first ?? "") }
            }
            shapeKey = SVGFrameMerge.shape(leaf)
            if shapeKey != nil { numbers = SVGFrameMerge.numbers(leaf.element) }
        }

        /// Whether the element moves within the frames that show it.
        var moves: Bool { offsets.contains { $0.0 != 0 || $0.1 != 0 } }

        /// Whether the path grows or shows a moving stretch within the frames that show it (else it is shown whole).
        var grows: Bool { isWindow || lengths.contains { $0 < (lengths.last ?? 0) - 1e-9 } }

        /// Whether some frame shows a stretch that does not start at the line's start.
        var isWindow: Bool { starts.contains { $0 > 1e-9 } }

        /// Records frame `k`'s stretch of the line: from `start` to `end` along it.
        func show(from start: Double, to end: Double) {
            starts.append(start)
            lengths.append(end)
        }
    }

    /// A drawing element with the groups around it.
    struct Leaf: Equatable {
        var wrappers: [Substring]
        var element: Substring
    }

    private(set) var items: [Item] = []
    private(set) var frames = 0
    /// The rectangles of the clip paths the frames refer to, by id (`dN`): x0, y0, x1, y1.
    var clipRects: [Substring: [Double]]

    /// A merge of frames whose clip paths (by id) are the rectangles `clipRects` (x0, y0, x1, y1 each).
    init(clipRects: [Substring: [Double]] = [:]) { self.clipRects = clipRects }

    /// Adds the next frame: the leaves of its drawing, in order.
    mutating func add(_ leaves: [Leaf]) {
        let k = frames
        frames += 1
        var exact: [String: [Int]] = [:], growing: [String: [Int]] = [:], shapes: [String: [Int]] = [:], lines: [String: [Int]] = [:]
        for (i, item) in items.enumerated() where item.last == k - 1 {
            if !item.moves { exact[(item.wrappers.joined() + item.element), default: []].append(i) }
            if let key = item.key, !item.moves { growing[key, default: []].append(i) }
            if item.points != nil, !item.moves, let style = SVGFrameMerge.style(item.element) {
                lines[item.wrappers.joined() + style, default: []].append(i)
            }
            if let key = item.shapeKey, !item.grows { shapes[key, default: []].append(i) }
        }
        var merged: [Item] = [], used = Set<Int>(), next = 0
        for leaf in leaves {
            var match = find(leaf, exact: exact, growing: growing, from: next, used: used)
            var window: Window?
            if match.index == nil, let (i, w) = stretch(leaf, lines: lines, from: next, used: used) { match = (i, false); window = w }
            var shift: (Double, Double)?
            if match.index == nil, let key = SVGFrameMerge.shape(leaf) {
                // The next few elements of that shape (a dot moves to the same place in the drawing order).
                let numbers = SVGFrameMerge.numbers(leaf.element)
                for i in (shapes[key] ?? []).lazy.filter({ $0 >= next && !used.contains($0) }).prefix(3) {
                    if let d = SVGFrameMerge.offset(from: items[i].numbers, to: numbers) { match = (i, false); shift = d; break }
                }
            }
            if let i = match.index {
                merged += items[next..<i]
                let item = items[i]
                item.last = k
                if match.grows, let p = SVGFrameMerge.polyline(leaf.element) {
                    item.element = leaf.element; item.points = p; item.wrappers = leaf.wrappers
                }
                if let window, let union = item.points {
                    if !window.appended.isEmpty {
                        let points = union + window.appended
                        item.points = points
                        item.element = SVGFrameMerge.path(item.element, through: points)
                    }
                    item.windowFrom = window.fromIndex
                    item.show(from: window.from, to: window.to)
                } else if item.points != nil {
                    // A longer version from its start, or the same element as in the previous frame.
                    if match.grows { item.show(from: 0, to: SVGFrameMerge.polyline(leaf.element).map(SVGFrameMerge.length) ?? 0) }
                    else { item.show(from: item.starts.last ?? 0, to: item.lengths.last ?? 0) }
                } else {
                    item.lengths.append(0)
                }
                if item.shapeKey != nil {
                    let was = item.offsets.last ?? (0, 0), d = shift ?? (0, 0)
                    if item.offsets.isEmpty { item.offsets.append((0, 0)) }
                    item.offsets.append((was.0 + d.0, was.1 + d.1))
                    if shift != nil { item.element = leaf.element; item.numbers = SVGFrameMerge.numbers(leaf.element) }
                }
                merged.append(item)
                used.insert(i)
                next = i + 1
            } else {
                merged.append(Item(leaf, frame: k))
            }
        }
        items = merged + items[next...]
    }

    /// The line item (at or after `from`, shown in the previous frame, not yet taken, with the same groups
    /// and style) of which `leaf` is a stretch (`SVGFrameWindows`), and where it lies on it.
    private func stretch(_ leaf: Leaf, lines: [String: [Int]], from: Int, used: Set<Int>) -> (Int, Window)? {
        guard let p = SVGFrameMerge.polyline(leaf.element), let style = SVGFrameMerge.style(leaf.element),
              let candidates = lines[leaf.wrappers.joined() + style] else { return nil }
        if let dashes = SVGFrameStyle.dashPattern(style), dashes.lengths.reduce(0, +) < 2 { return nil }
        for i in candidates where i >= from && !used.contains(i) {
            let item = items[i]
            guard let union = item.points, !(item.grows && !item.isWindow) else { continue }
            if item.geometry?.count != union.count {
                let xy = SVGFrameMerge.coordinates(union)
                item.geometry = (union.count, xy, SVGFrameMerge.cumulativeLengths(union))
            }
            guard let g = item.geometry else { continue }
            if let w = SVGFrameMerge.window(of: p, in: union, xy: g.xy, along: g.along, after: item.windowFrom) { return (i, w) }
        }
        return nil
    }

    /// The item (at or after `from`, shown in the previous frame, not yet taken) that `leaf` continues:
    /// the same element, or a longer version of the same path (the earlier points kept, but the last two,
    /// which line simplification may move).
    private func find(_ leaf: Leaf, exact: [String: [Int]], growing: [String: [Int]], from: Int,
                      used: Set<Int>) -> (index: Int?, grows: Bool) {
        if let i = exact[leaf.wrappers.joined() + leaf.element]?.first(where: { $0 >= from && !used.contains($0) }) {
            return (i, false)
        }
        guard let p = SVGFrameMerge.polyline(leaf.element), let style = SVGFrameMerge.style(leaf.element),
              let candidates = growing[SVGFrameMerge.growingKey(leaf.wrappers) + style + (p.first ?? "")] else { return (nil, false) }
        // Dashes finer than 2 units would take hundreds of numbers a frame: such a line is drawn frame by frame.
        if let dashes = SVGFrameStyle.dashPattern(style), dashes.lengths.reduce(0, +) < 2 { return (nil, false) }
        var best: (index: Int, shared: Int)?
        for i in candidates where i >= from && !used.contains(i) {
            guard let q = items[i].points, q.count <= p.count, clips(leaf.wrappers, contain: items[i].wrappers) else { continue }
            let shared = zip(q, p).prefix { $0 == $1 }.count
            guard shared >= max(1, q.count - 2) else { continue }
            if best.map({ shared > $0.shared }) ?? true { best = (i, shared) }
        }
        return (best?.index, best != nil)
    }

    /// The groups around an element as the key of a growing path: a clip path's id left out. Cairo clips each
    /// drawing to the figure's clip rectangle cut down to the drawing's own extents, so every frame of a growing
    /// line has a clip of its own; the one of its longest version holds the shorter ones' (`clips(_:contain:)`).
    static func growingKey(_ wrappers: [Substring]) -> String {
        wrappers.map { w in
            guard let r = w.firstRange(of: "clip-path=\"url(#"), let end = w[r.upperBound...].firstIndex(of: ")") else { return String(w) }
            return String(w[..<r.upperBound]) + String(w[end...])
        }.joined()
    }

    /// Whether groups `outer` hold what groups `inner` hold: the same groups, each clip rectangle of `outer`
    /// containing the one of `inner` at its place (ids not in `clipRects` must be equal).
    func clips(_ outer: [Substring], contain inner: [Substring]) -> Bool {
        guard outer.count == inner.count else { return false }
        for (a, b) in zip(outer, inner) where a != b {
            guard let ra = clipRect(a), let rb = clipRect(b) else { return false }
            let slack = 1e-6
            guard ra[0] <= rb[0] + slack, ra[1] <= rb[1] + slack, ra[2] >= rb[2] - slack, ra[3] >= rb[3] - slack else { return false }
        }
        return true
    }

    /// The rectangle of the clip path a group's open tag refers to, if it is one of `clipRects`.
    private func clipRect(_ tag: Substring) -> [Double]? {
        guard let r = tag.firstRange(of: "clip-path=\"url(#"), let end = tag[r.upperBound...].firstIndex(of: ")") else { return nil }
        return clipRects[tag[r.upperBound..<end]]
    }

    /// The leaves of an SVG body: every drawing element with the `<g …>` tags open around it.
    static func leaves(_ body: Substring) -> [Leaf] {
        var out: [Leaf] = [], stack: [Substring] = []
        var i = body.startIndex
        while let open = body[i...].firstIndex(of: "<") {
            guard let close = body[open...].firstIndex(of: ">") else { break }
            let tag = body[open...close]
            i = body.index(after: close)
            if tag.hasPrefix("</g") { _ = stack.popLast(); continue }
            if tag.hasPrefix("<g") { if !tag.hasSuffix("/>") { stack.append(withoutID(tag)) }; continue }
            if tag.hasPrefix("</") { continue }
            var element = tag
            if !tag.hasSuffix("/>") {
                let name = tag.dropFirst().prefix { $0.isLetter }
                let end = body[i...].firstRange(of: "</\(name)>")?.upperBound ?? body.endIndex
                element = body[open..<end]
                i = end
            }
            out.append(Leaf(wrappers: stack, element: element))
        }
        return out
    }

    /// A group's open tag without its id (nothing refers to Cairo's group ids, and a group may be written
    /// more than once in the merged drawing).
    static func withoutID(_ tag: Substring) -> Substring {
        guard let r = tag.firstRange(of: " id=\""), let end = tag[r.upperBound...].firstIndex(of: "\"") else { return tag }
        return Substring(String(tag[..<r.lowerBound]) + String(tag[tag.index(after: end)...]))
    }

    /// The points ("x y") of a `<path>` drawn as one polyline (`d="M x y L x y …"`, no curves, one subpath)
    /// with a stroke and no fill, or nil.
    static func polyline(_ element: Substring) -> [Substring]? {
        guard element.hasPrefix("<path"), let style = style(element), style.contains("fill:none"), style.contains("stroke:"),
              let d = AnimatedSVG.attribute("d", in: element) else { return nil }
        let words = d.split(separator: " ")
        guard words.count >= 3, words[0] == "M", words.count % 3 == 0 else { return nil }
        var points: [Substring] = []
        for j in stride(from: 0, to: words.count, by: 3) {
            guard words[j] == (j == 0 ? "M" : "L") else { return nil }
            points.append(Substring(words[j + 1] + " " + words[j + 2]))
        }
        return points
    }

    /// The shape of a `<path>` (its wrappers, style and commands, numbers left out), or nil for another element.
    static func shape(_ leaf: Leaf) -> String? {
        guard leaf.element.hasPrefix("<path"), let style = style(leaf.element), let d = AnimatedSVG.attribute("d", in: leaf.element) else {
            return nil
        }
        return leaf.wrappers.joined() + style + d.split(separator: " ").filter { $0.first?.isLetter == true }.joined()
    }

    /// How far path `b` is from path `a` (their `d` numbers) when it is `a` moved (every x by the same dx and every y by the same dy,
    /// each number written to 0.01, so two of them may differ by 0.02 more), else nil.
    static func offset(from na: [Double], to nb: [Double]) -> (Double, Double)? {
        guard na.count == nb.count, na.count >= 2, na.count % 2 == 0 else { return nil }
        let dx = nb[0] - na[0], dy = nb[1] - na[1]
        for j in na.indices where abs(nb[j] - na[j] - (j % 2 == 0 ? dx : dy)) > 0.0201 { return nil }
        return (dx, dy)
    }

    /// The numbers of a path's `d`.
    static func numbers(_ element: Substring) -> [Double] {
        AnimatedSVG.attribute("d", in: element).map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
    }

    /// The style attribute of an element.
    static func style(_ element: Substring) -> Substring? { AnimatedSVG.attribute("style", in: element) }

    /// The length of a polyline given as "x y" points.
    static func length(_ points: [Substring]) -> Double {
        let xy = points.map { p -> (Double, Double) in
            let c = p.split(separator: " ")
            return (Double(c.first ?? "") ?? 0, Double(c.last ?? "") ?? 0)
        }
        return zip(xy, xy.dropFirst()).reduce(0) { s, pair in
            let dx = pair.1.0 - pair.0.0, dy = pair.1.1 - pair.0.1
            return s + (dx * dx + dy * dy).squareRoot()
        }
    }
}
