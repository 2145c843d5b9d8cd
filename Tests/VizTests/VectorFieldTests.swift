import XCTest
// Unit-tests the internal arrow scaling (VectorFieldMark.lengths).
@testable import Viz

final class VectorFieldTests: XCTestCase {
    func testStreamlinesOfARotationAreCircles() throws {
        let s = try StreamlineMark(x: Interval(-1, 1), y: Interval(-1, 1), density: 16) { x, y in Point(-y, x) }
        XCTAssertFalse(s.lines.isEmpty)
        for line in s.lines {
            let r0 = line[0].length
            // RK4 keeps the radius (the exact solution) to well under a step.
            for p in line { XCTAssertEqual(p.length, r0, accuracy: 2e-3) }
            for p in line { XCTAssertTrue(abs(p.x) <= 1 + 1e-9 && abs(p.y) <= 1 + 1e-9) }
        }
    }

    func testArrowsPointDownhillAndFitTheirCells() throws {
        let f: @Sendable (Double, Double) -> Double = { x, y in x * x + 3 * y * y }
        let m = try VectorFieldMark.gradient(of: f, x: Interval(-2, 2), y: Interval(-1, 1), nx: 8, ny: 4)
        XCTAssertEqual(m.anchors.count, 32)
        for (a, v) in zip(m.anchors, m.vectors) {
            XCTAssertEqual(v.x, -2 * a.x, accuracy: 1e-5)
            XCTAssertEqual(v.y, -6 * a.y, accuracy: 1e-5)
        }
        for scaling in [VectorFieldMark.Scaling.linear, .log, .uniform] {
            var s = m
            s.scaling = scaling
            let lens = s.lengths(maxLength: 30)
            XCTAssertLessThanOrEqual(lens.max() ?? 0, 30 + 1e-9, "no arrow longer than 90% of a cell")
            XCTAssertGreaterThan(lens.max() ?? 0, 20)
        }
    }
}
