/// A page too small for its figure as given is made to fit before it is refused: the figure is drawn more
/// compactly, in steps that keep what it shows, and only a page on which even the most compact figure breaks
/// a layout rule (`FigureRenderer.checkReadable`, legends, titles) is too small.
///
/// The steps, tried in order until the figure fits (each keeps the ones before it), each first with the
/// legends where they were, then with legends placed automatically (`.best`, `.outsideRight`) below their
/// plots (in columns where the page's width holds them):
/// 1. none (the legends alone move);
/// 2. the subtitle is left out;
/// 3. each legend entry keeps its name and leaves out its further lines (the numbers of a run's end).
/// With each step, the text (all of it, `Theme.fontScale`) may shrink to four fifths of its size; when no
/// step fits so, each step is tried again with the text down to the least legible size: the smallest text
/// (notes) `Figure.minimumTextPixels` high (`Figure.minimumReadableFontScale`), and never under three fifths
/// of its size (`smallestFontFloor`). Tick labels thin out with the smaller plots on their own.
public struct PageCompaction: Sendable, Equatable {
    /// The least fraction of the font scale asked for that the first round of compaction keeps.
    public static let fontFloor = 0.8
    /// The least fraction of the font scale asked for that compaction ever keeps (a large `--font-scale`
    /// asked for is not undone).
    public static let smallestFontFloor = 0.6
    /// Legends placed automatically go below their plots.
    public var legendsBelow = false
    /// The subtitle is left out.
    public var withoutSubtitle = false
    /// Legend entries keep their names only.
    public var namesOnly = false
    /// The font scale drawn at.
    public var fontScale: Double

    /// `figure` drawn with these steps.
    public func applied(to figure: Figure) -> Figure {
        var f = figure
        f.theme.fontScale = fontScale
        if withoutSubtitle { f.subtitle = nil }
        let automatic: Set<LegendPlacement> = [.best, .outsideRight]
        for k in f.panels.indices {
            f.modifyAxes(k) { a in
                if legendsBelow, automatic.contains(a.legend) { a.legend = .below }
                if namesOnly { a.legendNamesOnly = true }
            }
        }
        return f
    }

    /// The steps that make `figure` fit its page (see the type), or nil when it fits as it is, fails for
    /// another reason than its page's size, or fits no compact form either.
    /// - Parameter format: the output format whose text metrics lay the figure out.
    public static func fitting(_ figure: Figure, for format: OutputFormat = .png) -> PageCompaction? {
        guard case let .failure(.pageTooSmall(_, _, needs)) = Result(catching: { () throws(VizError) in try figure.layoutPlotRects(for: format) }),
              needs != .readableText else { return nil }
        let asked = figure.theme.fontScale
        let legible = (figure.minimumReadableFontScale * 1000).rounded(.up) / 1000
        // Each step with the legends where they were, then below their plots.
        var levels = [[PageCompaction(fontScale: asked), PageCompaction(legendsBelow: true, fontScale: asked)]]
        if figure.subtitle != nil {
            levels.append([false, true].map { PageCompaction(legendsBelow: $0, withoutSubtitle: true, fontScale: asked) })
        }
        if figure.panels.contains(where: { $0.axes.legendEntries(theme: figure.theme).contains(where: \.continuesPrevious) }) {
            levels.append([false, true].map { PageCompaction(legendsBelow: $0, withoutSubtitle: true, namesOnly: true, fontScale: asked) })
        }
        // Each step with the text at its size, then at down to four fifths of it; when none fits so, each with
        // the text down to the least legible size (three fifths at most). The first that fits, its legends where they leave the
        // smallest plot the longer shorter side.
        for floors in [[asked, max(legible, asked * fontFloor)], [max(legible, asked * smallestFontFloor)]] {
            for level in levels {
                for floor in floors where floor <= asked {
                    let fitting = level.compactMap { $0.largestFittingFontScale(figure, downTo: floor, format: format) }
                    if let best = fitting.max(by: { $0.smallestPlotSide(figure, format: format) < $1.smallestPlotSide(figure, format: format) }) {
                        return best
                    }
                }
            }
        }
        return nil
    }

    /// The shorter side of the smallest plot of `figure` drawn so (0 when it does not fit).
    private func smallestPlotSide(_ figure: Figure, format: OutputFormat) -> Double {
        guard let rects = try? applied(to: figure).layoutPlotRects(for: format) else { return 0 }
        return rects.map { min($0.width, $0.height) }.min() ?? 0
    }

    /// These steps at the largest font scale from the one asked down to `floor` (to a thousandth) at which
    /// `figure` fits its page, or nil.
    private func largestFittingFontScale(_ figure: Figure, downTo floor: Double, format: OutputFormat) -> PageCompaction? {
        func fits(_ s: Double) -> Bool {
            var c = self
            c.fontScale = s
            return (try? c.applied(to: figure).layoutPlotRects(for: format)) != nil
        }
        // (At the asked scale itself when `floor` is that scale; below it, the asked scale was tried before.)
        let asked = fontScale
        if floor >= asked { return fits(asked) ? self : nil }
        guard fits(floor) else { return nil }
        var lo = floor, hi = asked
        for _ in 0..<6 {
            let mid = ((lo + hi) / 2 * 1000).rounded(.down) / 1000
            guard mid > lo else { break }
            if fits(mid) { lo = mid } else { hi = mid }
        }
        var c = self
        c.fontScale = lo
        return c
    }
}
