import XCTest
// Unit-tests the internal path clipping (PathMark.visiblePieces, onPlot).
@testable import Viz

/// One clipping and marking rule for paths: every piece inside the view is drawn, each exit ends in an
/// arrowhead on the edge and each entry begins with a mark there; points on any edge (the top included)
/// count as inside; crossings are exact however far the other end of a segment lies.
final class PathClippingTests: XCTestCase {
    private let rect = Rect(x: 0, y: 0, width: 100, height: 100)

    func testAPathThatLeavesAndComesBackIsDrawnInEveryPiece() {
        // gd on the bowl with lr 1.5: the path leaves, comes back across the view, leaves again, and ends inside.
        let device = [Point(80, 20), Point(-40, 140), Point(200, -100), Point(50, 50)]
        let part = PathMark.visiblePieces(device, in: rect)
        XCTAssertEqual(part.pieces.count, 2, "the chord between the two points outside is not drawn")
        XCTAssertEqual(part.pieces[0].points.first, Point(80, 20))
        XCTAssertEqual(part.pieces[0].entry, nil)
        XCTAssertEqual(part.pieces[0].exit, 1)
        // Out through the bottom (y = 100.5 on the rect widened by half a pixel): x = 80 − 120·(80.5/120).
        XCTAssertEqual(part.pieces[0].points[1].y, 100.5, accuracy: 1e-9)
        XCTAssertEqual(part.pieces[0].points[1].x, -0.5, accuracy: 1e-9)
        // Back in on (200, −100) → (50, 50), the line x + y = 100: through the top at (100.5, −0.5).
        XCTAssertEqual(part.pieces[1].entry, 3)
        XCTAssertNil(part.pieces[1].exit)
        XCTAssertEqual(part.pieces[1].points.count, 2)
        XCTAssertEqual(part.pieces[1].points[0].x, 100.5, accuracy: 1e-9)
        XCTAssertEqual(part.pieces[1].points[0].y, -0.5, accuracy: 1e-9)
        XCTAssertEqual(part.pieces[1].points.last, Point(50, 50))
        XCTAssertTrue(part.startsInside)
        XCTAssertTrue(part.complete, "the end is back in the view: it gets the end marker")
    }

    func testAStartOnTheTopEdgeIsInside() {
        // Rounding puts the top edge a hair outside.
        let part = PathMark.visiblePieces([Point(50, -1e-9), Point(50, 40), Point(50, 50)], in: rect)
        XCTAssertTrue(part.startsInside)
        XCTAssertTrue(part.complete)
        XCTAssertEqual(part.pieces.map(\.points.count), [3])
        XCTAssertNil(part.pieces[0].exit)
        XCTAssertTrue(PointLabelMark.onPlot(Point(50, -0.3), rect))
        XCTAssertFalse(PointLabelMark.onPlot(Point(50, -3), rect))
    }

    func testARunThatNeverEntersDrawsNothing() {
        let part = PathMark.visiblePieces([Point(-50, -50), Point(-60, -70)], in: rect)
        XCTAssertTrue(part.pieces.isEmpty)
        XCTAssertFalse(part.complete)
    }

    func testADivergingRunEndsAtItsLastFinitePoint() {
        let part = PathMark.visiblePieces([Point(10, 10), Point(20, 20), Point(.nan, .nan)], in: rect)
        XCTAssertEqual(part.pieces.map(\.points), [[Point(10, 10), Point(20, 20)]])
        XCTAssertTrue(part.complete)
    }

    /// A NaN point in the middle is a gap: the points after it are drawn, with no segment across it.
    func testANaNPointInTheMiddleIsAGapNotTheEnd() {
        let part = PathMark.visiblePieces([Point(10, 10), Point(.nan, .nan), Point(20, 20), Point(30, 20)], in: rect)
        XCTAssertEqual(part.pieces.map(\.points), [[Point(10, 10)], [Point(20, 20), Point(30, 20)]])
        XCTAssertEqual(part.pieces.map(\.entry), [nil, nil])
        XCTAssertTrue(part.startsInside)
        XCTAssertTrue(part.complete)
        let ended = PathMark.visiblePieces([Point(10, 10), Point(.nan, .nan), Point(20, 20), Point(.nan, .nan), Point(.nan, .nan)], in: rect)
        XCTAssertEqual(ended.pieces.map(\.points), [[Point(10, 10)], [Point(20, 20)]])
        XCTAssertTrue(ended.complete)
        let outside = PathMark.visiblePieces([Point(10, 10), Point(.nan, .nan), Point(-50, -50)], in: rect)
        XCTAssertEqual(outside.pieces.map(\.points), [[Point(10, 10)]])
        XCTAssertFalse(outside.complete, "the path ends outside the view, after the gap")
    }

