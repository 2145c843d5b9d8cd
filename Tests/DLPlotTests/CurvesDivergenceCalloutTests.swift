import Foundation
import TestSupport
import XCTest

/// F-5 and F-10: on a 500-step axis the run that diverges at step 9 was a hair at the left edge; its × and ▲
/// stood over the Loss panel's top frame, the ▲ hidden under the ×, and only the legend said what happened.
/// The × sits inside the frame with "diverged at step 9" beside it, and nothing of the run is drawn above the frame.
final class CurvesDivergenceCalloutTests: XCTestCase {
    func testAnEarlyDivergenceIsSaidBesideItsCrossInsideTheFrame() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["curves", "--surface", "rosenbrock", "--optimizers", "SGD(lr=0.01), SGD(lr=0.001), Adam(lr=0.05)",
                               "--steps", "500", "-o", "c.png", "--layout-report", "c.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c.json")))
        let all = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        func box(_ e: [String: Any]) -> [Double] { (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
        let callout = try XCTUnwrap(all.first { $0["text"] as? String == "diverged at step 9" && $0["kind"] as? String != "legend" },
                                    "no callout: \(all.compactMap { $0["text"] as? String })")
        XCTAssertEqual(callout["panel"] as? Int, 0)
        let frames = ((object as? [String: Any])?["frames"] as? [[String: Any]] ?? []).map(box)
        let frame = try XCTUnwrap(frames.min { $0[1] < $1[1] }, "no frames")  // the Loss panel, on top
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("c.png"))))
        let (left, frameTop) = (Int(frame[0]), Int(frame[1]))
        let title = try XCTUnwrap(all.first { $0["kind"] as? String == "panel-title" && $0["text"] as? String == "Loss" }, "no Loss title")
        let below = Int(box(title)[1] + box(title)[3])
        // The callout lies inside the frame, under its top.
        XCTAssertGreaterThan(box(callout)[1], Double(frameTop), "\(box(callout)) vs frame top \(frameTop)")
        // No blue of sgd lr=0.01 (its × and ▲) between the title and the frame: before, the × stood half over it.
        var blue = 0
        for y in below..<frameTop { for x in (left - 20)..<(left + 60) { let p = png.pixel(x, y); if p.b > 140 && p.r < 60 { blue += 1 } } }
        XCTAssertEqual(blue, 0, "the run's marks stand above the frame")
    }

    /// F-10 with five runs, two diverging at steps 8 and 9: the legend went between the panels (squashing the Loss
    /// panel) and two callouts would lie on each other. The legend goes under both panels; the divergences share one note.
    func testFiveRunsKeepTheLegendOutOfTheSpaceBetweenThePanels() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["curves", "--surface", "rosenbrock", "--optimizers",
                               "SGD(lr=0.01), SGD(lr=0.001), Adam(lr=0.05), SGD(lr=0.004), Adam(lr=5)",
                               "--steps", "500", "-o", "c.png", "--layout-report", "c.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c.json"))) as? [String: Any]
        let all = object?["elements"] as? [[String: Any]] ?? []
        func box(_ e: [String: Any]) -> [Double] { (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
        let frames = (object?["frames"] as? [[String: Any]] ?? []).map(box).sorted { $0[1] < $1[1] }
        XCTAssertEqual(frames.count, 2)
        let legend = try XCTUnwrap(all.first { $0["kind"] as? String == "legend" }.map(box))
        let lower = try XCTUnwrap(frames.last)
        XCTAssertGreaterThan(legend[1], lower[1] + lower[3], "the legend \(legend) is not under the lower panel \(lower)")
        let notes = all.filter { ($0["text"] as? String)?.contains("diverged at step") == true && $0["kind"] as? String != "legend" }
            .compactMap { $0["text"] as? String }
        XCTAssertEqual(notes, ["2 runs diverged at steps 8–9"])
    }
}
