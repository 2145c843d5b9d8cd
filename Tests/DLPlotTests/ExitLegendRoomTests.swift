import Foundation
import TestSupport
import XCTest

/// Y9-6: a run that leaves the view wrote "leaves the view at step 2; → (43.62, 34.90), f = 3121" in the legend,
/// split only at its last comma, so the legend right of a 3-D surface was ~560 px wide and the surface got
/// what was left. The claim goes on a line of its own
/// ("leaves the view at step 2;" / "→ (43.62, 34.90), f = 3121"), the legend stays on the right, and the
/// surface takes the room it leaves.
final class ExitLegendRoomTests: XCTestCase {
    func testALegendWithAnExitSplitsItsClaimAndKeepsTheSurfaceLarge() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["surface", "bowl", "--optimizers", "gd,momentum", "--lr", "1.05", "--view", "3d", "--steps", "30",
                               "--legend", "outside", "-o", "b.png", "--layout-report", "b.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("b.json"))) as? [String: Any]
        let elements = try XCTUnwrap(object?["elements"] as? [[String: Any]])
        func box(_ e: [String: Any]) -> [Double] { (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
        let legend = try XCTUnwrap(elements.first { $0["kind"] as? String == "legend" })
        // The report joins a legend's lines with "; ": the claim's own ";" then the separator.
        XCTAssertTrue((legend["text"] as? String ?? "").contains("leaves the view at step 2;; → (43.62, 34.90), f = 3121"), "\(legend["text"] ?? "")")
        let l = box(legend)
        XCTAssertLessThanOrEqual(l[2], 380, "legend width")
        let ticks = elements.filter { $0["kind"] as? String == "tick-label" }.map(box)
        let left = try XCTUnwrap(ticks.map { $0[0] }.min()), right = try XCTUnwrap(ticks.map { $0[0] + $0[2] }.max())
        XCTAssertLessThan(right, l[0], "the legend right of the surface")
        XCTAssertGreaterThanOrEqual(right - left, 540, "the surface's width, tick label to tick label")
    }
}
