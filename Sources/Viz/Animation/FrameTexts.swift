/// What of an animation's page changes from frame to frame besides its moving marks and their legend rows:
/// footnote lines that say a moving note crowded out of its plot ("α = 1.1: leaves the view at step 3"),
/// drawn from the frame whose marks have the note on, as the note itself would be, not in the background.
/// (Legends keep the last frame's place and type size: `Animation.withLastFrameLegends()`.)
struct FrameTexts: Sendable {
    /// Footnote lines that say a moving note.
    let movingFootnotes: Set<String>

    /// No moving texts: every footnote in the background.
    static let none = FrameTexts(movingFootnotes: [])

    private init(movingFootnotes: Set<String>) {
        self.movingFootnotes = movingFootnotes
    }

    /// The moving texts of `animation`, laid out as its last frame (`layout`, measured on `canvas`).
    init(_ animation: Animation, layout: FigureLayout, canvas: any DrawingBackend) {
        let movingFrom = animation.still.panels.map(\.axes.marks.count)
        var notes = Set<String>()
        for (p, panel) in layout.panels.enumerated() where movingFrom.indices.contains(p) {
            for (i, m) in panel.axes.marks.enumerated() where i >= movingFrom[p] {
                if let moved = m as? MovedNoteMark { notes.insert(moved.text) }
            }
        }
        movingFootnotes = notes
    }

    /// The background's layout: the page texts but the moving footnote lines.
    func background(_ layout: FigureLayout) -> FigureLayout {
        guard !movingFootnotes.isEmpty else { return layout }
        var l = layout
        l.texts.removeAll { $0.kind == .footnote && movingFootnotes.contains($0.source) }
        return l
    }

    /// The page texts a frame draws over the background: the moving footnote lines whose notes its marks
    /// (`moving`, one array a panel) have.
    func frameTexts(_ layout: FigureLayout, moving: [[any Mark]]) -> [FigureLayout.Label] {
        guard !movingFootnotes.isEmpty else { return [] }
        let shown = Set(moving.joined().compactMap(\.footnoteText))
        return layout.texts.filter { $0.kind == .footnote && movingFootnotes.contains($0.source) && shown.contains($0.source) }
    }
}
