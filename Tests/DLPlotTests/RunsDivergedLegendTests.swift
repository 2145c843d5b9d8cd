import Foundation
import XCTest

/// `runs` with a diverged log (NaN from step 30, then 1e30 from 40) beside an ordinary one: the diverged
/// run's legend line "10 non-finite points from step 30 (NaN) · min 0.0333 at step 29 · final 1×10³⁰" was
/// wider than its panel's cell, so every 16:9 slide was refused (1920x1080: "'2316x1303' fits") and every
/// --font-scale over 1 too, even the 1.69 the refusal itself named. Below its plot the line now breaks at
/// its " · " clauses.
final class RunsDivergedLegendTests: XCTestCase {
    private func logs(in dir: URL) throws -> [String] {
        var diverged = ""
        for s in 0..<50 { diverged += "{\"step\": \(s), \"loss\": \(s < 30 ? "\(1 / Double(s + 1))" : s < 40 ? "NaN" : "1e30")}\n" }
        var ordinary = "step,train_loss,val_acc\n"
        for s in 0..<100 { ordinary += "\(s),\(2 / Double(s + 1)),\(min(0.99, 0.5 + Double(s) / 200))\n" }
        let paths = [dir.appendingPathComponent("div.jsonl"), dir.appendingPathComponent("sgd_seed0.csv")]
        try diverged.write(to: paths[0], atomically: true, encoding: .utf8)
        try ordinary.write(to: paths[1], atomically: true, encoding: .utf8)
        return paths.map(\.path)
    }

    func testADivergedRunFitsASlideWithItsLegendBrokenAtItsClauses() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try logs(in: dir)
        for (w, h) in [(1280, 720), (1920, 1080)] {
            let r = try runDLPlot(["runs"] + files + ["--size", "\(w)x\(h)", "-o", "d.png", "--layout-report", "d.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let data = try Data(contentsOf: dir.appendingPathComponent("d.json"))
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(report["width"] as? Int, w)
            XCTAssertEqual(report["height"] as? Int, h)
            let elements = try XCTUnwrap(report["elements"] as? [[String: Any]])
            let legend = try XCTUnwrap(elements.first { $0["kind"] as? String == "legend" && $0["panel"] as? Int == 0 })
            // One line a clause (the report joins lines with "; "), and within the left panel's half of the page.
            XCTAssertEqual(legend["text"] as? String, "div; 10 non-finite points from step 30 (NaN); min 0.0333 at step 29; final 1×10³⁰")
            let box = try XCTUnwrap(legend["box"] as? [Double])
            XCTAssertLessThanOrEqual(box[0] + box[2], Double(w) / 2, "\(box)")
        }
    }

    func testLargerTextIsDrawnAndASuggestedScaleIsAccepted() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try logs(in: dir)
        for scale in ["1.3", "2"] {
            let r = try runDLPlot(["runs"] + files + ["--font-scale", scale, "-o", "f.png"], in: dir)
            XCTAssertEqual(r.status, 0, "--font-scale \(scale): \(r.stderr)")
        }
        // A scale too large for any page the command grows to is refused naming one that is drawn.
        let refused = try runDLPlot(["runs"] + files + ["--font-scale", "3.5", "-o", "r.png"], in: dir)
        XCTAssertEqual(refused.status, 64, refused.stderr)
        let named = try XCTUnwrap(refused.stderr.firstMatch(of: /--font-scale ([0-9.]+) fits/)?.1, refused.stderr)
        let kept = try runDLPlot(["runs"] + files + ["--font-scale", String(named), "-o", "k.png"], in: dir)
        XCTAssertEqual(kept.status, 0, "the suggested --font-scale \(named): \(kept.stderr)")
    }
}
