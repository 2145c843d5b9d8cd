import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// The step axis of `curves` reaches the last step either panel still draws: the distance to the minimum
/// falls to 10⁻³⁰⁰ long after the loss gap does (its square underflowed below 10⁻¹⁵⁴, which ended the axis
/// at 10⁵ while the distance curves ran into the frame), and the footnote says each thing once and only
/// when it is so (it added "Gaps in a loss curve" where no curve had a gap).
final class CurvesDistanceExtentTests: XCTestCase {
    func testTheAxisReachesTheEndOfTheDistanceCurves() throws {
        let (figure, _) = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd,momentum",
                                                          "--steps", "1000000"]).makeFigure()
        let distance = try XCTUnwrap(figure.panels.first { $0.axes.title == "Distance to the nearest minimum" })
        let lastDrawn = distance.axes.marks.compactMap { ($0 as? LineMark)?.points.last(where: \.isFinite)?.x }.max() ?? 0
        let limits = try XCTUnwrap(distance.axes.xLimits)
        XCTAssertGreaterThan(lastDrawn, 150_000, "the distance keeps falling well past step 10⁵")
        XCTAssertGreaterThanOrEqual(limits.upper, lastDrawn, "the axis ends at \(limits.upper), a curve at \(lastDrawn)")
        let note = try XCTUnwrap(figure.footnote)
        XCTAssertFalse(note.contains("Gaps"), note)
        XCTAssertTrue(note.contains("the loss gap and the distance to the minimum are 0 or below 10⁻³⁰⁰"), note)
        // The distance itself keeps its precision where squares underflow.
        XCTAssertEqual(CurvesFigure.distanceToMinimum(Point(3e-170, 4e-170), surface: try Surface(named: "ellipse")), 5e-170,
                       accuracy: 1e-184)
    }
}
