import Foundation
import XCTest
import Viz

/// A path of 100,000 steps (`surface … --steps 100000`) is thinned to the output resolution and stroked
/// in pieces, so drawing costs grow linearly; what is drawn stays within a quarter pixel of the path.
final class LongPathTests: XCTestCase {
    func testLongPathIsThinnedAndKeepsItsEnds() throws {
        // A spiral into the origin that circles many times: dense, self-overlapping, like a slow optimizer.
        let n = Int(ProcessInfo.processInfo.environment["DLPLOT_LONG_PATH_STEPS"] ?? "") ?? 100_000
        let points = (0..<n).map { k -> Point in
            let t = Double(k) / Double(n), angle = t * 400
            return Point(2 * (1 - t) * cos(angle), 2 * (1 - t) * sin(angle))
        }
        var ax = Axes()
        ax.xLimits = Interval(-2.5, 2.5); ax.yLimits = Interval(-2.5, 2.5)
        let color = Color(hex: 0xD55E00)
        // Width 1: the start marker's ring is stroked in the same colour at width 1.5.
        ax.add(PathMark(points: points, style: StrokeStyle(color: color, width: 1)))
        var fig = try Figure(width: 640, height: 480, dpi: 96)
        fig.add(ax)
        let strokes = try fig.record().records.compactMap { r -> [Point]? in
            if case let .stroke(pts, style) = r.primitive, style.color == color, style.width == 1 { return pts }
            return nil
        }
        let drawn = strokes.reduce(0) { $0 + $1.count }
        XCTAssertGreaterThan(strokes.count, 1, "stroked in pieces")
        XCTAssertLessThan(drawn, n / 4, "thinned: \(drawn) vertices for \(n) points")
        // Pieces share their end points: each starts where the previous ended.
        for (a, b) in zip(strokes, strokes.dropFirst()) { XCTAssertEqual(a.last, b.first) }
        // The ends are kept: the spiral starts at its rightmost point (2, 0) and ends at the centre.
        let all = strokes.flatMap { $0 }
        let first = try XCTUnwrap(all.first), last = try XCTUnwrap(all.last)
        let xs = all.map(\.x), ys = all.map(\.y)
        let (minX, maxX) = (xs.min() ?? 0, xs.max() ?? 0), (minY, maxY) = (ys.min() ?? 0, ys.max() ?? 0)
        XCTAssertEqual(first.x, maxX, accuracy: 0.5)
        XCTAssertEqual(last.x, (minX + maxX) / 2, accuracy: 2)
        XCTAssertEqual(last.y, (minY + maxY) / 2, accuracy: 2)
    }
}
