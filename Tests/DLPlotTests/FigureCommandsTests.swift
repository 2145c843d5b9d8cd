import Foundation
import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Shared checks for the figure commands added with the softmax, loss, activations and XOR figures.
final class FigureCommandsTests: XCTestCase {
    /// Every new figure renders in all three formats.
    func testEveryFigureRendersInEveryFormat() throws {
        let dir = try makeTemporaryDirectory()
        let commands: [[String]] = [["softmax"], ["loss", "--gradients"], ["activations", "--names", "relu,sigmoid,binary_step"],
                                    ["activations", "--table", "--names", "relu,tanh"], ["xor", "--epochs", "300"]]
        for (k, c) in commands.enumerated() {
            for ext in ["png", "svg", "pdf"] {
                let name = "f\(k).\(ext)"
                let run = try runDLPlot(c + ["--size", "900x600", "-o", name], in: dir)
                XCTAssertEqual(run.status, 0, "\(c) \(ext): \(run.stderr)")
                let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
                switch ext {
                case "png": XCTAssertNoThrow(try DecodedPNG(Array(bytes)), "\(c)")
                case "svg": XCTAssertTrue(String(decoding: bytes.prefix(200), as: UTF8.self).contains("<svg"), "\(c)")
                default: XCTAssertEqual(String(decoding: bytes.prefix(5), as: UTF8.self), "%PDF-", "\(c)")
                }
            }
        }
    }

    /// Bad values exit 64 with a message naming the value as typed, and write nothing.
    func testBadFlagsExit64NamingTheValueAndWriteNothing() throws {
        let dir = try makeTemporaryDirectory()
        let cases: [([String], String)] = [
            (["softmax", "--temperature", "0"], "'0'"),
            (["softmax", "--temperature", "1,-2"], "invalid --temperature '1,-2': '-2' is not > 0"),
            (["softmax", "--logits", ""], "--logits ''"),
            (["softmax", "--logits", "1,x"], "'x'"),
            (["softmax", "--group-by", "colour"], "'colour'"),
            (["activations", "--names", "nope"], "'nope'"),
            (["activations", "--names", "relu,"], "'relu,'"),
            (["loss", "--probabilities", "0.5,1"], "invalid --probabilities '0.5,1': '1' is not a probability"),
            (["loss", "--delta", "0"], "invalid --delta '0'"),
            (["xor", "--lr=-1"], "invalid --lr '-1'"),
            (["xor", "--epochs", "0"], "'0'"),
        ]
        for (args, needle) in cases {
            let run = try runDLPlot(args + ["-o", "out.png"], in: dir)
            XCTAssertEqual(run.status, 64, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(needle), "\(args): expected \(needle) in: \(run.stderr)")
        }
        XCTAssertEqual(listing(dir), [])
    }

    /// Each command's --help names every option with its default.
    func testHelpExplainsOptionsAndDefaults() throws {
        for (cmd, needles) in [("softmax", ["--logits", "default: 2,1,0.1", "--temperature", "--group-by"]),
                               ("loss", ["--probabilities", "--delta", "--error-range", "--gradients"]),
                               ("activations", ["--names", "--table", "--range", "--y-range", "1920x1280"]),
                               ("xor", ["--seed", "default: 1", "--epochs", "--lr"])] {
            let run = try runDLPlot([cmd, "--help"])
            XCTAssertEqual(run.status, 0)
            for n in needles { XCTAssertTrue(run.stdout.contains(n), "\(cmd) --help lacks \(n)") }
        }
    }

    /// Two runs of the same command line give identical bytes (the PNG records the command line, so
    /// both write the same file name, in two directories).
    func testDeterministic() throws {
        let a = try makeTemporaryDirectory(), b = try makeTemporaryDirectory()
        for c in [["xor", "--epochs", "200"], ["softmax"], ["activations", "--names", "gelu,relu"]] {
            XCTAssertEqual(try runDLPlot(c + ["-o", "f.png"], in: a).status, 0)
            XCTAssertEqual(try runDLPlot(c + ["-o", "f.png"], in: b).status, 0)
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("f.png")), try Data(contentsOf: b.appendingPathComponent("f.png")), "\(c)")
        }
    }

    /// dlplot reads the font directories without the system's fontconfig rules; with those rules
    /// (`FONTCONFIG_FILE` set, which dlplot honours) the same figure has the same bytes, so figures
    /// depend on the fonts installed, not on desktop preferences.
    func testFiguresDoNotDependOnFontconfigRules() throws {
        let system = "/etc/fonts/fonts.conf"
        guard FileManager.default.fileExists(atPath: system) else { throw XCTSkip("no \(system)") }
        let a = try makeTemporaryDirectory(), b = try makeTemporaryDirectory()
        let c = ["activation", "sigmoid", "tanh", "--title", "Squashing: $\\sigma(x)$ and $\\tanh x$", "-o", "f.png"]
        XCTAssertEqual(try runDLPlot(c, in: a).status, 0)
        XCTAssertEqual(try runDLPlot(c, in: b, environment: ["FONTCONFIG_FILE": system]).status, 0)
        let own = try Data(contentsOf: a.appendingPathComponent("f.png"))
        XCTAssertEqual(own, try Data(contentsOf: b.appendingPathComponent("f.png")))
        XCTAssertGreaterThan(own.count, 10_000)
    }

    /// A command named first is parsed on its own; its errors and help still read as `dlplot`'s.
    func testCommandErrorsAndHelpNameDLPlot() throws {
        let bad = try runDLPlot(["activation", "sigmoid", "--size", "12"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, "one line: " + bad.stderr)
        XCTAssertTrue(bad.stderr.contains("'12'"), bad.stderr)
        let bare = try runDLPlot(["activation"])  // no arguments at all: the usage is what helps
        XCTAssertEqual(bare.status, 64)
        XCTAssertTrue(bare.stderr.contains("Usage: dlplot activation"), bare.stderr)
        let help = try runDLPlot(["activation", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: dlplot activation"), help.stdout)
    }
}

/// Reads the tidy tables a `--data NAME.csv` wrote (NAME.csv, NAME-2.csv, …): header line → rows of
/// numbers (text cells NaN, true/false 1/0).
func readDataCSV(_ url: URL) throws -> [String: [[Double]]] {
    var out: [String: [[Double]]] = [:]
    let stem = url.deletingPathExtension().path
    var k = 1
    while true {
        let file = URL(fileURLWithPath: k == 1 ? url.path : stem + "-\(k).csv")
        guard FileManager.default.fileExists(atPath: file.path) else { break }
        let t = try TidyTable(file)
        out[t.columns.joined(separator: ",")] = t.rows.map { $0.map { $0 == "true" ? 1 : $0 == "false" ? 0 : Double($0) ?? .nan } }
        k += 1
    }
    return out
}

/// The rows of the table whose header starts with `prefix`.
func table(_ tables: [String: [[Double]]], _ prefix: String) -> [[Double]]? {
    tables.first { $0.key.hasPrefix(prefix) }?.value
}
