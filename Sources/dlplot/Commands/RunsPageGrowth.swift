import Foundation
import Figures
import Viz

/// The default page of a runs figure whose plots lack room (see `RunsCommand.minimumShare`), in this order:
/// 1. more columns on the same page, when they give every plot its share (many metrics: a 3-column grid of
///    19 panels has 7 strips a column; 5 columns have 4 rows of plots that read);
/// 2. a larger page of the same shape, up to `FigureOptions.largestDefaultGrowth` times as wide and high (as
///    every other command grows its default page), so a 16:9 slide stays 16:9;
/// 3. only when even that is too small, a taller page, up to `maximumGrowth` times as tall: the note says
///    the shape changed.
/// The note always names the page drawn.
extension DLPlot.RunsCommand {
    /// The most columns tried for a grid of panels.
    static let mostColumns = 6

    /// A page `scale` times as wide and high (whole pixels), or nil past the largest page.
    static func scaled(_ figure: Figure, _ scale: Double, tallerOnly: Bool = false) -> Figure? {
        var f = figure
        let w = tallerOnly ? figure.size.width : figure.size.width * scale
        f.size = Size((w * f.dpi / 72).rounded(.up) * 72 / f.dpi, (figure.size.height * scale * f.dpi / 72).rounded(.up) * 72 / f.dpi)
        return max(f.size.width, f.size.height) * f.dpi / 72 <= Double(Figure.maxPixels) ? f : nil
    }

    /// The smallest growth of `figure`'s page of its own shape (1 included, by 5 % steps, below `limit`) that
    /// gives every plot its share, with the growth; nil when none does.
    static func sameShapePage(_ figure: Figure, below limit: Double) -> (Figure, Double)? {
        var s = 1.0
        while s < limit - 1e-9 {
            guard let f = scaled(figure, s) else { return nil }
            if let share = plotShare(f, rows: f.rows), share >= minimumShare { return (f, s) }
            s *= 1.05
        }
        return nil
    }

    /// Gives the plots of `figure` (on the default page) room, as the type says, and returns the note.
    func growDefaultPage(_ figure: inout Figure, tables: inout [DataTable], recipe: RunsFigure, defaultSize: String) throws -> String? {
        guard (Self.plotShare(figure, rows: figure.rows) ?? 0) < Self.minimumShare else { return nil }
        let page = "\(figure.pixelSize.width)x\(figure.pixelSize.height)", columns = figure.columns
        let share = "every plot keeps \(Int((Self.minimumShare * 100).rounded())) % of its row beside its title, axes and legend"
        let keep = keepsThePage(figure)
        // The grid as built, then more columns (not for --legend outside, which may have asked for fewer): the
        // one on the smallest page of the default's shape.
        var best: (figure: Figure, tables: [DataTable], growth: Double)?
        let limit = Self.growthLimit(figure)
        if let (f, s) = Self.sameShapePage(figure, below: limit * 1.0001) { best = (f, tables, s) }
        let count = recipe.panelCount
        if try figureOptions.layout.legendPlacement() != .outsideRight, count > columns {
            for wide in (columns + 1)...min(count, Self.mostColumns) where (best?.growth ?? 2) > 1
                && RunsFigure.panelGrid(count: count, columns: wide).rows < figure.rows {
                var wider = recipe
                wider.columns = wide
                let (f, t) = try build(wider, defaultSize: defaultSize)
                if let (g, s) = Self.sameShapePage(f, below: best.map { $0.growth * 0.99 } ?? limit * 1.0001) {
                    best = (g, t, s)
                }
            }
        }
        if let best {
            (figure, tables) = (best.figure, best.tables)
            let grid = figure.columns == columns ? "" : " in \(figure.columns) columns of \(figure.rows) row\(figure.rows == 1 ? "" : "s")"
            guard best.growth > 1 else { return "drawn\(grid) on the default \(page) page, so that \(share)" }
            let text = figure.theme.fontScale / best.growth
            return "drawn\(grid) on \(figure.pixelSize.width)x\(figure.pixelSize.height), \(TickFormat.fixed(best.growth, 2)) times as wide "
                + "and tall as the default \(page) page (the same shape; on the same screen its text is \(TickFormat.fixed(text, 2)) times "
                + "the default's size), so that \(share); " + keep
        }
        // Larger text asked for (--font-scale over 1): the page grows no further than `growthLimit`, and the
        // plots get less room rather than a page on which the text is no larger than without it.
        if figure.theme.fontScale > 1 + 1e-9, limit < FigureOptions.largestDefaultGrowth - 1e-9 {
            guard let f = Self.scaled(figure, limit), Self.plotShare(f, rows: f.rows) != nil else {
                throw ArgumentRefusal.invalid("--font-scale", TypedText.number("--font-scale", figureOptions.fontScale),
                    "the legends do not fit a page on which the text is larger than without it; "
                    + (Self.largestFittingScale(figure).map { "--font-scale \(TickFormat.shortest($0)) fits, " } ?? "")
                    + "or --legend none, or give --size to choose the page")
            }
            figure = f
            let text = figure.theme.fontScale / limit
            return "drawn on \(figure.pixelSize.width)x\(figure.pixelSize.height), \(TickFormat.fixed(limit, 2)) times as wide and tall as the "
                + "default \(page) page (the same shape; on the same screen its text is \(TickFormat.fixed(text, 2)) times the default's size, "
                + "as --font-scale asks), so the plots keep less than \(Int((Self.minimumShare * 100).rounded())) % of their row; " + keep
        }
        guard let height = Self.roomyHeight(figure, rows: figure.rows) else { return nil }
        let growth = height / figure.size.height
        figure.size = Size(figure.size.width, height)
        return "drawn on \(figure.pixelSize.width)x\(figure.pixelSize.height), \(TickFormat.fixed(growth, 1)) times as tall as the default "
            + "\(page) page (a page of its shape up to twice as large leaves the plots too little room), so that \(share); " + keep
    }

