import Foundation
import XCTest

/// What the activation figures say (zones, the steepest slope, the table) agrees with the numbers.
final class ActivationClaimsTests: XCTestCase {
    /// The rows of the `--data` table whose `# name` line starts with `prefix`.
    private func table(_ args: [String], _ prefix: String) throws -> (rows: [[Double]], svg: String) {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(args + ["-o", "f.svg", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        var rows: [[Double]] = []
        var inside = true  // a single table has no "# name" line
        for line in try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("# ") { inside = line.dropFirst(2).hasPrefix(prefix); continue }
            let cells = line.split(separator: ",").compactMap { Double($0) }
            if inside, !cells.isEmpty, cells.count == line.split(separator: ",").count { rows.append(cells) }
        }
        return (rows, try String(contentsOf: dir.appendingPathComponent("f.svg"), encoding: .utf8))
    }

    func testSigmoidOnAWideRangeIsSaturatedNotDead() throws {
        let (zones, _) = try table(["activation", "sigmoid", "--range=-800:800"], "zones")
        XCTAssertEqual(zones.map { $0[0] }, [1, 1], "two saturated tails, no dead zone")
        XCTAssertEqual(zones[0][1], -800); XCTAssertEqual(zones[1][2], 800)
        XCTAssertEqual(zones[0][2], -2.887, accuracy: 0.001)
    }

    func testLeakyReLUAndSmoothDipsAreNotShadedSaturated() throws {
        let (leaky, _) = try table(["activation", "leaky_relu"], "zones")
        XCTAssertEqual(leaky, [], "slope 0.01 is constant: the table says it does not saturate")
        for name in ["gelu", "silu", "swish", "mish"] {
            let (zones, _) = try table(["activation", name], "zones")
            XCTAssertEqual(zones.count, 1, name)
            XCTAssertEqual(zones.first?[1] ?? 0, -6, accuracy: 1e-12, name)
        }
        let (grid, _) = try table(["activations", "--names", "gelu,silu,swish,mish,leaky_relu", "--range=-8:8"], "zones")
        XCTAssertEqual(grid.map { $0[0] }, [0, 1, 2, 3], "one left tail each, nothing for leaky ReLU")
    }

    func testHardswishSteepestSlopeAndOneZone() throws {
        let (zones, _) = try table(["activation", "hardswish"], "zones")
        XCTAssertEqual(zones, [[0, -6, -3]], "dead for x ≤ −3 only; no split saturated zone around −1.5")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["activations", "--table", "--names", "hardswish,leaky_relu", "-o", "f.svg", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let props = try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(props.first, ["activation", "range_lower", "range_upper", "monotonic", "zero_centred", "bounded",
                                     "max_abs_derivative", "max_abs_derivative_at", "derivative_at_0", "saturates"])
        XCTAssertEqual(props.count, 3)
        XCTAssertEqual(props[1][0], "hardswish", "names are names")
        XCTAssertEqual(props[1][6], "1.5")
        XCTAssertEqual(props[2][3], "true", "leaky ReLU is monotonic: yes/no as true/false")
        XCTAssertEqual(props[2][9], "none", "leaky ReLU does not saturate")
    }
}
