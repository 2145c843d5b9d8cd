/// A legend measured and arranged in columns; drawn at any top-left origin.
struct LegendLayout {
    var entries: [LegendEntry]
    var labels: [TextLayout]
    var columns: Int
    var rowsPerColumn: Int
    var columnWidths: [Double]
    var rowHeight: Double
    var sampleWidth: Double
    var padding: Double
    var font: Font
    var size: Size
    /// Whether each entry's first further line is joined to its first (`joiningFirstLines`).
    var joined: Bool
    /// Whether further lines are split at their " · " separators (`splittingFurtherLines`).
    var split: Bool
    /// The label width (points, at scale 1) its entries were set for, entry by entry (`wrapping`), or nil.
    var wrap: Double?

    /// Measures a legend no taller than `maxHeight` (more columns) and, when possible, no wider than
    /// `maxWidth` (fewer columns); `scale` shrinks the legend font; `joined` joins each entry's first
    /// further line to its first line; `split` splits further lines at their separators (a narrower legend);
    /// `reserve` (one text a given entry, `Axes.legendReserve`) widens each row to hold that text too;
    /// `wrap` (points at scale 1, instead of `joined`/`split`) sets each entry for labels that wide.
    init(entries given: [LegendEntry], theme: Theme, canvas: any DrawingBackend, maxHeight: Double, maxWidth: Double, scale: Double = 1,
         joined: Bool = false, split: Bool = false, wrap: Double? = nil, reserve: [String] = []) {
        let font = theme.legendFont.scaled(scale)
        let entries = wrap.map { w in Self.wrapping(given, width: w * scale) { TextLayout.make($0, font: font, canvas: canvas).width } }
            ?? (joined ? Self.joiningFirstLines(given) : split ? Self.splittingFurtherLines(given) : given)
        self.entries = entries
        self.wrap = wrap
        self.joined = joined && wrap == nil
        self.split = split && !joined && wrap == nil
        self.font = font
        labels = entries.map { TextLayout.make($0.label, font: font, canvas: canvas) }
        let room = wrap != nil ? [] : Self.reservedWidths(given, reserve: reserve, joined: joined, split: split && !joined, rows: entries.count,
                                                          font: font, canvas: canvas)
        padding = font.size * 0.55
        sampleWidth = font.size * 2.4
        rowHeight = max(font.size * 1.45, (labels.map(\.height).max() ?? 0) + font.size * 0.3)
        let fitRows = max(1, Int(((maxHeight - 2 * padding) / rowHeight).rounded(.down)))
        var cols = max(1, Int((Double(entries.count) / Double(fitRows)).rounded(.up)))
        var widths: [Double] = []
        var rows = 1
        let labels = self.labels, sampleWidth = self.sampleWidth
        while true {
            rows = Self.rows(entries, columns: cols)
            cols = Int((Double(entries.count) / Double(rows)).rounded(.up))
            widths = (0..<cols).map { c in
                let slice = labels.indices.filter { $0 / rows == c }
                return (slice.map { max(labels[$0].width, room.indices.contains($0) ? room[$0] : 0) }.max() ?? 0) + sampleWidth + font.size * 0.5
            }
            let total = widths.reduce(0, +) + Double(cols - 1) * font.size + 2 * padding
            if total <= maxWidth || cols == 1 { break }
            cols -= 1
        }
        columns = cols
        rowsPerColumn = rows
        columnWidths = widths
        let width = widths.reduce(0, +) + Double(cols - 1) * font.size + 2 * padding
        size = Size(width, Double(rows) * rowHeight + 2 * padding - font.size * 0.2)
    }

    /// The width each row must hold for `reserve` (see `init`): the reserve's texts in the given entries'
    /// places, joined as the entries are; empty when there is no reserve or its rows do not match.
    static func reservedWidths(_ given: [LegendEntry], reserve: [String], joined: Bool, split: Bool, rows: Int, font: Font,
                               canvas: any DrawingBackend) -> [Double] {
        guard !reserve.isEmpty else { return [] }
        let standIns = given.enumerated().map { k, e in
            LegendEntry(label: k < reserve.count ? reserve[k] : e.label, sample: e.sample, continuesPrevious: e.continuesPrevious)
        }
        let rowsHeld = joined ? joiningFirstLines(standIns) : split ? splittingFurtherLines(standIns) : standIns
        guard rowsHeld.count == rows else { return [] }
        return rowsHeld.map { TextLayout.make($0.label, font: font, canvas: canvas).width }
    }

    /// `entries` with each entry's first further line (`continuesPrevious`) appended to its first line after a
    /// space ("series A → (0.97, 0.95), f = 7.37×10⁻⁴"): a legend of half as many rows, for a page too
    /// short for two lines an entry. Later further lines stay lines of their own.
    static func joiningFirstLines(_ entries: [LegendEntry]) -> [LegendEntry] {
        var out: [LegendEntry] = []
        var joinable = false
        for e in entries {
            if e.continuesPrevious, joinable, let head = out.popLast() {
                out.append(LegendEntry(label: head.label + "  " + e.label, sample: head.sample))
                joinable = false
            } else {
                out.append(e)
                joinable = !e.continuesPrevious
            }
        }
        return out
    }

