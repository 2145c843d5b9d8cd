import Foundation
import XCTest

/// X8-18: on typed surfaces the point labels lay over the optimizers' paths: "min (0, 0)" on a·x² + b·y² with
/// the gd path through it (covers 11), "start" on sin x·cos y + 0.1(x² + y²) at 480x270 (covers 9), while
/// free spots were beside their markers. Every point label of both figures covers no path.
final class TypedPointLabelPathTests: XCTestCase {
    func testPointLabelsOfTypedSurfacesKeepOffThePaths() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [[String]] = [
            ["surface", "a*x^2 + b*y^2", "--param", "a=0.1", "--param", "b=2", "--optimizers", "gd,momentum"],
            ["surface", "sin(x)*cos(y)+0.1*(x^2+y^2)", "--optimizers", "gd,momentum,adam", "--size", "480x270", "--theme", "dark",
             "--font-scale", "0.7"],
        ]
        for arguments in cases {
            let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
            let labels = ((object as? [String: Any])?["elements"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "point-label" }
            let texts = labels.compactMap { $0["text"] as? String }
            XCTAssertTrue(texts.contains("start") && texts.contains { $0.hasPrefix("min (") }, "\(arguments): \(texts)")
            for l in labels {
                XCTAssertEqual((l["covers"] as? NSNumber)?.intValue, 0, "\(arguments[1]): '\(l["text"] ?? "")' covers a path")
            }
        }
    }
}
