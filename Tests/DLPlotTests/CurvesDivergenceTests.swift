import Foundation
import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// `dlplot curves` with runs that diverge: each curve stops at its last finite value, a cross marks the
/// diverging step, the step axis covers exactly that, and the footnote says what happened.
final class CurvesDivergenceTests: XCTestCase {
    func curves(_ args: [String]) throws -> Figure { try DLPlot.CurvesCommand.parse(args).makeFigure().0 }

    func lines(_ axes: Axes) -> [LineMark] { axes.marks.compactMap { $0 as? LineMark } }
    func scatter(_ axes: Axes, _ shape: MarkerShape) -> [Point] {
        axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == shape }.flatMap(\.points)
    }

    func testAnExplodingScheduleStopsTheCurveAtItsLastFiniteStep() throws {
        // lr 0.005 · (1e308)^k: steps 0 and 1 are finite (f 10.25 → 10.046025); step 2's x, y ≈ −2.5×10³⁰⁶ are
        // finite but f overflows (not drawn, said); step 3's are not finite: diverged at step 3.
        let f = try curves(["--surface", "bowl", "--optimizers", "gd", "--schedule", "ExponentialLR(gamma=1e308)"])
        let loss = f.panels[0].axes
        let line = try XCTUnwrap(lines(loss).first)
        XCTAssertEqual(line.points.map(\.x), [0, 1, 2])
        XCTAssertEqual(line.points[0].y, 10.25, accuracy: 1e-12)
        XCTAssertEqual(line.points[1].y, 10.046025, accuracy: 1e-12)
        XCTAssertEqual(line.points[2].y, .infinity)
        // The cross at step 3 on the frame's top edge (+∞: not level with the last finite loss, which read "f = 10 at step 3").
        XCTAssertEqual(scatter(loss, .cross), [Point(3, .infinity)])
        // Every panel (loss and the lr strip) shares the same step axis: whole steps 0 … 3 with room for the cross.
        for panel in f.panels {
            XCTAssertEqual(panel.axes.xLimits, Interval(-0.5, 3.5))
            XCTAssertEqual(panel.axes.xTickLabels?.map(\.label), ["0", "1", "2", "3"])
        }
        let note = try XCTUnwrap(f.footnote)
        XCTAssertTrue(note.hasPrefix("Curves end by step 3: gd lr=0.005 diverged at step 3"), note)
        XCTAssertTrue(note.contains("gd lr=0.005: f overflows float64 (∞) at step 2, not drawn."), note)
        XCTAssertFalse(note.contains("machine precision"), note)
        XCTAssertFalse(note.contains("loss gap"), note)
    }

    func testARunThatDivergesAtStepOneShowsItsStartAndTheCross() throws {
        let f = try curves(["--surface", "rosenbrock", "--optimizers", "Adam(lr=1e308)"])
        XCTAssertEqual(f.panels.count, 2)
        let start = Point(-1.5, 2)
        let f0 = (1 - start.x) * (1 - start.x) + 100 * (start.y - start.x * start.x) * (start.y - start.x * start.x)
        // One finite value: a dot at step 0 (a line of one point draws nothing), the cross at step 1.
        XCTAssertEqual(scatter(f.panels[0].axes, .circle), [Point(0, f0)])
        // The cross on the frame's top edge at step 1 (its value is not finite).
        XCTAssertEqual(scatter(f.panels[0].axes, .cross), [Point(1, .infinity)])
        let d0 = ((start.x - 1) * (start.x - 1) + (start.y - 1) * (start.y - 1)).squareRoot()
        XCTAssertEqual(scatter(f.panels[1].axes, .circle), [Point(0, d0)])
        XCTAssertEqual(scatter(f.panels[1].axes, .cross), [Point(1, .infinity)])
        for panel in f.panels { XCTAssertEqual(panel.axes.xTickLabels?.map(\.value), [0, 1]) }
        XCTAssertEqual(f.footnote, "Curves end by step 1: adam lr=1×10³⁰⁸ diverged at step 1 (its loss is not finite from there).")
    }

    func testMixedRunsKeepTheFullAxisAndTheMachinePrecisionNoteOnlyForRunsThatGotThere() throws {
        // gd at lr 1.5 on the bowl (x ← −2x) overflows f from step 511 but x, y stay finite to step 1000; adam
        // converges: the axis keeps all 1000 steps, the footnote says where f overflows, no cross.
        let full = try curves(["--surface", "bowl", "--optimizers", "gd,adam", "--lr", "1.5"])
        XCTAssertEqual(full.panels[0].axes.xLimits, Interval(0, 1000))
        // gd's climb to 10³⁰⁸ runs away: the view keeps adam's fall (and gd's first steps), gd leaves at a triangle.
        XCTAssertEqual(full.footnote, "gd lr=1.5: f overflows float64 (∞) at steps 511–1000, not drawn. The y axes show values up to "
            + "1000 times the largest first value; lines leave the view at ▲: --data has every value.")
        XCTAssertEqual(scatter(full.panels[0].axes, .cross).map(\.x), [])

        // Every run ends early for a different reason: the note names both.
        let text = CurvesExtent.note(end: 40, steps: 1000, diverged: [("gd lr=9", 3, nil)], stopped: [], belowPrecision: true)
        XCTAssertEqual(text, "Curves end by step 40: gd lr=9 diverged at step 3 (its loss is not finite from there); from there to step 1000 "
            + "the loss gap of the other runs is 0 or below 10⁻³⁰⁰ (the minimum to machine precision).")
    }

    func testRenderedDivergentCurvesDecode() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["curves", "--surface", "bowl", "--optimizers", "gd", "--schedule", "ExponentialLR(gamma=1e308)",
                                 "-o", "c.png", "--data", "c.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("c.png"))))
        XCTAssertEqual(png.width, 1280)
    }

    /// The loss panel (its legend outside on the right) and the distance panel under it share the step axis, so
    /// they have the same width: the loss curve ended above step 13 of the lower axis for a 20-step run.
    func testStackedPanelsSharingTheStepAxisLineUp() throws {
        let f = try curves(["--surface", "bowl", "--optimizers", "gd", "--lr", "1.5", "--steps", "20"])
        let rects = try f.layoutPlotRects()
        XCTAssertEqual(rects.count, 2)
        XCTAssertEqual(rects[0].minX, rects[1].minX, accuracy: 0.01)
        XCTAssertEqual(rects[0].maxX, rects[1].maxX, accuracy: 0.01)
        // A loss-against-step figure has no view: the legend gives the end point (to three digits), not "leaves the view".
        let legend = f.panels.flatMap { $0.axes.marks.flatMap { $0.legendEntries.map(\.label) } }
        XCTAssertTrue(legend.contains("→ (2.62×10⁶, 2.1×10⁶), f = 1.13×10¹³"), "\(legend)")
        XCTAssertFalse(legend.contains { $0.contains("view") }, "\(legend)")
    }

    /// One diverging run (sgd lr=0.01 on Rosenbrock: f = 2.3×10¹¹⁴ at step 6, diverged at step 9) stretched the
    /// log axes to 10¹³⁰ and 10²⁵⁵, and the two runs that matter (sgd lr=0.001 ending at f = 4.47, adam at
    /// 0.112, from 12.5) were flat lines on the tick "1". The view now keeps values up to 10³ times the largest
    /// first value, as `runs` does; the runaway leaves the top edge at a triangle, the legend keeps its words.
    func testADivergingRunDoesNotFlattenTheOthers() throws {
        let f = try curves(["--surface", "rosenbrock", "--optimizers", "SGD(lr=0.01), SGD(lr=0.001), Adam(lr=0.05)", "--steps", "500"])
        XCTAssertEqual(f.panels.count, 2)
        let f0 = 12.5, d0 = (2.5 * 2.5 + 1.0).squareRoot()
        for (panel, first) in zip(f.panels, [f0, d0]) {
            let axes = panel.axes
            let limits = try XCTUnwrap(axes.yLimits, "a view set from the runs that stay")
            XCTAssertLessThanOrEqual(limits.upper, first * 1e3 * 1.6, "not 10¹³⁰ or 10²⁵⁵")
            XCTAssertGreaterThanOrEqual(limits.upper, first)
            // adam's end (f = 0.112, 0.6 from the minimum) is inside the view, decades above its bottom edge.
            let adam = try XCTUnwrap(lines(axes).last?.points.last)
            XCTAssertLessThan(limits.lower, adam.y / 1.05)
            XCTAssertLessThan(limits.upper / limits.lower, 1e7, "the view spans a few decades, not hundreds")
            // sgd lr=0.01 leaves the view at a triangle on its top edge, at the step where its values first exceed it.
            let sgd = try XCTUnwrap(lines(axes).first)
            let exit = try XCTUnwrap(sgd.points.first { $0.y.isFinite && $0.y > limits.upper })
            XCTAssertEqual(scatter(axes, .triangle), [Point(exit.x, limits.upper)])
            XCTAssertLessThan(exit.x, 9)
            XCTAssertEqual(scatter(axes, .cross), [Point(9, .infinity)], "the divergence cross stays at step 9")
        }
        let legend = f.panels[0].axes.marks.flatMap { $0.legendEntries.map(\.label) }
        XCTAssertTrue(legend.contains("diverged at step 9"), "\(legend)")
        let note = try XCTUnwrap(f.footnote)
        XCTAssertTrue(note.contains("The y axes show values up to 1000 times the largest first value; lines leave the view at ▲"), note)
        // Runs that stay near their start keep the automatic view: no triangle, no note.
        let calm = try curves(["--surface", "rosenbrock", "--optimizers", "SGD(lr=0.001), Adam(lr=0.05)", "--steps", "500"])
        XCTAssertNil(calm.panels[0].axes.yLimits)
        XCTAssertEqual(scatter(calm.panels[0].axes, .triangle), [])
        XCTAssertFalse(calm.footnote?.contains("▲") ?? false)
    }

    /// The help said "Left: the loss … Right: the distance", but the panels are stacked (Y9-8): it now says
    /// Top and Bottom, as the figure draws them (the loss panel's frame above the distance panel's).
    func testHelpDescribesThePanelsAsStacked() throws {
        let help = try runDLPlot(["help", "curves"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("Two panels stacked, sharing the step axis. Top: the loss gap"), help)
        XCTAssertTrue(help.contains("Bottom: the distance from the iterate to the nearest minimum"), help)
        XCTAssertFalse(help.contains("Left:") || help.contains("Right:"), help)
        let rects = try curves(["--surface", "rosenbrock", "--optimizers", "gd,adam"]).layoutPlotRects()
        XCTAssertEqual(rects.count, 2)
        XCTAssertLessThan(rects[0].maxY, rects[1].minY, "loss on top, distance below")
    }
}

