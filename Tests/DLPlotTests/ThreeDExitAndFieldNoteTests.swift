import Foundation
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// A run that leaves the view in the 3-D view is drawn to the box's edge with an arrowhead; the legend
/// names both the exit and a later divergence; the note for a field with no contours fits its plot.
final class ThreeDExitAndFieldNoteTests: XCTestCase {
    func testA3DRunThatLeavesIsDrawnToTheEdgeWithAnArrowhead() throws {
        // GD on x² + y² at lr 1.5 multiplies (x, y) by −2 a step: from (2.5, 2) to (−5, −4), outside [−3, 3]².
        let figure = try DLPlot.SurfaceCommand.parse(["bowl", "--view", "3d", "--optimizers", "gd", "--lr", "1.5", "--steps", "5"])
            .makeFigure().0
        let mark = try XCTUnwrap(figure.panels[0].axes.marks.compactMap { $0 as? SurfaceMark }.first)
        XCTAssertEqual(mark.openEnds, [0])
        let path = mark.extraPaths[0].points
        let end = try XCTUnwrap(path.last)
        // The segment (2.5, 2) → (−5, −4) meets the edge x = −3 at t = 0.7333: y = 2 − 6·0.7333 = −2.4.
        XCTAssertEqual(end.x, -3, accuracy: 1e-9)
        XCTAssertEqual(end.y, -2.4, accuracy: 1e-9)
        XCTAssertEqual(end.z, 9 + 5.76, accuracy: 0.2, "lifted onto the surface")
        XCTAssertGreaterThan(path.count, 20, "the segment is cut to follow the surface")
        let png = try figure.render(as: .png)
        XCTAssertGreaterThan(png.count, 1000)
    }

    func testTheLegendSaysARunLeftTheViewBeforeItDiverged() throws {
        // Himmelblau from (0, 0) with GD lr 0.5: ∇f(0, 0) = (−14, −22), so step 1 lands on (7, 11), outside the
        // view; the run overflows later.
        let figure = try DLPlot.SurfaceCommand.parse(["himmelblau", "--view", "3d", "--optimizers", "gd,adam", "--lr", "0.5", "--start=0,0"])
            .makeFigure().0
        let legend = figure.panels[0].axes.marks.flatMap { $0.legendEntries.map(\.label) }
        XCTAssertTrue(legend.contains { $0.hasPrefix("leaves the view at step 1, diverged at step ") }, "\(legend)")
        let mark = try XCTUnwrap(figure.panels[0].axes.marks.compactMap { $0 as? SurfaceMark }.first)
        XCTAssertTrue(mark.openEnds.contains(0), "gd's path ends in an arrowhead at the edge")
    }

    func testTheNoteForLevelsOutsideTheDataFitsThePlotOnce() throws {
        // Bowl on [−3, 3]²: f spans 2×10⁻⁴ … 18, so levels 1000 and 2000 draw nothing.
        let figure = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--levels", "1000,2000"]).makeFigure().0
        let report = try figure.layoutReport()
        let notes = report.elements.filter { $0.text.hasPrefix("no contour level lies within the data range") }
        XCTAssertEqual(notes.count, 1, "\(notes.map(\.kind))")
        let note = try XCTUnwrap(notes.first), frame = try XCTUnwrap(report.frames.first).box
        XCTAssertGreaterThanOrEqual(note.box.minX, frame.minX - 1)
        XCTAssertLessThanOrEqual(note.box.maxX, frame.maxX + 1)
        XCTAssertFalse(note.truncated)
        let problems = LayoutChecks.problems(report).filter { $0.contains("no contour level") }
        XCTAssertEqual(problems, [])
    }

    func testAConstantFieldNoteFitsANarrowPanel() throws {
        // A landscape whose runs never move (lr 1e-300): the PCA planes are flat, their note once per panel, inside it.
        let figure = try DLPlot.LandscapeCommand.parse(["--task", "xor", "--sgd-lr", "1e-300", "--adam-lr", "1e-300", "--steps", "20", "--grid", "11"])
            .makeFigure().0
        let report = try figure.layoutReport()
        let notes = report.elements.filter { $0.text.hasPrefix("constant field") }
        XCTAssertFalse(notes.isEmpty)
        for note in notes {
            let frame = try XCTUnwrap(report.frames.first { $0.box.intersects(note.box) }).box
            XCTAssertGreaterThanOrEqual(note.box.minX, frame.minX - 1, "\(note.box) in \(frame)")
            XCTAssertLessThanOrEqual(note.box.maxX, frame.maxX + 1, "\(note.box) in \(frame)")
        }
        XCTAssertEqual(Set(notes.map { "\($0.box)" }).count, notes.count, "each note drawn once")
    }
}
