import XCTest
// Unit-tests the internal hatching (HatchedRegionMark.hatchSegments).
@testable import Viz

final class HatchedRegionMarkTests: XCTestCase {
    /// Total length of the hatch inside a region is its area divided by the spacing (each line covers a
    /// strip `spacing` wide), for a square and for a square with a square hole (even–odd).
    func testHatchLengthIsAreaOverSpacing() {
        let square = [Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)]
        let hole = [Point(25, 25), Point(25, 75), Point(75, 75), Point(75, 25)]
        for (rings, area) in [([square], 10_000.0), ([square, hole], 7_500.0)] {
            let segments = HatchedRegionMark.hatchSegments(rings, angle: 45, spacing: 5)
            let length = segments.reduce(0.0) { $0 + ($1.1 - $1.0).length }
            XCTAssertEqual(length * 5 / area, 1, accuracy: 0.03)
            for (a, b) in segments {
                let mid = (a + b) * 0.5
                XCTAssertTrue(mid.x > 0 && mid.x < 100 && mid.y > 0 && mid.y < 100)
                if rings.count == 2 { XCTAssertFalse(mid.x > 25 && mid.x < 75 && mid.y > 25 && mid.y < 75) }
            }
        }
    }

    func testComplementCutsTheDomainOutOfTheView() {
        let rings = HatchedRegionMark.complement(of: [[Point(0, -1), Point(1, -1), Point(1, 1), Point(0, 1)]],
                                                 in: Bounds(x: Interval(-1, 1), y: Interval(-1, 1)))
        XCTAssertEqual(rings.count, 2)
        XCTAssertEqual(rings[0], [Point(-1, -1), Point(1, -1), Point(1, 1), Point(-1, 1)])
    }
}
