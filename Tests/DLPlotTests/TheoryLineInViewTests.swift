import Foundation
import TestSupport
import XCTest

/// Y14-16: `stability bowl --x-range 3:10` hatched the whole map "diverged" (right: lr ≥ 3 > 1 + β) and its
/// legend still listed "lr·λ = 2(1+β), λ = 2 (theory)", a line drawn nowhere (lr = 1 + β ≤ 2 is left of the
/// view: lr ≤ 1.99 for β ≤ 0.99). A theory line outside the view has no legend entry; the footnote says where it lies.
final class TheoryLineInViewTests: XCTestCase {
    private func texts(_ args: [String]) throws -> [(kind: String, text: String)] {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(args + ["-o", "s.png", "--layout-report", "s.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("s.json"))) as? [String: Any]
        return (object?["elements"] as? [[String: Any]] ?? []).compactMap { e in
            guard let kind = e["kind"] as? String, let text = e["text"] as? String else { return nil }
            return (kind, text)
        }
    }

    func testATheoryLineLeftOfTheViewIsSaidInTheFootnoteNotTheLegend() throws {
        let all = try texts(["stability", "bowl", "--x-range", "3:10", "--grid", "12"])
        XCTAssertFalse(all.contains { $0.text.contains("(theory)") }, "\(all.map(\.text))")
        XCTAssertTrue(all.contains { $0.text.contains("The theory boundary lr·λ = 2(1+β), λ = 2, lies left of this view (lr ≤ 1.99).") },
                      "\(all.map(\.text))")
    }

    func testATheoryLineInTheViewKeepsItsLegendEntry() throws {
        let all = try texts(["stability", "bowl", "--grid", "12"])
        XCTAssertTrue(all.contains { $0.kind == "legend" && $0.text.contains("lr·λ = 2(1+β), λ = 2 (theory)") }, "\(all.map(\.text))")
        XCTAssertFalse(all.contains { $0.text.contains("lies left of this view") })
    }
}
