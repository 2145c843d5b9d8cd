import Foundation
import XCTest

/// A point's label (min, local min, saddle, start) keeps off every run's path where a free spot exists,
/// not only off its first steps: Styblinski–Tang's "min (−2.9, −2.9)" sat over the last steps of all seven
/// runs (its layout report said it covered 45 data points) while the spot under the star was empty.
final class PointLabelPathTests: XCTestCase {
    private func pointLabels(_ arguments: [String], in dir: URL) throws -> [(text: String, covers: Int)] {
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return elements.filter { $0["kind"] as? String == "point-label" }
            .map { ($0["text"] as? String ?? "", ($0["covers"] as? NSNumber)?.intValue ?? -1) }
    }

    func testTheMinimumsLabelKeepsOffThePathsThatReachIt() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let labels = try pointLabels(["surface", "styblinski_tang"], in: dir)
        XCTAssertTrue(labels.contains { $0.text == "min (−2.9, −2.9)" }, "\(labels)")
        for l in labels { XCTAssertEqual(l.covers, 0, "'\(l.text)' covers \(l.covers) data points") }
    }

    /// The saddle's label lay on the runs slowing down along y = 0 (covers 50); monkey saddle's (4) and
    /// Rosenbrock's "start" (2) likewise. Every default surface figure's point labels now cover nothing.
    func testDefaultSurfaceLabelsCoverNoPath() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for surface in ["saddle", "monkey_saddle", "rosenbrock", "himmelblau"] {
            let labels = try pointLabels(["surface", surface], in: dir)
            XCTAssertFalse(labels.isEmpty, surface)
            for l in labels { XCTAssertEqual(l.covers, 0, "\(surface): '\(l.text)' covers \(l.covers) data points") }
        }
    }
}
