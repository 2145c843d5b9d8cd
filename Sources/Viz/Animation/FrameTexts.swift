/// What of an animation's page changes from frame to frame besides its moving marks and their legend rows:
///
/// - footnote lines that say a moving note crowded out of its plot ("α = 1.1: leaves the view at step 3"):
///   drawn from the frame whose marks have the note on, as the note itself would be, not in the background;
/// - legends whose rows in some frame are wider than the page or plot leaves them (a loss of `1.7×10⁻³⁶`
///   where the last frame says `0`): drawn in every frame before the last at one smaller type size that fits
///   the widest, so the box neither leaves the page nor changes size from frame to frame. The last frame is
///   the still figure's.
struct FrameTexts: Sendable {
    /// Footnote lines that say a moving note.
    let movingFootnotes: Set<String>
    /// Per panel, the factor on the last frame's legend type size for the frames before it (1: the same).
    let legendScales: [Double]

    /// No moving texts: every footnote in the background, legends at the last frame's size.
    static let none = FrameTexts(movingFootnotes: [], legendScales: [])

    private init(movingFootnotes: Set<String>, legendScales: [Double]) {
        self.movingFootnotes = movingFootnotes
        self.legendScales = legendScales
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
        legendScales = FrameTexts.legendScales(animation, layout: layout, canvas: canvas)
    }

    /// Per panel, the factor that fits the widest legend of the frames before the last in the room its box
    /// has: to the page's right edge for a legend outside the plot, to the plot's right edge inside it.
    private static func legendScales(_ animation: Animation, layout: FigureLayout, canvas: any DrawingBackend) -> [Double] {
        let last = animation.frameCount - 1
        guard last > 0, layout.axes.contains(where: { $0.legend != nil }) else { return [] }
        let theme = animation.still.theme, page = animation.still.size.width
        let frames = (0..<last).map { animation.moving($0) }
        return layout.axes.indices.map { p -> Double in
            guard let old = layout.axes[p].legend, let origin = layout.axes[p].legendOrigin else { return 1 }
            let plot = layout.axes[p].plotRect
            let edge = origin.x < plot.maxX ? plot.maxX - 1 : page - old.font.size * 0.3
            let room = edge - origin.x
            var widest = old.size.width
            for moving in frames {
                var axes = animation.still.panels[p].axes
                if moving.indices.contains(p) { axes.add(contentsOf: moving[p]) }
                let given = axes.marks.flatMap { $0.legendEntries(theme: theme) }
                let entries = old.joined ? LegendLayout.joiningFirstLines(given) : given
                guard !entries.isEmpty, entries.map(\.label) != old.entries.map(\.label) else { continue }
                let legend = LegendLayout(entries: given, theme: theme, canvas: canvas, maxHeight: old.size.height + old.rowHeight / 2,
                                          maxWidth: .infinity, scale: old.font.size / theme.legendFont.size, joined: old.joined)
                widest = max(widest, legend.size.width)
            }
            return widest > room + 0.5 && room > 0 ? max(0.5, room / widest) : 1
        }
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

    /// The factor on the legend type size of panel `p` in a frame before the last.
    func legendScale(_ p: Int) -> Double { legendScales.indices.contains(p) ? legendScales[p] : 1 }
}
