import XCTest
// Tests the internal ink grid that point and contour labels count path ink with (PointLabelMark.InkGrid).
@testable import Viz

/// The ink grid counts the cells with ink whose centre lies in a rectangle: the same count from the bitmap it
/// keeps for ink within a few million cells and from the set it keeps for ink spread wider, both equal to a
/// direct count of the distinct cells.
final class InkGridTests: XCTestCase {
    /// The distinct cells of `points` whose centre lies in `r`, counted directly.
    private func reference(_ points: [Point], cell: Double, in r: Rect) -> Int {
        var cells = Set<[Int]>()
        for p in points where p.isFinite && abs(p.x) < 1e9 && abs(p.y) < 1e9 {
            cells.insert([Int((p.x / cell).rounded(.down)), Int((p.y / cell).rounded(.down))])
        }
        return cells.filter { c in
            let x = (Double(c[0]) + 0.5) * cell, y = (Double(c[1]) + 0.5) * cell
            return x >= r.minX && x <= r.maxX && y >= r.minY && y <= r.maxY
        }.count
    }

    func testCountsMatchADirectCountNearAndFar() {
        var seeded = UInt64(0x9E37_79B9_7F4A_7C15)
        func next() -> Double {  // a fixed sequence (xorshift), so a failure repeats
            seeded ^= seeded << 13; seeded ^= seeded >> 7; seeded ^= seeded << 17
            return Double(seeded % 1_000_000) / 1_000_000
        }
        let near = (0..<3000).map { _ in Point(next() * 800 - 40, next() * 500 - 30) } + [Point(.nan, 3), Point(2e9, 1)]
        let far = near + [Point(5e8, -4e8)]  // spread over more cells than the bitmap holds: the set
        for points in [near, far] {
            let grid = PointLabelMark.InkGrid(points, cell: 2)
            for _ in 0..<300 {
                let r = Rect(x: next() * 900 - 80, y: next() * 600 - 60, width: next() * 120, height: next() * 60)
                XCTAssertEqual(grid.count(in: r), reference(points, cell: 2, in: r), "\(r)")
            }
            XCTAssertEqual(grid.count(in: Rect(x: 5e8 - 1, y: -4e8 - 1, width: 4, height: 4)), points == far ? 1 : 0)
        }
        XCTAssertEqual(PointLabelMark.InkGrid([], cell: 2).count(in: Rect(x: 0, y: 0, width: 10, height: 10)), 0)
    }
}
