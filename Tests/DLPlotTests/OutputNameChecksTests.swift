import Foundation
import XCTest

/// Every file a command writes is checked before any is written, with the name the user typed: a `--data`
/// name whose further table's name is longer than the file system allows replaced `-o` and wrote NAME.csv,
/// then failed (exit 1, a mixed set); a hard link to `-o` given as `--data` exited 1 where a symbolic link exits 64.
final class OutputNameChecksTests: XCTestCase {
    func testAFurtherTableWhoseNameIsTooLongStopsEverythingFirst() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "OLD".write(to: dir.appendingPathComponent("keep.png"), atomically: true, encoding: .utf8)
        let stem = String(repeating: "m", count: 250)  // m….csv is 254 bytes, m…-2.csv 256
        let r = try runDLPlot(["loss", "--size", "800x500", "-o", "keep.png", "--data", stem + ".csv"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        // Both names cut to 100 characters, as every value in a message is.
        let cut = String(repeating: "m", count: 100) + "…"
        XCTAssertEqual(r.stderr, "Error: invalid --data '\(cut)': its further table '\(cut)': its name is 256 bytes, "
                       + "longer than the file system allows (255)\n")
        XCTAssertEqual(listing(dir), ["keep.png"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("keep.png"), encoding: .utf8), "OLD")
        // An animation's --data is checked the same way.
        let animated = try runDLPlot(["lr", "--animate", "--frames", "2", "--size", "640x400", "-o", "a.gif", "--data", stem + ".csv"], in: dir)
        XCTAssertEqual(animated.status, 0, "lr has one table: its name fits")
        let long = String(repeating: "n", count: 256) + ".png"
        let o = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", long], in: dir)
        XCTAssertEqual(o.status, 64)
        XCTAssertEqual(o.stderr, "Error: invalid -o '\(String(repeating: "n", count: 100))…': its name is 260 bytes, longer than the file system allows (255)\n")
    }

    func testAHardLinkToAnotherOutputIsTheSameTarget() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "X".write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(link(dir.appendingPathComponent("t.csv").path, dir.appendingPathComponent("h.csv").path), 0)
        let r = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", "t.csv", "--format", "png", "--data", "h.csv"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "Error: invalid --data 'h.csv': -o already writes there\n")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("t.csv"), encoding: .utf8), "X")
    }

    func testAClashOfAFurtherTableNamesTheValueTyped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["loss", "--size", "800x500", "-o", "r-2.csv", "--format", "png", "--data", "r.csv"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "Error: invalid --data 'r.csv': its further table 'r-2.csv': it is where -o already writes\n")
        XCTAssertEqual(listing(dir), [])
    }
}
