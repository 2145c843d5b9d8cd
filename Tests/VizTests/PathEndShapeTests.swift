import Foundation
import XCTest
// Unit-tests PathMark's end marker through a PlotContext on a recording backend.
@testable import Viz

/// A path's end is drawn in the shape its legend sample shows (W14-5: a file path's legend had a ■, its end
/// on the plane a ●, while the 3-D view drew the ■).
final class PathEndShapeTests: XCTestCase {
    /// The fills of `mark` drawn in a 100 × 100 point plot over [0, 1]², and where (0.7, 0.4) is on the page.
    private func fills(_ mark: PathMark) throws -> (fills: [(points: [Point], color: Color)], end: Point) {
        let backend = try RecordingBackend(size: Size(width: 100, height: 100))
        let scale = Scale(domain: Interval(0, 1))
        let ctx = PlotContext(plotRect: Rect(x: 0, y: 0, width: 100, height: 100), xScale: scale, yScale: scale,
                              theme: .light, resolution: 1, canvas: backend)
        mark.draw(in: ctx)
        let fills = backend.records.compactMap { r -> (points: [Point], color: Color)? in
            if case let .fill(p, c) = r.primitive { return (p, c) } else { return nil }
        }
        return (fills, ctx.point(Point(0.7, 0.4)))
    }

    func testTheEndIsDrawnInTheShapeTheLegendShows() throws {
        let orange = Color(hex: 0xE69F00)
        var path = PathMark(points: [Point(0.2, 0.2), Point(0.5, 0.6), Point(0.7, 0.4)], style: StrokeStyle(color: orange, width: 2),
                            label: "other")
        path.endShape = .square
        guard case let .line(_, marker) = try XCTUnwrap(path.legendEntries.first).sample else { return XCTFail("a line sample") }
        XCTAssertEqual(marker, .square)
        // The end's fill in the path's colour: a square (two x values, two y values) centred on the last point.
        let drawn = try fills(path)
        let end = try XCTUnwrap(drawn.fills.last { $0.color == orange })
        let xs = end.points.map(\.x), ys = end.points.map(\.y)
        XCTAssertEqual(Set(xs.map { ($0 * 1000).rounded() }).count, 2, "a square's two x values: \(end.points)")
        XCTAssertEqual(((xs.min() ?? 0) + (xs.max() ?? 0)) / 2, drawn.end.x, accuracy: 1e-9)
        XCTAssertEqual(((ys.min() ?? 0) + (ys.max() ?? 0)) / 2, drawn.end.y, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual((xs.max() ?? 0) - (xs.min() ?? 0), 9, "larger than the 8-point ring, as in 3-D")
        // The default stays a filled circle, as its legend sample says.
        let plain = PathMark(points: path.points, style: path.style, label: "plain")
        guard case let .line(_, circle) = try XCTUnwrap(plain.legendEntries.first).sample else { return XCTFail("a line sample") }
        XCTAssertEqual(circle, .circle)
        XCTAssertGreaterThan(try XCTUnwrap(try fills(plain).fills.last { $0.color == orange }).points.count, 4, "a circle's many vertices")
    }
}
