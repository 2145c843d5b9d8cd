import Foundation
import XCTest

/// A run has one name in the figure and in its data (F-6): the legend said "adam lr=5" and the `run` column of
/// --data "adam lr=5.0", so the two could not be joined. Both now use the legend's number text, the shortest
/// that reads back to the same double.
final class RunNameTests: XCTestCase {
    private func names(_ args: [String]) throws -> (csv: Set<String>, legend: [String]) {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(args + ["-o", "f.png", "--data", "f.csv", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let csv = try String(contentsOf: dir.appendingPathComponent("f.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines.first?.split(separator: ",").first, "run")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json"))) as? [String: Any]
        let elements = report?["elements"] as? [[String: Any]] ?? []
        let legend = elements.filter { $0["kind"] as? String == "legend" }.compactMap { $0["text"] as? String }
        return (Set(lines.dropFirst().map { String($0.split(separator: ",")[0]) }), legend)
    }

    func testTheLegendAndTheDataNameARunAlike() throws {
        let curves = try names(["curves", "--optimizers", "SGD(lr=1e-3), Adam(lr=5), Adam(lr=0.10)", "--steps", "5"])
        XCTAssertEqual(curves.csv, ["sgd lr=0.001", "adam lr=5", "adam lr=0.1"])
        let legend = try XCTUnwrap(curves.legend.first)
        for name in curves.csv { XCTAssertTrue(legend.contains(name + ";"), "\(name) in \(legend)") }
        let surface = try names(["surface", "rosenbrock", "--opt", "adam:lr=5", "--optimizers", "SGD(lr=1e-5)", "--steps", "5"])
        XCTAssertEqual(surface.csv, ["sgd lr=1×10⁻⁵", "adam lr=5"])
        for name in surface.csv { XCTAssertTrue(surface.legend.contains { $0.contains(name) }, "\(name) in \(surface.legend)") }
    }
}
