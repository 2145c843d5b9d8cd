import Foundation
import XCTest

/// Inputs whose cost once grew without bound, and messages that must quote what the user typed.
final class BoundedCostTests: XCTestCase {
    /// `eval softmax` with 20,000 logits as CSV builds no Jacobian: it runs in a small memory limit
    /// (the n×n Jacobian alone would be 3.2 GB) and prints every row.
    func testSoftmaxCSVOfTwentyThousandLogitsNeedsNoJacobian() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logits = (0..<20_000).map { String($0 % 7) }.joined(separator: ",")
        let r = try HostileInputTests.runLimited(["eval", "softmax", "--logits", logits], in: dir, memoryKB: "1000000", seconds: 60,
                                                 limitIsTested: true)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 20_001)
        XCTAssertEqual(lines.first, "i,input,output")
    }

    /// A 20000×20000 PNG under a memory limit that leaves too little beside its 1.6 GB buffer: a clear
    /// error and exit 1 (a valid request that failed), not an abort inside GLib, and no file.
    func testHugeRasterUnderAMemoryLimitFailsCleanly() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try HostileInputTests.runLimited(["activation", "relu", "--size", "20000x20000", "-o", "big.png"], in: dir,
                                                 memoryKB: "1680000", seconds: 60, limitIsTested: true)
        XCTAssertEqual(r.status, 1, r.stderr.prefix(300) + "")
        // Y14-14: the one line names --size as typed and what to change ("cairo failed to create a surface" named neither).
        XCTAssertEqual(r.stderr, "Error: cannot draw --size '20000x20000': a 20000x20000 image needs 1.6 GB of memory, which could "
                       + "not be allocated; give a smaller --size, or write .svg or .pdf\n")
        XCTAssertEqual(listing(dir), [])
        let inches = try HostileInputTests.runLimited(["activation", "relu", "--size", "10x10in", "--dpi", "2000", "-o", "big.png"], in: dir,
                                                      memoryKB: "1680000", seconds: 60, limitIsTested: true)
        XCTAssertEqual(inches.status, 1, inches.stderr.prefix(300) + "")
        XCTAssertTrue(inches.stderr.hasPrefix("Error: cannot draw --size '10x10in': a 20000x20000 image needs 1.6 GB"), inches.stderr.prefix(300) + "")
        XCTAssertEqual(listing(dir), [])
    }

    /// With fontconfig finding no fonts, text would be drawn as empty boxes: the error says the font is
    /// missing (it once blamed the figure size), and nothing is written.
    func testMissingFontIsNamed() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let conf = dir.appendingPathComponent("empty.conf")
        try "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>\(dir.path)/cache</cachedir></fontconfig>\n".write(to: conf, atomically: true, encoding: .utf8)
        let out = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runDLPlot(["activation", "relu", "-o", out.appendingPathComponent("a.png").path], environment: ["FONTCONFIG_FILE": conf.path])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("no usable font: the default family 'DejaVu Sans' is not installed"), r.stderr)
        XCTAssertEqual(listing(out), [])
    }

    /// Errors quote numbers as typed: `-160`, `-1.6e2`, `-0.50`, never the parsed `-160.0`.
    func testNumericErrorsQuoteTheValueAsTyped() throws {
        let cases: [([String], String)] = [
            (["activation", "relu", "--dpi", "-160"], "invalid --dpi '-160'"),
            (["activation", "relu", "--dpi=-1.6e2"], "invalid --dpi '-1.6e2'"),
            (["activation", "relu", "--font-scale", "-1"], "invalid --font-scale '-1'"),
            (["activation", "relu", "--saturation", "-1e0"], "invalid --saturation '-1e0'"),
            (["activation", "relu", "--saturation-rel", "2"], "invalid --saturation-rel '2'"),
            (["activations", "--saturation", "-3"], "invalid --saturation '-3'"),
            (["softmax", "--temperature", "1,-1"], "invalid --temperature '1,-1': '-1' is not > 0"),
            (["lr", "--rates", "0.1,-0.50"], "invalid --rates '0.1,-0.50': '-0.50' is not a learning rate"),
            (["pitfalls", "--rates", "-2"], "invalid --rates '-2': '-2' is not a learning rate"),
            (["loss", "--probabilities", "0.5,1"], "invalid --probabilities '0.5,1': '1' is not a probability"),
            (["lr", "--start", "nan"], "invalid --start 'nan'"),
            (["surface", "bowl", "--view", "3d", "--elevation", "95"], "invalid --elevation '95': expected -90 to 90 degrees"),
        ]
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (args, expected) in cases {
            let r = try runDLPlot(args + ["-o", "x.png"], in: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains(".0'"), "\(args): \(r.stderr)")
            XCTAssertEqual(listing(dir), [])
        }
    }
}
