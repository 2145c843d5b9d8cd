import TestSupport
import XCTest
@testable import Viz

/// A marker for a value that is off the scale (∞, NaN) is drawn on the frame's edge at its x when asked
/// (`pinsNonFiniteY`): +∞ and NaN on the top edge, −∞ on the bottom one, with inverted axes too; else skipped.
final class PinnedMarkerTests: XCTestCase {
    private let red = Color(hex: 0xD62728)

    private func render(_ points: [Point], pinned: Bool, inverted: Bool = false) throws -> RenderedFigure {
        var a = bareAxes(xLimits: Interval(0, 4), yLimits: inverted ? Interval(10, 0) : Interval(0, 10))
        var m = ScatterMark(points: points, shape: .circle, size: 10, color: red)
        m.pinsNonFiniteY = pinned
        m.clipsToPlot = false
        a.add(m)
        return try Figure.single(a).renderPNG()
    }

    private func redNear(_ r: RenderedFigure, x: Double, y: Double) -> Bool {
        r.png.count(xs: Int(x) - 3..<Int(x) + 4, ys: Int(y) - 3..<Int(y) + 4) { r.png.matches($0, $1, red, tolerance: 40) } > 10
    }

    func testInfinityAndNaNAreDrawnOnTheEdgeAtTheirX() throws {
        let r = try render([Point(1, .infinity), Point(2, -.infinity), Point(3, .nan)], pinned: true)
        let p = r.plot
        func px(_ x: Double) -> Double { p.minX + x / 4 * p.width }
        XCTAssertTrue(redNear(r, x: px(1), y: p.minY), "+∞ on the top edge at x = 1")
        XCTAssertTrue(redNear(r, x: px(2), y: p.maxY), "−∞ on the bottom edge at x = 2")
        XCTAssertTrue(redNear(r, x: px(3), y: p.minY), "NaN on the top edge at x = 3")
        XCTAssertFalse(redNear(r, x: px(1), y: p.midY))
        // An inverted y axis has its larger values at the bottom: +∞ goes there.
        let inv = try render([Point(1, .infinity)], pinned: true, inverted: true)
        XCTAssertTrue(redNear(inv, x: inv.plot.minX + inv.plot.width / 4, y: inv.plot.maxY))
    }

    func testUnpinnedNonFinitePointsAreSkipped() throws {
        let r = try render([Point(1, .infinity), Point(2, -.infinity), Point(3, .nan)], pinned: false)
        let red = r.png.count(xs: 0..<r.png.width, ys: 0..<r.png.height) { r.png.matches($0, $1, self.red, tolerance: 40) }
        XCTAssertEqual(red, 0)
    }
}
