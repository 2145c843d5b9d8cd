import Foundation
import XCTest

/// The legend beside a map takes the form that leaves the map the largest, compared as laid out: right of the
/// map (each entry on one line, or only the entries too long for a narrower column on more lines), or below
/// it. Tried as a new user would: twelve runs on the saddle, where only rprop's entry is long, split every
/// entry into three lines in two columns and left a 299-px map; twelve diverging runs on Rastrigin grew the
/// page to 1518×854 for a 287-px map under a 1077-px legend; the ellipse's 2:1 map kept 516×258 px with one
/// run where 778×389 was free.
final class MapLegendFormTests: XCTestCase {
    private static let dozen = "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,rprop"

    private struct Report {
        var size: [Double]
        var frame: [Double]
        var legend: [Double]
        var legendText: String
        var area: Double { frame[2] * frame[3] }
    }

    private func report(_ arguments: [String], in dir: URL) throws -> (Report, String) {
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json"))) as? [String: Any]
        let elements = object?["elements"] as? [[String: Any]] ?? []
        let frames = object?["frames"] as? [[String: Any]] ?? []
        let legend = try XCTUnwrap(elements.first { $0["kind"] as? String == "legend" })
        let size = [object?["width"] as? Double ?? 0, object?["height"] as? Double ?? 0]
        return (Report(size: size, frame: try XCTUnwrap(frames.first?["box"] as? [Double]), legend: try XCTUnwrap(legend["box"] as? [Double]),
                       legendText: legend["text"] as? String ?? ""), r.stderr)
    }

    func testOneLongEntryTakesMoreLinesAndTheOthersKeepOne() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (r, _) = try report(["surface", "saddle", "--optimizers", Self.dozen], in: dir)
        XCTAssertGreaterThanOrEqual(min(r.frame[2], r.frame[3]), 420, "the map (it was 299 px, then 306): \(r)")
        XCTAssertGreaterThan(r.legend[0], r.frame[0] + r.frame[2], "the legend is right of the map: \(r)")
        XCTAssertTrue(r.legendText.contains("gd lr=0.005  → (0.098, 0.20), f = −0.0295"), "a short entry keeps one line: \(r.legendText)")
        XCTAssertTrue(r.legendText.contains("rprop lr=0.5; leaves the view at step 5;"), "the long entry breaks at its clauses: \(r.legendText)")
    }

    func testDivergingRunsKeepTheDefaultPageAndALargeMap() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (r, stderr) = try report(["surface", "rastrigin", "--optimizers", Self.dozen, "--lr", "0.5", "--steps", "40"], in: dir)
        XCTAssertEqual(r.size, [1280, 720], "the page was grown to 1518×854: \(stderr)")
        XCTAssertGreaterThanOrEqual(min(r.frame[2], r.frame[3]), 400, "the map (it was 287 px on the grown page): \(r)")
        XCTAssertLessThanOrEqual(r.legend[0] + r.legend[2], 1280, "\(r)")
    }

    /// The automatic form leaves the map at least the area the legend below it would (to a percent), on 2:1 and
    /// square views, with 1, 3 and 12 runs.
    func testTheAutomaticFormLeavesTheLargestMap() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [[String]] = [
            ["surface", "ellipse", "--optimizers", "gd"], ["surface", "ellipse"],
            ["surface", "six_hump_camel", "--optimizers", "gd,adam,momentum"], ["surface", "six_hump_camel", "--optimizers", Self.dozen],
            ["surface", "ellipse", "--optimizers", "gd,adam,momentum", "--size", "8x4.5in"], ["surface", "saddle", "--optimizers", Self.dozen],
        ]
        for c in cases {
            let (auto, _) = try report(c, in: dir)
            let (below, _) = try report(c + ["--legend", "below"], in: dir)
            XCTAssertGreaterThanOrEqual(auto.area, below.area * 0.99, "\(c): auto \(auto.frame), below \(below.frame)")
        }
        // The 2:1 ellipse with one run: the map was 516×258 px.
        let (one, _) = try report(["surface", "ellipse", "--optimizers", "gd"], in: dir)
        XCTAssertGreaterThanOrEqual(one.frame[2], 770, "\(one)")
    }
}
