import XCTest
import Viz

/// NaN and ±∞ break a line, and a jump is drawn as a jump. Read off the recording: a data-ink stroke keeps
/// points along its straight segments (`Record.segmentSamples`), none across a break.
final class LineBreakTests: XCTestCase {
    /// The recorded line: its vertices and the points along its segments, with the figure.
    private func recordLine(_ xs: [Double], _ ys: [Double], x: Interval, y: Interval) throws -> (RecordedFigure, vertices: [Point], along: [Point]) {
        var a = bareAxes(xLimits: x, yLimits: y)
        a.add(LineMark(x: xs, y: ys, style: StrokeStyle(color: .black, width: 2)))
        let r = try Figure.single(a).recorded()
        let ink = r.records(in: .dataInk)
        XCTAssertEqual(ink.count, 1, "one stroke")
        guard case let .stroke(pts, _)? = ink.first?.primitive else { XCTFail("no stroke"); return (r, [], []) }
        return (r, pts, ink.first?.segmentSamples ?? [])
    }

    func testNonFiniteValuesBreakTheLine() throws {
        for bad in [Double.nan, .infinity, -.infinity] {
            let (r, vertices, along) = try recordLine([0, 1, 2, 3, 4, 5, 6], [0.5, 0.5, 0.5, bad, 0.5, 0.5, 0.5], x: Interval(0, 6), y: Interval(0, 1))
            let xl = Interval(0, 6)
            // Both parts are drawn, at y = 0.5…
            XCTAssertEqual(vertices.map(\.x).min() ?? .nan, r.x(0, xl), accuracy: 0.25, "\(bad): left part drawn")
            XCTAssertEqual(vertices.map(\.x).max() ?? .nan, r.x(6, xl), accuracy: 0.25, "\(bad): right part drawn")
            for p in vertices + along { XCTAssertEqual(p.y, r.y(0.5, Interval(0, 1)), accuracy: 0.25) }
            XCTAssertTrue(along.contains { $0.x < r.x(2, xl) } && along.contains { $0.x > r.x(4, xl) }, "\(bad): segments on both sides")
            // …and nothing between x = 2 and x = 4 (the segments touching the bad point are dropped).
            let gap = (vertices + along).filter { $0.x > r.x(2, xl) + 0.25 && $0.x < r.x(4, xl) - 0.25 }
            XCTAssertEqual(gap, [], "\(bad): nothing drawn across the gap")
        }
    }

    func testStepJumpHasNoVerticalStroke() throws {
        let xl = Interval(-1, 1), yl = Interval(-0.5, 1.5)
        let (r, _, along) = try recordLine([-1.0, 0, .nan, 0, 1], [0.0, 0, .nan, 1, 1], x: xl, y: yl)
        func riser(_ pts: [Point], _ r: RecordedFigure) -> [Point] {
            pts.filter { abs($0.x - r.x(0, xl)) < 0.25 && $0.y < r.y(0, yl) - 1 && $0.y > r.y(1, yl) + 1 }
        }
        XCTAssertTrue(along.contains { abs($0.y - r.y(0, yl)) < 0.25 } && along.contains { abs($0.y - r.y(1, yl)) < 0.25 }, "both levels drawn")
        XCTAssertEqual(riser(along, r), [], "nothing between the two levels at the jump")
        // Control: the same data without the break draws the vertical riser, so the check above can fail.
        let joined = try recordLine([-1, 0, 0, 1], [0, 0, 1, 1], x: xl, y: yl)
        XCTAssertGreaterThan(riser(joined.along, joined.0).count, 10)
    }

    func testJumpDotsAreOpenAndClosed() throws {
        let xl = Interval(-1, 1), yl = Interval(-0.5, 1.5)
        var a = bareAxes(xLimits: xl, yLimits: yl)
        let line = LineMark(x: [-1, 0, .nan, 0, 1], y: [0, 0, .nan, 1, 1], style: StrokeStyle(color: .black, width: 2))
        a.add(line)
        a.add(line.jumpDots(closed: [Point(0, 1)], open: [Point(0, 0)], size: 10))
        let r = try Figure.single(a).recorded()
        let closed = r.device(0, 1, xs: xl, ys: yl), open = r.device(0, 0, xs: xl, ys: yl)
        func circle(_ pts: [Point]?) -> Rect? { pts.flatMap(Rect.bounding) }
        // The closed dot: a 10 pt disc in the line's colour on (0, 1).
        let discs = r.fills(.black, in: .dataInk).compactMap(circle)
        XCTAssertEqual(discs.count, 1)
        assertRect(discs.first, Rect(x: closed.x - 5, y: closed.y - 5, width: 10, height: 10), accuracy: 1e-9, "the closed dot")
        // The open dot: a disc of background over the line, ringed in the line's colour, on (0, 0), drawn after the line.
        let hollow = r.fills(Theme.light.plotBackground, in: .dataInk).compactMap(circle)
        XCTAssertEqual(hollow.count, 1)
        assertRect(hollow.first, Rect(x: open.x - 5, y: open.y - 5, width: 10, height: 10), accuracy: 1e-9, "the open dot's inside")
        let rings = r.strokes(in: .dataInk) { $0.width == 1.5 }.compactMap { circle($0.points) }
        XCTAssertEqual(rings.count, 1)
        assertRect(rings.first, Rect(x: open.x - 4.25, y: open.y - 4.25, width: 8.5, height: 8.5), accuracy: 1e-9, "the ring, inside the dot")
        let order = r.records(in: .dataInk).map { if case .stroke = $0.primitive { "s" } else { "f" } }
        XCTAssertEqual(order.first, "s", "the line first, hidden under the open dot")
    }
}
