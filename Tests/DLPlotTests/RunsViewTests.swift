import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot
@testable import Figures

/// What a runs figure shows when logs misbehave or the reader asks for a placement: a diverged run does not
/// flatten the others, `--legend outside` is right of the plots, bands are seen on a dark slide, and plots of
/// one row keep one height.
final class RunsViewTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    private func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    /// A log that diverges from 25 to 10³⁰⁵ beside a run near 1: the axis was "×10³⁰⁵" and the other run a
    /// flat line on its zero gridline. The view now keeps values up to 3 times the largest first value, the
    /// diverged lines leave it at a triangle, and the footnote says so.
    func testADivergedLogDoesNotFlattenTheOtherRuns() throws {
        let dir = try makeTemporaryDirectory()
        var text = "step,loss\n"
        for s in 0...40 { text += "\(s),\(1.0 / (1 + Double(s) / 10))\n" }
        try text.write(to: dir.appendingPathComponent("calm.csv"), atomically: true, encoding: .utf8)
        let diverged = fixture("csv/diverged.csv")
        let report = try LayoutSweepTests.report(["runs", dir.appendingPathComponent("calm.csv").path, diverged])
        let figure = try drawn(["runs", dir.appendingPathComponent("calm.csv").path, diverged])
        let limits = try XCTUnwrap(figure.panels.first?.axes.yLimits)
        // diverged.csv starts at 25.375 (steps 1, 2, … are 598, 19401, …): the view keeps 25.375 and the calm run.
        XCTAssertLessThan(limits.upper, 25.375 * 3, "clipped, not ×10³⁰⁵")
        XCTAssertGreaterThanOrEqual(limits.upper, 25.375)
        XCTAssertLessThanOrEqual(limits.lower, 1 / 5.0, "the calm run's lowest value (0.2) is inside")
        let foot = try XCTUnwrap(report.elements.first { $0.kind == .footnote }?.text)
        XCTAssertTrue(foot.contains("values up to 3 times the largest first value (25.4)"), foot)
        XCTAssertFalse(foot.contains("six decades"), foot)
        // A triangle on the top edge at step 1, where diverged.csv leaves the view (598 > the view's top).
        let marks = figure.panels[0].axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .triangle }
        XCTAssertEqual(marks.count, 1)
        XCTAssertEqual(marks.first?.points.first, Point(1, limits.upper))
        // The legend keeps the logged numbers.
        XCTAssertTrue(report.elements.contains { $0.text.contains("diverged at step 199 (∞) · min 25.4 at step 0") },
                      report.elements.map(\.text).joined(separator: " | "))
        // On a log axis every value is shown: no clipping, no triangle.
        let log = try drawn(["runs", dir.appendingPathComponent("calm.csv").path, diverged, "--log-y"])
        XCTAssertGreaterThan(try XCTUnwrap(log.panels.first?.axes.yLimits).upper, 1e300)
        XCTAssertFalse(log.panels[0].axes.marks.contains { ($0 as? ScatterMark)?.shape == .triangle })
    }

    /// Ordinary runs (a loss from 2.3 to 0.05, an accuracy from 10⁻⁴ to 0.9) are never clipped.
    func testOrdinaryRunsAreNotClipped() {
        let loss: [Double] = (0..<50).map { 2.3 * Foundation.exp(-Double($0) / 12) + 0.05 }
        XCTAssertNil(RunawayView([loss[...]]))
        XCTAssertNil(RunawayView([[1e-4, 0.01, 0.3, 0.9][...]]))
        XCTAssertNil(RunawayView([[0, 0, 0][...]]))
        // A spike of 10⁸ in a loss near 1 is a runaway: the view keeps the loss.
        let spike = RunawayView([[1, 0.8, 1e8, 0.6, 0.5][...]])
        XCTAssertEqual(spike?.limits.upper ?? 0, 1.025, accuracy: 1e-9, "0.5…1 padded by a tenth of its half span")
        XCTAssertEqual(spike?.exit([1, 0.8, 1e8, 0.6][...])?.index, 2)
    }

    /// `--legend outside` puts a legend right of its plot (the page measured with it there: it was measured
    /// with the legend inside, then grown), and below it only when wider than half the panel, as the help says.
    func testLegendOutsideIsRightOfThePlot() throws {
        let report = try LayoutSweepTests.report(["runs", fixture("keras/training.log"), "--y", "loss", "--legend", "outside"])
        XCTAssertEqual(report.height, 720, "the default page is kept")
        let frame = try XCTUnwrap(report.frames.first)
        let legend = try XCTUnwrap(report.elements.first { $0.kind == .legend })
        XCTAssertGreaterThan(legend.box.minX, frame.box.maxX, "right of the plot")
        XCTAssertLessThan(legend.box.minY, frame.box.maxY, "beside it, not below")
        let help = try runDLPlot(["help", "runs"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        XCTAssertTrue(help.contains("outside (right of the plot, an entry's numbers on lines of their own if need be; below it only "
            + "when even so it would take more than half the panel's width, as on a portrait page or narrow panels)"), help)
    }

    /// Groups' legends ("min 0.19 at step 642 · final 0.335 (runs 0.287–0.424)") were wider than half the panel,
    /// so `--legend outside` put them below. Their numbers now go on lines of their own, right of the plot; two
    /// panels side by side that leave no room even so are drawn in one column, with a note.
    func testLegendOutsideKeepsGroupLegendsRightOfThePlots() throws {
        let one = try LayoutSweepTests.report(["runs", fixture("tensorboard/digits"), "--group", "seed[0-9]+", "--y", "val/loss",
                                               "--legend", "outside"])
        XCTAssertEqual([one.width, one.height], [1280, 720], "the default page is kept")
        let frame = try XCTUnwrap(one.frames.first)
        let legend = try XCTUnwrap(one.elements.first { $0.kind == .legend })
        XCTAssertGreaterThan(legend.box.minX, frame.box.maxX, "right of the plot")
        XCTAssertLessThan(legend.box.minY, frame.box.midY, "beside it, from its top")
        XCTAssertGreaterThan(frame.box.width, 1280 * 0.5, "the plot keeps more than half the page's width")
        // Its lines: the name, then each number on its own.
        XCTAssertEqual(legend.text, "adam (mean of 3 runs); min 0.270 at step 659; final 0.270; (runs 0.264–0.276); "
            + "sgd (mean of 3 runs); min 0.203 at step 659; final 0.203; (runs 0.198–0.209)")
        let figure = try drawn(["runs", fixture("tensorboard/digits"), "--group", "seed[0-9]+", "--y", "val/loss", "--legend", "outside"])
        XCTAssertEqual(try figure.legendPlacements(), [.outsideRight])
        // Two metrics on a page with room for one column of them: one column, each legend right of its plot.
        let dir = try makeTemporaryDirectory()
        let args = ["runs", fixture("tensorboard/digits"), "--group", "seed[0-9]+", "--legend", "outside", "--size", "1280x800",
                    "-o", "two.png", "--layout-report", "two.json"]
        let run = try runDLPlot(args, in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("--legend outside: the panels are drawn in 1 column, so that each legend fits right of its plot"),
                      run.stderr)
        let two = try LayoutSweepTests.report(Array(args.dropLast(4)))
        XCTAssertEqual(two.frames.count, 2)
        let legends = two.elements.filter { $0.kind == .legend }
        XCTAssertEqual(legends.count, 2)
        for (f, l) in zip(two.frames.sorted { $0.box.minY < $1.box.minY }, legends.sorted { $0.box.minY < $1.box.minY }) {
            XCTAssertGreaterThan(l.box.minX, f.box.maxX, "right of its plot")
            XCTAssertLessThan(l.box.minY, f.box.maxY, "beside it")
        }
    }

    /// Bands stand out from a dark plot's background (a 0.2 band there vanished on a projector) and from a
    /// light or print one.
    func testBandsAreSeenOnEveryTheme() throws {
        func contrast(_ a: Color, _ b: Color) -> Double {
            (max(a.luminance, b.luminance) + 0.05) / (min(a.luminance, b.luminance) + 0.05)
        }
        for theme in Theme.all {
            for k in 0..<4 {
                let color = TrajectoryStyle(index: k, theme: theme, width: 1).color
                let alpha = GroupCurve.bandAlpha(color, on: theme.plotBackground)
                let band = theme.plotBackground.mixed(with: color.withAlpha(1), alpha)
                let dark = theme.plotBackground.luminance < 0.2
                XCTAssertGreaterThanOrEqual(contrast(band, theme.plotBackground), alpha < 0.5 ? (dark ? 1.9 : 1.3) : 1.05,
                                            "\(theme.name) series \(k): alpha \(alpha)")
            }
        }
        // The dark theme's first band, drawn: its pixels differ clearly from the background.
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["runs", fixture("tensorboard/digits"), "--group", "seed[0-9]+", "--theme", "dark",
                                 "--y", "train/loss", "--legend", "none", "-o", "d.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = try DecodedPNG(Array(try Data(contentsOf: dir.appendingPathComponent("d.png"))))
        let bg = png.pixel(png.width / 2, png.height - 3)
        var strongest = 0
        for y in stride(from: png.height / 4, to: png.height * 3 / 4, by: 2) {
            for x in stride(from: png.width / 4, to: png.width * 3 / 4, by: 2) {
                let p = png.pixel(x, y)
                // Band pixels: bluish or orange tints below the lines' brightness.
                let d = abs(Int(p.r) - Int(bg.r)) + abs(Int(p.g) - Int(bg.g)) + abs(Int(p.b) - Int(bg.b))
                if d < 200 { strongest = max(strongest, d) }
            }
        }
        XCTAssertGreaterThan(strongest, 90, "a band pixel stands out from the background \(bg)")
    }

    /// Two panels of one row, one legend inside and one below: the plots keep one height (F4.14).
    func testPanelsOfOneRowKeepOneHeight() throws {
        let dir = try makeTemporaryDirectory()
        try "step,loss,kl\n0,1,0\n1,0.1,-0.01\n2,0.01,0.02\n3,0,0.05\n4,0.001,0.04\n"
            .write(to: dir.appendingPathComponent("lz.csv"), atomically: true, encoding: .utf8)
        let report = try LayoutSweepTests.report(["runs", dir.appendingPathComponent("lz.csv").path, "--y", "loss,kl", "--log-y"])
        XCTAssertEqual(report.frames.count, 2)
        XCTAssertEqual(report.frames[0].box.height, report.frames[1].box.height, accuracy: 0.5)
        XCTAssertEqual(report.frames[0].box.minY, report.frames[1].box.minY, accuracy: 0.5)
    }

    private func drawn(_ args: [String]) throws -> Figure {
        let parsed = try DLPlot.parseAsRoot(args)
        guard let command = parsed as? any FigureCommand else { throw FigureError("not a figure command") }
        var (figure, _) = try command.makeFigure()
        try command.figureOptions.layout.apply(to: &figure, yAxis: !command.drawsItsOwnYAxis)
        return figure
    }
}
