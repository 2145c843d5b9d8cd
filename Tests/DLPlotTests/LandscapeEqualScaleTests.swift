import Foundation
import TestSupport
import XCTest

/// Y9-19: `landscape --task xor` drew each PCA panel with PC 2 (2.4 % of the variance) stretched to PC 1's
/// size — one unit of PC 2 ~7.8 times as long as one of PC 1 — so a small wiggle looked like a detour as large
/// as the travel. The panels are drawn to equal scale: pixels per unit, read off the tick labels, agree.
final class LandscapeEqualScaleTests: XCTestCase {
    private struct Tick { let value: Double; let centre: (x: Double, y: Double) }

    func testThePCAPanelsHaveOneScaleOnBothAxes() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["landscape", "--task", "xor", "-o", "l.png", "--layout-report", "l.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("l.json"))) as? [String: Any]
        let elements = try XCTUnwrap(object?["elements"] as? [[String: Any]])
        for panel in [1, 2] {
            let ticks: [Tick] = elements.compactMap { e in
                guard e["kind"] as? String == "tick-label", e["panel"] as? Int == panel, let text = e["text"] as? String,
                      let v = Double(text.replacingOccurrences(of: "\u{2212}", with: "-")),
                      let b = (e["box"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.doubleValue }), b.count == 4 else { return nil }
                return Tick(value: v, centre: (b[0] + b[2] / 2, b[1] + b[3] / 2))
            }
            // x tick labels share one row (the lowest); the others are the y tick labels.
            let bottom = try XCTUnwrap(ticks.map(\.centre.y).max())
            let xs = ticks.filter { abs($0.centre.y - bottom) < 1 }, ys = ticks.filter { abs($0.centre.y - bottom) >= 1 }
            XCTAssertGreaterThanOrEqual(xs.count, 2, "panel \(panel)"); XCTAssertGreaterThanOrEqual(ys.count, 2, "panel \(panel)")
            func scale(_ t: [Tick], _ pixel: (Tick) -> Double) throws -> Double {
                let lo = try XCTUnwrap(t.min { $0.value < $1.value }), hi = try XCTUnwrap(t.max { $0.value < $1.value })
                return abs(pixel(hi) - pixel(lo)) / (hi.value - lo.value)
            }
            let sx = try scale(xs) { $0.centre.x }, sy = try scale(ys) { $0.centre.y }
            XCTAssertEqual(sy / sx, 1, accuracy: 0.04, "panel \(panel): \(sx) px per unit of PC 1, \(sy) of PC 2")
        }
    }
}
