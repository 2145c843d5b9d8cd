import Foundation
import XCTest

/// Y9-21: `surface himmelblau --view 3d --elevation -30` puts the box's tick labels on its top side; the
/// label "4" sat across the plot's top edge (only its lower part drawn, the report giving it whole) and
/// the axis name "x" against the subtitle. The box is fitted so that every tick label and axis name lies
/// inside the plot, below the subtitle, from below as from above.
final class ThreeDFromBelowLabelTests: XCTestCase {
    func testTheTopSideLabelsFitUnderTheSubtitle() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for elevation in ["-30", "-60", "30"] {
            let r = try runDLPlot(["surface", "himmelblau", "--optimizers", "gd,adam", "--view", "3d", "--elevation=\(elevation)",
                                   "-o", "h.png", "--layout-report", "h.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("h.json"))) as? [String: Any]
            let all = json?["elements"] as? [[String: Any]] ?? []
            func box(_ e: [String: Any]) -> [Double] { (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
            let plot = try XCTUnwrap((json?["frames"] as? [[String: Any]])?.first.map(box), "no frame")
            let subtitle = try XCTUnwrap(all.first { $0["kind"] as? String == "subtitle" }.map(box))
            let texts = all.filter { ["tick-label", "axis-label"].contains($0["kind"] as? String ?? "") && $0["panel"] as? Int == 0 }
            XCTAssertGreaterThan(texts.count, 8, elevation)
            for t in texts {
                let b = box(t), name = "\(elevation): '\(t["text"] ?? "")' at \(b)"
                XCTAssertGreaterThanOrEqual(b[1], plot[1] - 0.5, name + " leaves the plot's top \(plot[1])")
                XCTAssertGreaterThanOrEqual(b[1], subtitle[1] + subtitle[3], name + " reaches the subtitle")
                XCTAssertLessThanOrEqual(b[1] + b[3], plot[1] + plot[3] + 0.5, name)
                XCTAssertGreaterThanOrEqual(b[0], plot[0] - 0.5, name)
                XCTAssertLessThanOrEqual(b[0] + b[2], plot[0] + plot[2] + 0.5, name)
            }
        }
    }
}