    /// `entries` with each further line (`continuesPrevious`) split at its " · " separators into lines of their
    /// own ("min 0.19 at step 642 · final 0.335" as two lines), and a closing parenthesis of more than one word
    /// on a line of its own ("final 0.335" and "(runs 0.29–0.42)"; "diverged at step 3 (NaN)" stays whole): a legend about half as wide and taller, for the room right
    /// of a plot. First lines and text with math (`$…$`) stay whole.
    static func splittingFurtherLines(_ entries: [LegendEntry]) -> [LegendEntry] {
        entries.flatMap { e -> [LegendEntry] in
            guard e.continuesPrevious, !e.label.contains("$") else { return [e] }
            // A parenthesis that follows a part ("final 0.228 (runs 0.18–0.30)") is a line of its own too.
            let parts = e.label.split(separator: " · ").flatMap { part -> [String] in
                guard let open = part.firstRange(of: " ("), part.hasSuffix(")"), part[open.upperBound...].contains(" ") else {
                    return [String(part)]
                }
                return [String(part[..<open.lowerBound]), String(part[open.lowerBound...].dropFirst())]
            }.filter { !$0.isEmpty }
            // A line without separators is split after its last top-level comma ("→ (0.098, 0.20)," and
            // "f = −0.0295"): the last item of a list on a line of its own.
            guard parts.count > 1 else { return lastItemApart(e.label).map { LegendEntry(label: $0, sample: e.sample, continuesPrevious: true) } }
            return parts.map { LegendEntry(label: $0, sample: e.sample, continuesPrevious: true) }
        }
    }

    /// `label` split after its last comma outside parentheses and brackets (the comma kept on the first
    /// line), or `[label]` when it has none or either part would be empty.
    static func lastItemApart(_ label: String) -> [String] {
        var depth = 0, cut: String.Index?
        var i = label.startIndex
        while i < label.endIndex {
            let c = label[i]
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
            let next = label.index(after: i)
            if c == ",", depth == 0, next < label.endIndex, label[next] == " " { cut = next }
            i = next
        }
        guard let cut else { return [label] }
        let first = String(label[..<cut]), rest = String(label[cut...].drop { $0 == " " })
        return first.isEmpty || rest.isEmpty ? [label] : [first, rest]
    }

    /// The fewest rows per column for at most `columns` columns such that no column starts with a
    /// continuation line (an entry's lines stay together).
    static func rows(_ entries: [LegendEntry], columns: Int) -> Int {
        var r = max(1, Int((Double(entries.count) / Double(max(1, columns))).rounded(.up)))
        while r < entries.count, stride(from: r, to: entries.count, by: r).contains(where: { entries[$0].continuesPrevious }) { r += 1 }
        return r
    }

    func draw(at origin: Point, canvas: any DrawingBackend, theme: Theme) {
        let box = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        canvas.fill(Path(rect: box), theme.background.withAlpha(0.88))
        canvas.stroke(Path(rect: box), StrokeStyle(color: theme.gridColor.mixed(with: theme.foreground, 0.25), width: 0.6))
        var x = origin.x + padding
        for c in 0..<columns {
            for r in 0..<rowsPerColumn {
                let k = c * rowsPerColumn + r
                guard k < entries.count else { break }
                let cy = origin.y + padding + (Double(r) + 0.5) * rowHeight - font.size * 0.1
                let s0 = Point(x, cy), s1 = Point(x + sampleWidth, cy)
                switch entries[k].sample {
                case let .line(style, marker):
                    var st = style
                    st.width = min(style.width, font.size * 0.3)
                    Self.fitDashes(&st, sampleWidth: sampleWidth)
                    var p = Path(); p.move(to: s0); p.line(to: s1)
                    canvas.stroke(p, st)
                    if let marker {
                        let path = marker.path(at: Point((s0.x + s1.x) / 2, cy), size: font.size * 0.6)
                        if marker.isStrokeOnly { canvas.stroke(path, StrokeStyle(color: style.color, width: 1.2)) } else { canvas.fill(path, style.color) }
                    }
                case let .patch(color, edge):
                    let r = Rect(x: x, y: cy - font.size * 0.4, width: sampleWidth, height: font.size * 0.8)
                    canvas.fill(Path(rect: r), color)
                    if let edge { canvas.stroke(Path(rect: r), StrokeStyle(color: edge, width: 0.8)) }
                case let .marker(shape, color):
                    let path = shape.path(at: Point(x + sampleWidth / 2, cy), size: font.size * 0.75)
                    if shape.isStrokeOnly { canvas.stroke(path, StrokeStyle(color: color, width: 1.4)) } else {
                        canvas.fill(path, color); canvas.stroke(path, StrokeStyle(color: theme.background, width: 0.6))
                    }
                case let .outlined(shape, fill, edge):
                    let path = shape.path(at: Point(x + sampleWidth / 2, cy), size: font.size * 0.75)
                    if !shape.isStrokeOnly { canvas.fill(path, fill) }
                    canvas.stroke(path, StrokeStyle(color: edge, width: 1))
                }
                canvas.draw(labels[k], at: Point(x + sampleWidth + font.size * 0.45, cy), anchor: TextAnchor(0, .middle), color: theme.foreground)
            }
            x += columnWidths[c] + font.size
        }
    }

    /// A legend's line sample shows its whole dash pattern. A pattern longer than the sample (a dash-dot of
    /// 22.4 + 4.8 + 6.4 + 4.8 against 25) showed only its first dash, a solid line whose key did not match the
    /// plot: it is scaled to 90 % of the sample, with flat caps so that its shortened gaps stay open.
    static func fitDashes(_ style: inout StrokeStyle, sampleWidth: Double) {
        let period = style.dash.reduce(0, +)
        guard style.dash.count >= 2, period > 0.9 * sampleWidth else { return }
        let scale = 0.9 * sampleWidth / period
        style.dash = style.dash.map { $0 * scale }
        style.cap = .butt
    }
}
