import Foundation
import XCTest

/// X13-35: `curves` on a surface whose values are all tiny (1e-12·x·y) failed with exit 1 and a Cairo
/// "invalid matrix (not invertible)": its symmetric-log axis, linear up to 1, was 10⁻¹³ of a decade thick.
final class TinyLossAxisTests: XCTestCase {
    func testATinySurfaceGetsALossAxisItsOwnSize() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for surface in ["1e-12*x*y", "1e-20*x*y", "1e-300*x*y", "1e-300*(x^2+y^2)", "1e-300*x"] {
            let r = try runDLPlot(["curves", "--surface", surface, "--optimizers", "gd", "-o", "c.png", "--layout-report", "c.json"], in: dir)
            XCTAssertEqual(r.status, 0, "\(surface): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("cairo"), r.stderr)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c.json")))
            let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
            // The loss axis is labelled: at least three tick labels on the loss panel's y axis besides the steps.
            let ticks = elements.filter { $0["kind"] as? String == "tick-label" }
            XCTAssertGreaterThanOrEqual(ticks.count, 6, "\(surface): \(ticks.count) tick labels")
            try FileManager.default.removeItem(at: dir.appendingPathComponent("c.json"))
        }
    }
}
