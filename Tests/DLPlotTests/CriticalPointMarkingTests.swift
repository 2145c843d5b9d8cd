import Foundation
import XCTest

/// A typed surface with many critical points is not buried in markers, and a degenerate critical point is one
/// point (tried as a new user would: sin(10x)·sin(10y) drew ≈ 180 stars and 360 saddle diamonds over the whole
/// map; the typed monkey saddle showed "saddle" three times at the origin; a minimum at (−1.31, 0) was labelled
/// "min (−1.31, −3.12×10⁻²⁰)").
final class CriticalPointMarkingTests: XCTestCase {
    private func texts(_ arguments: [String], in dir: URL) throws -> (labels: [String], footnote: String) {
        let options = ["-o", "f.png", "--layout-report", "f.json"]
        // Right after the command: an expression given after -- must stay last.
        let r = try runDLPlot(Array(arguments.prefix(1)) + options + arguments.dropFirst(), in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        let labels = elements.filter { $0["kind"] as? String == "point-label" }.map { $0["text"] as? String ?? "" }
        let all = elements.compactMap { $0["text"] as? String }.joined(separator: "\n")
        return (labels, all)
    }

    func testManyMinimaAndSaddlesAreCountedNotEachMarked() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let egg = try texts(["surface", "sin(10*x)*sin(10*y)", "--optimizers", "gd"], in: dir)
        XCTAssertEqual(egg.labels.filter { $0.hasPrefix("min") }.count, 1, "\(egg.labels)")
        XCTAssertEqual(egg.labels.filter { $0 == "saddle" }.count, 0, "\(egg.labels)")
        XCTAssertTrue(egg.footnote.contains("199 more minima (f = −1) and 261 saddles in the view, not marked"), egg.footnote)
        // Rastrigin typed: its one global minimum is marked with its place; the lattice of saddles is counted.
        let rastrigin = try texts(["surface", "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)", "--optimizers", "gd"], in: dir)
        XCTAssertEqual(rastrigin.labels.filter { $0.hasPrefix("min") }, ["min (0, 0)"])
        XCTAssertTrue(rastrigin.footnote.contains("84 saddles in the view, not marked"), rastrigin.footnote)
    }

    func testADegenerateSaddleIsMarkedOnce() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let monkey = try texts(["surface", "--optimizers", "gd,adam", "--", "x^3 - 3*x*y^2"], in: dir)
        XCTAssertEqual(monkey.labels.filter { $0 == "saddle" }.count, 1, "\(monkey.labels)")
    }

    func testAMinimumsCoordinatesDropRoundOff() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sc = try texts(["surface", "sin(x)*cos(y) + 0.1*(x^2 + y^2)", "--optimizers", "gd"], in: dir)
        XCTAssertTrue(sc.labels.contains("min (−1.31, 0)"), "\(sc.labels)")
    }
}
