import TestSupport
import XCTest
import Viz

/// Bad input gives a VizError with a clear message, or a figure with a note — never a trap.
final class FieldErrorTests: XCTestCase {
    private func render(_ marks: [any Mark]) throws -> [UInt8] {
        var ax = Axes()
        ax.add(contentsOf: marks)
        var fig = try Figure(width: 320, height: 240, dpi: 72)
        fig.add(ax)
        return try fig.render(as: .png)
    }

    func testEmptyAndMismatchedGrids() {
        XCTAssertThrowsError(try ScalarField(xs: [], ys: [], z: [])) { XCTAssertTrue("\($0)".contains("2×2")) }
        XCTAssertThrowsError(try ScalarField(xs: [0], ys: [0, 1], z: [1, 2]))
        XCTAssertThrowsError(try ScalarField(xs: [0, 1], ys: [0, 1], z: [1, 2, 3])) { XCTAssertTrue("\($0)".contains("needs 4 values")) }
        XCTAssertThrowsError(try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 1, ny: 5) { _, _ in 0 })
        XCTAssertThrowsError(try FieldSampler.sample(x: Interval(0, 0), y: Interval(0, 1), nx: 3, ny: 5) { _, _ in 0 })
        XCTAssertThrowsError(try FieldSampler.sample(x: Interval(0, .nan), y: Interval(0, 1), nx: 3, ny: 5) { _, _ in 0 })
    }

    func testNonMonotonicAxes() {
        XCTAssertThrowsError(try ScalarField(xs: [0, 2, 1], ys: [0, 1], z: [0, 0, 0, 0, 0, 0])) { e in
            XCTAssertTrue("\(e)".contains("strictly increasing or decreasing"), "\(e)")
        }
        XCTAssertThrowsError(try ScalarField(xs: [0, 1], ys: [1, 1], z: [0, 0, 0, 0]))
        XCTAssertThrowsError(try ScalarField(xs: [0, .infinity], ys: [0, 1], z: [0, 0, 0, 0]))
    }

    func testAllNaNGivesAFigureWithANote() throws {
        let f = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 10, ny: 10) { _, _ in .nan }
        XCTAssertNil(f.finiteRange)
        let c = try ContourMark(field: f)
        XCTAssertEqual(c.levels.values, [])
        XCTAssertEqual(c.levels.note, "no finite values to contour")
        let filled = try FilledContourMark(field: f)
        let heat = HeatmapMark(field: f)
        let png = try DecodedPNG(try render([heat, filled, c]))
        XCTAssertEqual(png.width, 320)
    }

    func testConstantField() throws {
        let f = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 10, ny: 10) { _, _ in 3 }
        let c = try ContourMark(field: f)
        XCTAssertTrue(c.lines.isEmpty)
        XCTAssertTrue(c.levels.note?.contains("constant field") ?? false)
        let heat = HeatmapMark(field: f)
        XCTAssertEqual(heat.normalization(3), 0.5)
        _ = try render([heat, c, try FilledContourMark(field: f)])
    }

    func testLevelsOutsideTheData() throws {
        let f = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 10, ny: 10) { x, y in x + y }
        let c = try ContourMark(field: f, levels: .values([5, 6]))
        XCTAssertTrue(c.lines.allSatisfy(\.isEmpty))
        XCTAssertTrue(c.levels.note?.contains("no contour level lies within the data range") ?? false)
        _ = try render([c, try FilledContourMark(field: f, levels: .values([-3, 7]))])
        XCTAssertThrowsError(try ContourMark(field: f, levels: .count(0)))
        XCTAssertThrowsError(try ContourMark(field: f, levels: .values([])))
        XCTAssertThrowsError(try ContourMark(field: f, levels: .values([1, .nan])))
        XCTAssertThrowsError(try ContourMark(field: f, levels: .values([1, 1])))
    }

    func testBadArrowAndStreamlineGrids() {
        XCTAssertThrowsError(try VectorFieldMark(x: Interval(0, 1), y: Interval(0, 1), nx: 0, ny: 3) { _, _ in Point(1, 0) })
        XCTAssertThrowsError(try StreamlineMark(x: Interval(0, 0), y: Interval(0, 1)) { _, _ in Point(1, 0) })
    }
}
