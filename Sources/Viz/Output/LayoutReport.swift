/// Where every text-like element of a figure landed, in output pixels (origin top left, y down), and
/// how many data-ink vertices and markers each covers (with those its leader line runs within 2 points of): a QA record that tests, sweeps and a course's
/// own CI can check (a command line tool can write it beside the figure).
///
/// It is read off the primitives a `RecordingBackend` kept while the figure drew itself, so it states
/// what was drawn, not what layout intended. JSON shape:
/// `{"width": W, "height": H, "elements": [{"kind": K, "text": "...", "box": [x, y, w, h], "panel": n|null,
/// "covers": c}], "frames": [{"panel": n, "box": [x, y, w, h]}]}`; an element drawn cut short also has `"truncated": true`.
public struct LayoutReport: Sendable {
    /// One placed text-like element.
    public struct Element: Sendable {
        /// What the element is (`title`, `tick-label`, `legend`…).
        public var kind: FigureElement.Kind
        /// The text as drawn.
        public var text: String
        /// The element's box in output pixels.
        public var box: Rect
        /// The panel (0-based) the element belongs to, or nil for the page's own texts.
        public var panel: Int?
        /// Data-ink vertices and markers (curves, paths, markers, bars) inside the box.
        public var covers: Int
        /// True when some of its text runs past the clip it was drawn under (it shows cut off), or the text
        /// itself was cut short with "…" to fit the page.
        public var truncated: Bool
        /// The largest font size its text is set in, in output pixels (sub- and superscripts are smaller);
        /// not written to the JSON.
        public var fontSize: Double = 0

        /// An element as a report read back from its JSON states it (`fontSize` is not written there: 0).
        public init(kind: FigureElement.Kind, text: String, box: Rect, panel: Int?, covers: Int, truncated: Bool, fontSize: Double = 0) {
            self.kind = kind
            self.text = text
            self.box = box
            self.panel = panel
            self.covers = covers
            self.truncated = truncated
            self.fontSize = fontSize
        }
    }

    /// The plot rectangle (inside the frame) of one panel, in output pixels.
    public struct Frame: Sendable {
        /// The panel (0-based, in the order added).
        public var panel: Int
        /// The plot rectangle in output pixels.
        public var box: Rect

        /// A panel's plot rectangle `box` (output pixels).
        public init(panel: Int, box: Rect) {
            self.panel = panel
            self.box = box
        }
    }

    /// A report with the given page size (output pixels), elements and frames, e.g. one read back from the
    /// JSON a command line tool wrote.
    public init(width: Double, height: Double, elements: [Element], frames: [Frame]) {
        self.width = width
        self.height = height
        self.elements = elements
        self.frames = frames
    }

    /// The page size in output pixels.
    public var width: Double
    /// The page height in output pixels.
    public var height: Double
    /// Every text-like element, in drawing order.
    public var elements: [Element]
    /// Every panel's plot rectangle.
    public var frames: [Frame]

    /// The report of a recorded figure; `scale` is output pixels per point (dpi / 72 for PNG).
    public init(recording rec: RecordingBackend, scale: Double) {
        width = rec.size.width * scale
        height = rec.size.height * scale
        func px(_ r: Rect) -> Rect { Rect(x: r.x * scale, y: r.y * scale, width: r.width * scale, height: r.height * scale) }
        let ink = InkIndex(rec, cell: 12)
        var elements: [Element] = [], frames: [Frame] = []
        for (k, e) in rec.elements.enumerated() {
            if e.element.kind == .plotArea, let box = e.box, let panel = e.element.panel {
                frames.append(Frame(panel: panel, box: px(box)))
            }
            guard e.element.kind.isText, let box = e.box, !Self.hasTextAncestor(k, rec) else { continue }
            var truncated = e.element.cut
            var size = 0.0
            for r in rec.records[e.records] {
                guard case let .text(_, font, _, b) = r.primitive else { continue }
                size = max(size, font.size * scale)
                if let clip = r.clip, !clip.expanded(by: 0.5).containsRect(b) { truncated = true }
            }
            // A leader counts the ink it runs over or crosses, as the box does the ink under it.
            let leader = zip(e.element.leader, e.element.leader.dropFirst()).map { ink.count(near: $0, $1, within: Self.leaderReach) }.reduce(0, +)
            elements.append(Element(kind: e.element.kind, text: e.element.text, box: px(box), panel: e.element.panel,
                                    covers: ink.count(in: box) + leader, truncated: truncated, fontSize: size))
        }
        self.elements = elements
        self.frames = frames
    }

    /// How near (device points) a leader passes ink it covers: half the ink's sample spacing and a little.
    static let leaderReach = RecordingBackend.sampleSpacing / 2 + 0.5

    private static func hasTextAncestor(_ k: Int, _ rec: RecordingBackend) -> Bool {
        var p = rec.elements[k].parent
        while let i = p {
            if rec.elements[i].element.kind.isText { return true }
            p = rec.elements[i].parent
        }
        return false
    }

    /// The report as JSON (keys in a fixed order, numbers to 0.01 px): the same figure gives the same text.
    public var json: String {
        func n(_ v: Double) -> String {
            let c = Int((v * 100).rounded())
            let a = abs(c)
            let frac = a % 100
            return (c < 0 ? "-" : "") + "\(a / 100)" + (frac == 0 ? "" : "." + (frac < 10 ? "0" : "") + (frac % 10 == 0 ? "\(frac / 10)" : "\(frac)"))
        }
        func box(_ r: Rect) -> String { "[\(n(r.x)), \(n(r.y)), \(n(r.width)), \(n(r.height))]" }
        var out = "{\"width\": \(n(width)), \"height\": \(n(height)), \"elements\": ["
        out += elements.map { e in
            "\n  {\"kind\": \"\(e.kind.rawValue)\", \"text\": \(JSONText.string(e.text)), \"box\": \(box(e.box)), \"panel\": \(e.panel.map(String.init) ?? "null"), \"covers\": \(e.covers)\(e.truncated ? ", \"truncated\": true" : "")}"
        }.joined(separator: ",")
        out += elements.isEmpty ? "], \"frames\": [" : "\n], \"frames\": ["
        out += frames.map { "\n  {\"panel\": \($0.panel), \"box\": \(box($0.box))}" }.joined(separator: ",")
        out += frames.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }
}

extension Rect {
    /// True when `r` lies wholly inside this rectangle.
    func containsRect(_ r: Rect) -> Bool { r.minX >= minX && r.maxX <= maxX && r.minY >= minY && r.maxY <= maxY }
}
