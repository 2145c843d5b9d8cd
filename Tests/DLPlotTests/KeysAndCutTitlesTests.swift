import Foundation
import XCTest

/// Issue 17: what a marker means is said, and a title cut to fit is cut and reported as drawn.
final class KeysAndCutTitlesTests: XCTestCase {
    private func report(_ dir: URL, _ name: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(name)))
        return (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
    }

    /// Y8-4: six-hump camel drew its four local minima as bare triangles (their labels find no spot among
    /// seven saddles), and all seven runs end under one of them. The legend keys the triangle.
    func testSixHumpCamelKeysItsLocalMinima() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for surface in ["six_hump_camel", "styblinski_tang"] {
            let r = try runDLPlot(["surface", surface, "-o", "f.png", "--layout-report", "f.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let legends = try report(dir, "f.json").filter { $0["kind"] as? String == "legend" }.compactMap { $0["text"] as? String }
            XCTAssertTrue(legends.contains { $0.contains("local min") }, "\(surface): \(legends)")
            // The seven runs on the camel end in the local minimum at (−1.61, −0.57), f = 2.1: their rows say so.
            if surface == "six_hump_camel" { XCTAssertTrue(legends.contains { $0.contains("f = 2.1, a local min") }, "\(legends)") }
        }
        // A surface with no local minima gets no such row.
        let r = try runDLPlot(["surface", "bowl", "-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let legends = try report(dir, "f.json").filter { $0["kind"] as? String == "legend" }.compactMap { $0["text"] as? String }
        XCTAssertFalse(legends.contains { $0.contains("local min") }, "\(legends)")
    }

    /// Y8-22: a `--title` of `$` + 50 000 `{` + `$` (malformed math, drawn as literal text) was drawn as a
    /// lone "…", with no warning that it was cut, and the layout report gave all 50 002 characters for a
    /// 19-px box. It is cut like any long title: its start shown, "…", the warning, and the report's text
    /// is what was drawn.
    func testAMalformedMathTitleIsCutLikeAnyLongTitle() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let title = "$" + String(repeating: "{", count: 50_000) + "$"
        let r = try runDLPlot(["activation", "relu", "--title", title, "-o", "t.png", "--layout-report", "t.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("drawn as literal text"), r.stderr)
        XCTAssertTrue(r.stderr.contains("warning: --title is 50002 characters") && r.stderr.contains("drawn cut short with \"…\""), r.stderr)
        let titles = try report(dir, "t.json").filter { $0["kind"] as? String == "title" }
        XCTAssertEqual(titles.count, 1)
        let drawn = try XCTUnwrap(titles.first?["text"] as? String)
        XCTAssertTrue(drawn.hasPrefix("${{{{{{{{{{"), String(drawn.prefix(20)))
        XCTAssertTrue(drawn.hasSuffix("…"), String(drawn.suffix(5)))
        XCTAssertLessThan(drawn.count, 2000)
        XCTAssertEqual((titles.first?["truncated"] as? NSNumber)?.boolValue, true)
        // The box is wide: most of the page's width holds braces, not one ellipsis 19 px wide.
        let box = try XCTUnwrap(titles.first?["box"] as? [Any]).compactMap { ($0 as? NSNumber)?.doubleValue }
        XCTAssertEqual(box.count, 4)
        XCTAssertGreaterThan(box[2], 600, "\(box)")
    }

    /// Y8-2: on `surface booth --style lines --arrows --optimizers gd` the "200" level label lay under the
    /// dashed gd path beside the start label, only "00" readable. Level labels keep off the paths, on every
    /// style that labels its levels.
    func testLevelLabelsKeepOffThePaths() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for style in ["lines", "filled", "heatmap"] {
            let r = try runDLPlot(["surface", "booth", "--style", style, "--arrows", "--optimizers", "gd", "-o", "f.png", "--layout-report", "f.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let labels = try report(dir, "f.json").filter { $0["kind"] as? String == "contour-label" }
            XCTAssertGreaterThanOrEqual(labels.count, 5, style)
            let covering = labels.filter { (($0["covers"] as? NSNumber)?.intValue ?? -1) != 0 }.compactMap { $0["text"] as? String }
            XCTAssertEqual(covering, [], style)
        }
    }
}
