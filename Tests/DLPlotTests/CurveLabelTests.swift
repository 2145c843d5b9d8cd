import Foundation
import Viz
import XCTest
@testable import dlplot

/// `loss`: the direct labels "MAE" and "Huber" moved to free spots beside the MSE curve (at e ≈ 1.3,
/// L ≈ 4.2 while MAE there is 1.3): only the colour linked them to their curves. Each label now stays
/// beside its own curve: the curve nearest the middle of its box's top or bottom edge is the one it names.
final class CurveLabelTests: XCTestCase {
    /// Pixel ↔ data for one axis, from two of the panel's numeric tick labels (linear axes).
    private struct AxisMap {
        let a: Double, b: Double
        init(_ ticks: [(value: Double, pixel: Double)]) throws {
            let lo = try XCTUnwrap(ticks.min { $0.value < $1.value }), hi = try XCTUnwrap(ticks.max { $0.value < $1.value })
            b = (hi.pixel - lo.pixel) / (hi.value - lo.value)
            a = lo.pixel - b * lo.value
        }
        func pixel(_ v: Double) -> Double { a + b * v }
    }

    private func number(_ s: String) -> Double? { Double(s.replacingOccurrences(of: "\u{2212}", with: "-")) }

    /// The distance in pixels from the middle of the box `b`'s top or bottom edge (where a name set above
    /// or below its curve meets it) to the curve `f` over the error range -3…3. (The whole box was used: a
    /// name in the narrow wedge at its curve's end, the steep next curve passing its far corner, counted
    /// as nearer the other curve.)
    private func distance(_ b: Rect, _ f: (Double) -> Double, x: AxisMap, y: AxisMap) -> Double {
        (0...600).map { i -> Double in
            let e = -3 + 6 * Double(i) / 600
            let (px, py) = (x.pixel(e), y.pixel(f(e)))
            return min(hypot(px - b.midX, py - b.minY), hypot(px - b.midX, py - b.maxY))
        }.min() ?? .infinity
    }

    func testRegressionLossLabelsSitBesideTheirOwnCurves() throws {
        let huber: (Double) -> Double = { e in abs(e) <= 1 ? 0.5 * e * e : abs(e) - 0.5 }
        let curves: [(String, (Double) -> Double)] = [("MSE", { $0 * $0 }), ("MAE", { abs($0) }), ("Huber", huber)]
        for line in ["loss", "loss --size 8x4.5in --font-scale 1.3", "loss --gradients --font-scale 1.5", "loss --theme print --size 640x480"] {
            let r = try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
            let mae = try XCTUnwrap(r.elements.first { $0.kind == .note && $0.text == "MAE" }, line)
            let frame = try XCTUnwrap(r.frames.first { $0.panel == mae.panel }?.box)
            let ticks = r.elements.filter { $0.kind == .tickLabel && $0.panel == mae.panel }
            let xs = ticks.filter { $0.box.minY >= frame.maxY }.compactMap { t in number(t.text).map { ($0, t.box.midX) } }
            let ys = ticks.filter { $0.box.maxX <= frame.minX }.compactMap { t in number(t.text).map { ($0, t.box.midY) } }
            let x = try AxisMap(xs), y = try AxisMap(ys)
            for (name, _) in curves {
                let label = try XCTUnwrap(r.elements.first { $0.kind == .note && $0.text == name && $0.panel == mae.panel }, "\(line): \(name)")
                let d = curves.map { ($0.0, distance(label.box, $0.1, x: x, y: y)) }
                let nearest = try XCTUnwrap(d.min { $0.1 < $1.1 })
                XCTAssertEqual(nearest.0, name, "\(line): '\(name)' at \(label.box) is nearest the \(nearest.0) curve (\(d))")
                XCTAssertEqual(label.covers, 0, "\(line): \(name)")
            }
        }
    }
}
