import Foundation
import XCTest

/// `surface --with-curves` says what the map alone says (Y9-10): the help's own example lost the minimum's label
/// "min (3, 0.5)" (no spot inside the smaller map was free beside a star 55 px from its right edge) and the
/// legend's "→ (2.74, 0.43), f = 0.0142", so the figure no longer said where the run ended or what the star is.
final class WithCurvesClaimsTests: XCTestCase {
    private func report(_ extra: [String], in dir: URL) throws -> [[String: Any]] {
        let r = try runDLPlot(["surface", "beale", "--opt", "adam:lr=0.05,beta1=0.8", "-o", "f.png", "--layout-report", "f.json"] + extra, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json"))) as? [String: Any]
        var elements = json?["elements"] as? [[String: Any]] ?? []
        if let frame = (json?["frames"] as? [[String: Any]])?.first { elements.append(["kind": "frame", "box": frame["box"] ?? []]) }
        return elements
    }

    private func texts(_ kind: String, _ elements: [[String: Any]]) -> [String] {
        elements.filter { $0["kind"] as? String == kind }.compactMap { $0["text"] as? String }
    }

    func testTheTwoPanelFigureKeepsTheMinimumsLabelAndTheRunsEnd() throws {
        let dir = try makeTemporaryDirectory()
        let alone = try report([], in: dir)
        let both = try report(["--with-curves"], in: dir)
        XCTAssertEqual(Set(texts("point-label", both)), ["min (3, 0.5)", "saddle", "start"])
        XCTAssertEqual(Set(texts("point-label", both)), Set(texts("point-label", alone)))
        let legend = try XCTUnwrap(texts("legend", both).first)
        XCTAssertEqual(legend, "adam lr=0.05 beta1=0.8; → (2.74, 0.43), f = 0.0142")
        XCTAssertEqual(texts("legend", alone), [legend])
        // The minimum's label lies inside the map, beside its star at (3, 0.5) and nearer it than the saddle at (0, 1).
        let map = try XCTUnwrap(both.first { $0["kind"] as? String == "frame" }?["box"] as? [Double])
        let box = try XCTUnwrap(both.first { $0["text"] as? String == "min (3, 0.5)" }?["box"] as? [Double])
        XCTAssertGreaterThanOrEqual(box[0], map[0])
        XCTAssertLessThanOrEqual(box[0] + box[2], map[0] + map[2] + 0.01)
        XCTAssertGreaterThanOrEqual(box[1], map[1])
        XCTAssertLessThanOrEqual(box[1] + box[3], map[1] + map[3] + 0.01)
        let unit = map[2] / 9  // the view is −4.5…4.5 on both axes
        let star = (map[0] + 7.5 * unit, map[1] + 4 * unit), saddle = (map[0] + 4.5 * unit, map[1] + 3.5 * unit)
        let centre = (box[0] + box[2] / 2, box[1] + box[3] / 2)
        XCTAssertLessThan(hypot(centre.0 - star.0, centre.1 - star.1), hypot(centre.0 - saddle.0, centre.1 - saddle.1))
        XCTAssertLessThan(hypot(centre.0 - star.0, centre.1 - star.1), 3 * box[3], "beside its star")
    }
}
