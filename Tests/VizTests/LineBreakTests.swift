import TestSupport
import XCTest
import Viz

/// NaN and ±∞ break a line, and a jump is drawn as a jump.
final class LineBreakTests: XCTestCase {
    private func renderLine(_ xs: [Double], _ ys: [Double], x: Interval, y: Interval) throws -> RenderedFigure {
        var a = bareAxes(xLimits: x, yLimits: y)
        a.add(LineMark(x: xs, y: ys, style: StrokeStyle(color: .black, width: 2)))
        return try Figure.single(a).renderPNG()
    }

    func testNonFiniteValuesBreakTheLine() throws {
        for bad in [Double.nan, .infinity, -.infinity] {
            let r = try renderLine([0, 1, 2, 3, 4, 5, 6], [0.5, 0.5, 0.5, bad, 0.5, 0.5, 0.5], x: Interval(0, 6), y: Interval(0, 1))
            let p = r.plot, row = Int(p.midY)
            func px(_ v: Double) -> Double { p.minX + v / 6 * p.width }
            // Ink on both parts…
            XCTAssertTrue(r.png.isInk(Int(px(1)), row), "\(bad): left part drawn")
            XCTAssertTrue(r.png.isInk(Int(px(5)), row), "\(bad): right part drawn")
            // …and nothing between x = 2 and x = 4 (the segments touching the bad point are dropped).
            let gap = r.png.count(xs: Int(px(2)) + 3..<Int(px(4)) - 3, ys: row - 6..<row + 6) { r.png.isInk($0, $1, tolerance: 20) }
            XCTAssertEqual(gap, 0, "\(bad): the gap stays background")
        }
    }

    func testStepJumpHasNoVerticalStroke() throws {
        let xs = [-1.0, 0, .nan, 0, 1], ys = [0.0, 0, .nan, 1, 1]
        let r = try renderLine(xs, ys, x: Interval(-1, 1), y: Interval(-0.5, 1.5))
        let p = r.plot
        let x0 = p.minX + 0.5 * p.width
        let yLow = p.maxY - 0.25 * p.height, yHigh = p.maxY - 0.75 * p.height
        XCTAssertTrue(r.png.isInk(Int(x0 - 20), Int(yLow)), "lower level drawn")
        XCTAssertTrue(r.png.isInk(Int(x0 + 20), Int(yHigh)), "upper level drawn")
        let between = r.png.count(xs: Int(x0) - 3..<Int(x0) + 4, ys: Int(yHigh) + 5..<Int(yLow) - 5) { r.png.isInk($0, $1, tolerance: 20) }
        XCTAssertEqual(between, 0, "no ink between the two levels at the jump")

        // Control: the same data without the break draws the vertical riser, so the check above can fail.
        let joined = try renderLine([-1, 0, 0, 1], [0, 0, 1, 1], x: Interval(-1, 1), y: Interval(-0.5, 1.5))
        let riser = joined.png.count(xs: Int(x0) - 3..<Int(x0) + 4, ys: Int(yHigh) + 5..<Int(yLow) - 5) { joined.png.isInk($0, $1, tolerance: 20) }
        XCTAssertGreaterThan(riser, 50)
    }

    func testJumpDotsAreOpenAndClosed() throws {
        var a = bareAxes(xLimits: Interval(-1, 1), yLimits: Interval(-0.5, 1.5))
        let line = LineMark(x: [-1, 0, .nan, 0, 1], y: [0, 0, .nan, 1, 1], style: StrokeStyle(color: .black, width: 2))
        a.add(line)
        a.add(line.jumpDots(closed: [Point(0, 1)], open: [Point(0, 0)], size: 10))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        let cx = Int(p.minX + 0.5 * p.width)
        let closed = Int(p.maxY - 0.75 * p.height), open = Int(p.maxY - 0.25 * p.height)
        XCTAssertTrue(r.png.isInk(cx, closed, tolerance: 200), "the closed dot is filled at its centre")
        XCTAssertFalse(r.png.isInk(cx, open, tolerance: 30), "the open dot is hollow (background at its centre, line hidden)")
        XCTAssertTrue(r.png.isInk(cx + 8, open, tolerance: 60), "the open dot has a ring (5 pt radius = 10 px)")
    }
}
