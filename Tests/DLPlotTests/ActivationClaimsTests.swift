import Foundation
import XCTest

/// What the activation figures say (zones, the steepest slope, the table) agrees with the numbers.
final class ActivationClaimsTests: XCTestCase {
    /// The zones table (`activation,zone,x_from,x_to`) among the `--data` files, rows as cells; empty
    /// when the figure has no zones table.
    private func zones(_ args: [String]) throws -> [[String]] {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(args + ["-o", "f.svg", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["d.csv", "d-2.csv", "d-3.csv"] where FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) {
            let t = try TidyTable(dir.appendingPathComponent(name))
            if t.columns == ["activation", "zone", "x_from", "x_to"] { return t.rows }
        }
        return []
    }

    func testSigmoidOnAWideRangeIsSaturatedNotDead() throws {
        let zones = try zones(["activation", "sigmoid", "--range=-800:800"])
        XCTAssertEqual(zones.map { $0[1] }, ["saturated", "saturated"], "two saturated tails, no dead zone")
        XCTAssertEqual(zones.map { $0[0] }, ["sigmoid", "sigmoid"], "names are names")
        XCTAssertEqual(zones.first?[2], "-800.0"); XCTAssertEqual(zones.last?[3], "800.0")
        XCTAssertEqual(Double(zones.first?[3] ?? "") ?? 0, -2.887, accuracy: 0.001)
    }

    func testLeakyReLUAndSmoothDipsAreNotShadedSaturated() throws {
        XCTAssertEqual(try zones(["activation", "leaky_relu"]), [], "slope 0.01 is constant: the table says it does not saturate")
        for name in ["gelu", "silu", "swish", "mish"] {
            let found = try zones(["activation", name])
            XCTAssertEqual(found.count, 1, name)
            XCTAssertEqual(found.first?[1], "saturated", name)
            XCTAssertEqual(found.first?[2], "-6.0", name)
        }
        let grid = try zones(["activations", "--names", "gelu,silu,swish,mish,leaky_relu", "--range=-8:8"])
        XCTAssertEqual(grid.map { $0[0] }, ["gelu", "silu", "swish", "mish"], "one left tail each, nothing for leaky ReLU")
    }

    func testHardswishSteepestSlopeAndOneZone() throws {
        XCTAssertEqual(try zones(["activation", "hardswish"]), [["hardswish", "dead", "-6.0", "-3.0"]],
                       "dead for x ≤ −3 only; no split saturated zone around −1.5")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["activations", "--table", "--names", "hardswish,leaky_relu", "-o", "f.svg", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let props = try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(props.first, ["activation", "range_lower", "range_upper", "monotonic", "zero_centred", "bounded",
                                     "max_abs_derivative", "max_abs_derivative_at", "max_abs_derivative_reached", "derivative_at_0", "saturates"])
        XCTAssertEqual(props.count, 3)
        XCTAssertEqual(props[1][0], "hardswish", "names are names")
        XCTAssertEqual(props[1][6], "1.5")
        // 1.5 is only approached as x → 3⁻ (PyTorch's f′(3) = 1): the table says so, as the figure does.
        XCTAssertEqual(Array(props[1][7...8]), ["3.0", "left_limit"])
        XCTAssertEqual(props[2][8], "attained", "leaky ReLU's slope 1 is f′ itself")
        XCTAssertEqual(props[2][3], "true", "leaky ReLU is monotonic: yes/no as true/false")
        XCTAssertEqual(props[2][10], "none", "leaky ReLU does not saturate")
    }

    /// The sigmoid written out says where its slope peaks as the built-in does (x = 0), not at the
    /// search's float noise (−1.37×10⁻⁹); the table's max_abs_derivative_at likewise.
    func testATypedSigmoidClaimsItsSteepestSlopeAtZero() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, args) in [("typed", ["activation", "exp(x)/(1+exp(x))"]), ("built-in", ["activation", "sigmoid"])] {
            let r = try runDLPlot(args + ["-o", "f.svg", "--layout-report", "l.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let report = try String(contentsOf: dir.appendingPathComponent("l.json"), encoding: .utf8)
            XCTAssertTrue(report.contains("max $|f'|$ = 0.25 at $x$ = 0\""), "\(name): \(report)")
        }
        let r = try runDLPlot(["activations", "--table", "--names", "exp(x)/(1+exp(x)),x*sigmoid(x)", "-o", "t.svg", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows[1][7], "0.0", "e/(1 + e): max |f′| at 0")
        XCTAssertEqual(rows[2][7], "2.3994", "x·σ(x): the digits its values support")
    }
}