    func testASegmentFromFarAwayEntersOnTheRightSide() {
        // (50 + E, 50 + E/5) → (50, 50): slope 0.2, so it comes in through x = 100 at y = 60, for every E.
        // Parametrised from the far end, E ≥ 10¹⁶ lost the crossing (it came in through the top, then the left).
        for e in [1e10, 1e16, 1e18, 1e20, 1e100, 1e160, 1e200, 1e300, 1e307] {
            let part = ClippedPath([Point(50 + e, 50 + e / 5), Point(50, 50)], in: rect)
            XCTAssertEqual(part.pieces.count, 1, "E = \(e)")
            let entry = part.pieces[0].points[0]
            XCTAssertEqual(entry.x, 100, "E = \(e)")
            XCTAssertEqual(entry.y, 60, accuracy: 1e-9, "E = \(e)")
            XCTAssertEqual(part.pieces[0].entry, 1)
            XCTAssertEqual(part.pieces[0].entryDirection.x, -1, accuracy: 1e-12)
            XCTAssertEqual(part.pieces[0].entryDirection.y, -0.2, accuracy: 1e-12)
            // Corner to corner: (E, E) → (50, 50) comes in at (100, 100).
            let corner = ClippedPath([Point(50 + e, 50 + e), Point(50, 50)], in: rect).pieces[0].points[0]
            XCTAssertEqual(corner.x, 100, accuracy: 1e-9, "E = \(e)")
            XCTAssertEqual(corner.y, 100, accuracy: 1e-9, "E = \(e)")
            // Leaving for (50 − E, 50 − E/5): out through x = 0 at y = 40.
            let out = ClippedPath([Point(50, 50), Point(50 - e, 50 - e / 5)], in: rect).pieces[0]
            XCTAssertEqual(out.points[1].x, 0)
            XCTAssertEqual(out.points[1].y, 40, accuracy: 1e-9, "E = \(e)")
            XCTAssertEqual(out.exit, 1)
        }
    }

    func testInfiniteNeighboursGiveTheLimitDirection() {
        let up = ClippedPath([Point(30, 50), Point(30, .infinity)], in: rect).pieces[0]
        XCTAssertEqual(up.points, [Point(30, 50), Point(30, 100)])
        XCTAssertEqual(up.exitDirection, Point(0, 1))
        let fromLeft = ClippedPath([Point(-.infinity, 20), Point(50, 20), Point(50, 30)], in: rect)
        XCTAssertEqual(fromLeft.pieces.map(\.points), [[Point(0, 20), Point(50, 20), Point(50, 30)]])
        XCTAssertEqual(fromLeft.pieces[0].entry, 1)
        XCTAssertFalse(fromLeft.startsInside)
        let diagonal = ClippedPath([Point(50, 50), Point(.infinity, .infinity)], in: rect).pieces[0]
        XCTAssertEqual(diagonal.points[1], Point(100, 100))
    }

    func testAStepBetweenTwoPointsOutsideIsNotDrawn() {
        let part = ClippedPath([Point(-1000, 50), Point(1000, 50)], in: rect)
        XCTAssertTrue(part.pieces.isEmpty)
        XCTAssertFalse(part.complete)
        XCTAssertFalse(part.startsInside)
        // The chord itself is clipped exactly, for callers that draw it.
        let chord = ClippedPath.clip(Point(-1e300, 50), Point(1000, 50), rect)
        XCTAssertEqual(chord?.0, Point(0, 50))
        XCTAssertEqual(chord?.1, Point(100, 50))
    }
}
