import Foundation
import XCTest

/// A legend beside a map goes where it leaves the map the largest: as measured, with each result line split
/// after its last comma ("→ (0.098, 0.20)," and "f = −0.0295"), a little smaller, or below. Tried as a new user
/// would, `--font-scale 1.6` on a 1920×1080 slide put the legend below the map, which shrank to 271 px with
/// its "start" label dropped; at 480×270 the suggested `--font-scale 0.94` gave a 64-px map with neither
/// "start" nor "min (1, 1)".
final class MapLegendRoomTests: XCTestCase {
    private struct Report {
        var frame: [Double]
        var legend: [Double]
        var legendText: String
        var pointLabels: [String]
    }

    private func report(_ arguments: [String], in dir: URL) throws -> Report {
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json"))) as? [String: Any]
        let elements = object?["elements"] as? [[String: Any]] ?? []
        let frames = object?["frames"] as? [[String: Any]] ?? []
        let legend = try XCTUnwrap(elements.first { $0["kind"] as? String == "legend" })
        return Report(frame: try XCTUnwrap(frames.first?["box"] as? [Double]), legend: try XCTUnwrap(legend["box"] as? [Double]),
                      legendText: legend["text"] as? String ?? "",
                      pointLabels: elements.filter { $0["kind"] as? String == "point-label" }.compactMap { $0["text"] as? String })
    }

    func testALargeFontOnASlideKeepsTheLegendBesideALargeMap() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try report(["surface", "saddle", "--optimizers", "gd,momentum,adam", "--size", "1920x1080", "--font-scale", "1.6"], in: dir)
        XCTAssertGreaterThan(r.legend[0], r.frame[0] + r.frame[2], "the legend is right of the map: \(r)")
        XCTAssertGreaterThanOrEqual(min(r.frame[2], r.frame[3]), 500, "the map keeps about half the slide's height (it was 271 px): \(r)")
        XCTAssertTrue(r.legendText.contains("→ (9.5×10⁻⁴, 1.54),; f = −2.36"), "the result line is split after its last comma: \(r.legendText)")
        XCTAssertEqual(Set(r.pointLabels), ["start", "saddle"], "no point label is dropped")
    }

    func testASmallPageKeepsAUsableMapAndItsLabels() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try report(["surface", "rosenbrock", "--optimizers", "gd,momentum,adam,rmsprop", "--size", "480x270", "--font-scale", "0.94"], in: dir)
        XCTAssertGreaterThanOrEqual(min(r.frame[2], r.frame[3]), 120, "the map (it was 64 px): \(r)")
        XCTAssertGreaterThan(r.legend[0], r.frame[0] + r.frame[2], "the legend is right of the map: \(r)")
        XCTAssertTrue(r.pointLabels.contains("start") && r.pointLabels.contains("min (1, 1)"), "\(r.pointLabels)")
    }

    /// Twelve runs' one-line results made the legend so wide that the map kept 321 of the page's 720 px, with
    /// blank bands above and below it; the legend a little smaller gives it 421.
    func testADozenRunsLeaveTheMapMostOfTheHeight() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try report(["surface", "rosenbrock", "--optimizers", "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,asgd"],
                           in: dir)
        XCTAssertGreaterThanOrEqual(min(r.frame[2], r.frame[3]), 400, "\(r)")
        XCTAssertGreaterThan(r.legend[0], r.frame[0] + r.frame[2], "the legend is right of the map: \(r)")
        XCTAssertLessThanOrEqual(r.legend[0] + r.legend[2], 1280, "inside the page: \(r)")
    }

    /// A map twice as wide as tall is bounded by its width: a legend on its right cost it a quarter of its size
    /// (430×215 px with a 150-px band empty above it); below the map it is 558×279, and right of it with only
    /// the entries too long for a narrow column on two lines, 670×335.
    func testAnElongatedMapIsNotCrushedByItsLegend() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try report(["surface", "ellipse"], in: dir)
        XCTAssertGreaterThanOrEqual(r.frame[2], 640, "\(r)")
        XCTAssertEqual(r.frame[2] / r.frame[3], 2, accuracy: 0.02, "the data's aspect: \(r)")
    }

    /// At `--font-scale 1.3` (the help's value for the back of a lecture hall) the seven runs' legend was too tall
    /// for the right, went below in two columns, and left a 263-px map with "min (1, 1)" lying on the paths; a
    /// little smaller on the right, it leaves a 433-px map.
    func testALargerFontKeepsTheLegendBesideTheMap() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try report(["surface", "rosenbrock", "--font-scale", "1.3"], in: dir)
        XCTAssertGreaterThanOrEqual(min(r.frame[2], r.frame[3]), 400, "\(r)")
        XCTAssertGreaterThan(r.legend[0], r.frame[0] + r.frame[2], "the legend is right of the map: \(r)")
        XCTAssertTrue(r.pointLabels.contains("min (1, 1)") && r.pointLabels.contains("start"), "\(r.pointLabels)")
    }

    /// The default figure keeps its unsplit legend (the map is as large either way: its height bounds it).
    func testTheDefaultFigureKeepsItsLegendWhole() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try report(["surface", "saddle", "--optimizers", "gd,momentum,adam"], in: dir)
        XCTAssertTrue(r.legendText.contains("→ (9.5×10⁻⁴, 1.54), f = −2.36"), r.legendText)
    }
}
