import ArgumentParser
import Figures
import Foundation
import Viz

/// Pages for many runs or many metrics: each run's legend entry takes two lines, and a legend below each
/// plot (more than three runs in a multi-panel figure) or a long grid of panels can squeeze the plots to
/// strips. On the default page the figure gets room as `growDefaultPage` says (more columns, a page of the
/// same shape, only then a taller one), until every plot has at least `minimumShare` of its row of the page,
/// and a note names the page drawn; on a page the user sized, a note says how tall the plots are and which --size gives them room.
extension DLPlot.RunsCommand {
    /// The least share of its row's height a plot must keep (the rest: its title, axes and legend).
    static let minimumShare = 0.45
    /// The most the default page grows, as a multiple of its height.
    static let maximumGrowth = 4.0

    /// The smallest share of its row's height any plot of `figure` gets (nil when it cannot be laid out).
    static func plotShare(_ figure: Figure, rows: Int) -> Double? {
        guard let rects = try? figure.layoutPlotRects(for: .png), let smallest = rects.map(\.height).min() else { return nil }
        return smallest / (figure.size.height / Double(max(rows, 1)))
    }

    /// The height (in points) at which every plot keeps `minimumShare` of its row, searched in steps of
    /// 10 % up to `maximumGrowth` times the figure's height; nil when the figure already does, or never will
    /// (then the page is kept, and a page too small is refused as for any figure).
    static func roomyHeight(_ figure: Figure, rows: Int) -> Double? {
        // A figure that cannot be laid out at all on its page (many panels) needs room as much as a squeezed one.
        guard (plotShare(figure, rows: rows) ?? 0) < minimumShare else { return nil }
        var f = figure
        let start = figure.size.height
        while f.size.height < start * maximumGrowth {
            f.size = Size(f.size.width, min(f.size.height * 1.1, start * maximumGrowth))
            guard max(f.size.width, f.size.height) * f.dpi / 72 <= Double(Figure.maxPixels) else { return nil }
            // Whole pixels: the page's height in pixels is an integer.
            f.size = Size(f.size.width, (f.size.height * f.dpi / 72).rounded(.up) * 72 / f.dpi)
            if let s = plotShare(f, rows: rows), s >= minimumShare { return f.size.height }
        }
        return nil
    }

