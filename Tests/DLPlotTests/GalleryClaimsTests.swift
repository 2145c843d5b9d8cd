import Foundation
import XCTest

/// Gallery captions that state an outcome are checked against the numbers of the run they describe:
/// each test runs the entry's command exactly as gallery.toml gives it, reads its `--data` table and
/// asserts the claim, and asserts that the caption still says what is checked.
final class GalleryClaimsTests: XCTestCase {
    /// The gallery manifest of this checkout.
    private var manifestURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("gallery/gallery.toml")
    }

    /// (caption, command) of the entry called `name`.
    private func entry(_ name: String) throws -> (caption: String, command: String) {
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        let blocks = text.components(separatedBy: "[[figure]]")
        let block = try XCTUnwrap(blocks.first { $0.contains("name = \"\(name)\"") }, name)
        func value(_ key: String) -> String? {
            for line in block.split(separator: "\n") where line.hasPrefix(key + " = \"") {
                return String(line.dropFirst(key.count + 4).dropLast())
            }
            return nil
        }
        return (try XCTUnwrap(value("caption")), try XCTUnwrap(value("command")))
    }

    /// Runs an entry with `--data` and returns its tables: run name → rows of numbers (without the name).
    private func runs(_ name: String) throws -> (caption: String, tables: [String: [[Double]]]) {
        let (caption, command) = try entry(name)
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = command.split(separator: " ").map(String.init) + ["-o", "f.png", "--data", "d.csv"]
        let r = try runDLPlot(args, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        // One tidy table: the first column names the run (optimizer), the others are numbers.
        var tables: [String: [[Double]]] = [:]
        for g in try TidyTable(dir.appendingPathComponent("d.csv")).groups { tables[g.key] = g.rows }
        return (caption, tables)
    }

    func testHimmelblauEveryOptimizerSettlesInTheSameMinimum() throws {
        let (caption, tables) = try runs("surface-himmelblau")
        XCTAssertTrue(caption.contains("all five optimizers") && caption.contains("(−2.81, 3.13)"), caption)
        XCTAssertEqual(tables.count, 5)
        for (name, rows) in tables {
            let last = try XCTUnwrap(rows.last)
            XCTAssertEqual(last[1], -2.805118, accuracy: 0.01, name)
            XCTAssertEqual(last[2], 3.131313, accuracy: 0.01, name)
        }
    }

    func testBoothRunsShareARouteAndGDAndAdagradReachTheMinimum() throws {
        let (caption, tables) = try runs("surface-booth-arrows")
        XCTAssertTrue(caption.contains("(−80, −82)") && caption.contains("AdamW is still at f = 0.1"), caption)
        // The claim about the start: the two components of ∇f(−3, −2) are −80 and −82.
        let start = try runDLPlot(["eval", "surface", "booth", "--points=-3:-2"])
        XCTAssertTrue(start.stdout.contains("-80.0,-82.0"), start.stdout)
        let gd = try XCTUnwrap(tables.first { $0.key.hasPrefix("gd") }?.value)
        let adagrad = try XCTUnwrap(tables.first { $0.key.hasPrefix("adagrad") }?.value)
        let adamw = try XCTUnwrap(tables.first { $0.key.hasPrefix("adamw") }?.value)
        // "Nearly the same route": every point of each run within 1 (5 % of the 20-wide view) of gd's path.
        for (name, run) in [("adagrad", adagrad), ("adamw", adamw)] {
            let far = run.map { p in distance(p, toPath: gd) }.max() ?? .infinity
            XCTAssertLessThan(far, 1, name)
        }
        for run in [gd, adagrad] {
            let last = try XCTUnwrap(run.last)
            XCTAssertEqual(last[1], 1, accuracy: 1e-3); XCTAssertEqual(last[2], 3, accuracy: 1e-3)
        }
        let adamwLast: [Double] = try XCTUnwrap(adamw.last)
        XCTAssertEqual(adamwLast[3], 0.1, accuracy: 0.01)
    }

    func testLinregFullBatchDescendsMonotonicallyButStopsShort() throws {
        let (caption, tables) = try runs("surface-linreg-full")
        XCTAssertTrue(caption.contains("L = 0.14") && caption.contains("minimum 0.066"), caption)
        let rows = try XCTUnwrap(tables.values.first)
        XCTAssertEqual(rows.count, 301)
        for k in 1..<rows.count { XCTAssertLessThanOrEqual(rows[k][3], rows[k - 1][3], "step \(k)") }
        let final = try XCTUnwrap(rows.last)
        XCTAssertEqual(final[3], 0.14, accuracy: 0.005)
        let minimum = try runDLPlot(["eval", "surface", "linreg_mse", "--points", "\(6.0 / 53):\(1.0 / 53)"])
        let fields = minimum.stdout.split(separator: "\n").last?.split(separator: ",") ?? []
        XCTAssertEqual(Double(fields.count > 2 ? String(fields[2]) : "") ?? 0, 0.066, accuracy: 0.0005)
    }

    /// The distance from row p (step, x, y, …) to the polyline through `path`'s (x, y).
    private func distance(_ p: [Double], toPath path: [[Double]]) -> Double {
        var best = Double.infinity
        for k in 1..<path.count {
            let ax = path[k - 1][1], ay = path[k - 1][2], dx = path[k][1] - ax, dy = path[k][2] - ay
            let len = dx * dx + dy * dy
            let t = len == 0 ? 0 : max(0, min(1, ((p[1] - ax) * dx + (p[2] - ay) * dy) / len))
            best = min(best, ((p[1] - ax - t * dx) * (p[1] - ax - t * dx) + (p[2] - ay - t * dy) * (p[2] - ay - t * dy)).squareRoot())
        }
        return best
    }
}
