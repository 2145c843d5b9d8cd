import Foundation
import XCTest

/// `basins` and `stability` end to end: files that decode, the data behind them, and usage errors.
final class ResearchFigureTests: XCTestCase {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("research-\(UUID().uuidString)-\(name)").path
    }

    func testBasinsWritesAPNGAndItsSharesSumToOne() throws {
        let png = temporary("basins.png"), csv = temporary("basins.csv")
        let r = try runDLPlot(["basins", "himmelblau", "--optimizers", "SGD(lr=0.01), adam", "--lr", "0.05", "--grid", "31",
                               "--steps", "300", "-o", png, "--data", csv])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let table = try TidyTable(URL(fileURLWithPath: csv))
        XCTAssertEqual(table.columns, ["run", "x0", "y0", "outcome"])
        let outcomes = table.column("outcome")
        XCTAssertEqual(outcomes.count, 2 * 31 * 31)
        XCTAssertEqual(Set(table.column("run")), ["(1) sgd lr=0.01", "(2) adam lr=0.05"], "named as the panels are")
        // GD at lr 0.01 reaches all four minima (lettered A–D as in the figure).
        XCTAssertEqual(Set(outcomes.prefix(31 * 31).filter { $0.hasPrefix("minimum") }), ["minimum A", "minimum B", "minimum C", "minimum D"])
        XCTAssertTrue(Set(outcomes).isSubset(of: ["minimum A", "minimum B", "minimum C", "minimum D", "diverged", "not converged"]))
    }

    func testStabilityWritesAPNG() throws {
        let png = temporary("stability.png")
        let r = try runDLPlot(["stability", "bowl", "--grid", "21", "--steps", "100", "--measure", "steps", "-o", png])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    /// A typed quadratic is a quadratic: its boundary lr·λ = 2(1+β) is found from the formula (λ = 20
    /// for x² + 10y²) and matches the diverged cells within one grid cell; the default measure is the
    /// steps to the tolerance.
    func testStabilityOfATypedQuadraticMatchesTheBoundary() throws {
        let png = temporary("stability-typed.png"), csv = temporary("stability-typed.csv")
        let r = try runDLPlot(["stability", "x^2 + a*y^2", "--param", "a=10", "--grid", "21", "--steps", "200", "-o", png, "--data", csv])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "lr,momentum,steps,diverged")
        // The default lr range is 0.01·L … 1.1·L with L = 2(1 + 0.99)/λ, in 21 values.
        let largest = 2 * 1.99 / 20, step = (1.1 - 0.01) * largest / 20
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let lr = Double(cells[0]) ?? .nan, momentum = Double(cells[1]) ?? .nan, diverged = cells[3]
            guard momentum <= 0.9 else { continue }   // near β = 1 a stable run may still be above its start after 200 steps
            let boundary = 2 * (1 + momentum) / 20
            if lr < boundary - 2 * step { XCTAssertEqual(diverged, "false", "lr \(lr) momentum \(momentum) is inside the stable region") }
            if lr > boundary + 2 * step { XCTAssertEqual(diverged, "true", "lr \(lr) momentum \(momentum) is beyond the boundary") }
        }
    }

    func testBadInputIsOneLineAndExit64() throws {
        let out = temporary("never.png")
        let cases: [([String], String)] = [
            (["basins", "himmelblau", "--grid", "1", "-o", out], "invalid --grid '1'"),
            (["basins", "saddle", "-o", out], "no known minimum"),
            (["basins", "himmelblau", "--radius", "-1", "-o", out], "invalid --radius '-1'"),
            (["stability", "bowl", "--y", "rho", "-o", out], "invalid --y 'rho': sgd has no numeric setting of that name to sweep"),
            (["stability", "bowl", "--measure", "fast", "-o", out], "invalid --measure 'fast'"),
            (["stability", "x^2+a*y^2", "-o", out], "'a'"),
            (["stability", "bowl", "--param", "a=2", "-o", out], "invalid --param 'a=2': it applies to typed expressions"),
            (["stability", "bowl", "--log-x", "--x-range", "0:1", "-o", out], "invalid --x-range '0:1': a log axis needs a range above 0"),
        ]
        for (args, needle) in cases {
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}

final class LandscapeCommandTests: XCTestCase {
    func testLandscapeWritesAPNGAndRejectsBadInput() throws {
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("landscape-\(UUID().uuidString).png").path
        let r = try runDLPlot(["landscape", "--task", "xor", "--steps", "60", "--grid", "21", "-o", png])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let bad = try runDLPlot(["landscape", "--task", "moons", "-o", png + ".bad.png"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("invalid --task 'moons'"), bad.stderr)
    }

    /// The random plane in 3-D; view values are checked as typed; a bad angle writes nothing.
    func testLandscapeIn3DAndItsViewErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("landscape3d-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let png = dir + "/l.png"
        let r = try runDLPlot(["landscape", "--task", "xor", "--steps", "60", "--grid", "21", "--view", "3d", "--azimuth", "-40", "-o", png])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        for (args, message) in [(["--view", "4d"], "invalid --view '4d': expected plane or 3d"),
                                (["--view", "3d", "--elevation", "100"], "invalid --elevation '100': expected -90 to 90 degrees"),
                                (["--view", "3d", "--azimuth", "1e999"], "invalid --azimuth '1e999'")] {
            let bad = try runDLPlot(["landscape", "--task", "xor", "-o", dir + "/bad.png"] + args)
            XCTAssertEqual(bad.status, 64, args.joined(separator: " "))
            XCTAssertTrue(bad.stderr.contains(message), bad.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/bad.png"))
        }
    }
}

extension ResearchFigureTests {
    /// With one optimizer the map was a 212-pixel square above its share table, the page two-thirds blank:
    /// the table now stands beside the map, which takes the page's height.
    func testOneBasinMapStandsBesideItsTable() throws {
        let png = temporary("basins-one.png"), report = temporary("basins-one.json")
        let r = try runDLPlot(["basins", "(x^2-1)^2+y^2", "--optimizers", "gd", "--grid", "21", "--steps", "100",
                               "-o", png, "--layout-report", report])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let frames = try XCTUnwrap(json["frames"] as? [[String: Any]])
        let map = try XCTUnwrap(frames.first?["box"] as? [Double])
        XCTAssertGreaterThan(map[3], 0.55 * 720, "the map takes most of the page's height: \(map)")
        let elements = try XCTUnwrap(json["elements"] as? [[String: Any]])
        let cells = elements.filter { $0["kind"] as? String == "table-cell" }.compactMap { $0["box"] as? [Double] }
        XCTAssertFalse(cells.isEmpty)
        for cell in cells { XCTAssertGreaterThan(cell[0], map[0] + map[2], "table cell \(cell) right of the map \(map)") }
        // On a portrait page the table stays under the map.
        let tall = try runDLPlot(["basins", "(x^2-1)^2+y^2", "--optimizers", "gd", "--grid", "21", "--steps", "100", "--size", "800x1000",
                                  "-o", png, "--layout-report", report])
        XCTAssertEqual(tall.status, 0, tall.stderr)
        let portrait = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let tallMap = try XCTUnwrap((portrait["frames"] as? [[String: Any]])?.first?["box"] as? [Double])
        let tallCells = try XCTUnwrap(portrait["elements"] as? [[String: Any]]).filter { $0["kind"] as? String == "table-cell" }
            .compactMap { $0["box"] as? [Double] }
        XCTAssertFalse(tallCells.isEmpty)
        for cell in tallCells { XCTAssertGreaterThan(cell[1], tallMap[1] + tallMap[3], "table cell \(cell) under the map \(tallMap)") }
    }
}
