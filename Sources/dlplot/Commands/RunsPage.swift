import ArgumentParser
import Foundation
import Viz

/// Pages for many runs or many metrics: each run's legend entry takes two lines, and a legend below each
/// plot (more than three runs in a multi-panel figure) or a long grid of panels can squeeze the plots to
/// strips. On the default page the figure grows taller, as a notebook's figure grows with its facets,
/// until every plot has at least `minimumShare` of its row of the page (up to `maximumGrowth` times the
/// default height), and a note names the page drawn (a 16:9 slide become a portrait page is never silent);
/// on a page the user sized, a note says how tall the plots are and which --size gives them room.
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

    /// Grows the default page (see the type's rules) and returns the note naming it, or on a page the user sized returns a note saying how
    /// small the plots are and which size gives them room. A page the user sized on which the plots cannot
    /// be laid out at all is refused here, with that size as the advice (one line; the generic advice,
    /// which only makes the text fit, gave plots 70 px tall).
    ///
    /// - Throws: `ValidationError` naming `--size` as typed.
    func makeRoom(_ figure: inout Figure, rows: Int) throws -> String? {
        guard let height = Self.roomyHeight(figure, rows: rows) else { return nil }
        guard let typed = figureOptions.size else {
            // Never silently: a 16:9 slide that became a portrait page would be letter-boxed on a projector.
            let page = "\(figure.pixelSize.width)x\(figure.pixelSize.height)", growth = height / figure.size.height
            var bare = figure
            for k in bare.panels.indices { bare.modifyAxes(k) { $0.legend = .none } }
            let keep = Self.roomyHeight(bare, rows: rows) == nil && figureOptions.layout.legend?.lowercased() != "none"
                ? "--legend none keeps the page, as do fewer runs or --y metrics" : "fewer --y metrics keep the page"
            figure.size = Size(figure.size.width, height)
            return "drawn on \(figure.pixelSize.width)x\(figure.pixelSize.height), \(TickFormat.fixed(growth, 1)) times as tall as the default "
                + "\(page) page, so that every plot keeps \(Int((Self.minimumShare * 100).rounded())) % of its row beside its title, axes and legend; "
                + keep + ", or give --size to choose one"
        }
        let px = Int((height * figure.dpi / 72).rounded(.up)), wide = figure.pixelSize.width
        let rects = try? figure.layoutPlotRects(for: .png)
        // The resolution named too: a larger --size alone would also enlarge the text (see FigureOptions.resolution).
        let dpi = TickFormat.shortest(figure.dpi.rounded())
        let size = Self.physicalSize(typed: figureOptions.size, width: figure.size.width, height: height)
            ?? "\(wide)x\(px) --dpi \(dpi)"
        let advice = "--size \(size), --legend none, or fewer runs or --y metrics"
        guard let rects else {
            throw ArgumentRefusal.invalid("--size", typed, "too small for these runs' plots, titles and legends; \(advice) give them room")
        }
        let smallest = ((rects.map(\.height).min() ?? 0) * figure.dpi / 72).rounded()
        return "the legends leave the plots \(Int(smallest)) px tall; \(advice) give them room"
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
