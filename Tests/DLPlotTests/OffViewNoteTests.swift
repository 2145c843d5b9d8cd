import Foundation
import XCTest

/// R15-9: with every run outside an offset view throughout (saddle at lr 10⁶ on x = 50…60), the notes
/// "gd: diverged at step 25" sat in the plot with a leader line across the contours to an empty point. A run
/// that is never in the view gets no note on the plot; its legend row says what happened.
final class OffViewNoteTests: XCTestCase {
    func testARunNeverInTheViewHasNoNoteOnThePlot() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for surface in ["saddle", "beale"] {
            let r = try runDLPlot(["surface", surface, "--optimizers", "gd,momentum,adam,rmsprop", "--lr", "1e6", "--xrange", "50:60",
                                   "--yrange", "-1:1", "--steps", "50", "-o", "f.png", "--layout-report", "f.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
            let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
            let legend = elements.filter { $0["kind"] as? String == "legend" }.compactMap { $0["text"] as? String }.joined()
            XCTAssertTrue(legend.contains("gd lr=1×10⁶  outside the view throughout; diverged at step"), "\(surface): \(legend)")
            let onPlot = elements.filter { $0["kind"] as? String != "legend" }.compactMap { $0["text"] as? String }
            XCTAssertFalse(onPlot.contains { $0.contains("diverged") }, "\(surface): \(onPlot)")
        }
    }
}
