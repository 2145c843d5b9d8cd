import Foundation
import XCTest

/// X13-8: the labels of a typed function's saturated zones stood along their bands across both curves (the
/// layout report gave them covers 7 and 4) while the part of each band above or below the curves was empty.
/// A band's label now slides along its band to the height over no curve, or shortens to a word that fits there.
final class BandLabelInkTests: XCTestCase {
    private func bandLabels(_ arguments: [String], in dir: URL) throws -> [(text: String, covers: Int)] {
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return elements.filter { $0["kind"] as? String == "band-label" }
            .map { ($0["text"] as? String ?? "", ($0["covers"] as? NSNumber)?.intValue ?? -1) }
    }

    func testAZoneLabelCoversNoCurve() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [[String]] = [
            ["activation", "x^2/(1+x^2)^(3/2)"],
            ["activation", "x^2/(1+x^2)^(3/2)", "--size", "1600x900", "--theme", "dark"],
            ["activation", "x*sigmoid(beta*x)", "--param", "beta=0.5,1,2"],
            ["activation", "sigmoid"], ["activation", "tanh"],
        ]
        for arguments in cases {
            let labels = try bandLabels(arguments, in: dir)
            XCTAssertFalse(labels.isEmpty, "\(arguments)")
            for l in labels {
                XCTAssertEqual(l.covers, 0, "\(arguments.joined(separator: " ")): '\(l.text)' covers \(l.covers) data points")
                XCTAssertTrue(l.text.hasPrefix("saturated") || l.text.contains("β") || l.text.contains("beta"), l.text)
            }
        }
    }
}