    /// Whether the plots of `figure` would have their share without any legend (so its legends take the room).
    static func legendsTakeTheRoom(_ figure: Figure) -> Bool {
        var bare = figure
        bare.pageLegend = []
        for k in bare.panels.indices { bare.modifyAxes(k) { $0.legend = .none } }
        return (plotShare(bare, rows: bare.rows) ?? 0) >= minimumShare
    }

    /// "fewer runs or --y metrics", naming only what there is more than one of (runs count only where a
    /// legend names them, metrics where there are several panels); nil when neither.
    static func fewer(_ figure: Figure, runs: Bool = true) -> String? {
        let named = figure.pageLegend.filter { !$0.continuesPrevious }.count > 1 || figure.panels.contains {
            $0.axes.legend != .none && $0.axes.marks.flatMap { $0.legendEntries }.filter { !$0.continuesPrevious }.count > 1
        }
        let what = [runs && named ? "runs" : nil, figure.panels.count > 1 ? "--y metrics" : nil].compactMap { $0 }
        return what.isEmpty ? nil : "fewer " + what.joined(separator: " or ")
    }

    /// The most the default page of `figure` may grow (of its shape): `FigureOptions.largestDefaultGrowth`, and
    /// with a --font-scale s over 1 at most s^0.75 times the growth the same figure needs at scale 1, so that on
    /// the same screen its text stays at least s^0.25 times as large as without the option (a page grown to fit
    /// the larger text cancelled it: 1.3 drew text 0.76 times the default's size, as 1 did).
    static func growthLimit(_ figure: Figure) -> Double {
        let s = figure.theme.fontScale, most = FigureOptions.largestDefaultGrowth
        guard s > 1 + 1e-9 else { return most }
        var plain = figure
        plain.theme.fontScale = 1
        let plainGrowth = sameShapePage(plain, below: most * 1.0001)?.1 ?? most
        return min(most, max(1, plainGrowth * pow(s, 0.75)))
    }

    /// The largest --font-scale (by 0.05, above 1) at which `figure` lays out on the page `growthLimit` allows, or nil.
    static func largestFittingScale(_ figure: Figure) -> Double? {
        var k = Int(((figure.theme.fontScale - 0.05) * 20 + 1e-9).rounded(.down))
        while k > 20 {
            var f = figure
            f.theme.fontScale = Double(k) / 20
            if let g = scaled(f, growthLimit(f)), plotShare(g, rows: g.rows) != nil { return Double(k) / 20 }
            k -= 1
        }
        return nil
    }

    /// What keeps the default page: --legend none when the legends take the room, else fewer metrics.
    private func keepsThePage(_ figure: Figure) -> String {
        let legends = Self.legendsTakeTheRoom(figure) && figureOptions.layout.legend?.lowercased() != "none"
        if legends { return "--legend none keeps the page" + (Self.fewer(figure).map { ", as do " + $0 } ?? "") + ", or give --size to choose one" }
        return (Self.fewer(figure, runs: false).map { $0 + " keep the page, or " } ?? "") + "give --size to choose one"
    }
}
