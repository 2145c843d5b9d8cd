import Optim
import Viz
import XCTest
@testable import Figures

/// S16-5: gd on the bowl at lr 1.1 lands at x = −3.0000000000000004 for 2.5·(1 − 2·1.1) = −3, on the edge of the
/// −3:3 view. It was "leaves the view at step 1", while the path was drawn on from there across the view to an
/// exit at the opposite corner: the run seemed to leave twice.
final class ViewEdgeTests: XCTestCase {
    func testAStepWithinRoundingOfTheEdgeIsOnIt() throws {
        let s = try Surface(named: "bowl")
        let plan = SurfacePlan(surface: s, start: Point2(2.5, 2), steps: 30, x: Interval(-3, 3), y: Interval(-3, 3), seed: 0)
        XCTAssertTrue(plan.inView(-3.0000000000000004, -2.4))
        XCTAssertTrue(plan.inView(3.0000000000000004, 3))
        XCTAssertFalse(plan.inView(-3.000001, 0))
        XCTAssertFalse(plan.inView(0, 3.00000001))
        let run = try XCTUnwrap(SurfaceRuns.run([OptimizerRequest(name: "gd", settings: ["lr": 1.1])], plan: plan).first)
        XCTAssertEqual(run.points[1].x, -3.0000000000000004)
        XCTAssertEqual(run.leavesView, 2)
        XCTAssertTrue(run.outcome(surface: s).hasPrefix("leaves the view at step 2"), run.outcome(surface: s))
    }
}
