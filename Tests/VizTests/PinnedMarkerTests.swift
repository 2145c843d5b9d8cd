import XCTest
import Viz

/// A marker for a value that is off the scale (∞, NaN) is drawn at the frame's edge at its x when asked
/// (`pinsNonFiniteY`), wholly inside the frame: +∞ and NaN at the top edge, −∞ at the bottom one, with inverted
/// axes too; else skipped.
/// Read off the recording: the markers' centres in device points.
final class PinnedMarkerTests: XCTestCase {
    private let red = Color(hex: 0xD62728)

    /// The plot rectangle and the centres of the red markers drawn for `points` (x limits 0…4).
    private func markers(_ points: [Point], pinned: Bool, inverted: Bool = false) throws -> (plot: Rect, centres: [Point]) {
        var a = bareAxes(xLimits: Interval(0, 4), yLimits: inverted ? Interval(10, 0) : Interval(0, 10))
        var m = ScatterMark(points: points, shape: .circle, size: 10, color: red)
        m.pinsNonFiniteY = pinned
        m.clipsToPlot = false
        a.add(m)
        let r = try Figure.single(a).recorded()
        return (r.plot, r.fills(red, in: .dataInk).compactMap(Rect.bounding).map(\.center))
    }

    private func assertAt(_ c: Point?, _ x: Double, _ y: Double, _ message: String, line: UInt = #line) {
        XCTAssertEqual(c?.x ?? .nan, x, accuracy: 0.25, message, line: line)
        XCTAssertEqual(c?.y ?? .nan, y, accuracy: 0.25, message, line: line)
    }

    func testInfinityAndNaNAreDrawnOnTheEdgeAtTheirX() throws {
        let (p, c) = try markers([Point(1, .infinity), Point(2, -.infinity), Point(3, .nan)], pinned: true)
        func px(_ x: Double) -> Double { p.minX + x / 4 * p.width }
        XCTAssertEqual(c.count, 3)
        guard c.count == 3 else { return }
        // Wholly inside the frame, 1.5 points clear of its edge (size 10, edge 0.8): centred on the edge, half of
        // it stood outside, against the panel title.
        let inset = 10.0 / 2 + 0.8 + 1.5
        assertAt(c[0], px(1), p.minY + inset, "+∞ at the top edge at x = 1")
        assertAt(c[1], px(2), p.maxY - inset, "−∞ at the bottom edge at x = 2")
        assertAt(c[2], px(3), p.minY + inset, "NaN at the top edge at x = 3")
        // An inverted y axis has its larger values at the bottom: +∞ goes there.
        let inv = try markers([Point(1, .infinity)], pinned: true, inverted: true)
        XCTAssertEqual(inv.centres.count, 1)
        assertAt(inv.centres.first, inv.plot.minX + inv.plot.width / 4, inv.plot.maxY - inset, "+∞ at the bottom of an inverted axis")
    }

    func testUnpinnedNonFinitePointsAreSkipped() throws {
        XCTAssertEqual(try markers([Point(1, .infinity), Point(2, -.infinity), Point(3, .nan)], pinned: false).centres.count, 0)
        XCTAssertEqual(try markers([Point(1, 5)], pinned: false).centres.count, 1, "control: a finite point is drawn")
    }
}
