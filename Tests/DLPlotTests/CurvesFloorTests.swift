import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Y14-22 (issue 17 §2): gd at lr 0.5 on the bowl lands on the minimum at step 1 (f = 0); on the log panels it was
/// only a dot at step 0 beside adam's curve, and nothing said why. It gets a ▼ on each panel's bottom edge at
/// step 1 and a footnote, as overflow gets its "not drawn" note.
final class CurvesFloorTests: XCTestCase {
    private func floors(_ axes: Axes) -> [ScatterMark] {
        axes.marks.compactMap { (($0 as? TimedMark)?.mark ?? $0) as? ScatterMark }.filter { $0.shape == .triangleDown }
    }

    func testARunThatReachesZeroIsMarkedAndSaid() throws {
        let (figure, _) = try DLPlot.CurvesCommand.parse(["--surface", "bowl", "--optimizers", "gd,adam", "--lr", "0.5"]).makeFigure()
        let loss = try XCTUnwrap(figure.panels.first { $0.axes.title == "Loss" })
        let distance = try XCTUnwrap(figure.panels.first { $0.axes.title == "Distance to the nearest minimum" })
        for panel in [loss, distance] {
            let marks = floors(panel.axes)
            XCTAssertEqual(marks.count, 1, "\(panel.axes.title ?? "")")
            XCTAssertEqual(marks.first?.points, [Point(1, -.infinity)], "at step 1, on the bottom edge")
            XCTAssertEqual(marks.first?.pinsNonFiniteY, true)
        }
        let note = try XCTUnwrap(figure.footnote)
        XCTAssertTrue(note.contains("gd lr=0.5 reaches the minimum exactly: the loss gap is 0 from step 1 (the distance from step 1), "
                                    + "below any log scale: ▼ on the bottom edge."), note)
        XCTAssertFalse(note.contains("adam"), note)
        // A run that never reaches 0 gets neither.
        let (plain, _) = try DLPlot.CurvesCommand.parse(["--surface", "bowl", "--optimizers", "adam", "--lr", "0.5", "--steps", "50"]).makeFigure()
        XCTAssertTrue(plain.panels.allSatisfy { floors($0.axes).isEmpty })
        XCTAssertFalse(plain.footnote?.contains("▼") ?? false)
    }

    /// gd alone: the axis reaches step 1, where the ▼ is, and the footnote that says the curves end at 0 says it once.
    func testARunAloneEndsItsAxisAtItsTriangle() throws {
        let (figure, _) = try DLPlot.CurvesCommand.parse(["--surface", "bowl", "--optimizers", "gd", "--lr", "0.5"]).makeFigure()
        let loss = try XCTUnwrap(figure.panels.first { $0.axes.title == "Loss" })
        XCTAssertEqual(floors(loss.axes).first?.points, [Point(1, -.infinity)])
        let limits = try XCTUnwrap(loss.axes.xLimits)
        XCTAssertTrue(limits.lower < 1 && limits.upper > 1, "\(limits)")
        XCTAssertEqual(figure.footnote, "Curves end by step 1: from there to step 1000 the loss gap and the distance to the minimum are 0 "
                       + "or below 10⁻³⁰⁰ (the minimum to machine precision).")
    }

    func testTheFloorIsTheLastRunOfValuesBelowTheScale() {
        XCTAssertEqual(CurvesFigure.floorIndex([4, 1, 0, 0]), 2)
        XCTAssertEqual(CurvesFigure.floorIndex([4, 0, 1, 0]), 3, "a gap is not the end")
        XCTAssertNil(CurvesFigure.floorIndex([4, 1, 1e-200]))
        XCTAssertNil(CurvesFigure.floorIndex([4, .nan]), "a divergence is not a floor")
        XCTAssertEqual(CurvesFigure.floorIndex([3, 2.5, 2], offset: 2), 2)
    }
}