    /// On a page the user sized, gives the plots room as the one sizing rule for runs figures says, and returns
    /// the note (nil when every plot keeps `minimumShare` of its row with the legends as built):
    /// 1. the legends as built (each run's name and its numbers), when they can be laid out on the page (a note
    ///    says how tall they leave the plots, when less than their share, and which --size gives them room);
    /// 2. else legends naming the runs only (`RunsFigure.namesOnly`: in a free corner of the plot, else beside
    ///    or below it, or in one row under the panels, whichever leaves the plots larger) with the numbers in the
    ///    footnote (a one-column paper figure, 3.5x2.5in, has room for two names, not for two lines of numbers
    ///    under each); a note says so and which --size keeps the numbers in the legend;
    /// 3. else the page is refused, naming every way that draws the figure (--size, --font-scale, --legend
    ///    outside, --legend none, fewer runs or metrics).
    ///
    /// - Throws: `ValidationError` naming `--size` as typed.
    func makeRoom(_ figure: inout Figure, rows: Int, metrics: [String] = [], animated: Bool = false) throws -> String? {
        guard let typed = figureOptions.size else { return nil }
        let before = Self.plotShare(figure, rows: rows)
        guard (before ?? 0) < Self.minimumShare else { return nil }
        // The size that keeps the numbers in the legends, measured before they move.
        let full = Self.roomyHeight(figure, rows: rows).map { sizeText(figure, height: $0, typed: typed) }
        var named: String?
        // Names only: in a free corner of each plot (or beside or below it), or in one row under the panels,
        // whichever leaves the plots more room; where --legend says, when given.
        let given = try figureOptions.layout.legendPlacement()
        let forms = animated || before != nil || !Self.hasLegends(figure) ? [] : [
            RunsFigure.namesOnly(figure, metrics: metrics, placement: given ?? .best),
            given == nil ? RunsFigure.namesOnly(figure, metrics: metrics, row: true) : nil,
        ].compactMap { $0 }.compactMap { f in Self.plotShare(f, rows: rows).map { (f, $0, Self.shortestSide(f)) } }
        if before == nil, let (names, share, _) = forms.max(by: { $0.2 < $1.2 }) {
            // What keeps the numbers in the legend: a taller page, or (the page kept: a slide) smaller text.
            let keep = [full.map { "--size \($0)" }, Self.fittingSmallerScale(figure).map { "--font-scale \(TickFormat.shortest($0))" }]
                .compactMap { $0 }.joined(separator: " or ")
            named = "the legend names the runs only and their numbers are in the footnote, so that the plots keep "
                + "\(Int((share * 100).rounded(.down))) % of their row" + (keep.isEmpty ? "" : "; \(keep) keeps the numbers in the legend")
            figure = names
            if share >= Self.minimumShare { return named }
        }
        guard let height = Self.roomyHeight(figure, rows: rows) else { return named }
        // Plots short for their titles and axes alone (a small document page) are no legend's doing: nothing to say.
        let rects = try? figure.layoutPlotRects(for: .png)
        guard rects == nil || Self.hasLegends(figure) else { return named }
        let size = sizeText(figure, height: height, typed: typed)
        // Only what there is to leave out: no "--legend none" without a legend, no "fewer runs" for one run.
        // On a page the user fixed (a slide), the smaller text that keeps it, when one does; the outside form
        // where it draws the figure.
        let scale = rects == nil ? Self.fittingSmallerScale(figure).map { "--font-scale \(TickFormat.shortest($0))" } : nil
        let outside = rects == nil && Self.drawsWithLegendsOutside(figure) ? "--legend outside" : nil
        let ways = ["--size \(size)", scale, outside, Self.hasLegends(figure) ? "--legend none" : nil, Self.fewer(figure)].compactMap { $0 }
        let advice = ways.count == 1 ? ways[0] + " gives them room"
            : ways.dropLast().joined(separator: ", ") + (ways.count > 2 ? "," : "") + " or " + (ways.last ?? "") + " give them room"
        guard let rects else {
            let what = Self.hasLegends(figure) ? "plots, titles and legends" : "plots and titles"
            throw ArgumentRefusal.invalid("--size", typed, "too small for these runs' \(what); \(advice)")
        }
        let smallest = ((rects.map(\.height).min() ?? 0) * figure.dpi / 72).rounded()
        return named.map { $0 + "; the plots are \(Int(smallest)) px tall; \(advice)" } ?? "the legends leave the plots \(Int(smallest)) px tall; \(advice)"
    }

    /// `--size` for `figure` at `height` points: in the unit typed ("3.5x4.5in"), or pixels with the resolution
    /// (a larger --size alone would also enlarge the text, see FigureOptions.resolution).
    private func sizeText(_ figure: Figure, height: Double, typed: String) -> String {
        let px = Int((height * figure.dpi / 72).rounded(.up)), wide = figure.pixelSize.width
        return Self.physicalSize(typed: typed, width: figure.size.width, height: height)
            ?? "\(wide)x\(px) --dpi \(TickFormat.shortest(figure.dpi.rounded()))"
    }

    /// The shorter side of `figure`'s smallest plot (points; 0 when it cannot be laid out): of two forms, the
    /// one whose plots are not squeezed in either direction.
    static func shortestSide(_ figure: Figure) -> Double {
        ((try? figure.layoutPlotRects(for: .png)) ?? []).map { min($0.width, $0.height) }.min() ?? 0
    }

    /// Whether `figure` lays out with each panel's legend right of its plot (`--legend outside`).
    static func drawsWithLegendsOutside(_ figure: Figure) -> Bool {
        guard hasLegends(figure) else { return false }
        var f = figure
        f.pageLegend = []
        for k in f.panels.indices { f.modifyAxes(k) { $0.legend = .outsideRight } }
        return plotShare(f, rows: f.rows) != nil
    }

