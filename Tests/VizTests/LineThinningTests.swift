import Foundation
import XCTest
// Unit-tests the internal line thinning (LineMark.draw through a PlotContext on a counting backend).
@testable import Viz

/// A dense line is thinned to the output resolution before it is stroked (`LineMark.draw`): points on the
/// pixel grid (M4, a radial step), then points within tolerance of the chord between the kept ones.
final class LineThinningTests: XCTestCase {
    /// Strokes of `mark` drawn in a 100 × 100 point plot over [0, 1]² at `resolution` units a point.
    private func strokes(_ mark: LineMark, resolution: Double) throws -> [[Point]] {
        let backend = try RecordingBackend(size: Size(width: 100, height: 100))
        let scale = Scale(domain: Interval(0, 1))
        let ctx = PlotContext(plotRect: Rect(x: 0, y: 0, width: 100, height: 100), xScale: scale, yScale: scale,
                              theme: .light, resolution: resolution, canvas: backend)
        mark.draw(in: ctx)
        return backend.records.compactMap { if case let .stroke(p, _) = $0.primitive { return p } else { return nil } }
    }

    private func length(_ strokes: [[Point]]) -> Double {
        strokes.reduce(0) { sum, s in sum + zip(s, s.dropFirst()).reduce(0) { $0 + ($1.1 - $1.0).length } }
    }

    /// A loss curve on a log axis is a straight line for thousands of steps: 100 000 points on a line keep
    /// one point in 64 of the pixel-grid thinning (the chord sweep's window) and its two ends (the SVG of a
    /// 10⁶-step `curves` figure was 331 KB of such points; 146 KB now). The pixel grid alone kept 3 200.
    func testAStraightDenseLineKeepsItsEnds() throws {
        let n = 100_000
        let points = (0..<n).map { k -> Point in let x = Double(k) / Double(n - 1); return Point(x, 0.3 + 0.4 * x) }
        for resolution in [4.0, 2.0] {
            let s = try strokes(LineMark(points: points, style: StrokeStyle(color: Color(hex: 0x0072B2), width: 1.5)), resolution: resolution)
            XCTAssertLessThanOrEqual(s.map(\.count).reduce(0, +), Int(110 * resolution / 4), "resolution \(resolution): \(s.map(\.count))")
            XCTAssertEqual(s.first?.first?.x ?? -1, 0, accuracy: 1e-9); XCTAssertEqual(s.first?.first?.y ?? -1, 70, accuracy: 1e-9)
            XCTAssertEqual(s.last?.last?.x ?? -1, 100, accuracy: 1e-9); XCTAssertEqual(s.last?.last?.y ?? -1, 30, accuracy: 1e-9)
        }
    }

    /// A dense line that wiggles by less than the output resolution (an optimizer oscillating around its
    /// path, 20 000 steps across the plot) is stroked along its visible length, so its dash pattern shows as
    /// dashes: before, the kept wiggles made the stroked length four times the line's, and a dashed curve
    /// of the `curves` figure looked solid.
    func testSubPixelWigglesDoNotEatTheDashPattern() throws {
        let n = 20_000
        let points = (0..<n).map { k -> Point in
            Point(Double(k) / Double(n - 1), 0.5 + (k % 2 == 0 ? 1 : -1) * 1e-4)
        }
        let style = StrokeStyle(color: Color(hex: 0xD55E00), width: 1.6, dash: [6, 4], cap: .round)
        for resolution in [4.0, 2.0] {
            let s = try strokes(LineMark(points: points, style: style), resolution: resolution)
            XCTAssertEqual(length(s), 100, accuracy: 0.5, "resolution \(resolution)")
            XCTAssertLessThan(s.map(\.count).reduce(0, +), 400)
        }
    }

    /// A curve keeps what its pixels show: every dropped point lies within the tolerance (0.25 / resolution
    /// points) of the stroked polyline.
    func testACurveStaysWithinTheTolerance() throws {
        let n = 5_000
        let points = (0..<n).map { k -> Point in let x = Double(k) / Double(n - 1); return Point(x, 0.5 + 0.4 * Foundation.sin(9 * x)) }
        let resolution = 4.0
        let s = try strokes(LineMark(points: points, style: StrokeStyle(color: .black, width: 1)), resolution: resolution)
        let kept = s.flatMap { $0 }
        XCTAssertGreaterThan(kept.count, 20)
        XCTAssertLessThan(kept.count, 1_000)
        func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
            let d = b - a, q = p - a
            let t = max(0, min(1, (d.x * q.x + d.y * q.y) / max(d.x * d.x + d.y * d.y, 1e-300)))
            return (q - Point(d.x * t, d.y * t)).length
        }
        var worst = 0.0
        for p in points {
            let device = Point(p.x * 100, 100 - p.y * 100)
            let nearest = s.flatMap { zip($0, $0.dropFirst()).map { distance(device, $0.0, $0.1) } }.min() ?? .infinity
            worst = max(worst, nearest)
        }
        XCTAssertLessThanOrEqual(worst, 0.25 / resolution + 1e-9)
    }
}
