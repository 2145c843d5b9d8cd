/// Notes that find no free spot in their plot move outside it, into the figure's footnote: a note that
/// names what it is about (a mark's `footnoteText`, "gd: leaves the view at step 2") and that would cover
/// data ink, another text or the legend wherever it went is said as a line of the footnote instead, and its
/// mark draws nothing. The page is laid out again (the footnote takes height from the plots), at most twice.
/// Notes without a `footnoteText` stay, pulled wholly inside the plot (see `NotePlacement`). An animation
/// lays out its last frame so, and its frames leave out the same notes.
struct NoteFootnotes {
    let renderer: FigureRenderer

    /// The layout, with crowded notes said in the footnote.
    func layout() throws(VizError) -> FigureLayout {
        var figure = renderer.figure
        var layout = try renderer.arrangedLayout()
        for _ in 0..<2 {
            let moved = crowdedNotes(layout)
            guard !moved.isEmpty else { return layout }
            var lines = figure.footnote.map { [$0] } ?? []
            for (panel, index, text) in moved {
                let old = layout.panels[panel].axes.marks[index]
                figure.modifyAxes(panel) { $0.replaceMark(at: index, with: MovedNoteMark(old, text: text)) }
                // Said once, however many notes say it (the same label crowded in several panels), and not at all
                // when the panel's legend says it already.
                let shown = layout.axes[panel].legend != nil
                if !lines.contains(text), !(shown && Self.legendSays(text, layout.panels[panel].axes, theme: figure.theme)) {
                    lines.append(text)
                }
            }
            figure.footnote = lines.joined(separator: "\n")
            layout = try FigureRenderer(figure: figure, canvas: renderer.canvas, resolution: renderer.resolution).arrangedLayout()
        }
        return layout
    }

    /// Whether `axes`' legend says what the note `text` ("leave: leaves the view at step 2") says: an entry
    /// named as the note's subject ("leave", or "gd lr=0.002" for "gd") whose further lines hold its words.
    static func legendSays(_ text: String, _ axes: Axes, theme: Theme) -> Bool {
        guard let colon = text.firstRange(of: ": ") else { return false }
        let name = String(text[..<colon.lowerBound]), words = String(text[colon.upperBound...])
        guard !name.isEmpty, !words.isEmpty else { return false }
        let entries = axes.marks.flatMap { $0.legendEntries(theme: theme) }
        var k = 0
        while k < entries.count {
            let head = entries[k].label
            k += 1
            var further = ""
            while k < entries.count, entries[k].continuesPrevious {
                further += entries[k].label + " "
                k += 1
            }
            if head == name || head.hasPrefix(name + " "), further.contains(words) { return true }
        }
        return false
    }

    /// The notes with a footnote text that no free spot in their plot would take: (panel, mark, text).
    private func crowdedNotes(_ layout: FigureLayout) -> [(Int, Int, String)] {
        var out: [(Int, Int, String)] = []
        for (k, (panel, l)) in zip(layout.panels, layout.axes).enumerated() {
            let marks = panel.axes.marks
            guard marks.contains(where: { $0.footnoteText != nil }) else { continue }
            let ctx = PlotContext(plotRect: l.plotRect, xScale: l.xScale, yScale: l.yScale, theme: renderer.figure.theme,
                                  resolution: renderer.resolution, canvas: renderer.canvas)
            let legend = l.legend.flatMap { g in l.legendOrigin.map { Rect(x: $0.x, y: $0.y, width: g.size.width, height: g.size.height) } }
            for i in NotePlacement.place(marks: marks, ctx: ctx, legend: legend).crowded {
                if let text = marks[i].footnoteText { out.append((k, i, text)) }
            }
        }
        return out
    }
}

/// What is left of a note said in the footnote: it draws nothing and keeps the note's data bounds, so the
/// axes' limits do not change.
struct MovedNoteMark: Mark {
    let bounds: Bounds?
    let zOrder: Double
    /// The footnote line said instead.
    let text: String
    init(_ note: any Mark, text: String) { bounds = note.dataBounds(); zOrder = note.zOrder; self.text = text }
    func dataBounds() -> Bounds? { bounds }
    func draw(in context: PlotContext) {}

    /// `axes` with every note whose footnote text `layout` says in its footnote left out (an animation's
    /// frames, built from the still marks and the frame's moving ones, show what the last frame shows).
    static func applying(_ layout: FigureLayout, panel: Int, to axes: inout Axes) {
        guard layout.panels.indices.contains(panel) else { return }
        let moved = Set(layout.panels[panel].axes.marks.compactMap { ($0 as? MovedNoteMark)?.text })
        guard !moved.isEmpty else { return }
        for (i, m) in axes.marks.enumerated() {
            if let t = m.footnoteText, moved.contains(t) { axes.replaceMark(at: i, with: MovedNoteMark(m, text: t)) }
        }
    }
}