    /// The largest --font-scale below the figure's, by 0.05 down to 0.5, at which every plot of `figure` keeps
    /// `minimumShare` of its row on its page; nil when none does.
    static func fittingSmallerScale(_ figure: Figure) -> Double? {
        var k = Int(((figure.theme.fontScale - 0.05) * 20 + 1e-9).rounded(.down))
        while k >= 10 {
            var f = figure
            f.theme.fontScale = Double(k) / 20
            if let share = plotShare(f, rows: f.rows), share >= minimumShare { return Double(k) / 20 }
            k -= 1
        }
        return nil
    }

    /// Whether `figure` draws any legend (its page's, or a panel's).
    static func hasLegends(_ figure: Figure) -> Bool {
        !figure.pageLegend.isEmpty || figure.panels.contains { $0.axes.legend != .none && !$0.axes.marks.flatMap { $0.legendEntries }.isEmpty }
    }

    /// The figure of `recipe` on the page --size (or `defaultSize`) gives, with the legends where --legend puts them.
    func build(_ recipe: RunsFigure, defaultSize: String) throws -> (Figure, [DataTable]) {
        let grid = RunsFigure.panelGrid(count: recipe.panelCount, columns: recipe.columns)
        var figure = try figureOptions.makeFigure(rows: grid.rows, columns: grid.columns, defaultSize: defaultSize)
        let tables = try recipe.build(into: &figure)
        // The room is measured with the legends where --legend puts them (applied again later, alike).
        // A --legend the user gave puts each panel's own legend there (none: no legend at all), not one shared by the panels.
        if let placement = try figureOptions.layout.legendPlacement() {
            figure.pageLegend = []
            for k in figure.panels.indices { figure.modifyAxes(k) { $0.legend = placement } }
        }
        return (figure, tables)
    }

    /// `--legend outside` puts each legend right of its plot. Where panels side by side leave a legend no room
    /// there (it would take more than half its panel's width, even with its numbers on lines of their own),
    /// the panels are laid out in fewer columns, down to one, and a note says so; when even one column leaves
    /// no room (a portrait or narrow page), the legends go below their plots.
    func legendsBeside(_ figure: inout Figure, tables: inout [DataTable], recipe: RunsFigure, defaultSize: String) throws -> String? {
        guard try figureOptions.layout.legendPlacement() == .outsideRight, figure.columns > 1 else { return nil }
        func beside(_ f: Figure) -> Bool {
            guard let placed = try? f.legendPlacements() else { return false }
            return placed.allSatisfy { $0 == nil || $0 == .outsideRight }
        }
        guard !beside(figure) else { return nil }
        for columns in stride(from: figure.columns - 1, through: 1, by: -1) {
            var narrower = recipe
            narrower.columns = columns
            let (f, t) = try build(narrower, defaultSize: defaultSize)
            guard beside(f) else { continue }
            figure = f
            tables = t
            return "--legend outside: the panels are drawn in \(columns) column\(columns == 1 ? "" : "s"), so that each legend fits right of its plot"
        }
        return nil
    }

    /// A page of `width`×`height` points in the unit of the --size the user typed ("16.6x23.5cm" for "16.6x9.7cm"),
    /// rounded up to a tenth; nil for a size in pixels (then the pixels and the resolution are named). Text on a
    /// page given in inches, centimetres, millimetres or points keeps its size, so no --dpi is needed.
    static func physicalSize(typed: String?, width: Double, height: Double) -> String? {
        guard let typed = typed?.lowercased() else { return nil }
        for (suffix, points) in [("in", 72.0), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1.0)] where typed.hasSuffix(suffix) {
            let up = { (v: Double) in TickFormat.shortest((v / points * 10 - 1e-9).rounded(.up) / 10) }
            let typedWidth = typed.dropLast(suffix.count).split(separator: "x").first.map(String.init) ?? up(width)
            return typedWidth + "x" + up(height) + suffix
        }
        return nil
    }
}
