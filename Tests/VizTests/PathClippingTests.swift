import XCTest
@testable import Viz

/// One clipping and marking rule for paths: drawn up to the edge where they first leave the view,
/// with one exit, nothing from later steps; points on any edge (the top included) count as inside.
final class PathClippingTests: XCTestCase {
    private let rect = Rect(x: 0, y: 0, width: 100, height: 100)

    func testNothingAfterTheFirstExitIsDrawn() {
        // gd on the bowl with lr 1.5: the path leaves, comes back across the view, leaves again.
        let device = [Point(80, 20), Point(-40, 140), Point(200, -100), Point(50, 50)]
        let part = PathMark.visiblePart(device, in: rect)
        XCTAssertEqual(part.points.count, 2, "the start and the exit point only")
        XCTAssertEqual(part.points[0], Point(80, 20))
        let exit = part.points[1]
        XCTAssertTrue(exit.x <= 0 || exit.y >= 100, "on the left or bottom edge: \(exit)")
        XCTAssertNotNil(part.exit)
        XCTAssertTrue(part.startsInside)
        XCTAssertFalse(part.complete, "no end marker for a run that left")
    }

    func testAStartOnTheTopEdgeIsInside() {
        // Rounding puts the top edge a hair outside.
        let part = PathMark.visiblePart([Point(50, -1e-9), Point(50, 40), Point(50, 50)], in: rect)
        XCTAssertTrue(part.startsInside)
        XCTAssertTrue(part.complete)
        XCTAssertEqual(part.points.count, 3)
        XCTAssertNil(part.exit)
        XCTAssertTrue(PointLabelMark.onPlot(Point(50, -0.3), rect))
        XCTAssertFalse(PointLabelMark.onPlot(Point(50, -3), rect))
    }

    func testARunThatNeverEntersDrawsNothing() {
        let part = PathMark.visiblePart([Point(-50, -50), Point(-60, -70)], in: rect)
        XCTAssertTrue(part.points.isEmpty)
    }

    func testADivergingRunEndsAtItsLastFinitePoint() {
        let part = PathMark.visiblePart([Point(10, 10), Point(20, 20), Point(.nan, .nan)], in: rect)
        XCTAssertEqual(part.points, [Point(10, 10), Point(20, 20)])
        XCTAssertTrue(part.complete)
    }
}
