import Foundation
import XCTest

/// R15-18: `activations --help` said every panel has the same x and y ranges, while grids with typed formulas
/// of unlike sizes give each panel its own y scale (the subtitle says so). The help states the rule and the
/// option that gives one y range to all.
final class GridYRangeHelpTests: XCTestCase {
    private func subtitle(_ dir: URL) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("g.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return try XCTUnwrap(elements.first { $0["kind"] as? String == "subtitle" }?["text"] as? String)
    }

    func testTheHelpSaysWhenPanelsGetTheirOwnYScale() throws {
        let help = try runDLPlot(["activations", "--help"])
        XCTAssertEqual(help.status, 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        XCTAssertFalse(text.contains("Every panel has the same x and y ranges"), text)
        XCTAssertTrue(text.contains("their own y scale"), text)
        XCTAssertTrue(text.contains("--y-range A:B gives every panel that one y range"), text)
        // What it promises: unlike formulas get their own scales, and --y-range shares one.
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["--names", "sin(x),x^2", "-o", "g.png", "--layout-report", "g.json"]
        XCTAssertEqual(try runDLPlot(["activations"] + names, in: dir).status, 0)
        let own = try subtitle(dir)
        XCTAssertTrue(own.contains("own y scale"), own)
        let shared = try runDLPlot(["activations"] + names + ["--y-range", "-2:17"], in: dir)
        XCTAssertEqual(shared.status, 0, shared.stderr)
        let same = try subtitle(dir)
        XCTAssertTrue(same.hasPrefix("same axes in every panel"), same)
    }
}
