/// A legend's entries set for a column of a given width, entry by entry: the layout an outside legend
/// takes when a few long entries (a run's "leaves the view at step 5; → (0, 13984), f = −1.96×10⁸")
/// would otherwise make every entry take two or three lines, or the whole legend as wide as its longest
/// line.
extension LegendLayout {
    /// `entries` with each entry's first further line joined to its first line where the two fit
    /// `width` points together (as `joiningFirstLines` does for every entry), and every further line wider
    /// than `width` broken at its clause boundaries: after a top-level "; " first, else after a top-level
    /// ", " ("leaves the view at step 5;" / "→ (0, 13984)," / "f = −1.96×10⁸"), never inside brackets
    /// and never between a word and its number. A line with no boundary, or with math (`$…$`), stays whole.
    /// `measure` gives a label's width in points.
    static func wrapping(_ entries: [LegendEntry], width: Double, measure: (String) -> Double) -> [LegendEntry] {
        var out: [LegendEntry] = []
        var k = 0
        while k < entries.count {
            let head = entries[k]
            k += 1
            var further: [LegendEntry] = []
            while k < entries.count, entries[k].continuesPrevious {
                further.append(entries[k])
                k += 1
            }
            var first = head
            if !head.continuesPrevious, let next = further.first, measure(head.label + "  " + next.label) <= width {
                first = LegendEntry(label: head.label + "  " + next.label, sample: head.sample)
                further.removeFirst()
            }
            out.append(first)
            for line in further {
                out += wrappedLine(line.label, width: width, measure: measure).map {
                    LegendEntry(label: $0, sample: line.sample, continuesPrevious: true)
                }
            }
        }
        return out
    }

    /// `label` broken into lines of at most `width` points at its clause boundaries (see `wrapping`),
    /// each line as long as it can be; `[label]` when it fits or cannot be broken.
    static func wrappedLine(_ label: String, width: Double, measure: (String) -> Double) -> [String] {
        guard !label.contains("$"), measure(label) > width else { return [label] }
        var pieces = clauses(label, after: ";")
        if pieces.count == 1 || pieces.contains(where: { measure($0) > width }) {
            pieces = pieces.flatMap { measure($0) > width ? clauses($0, after: ",") : [$0] }
        }
        guard pieces.count > 1 else { return [label] }
        var lines: [String] = []
        for piece in pieces {
            if let last = lines.last, measure(last + " " + piece) <= width {
                lines[lines.count - 1] = last + " " + piece
            } else {
                lines.append(piece)
            }
        }
        return lines
    }

    /// `label` cut after each `separator` that stands outside parentheses and brackets and is followed by
    /// a space (the separator kept, the space dropped).
    static func clauses(_ label: String, after separator: Character) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        var pendingCut = false
        for c in label {
            if pendingCut {
                pendingCut = false
                if c == " " {
                    out.append(current)
                    current = ""
                    continue
                }
            }
            current.append(c)
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth = max(0, depth - 1) }
            if c == separator, depth == 0 { pendingCut = true }
        }
        if !current.isEmpty { out.append(current) }
        return out.filter { !$0.isEmpty }
    }
}

extension LegendLayout {
    /// Outside legends set for narrower columns (`wrapping`), one for each width from the widest entry's
    /// (first two lines joined) down to its widest first line (each entry's width, and every tenth of the
    /// widest): the entries wider than the column take
    /// more lines, the rest keep one. Each is measured as `init` measures (no taller than `maxHeight`, no
    /// wider than `maxWidth`; a little smaller, to `LegendPlacer.minimumScale`, where it would be taller or
    /// in columns); legends whose entries come out as a wider candidate's are left out.
    static func wrapCandidates(_ entries: [LegendEntry], theme: Theme, canvas: any DrawingBackend, maxHeight: Double,
                               maxWidth: Double) -> [LegendLayout] {
        guard entries.contains(where: \.continuesPrevious), !entries.contains(where: { $0.label.contains("$") }) else { return [] }
        let font = theme.legendFont
        func width(_ s: String) -> Double { TextLayout.make(s, font: font, canvas: canvas).width }
        let heads = entries.filter { !$0.continuesPrevious }.map { width($0.label) }.max() ?? 0
        let joined = joiningFirstLines(entries).map { width($0.label).rounded(.up) }
        // The entries' own widths, and steps of a tenth of the widest between them (a column between two
        // entries' widths breaks the wider ones' lines elsewhere).
        let widest = joined.max() ?? 0
        let steps = stride(from: 0.9, to: 0.15, by: -0.1).map { (widest * $0).rounded(.up) }
        var out: [LegendLayout] = []
        for w in Set(joined + steps + [heads.rounded(.up)]).sorted(by: >) where w >= heads {
            var l = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight, maxWidth: maxWidth, wrap: w)
            if let last = out.last, last.entries.map(\.label) == l.entries.map(\.label), last.font.size == l.font.size { continue }
            // Taller than the room: a little smaller (to the legend's floor, 80 %) where that makes it fit.
            for scale in [0.9, LegendPlacer.minimumScale] where l.size.height > maxHeight || l.columns > 1 {
                l = LegendLayout(entries: entries, theme: theme, canvas: canvas, maxHeight: maxHeight, maxWidth: maxWidth, scale: scale, wrap: w)
            }
            out.append(l)
        }
        return out
    }
}
