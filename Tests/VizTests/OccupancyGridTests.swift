import XCTest
// Unit-tests the internal occupancy grid (OccupancyGrid).
@testable import Viz

/// A curve leaving the plot steeply (towards a pole, or a run's step out of view) occupies the stretch
/// it draws inside the plot: its segment used to count as a jump (longer than the gap limit, measured to
/// its far end outside) and a note could be moved onto it.
final class OccupancyGridTests: XCTestCase {
    func testASegmentLeavingThePlotMarksItsPartInside() {
        var grid = OccupancyGrid(over: Rect(x: 0, y: 0, width: 300, height: 200), cell: 3)
        // From (150, 150) inside to (140, −10⁵) far above: it crosses the top near x ≈ 150.
        grid.mark(polyline: [Point(150, 150), Point(140, -100_000)], maxGap: 200)
        XCTAssertGreaterThan(grid.count(in: Rect(x: 140, y: 10, width: 20, height: 20)), 0, "the stretch near the top is ink")
        XCTAssertGreaterThan(grid.count(in: Rect(x: 140, y: 80, width: 20, height: 20)), 0, "and the middle")
        // Measured inside: the same stretch with a limit shorter than it is a jump.
        var short = OccupancyGrid(over: Rect(x: 0, y: 0, width: 300, height: 200), cell: 3)
        short.mark(polyline: [Point(150, 150), Point(140, -100_000)], maxGap: 50)
        XCTAssertEqual(short.count(in: Rect(x: 140, y: 80, width: 20, height: 20)), 0)
        // Two far-apart points both inside are still not joined (scattered markers).
        var scatter = OccupancyGrid(over: Rect(x: 0, y: 0, width: 300, height: 200), cell: 3)
        scatter.mark(polyline: [Point(10, 100), Point(290, 100)], maxGap: 50)
        XCTAssertEqual(scatter.count(in: Rect(x: 100, y: 90, width: 100, height: 20)), 0)
    }

    /// A leader to a point far off the page (a diverged run's end at 10³⁰⁰) trapped converting its sample
    /// count to Int; only the part near the grid is sampled, and it counts the ink it crosses there.
    func testALeaderToAFarPointCountsOnlyItsPartNearTheGrid() {
        var grid = OccupancyGrid(over: Rect(x: 0, y: 0, width: 300, height: 200), cell: 3)
        grid.mark(polyline: [Point(0, 100), Point(300, 100)], maxGap: 400)
        // Straight down through the horizontal curve at x = 150, on to y = 10³⁰⁰.
        XCTAssertGreaterThan(grid.count(along: Point(150, 10), Point(150, 1e300), within: 1.5), 0)
        XCTAssertEqual(grid.count(along: Point(150, 10), Point(150, 1e300), within: 1.5),
                       grid.count(along: Point(150, 10), Point(150, 190), within: 1.5))
        // Wholly outside: nothing; a far diagonal that misses the curve: nothing.
        XCTAssertEqual(grid.count(along: Point(-1e300, -1e300), Point(-1e299, -5), within: 1.5), 0)
        XCTAssertEqual(grid.count(along: Point(10, 10), Point(1e308, 10), within: 1.5), 0)
        XCTAssertEqual(grid.count(along: Point(.infinity, 10), Point(10, 10), within: 1.5), 0)
    }
}
