import Foundation
import XCTest

/// Y14-3 (issue 17 §5): a command writing files and standard output is all-or-nothing across both. With
/// `-o x.png --data - > /dev/full` the figure was renamed into place and then the table failed (exit 1).
final class StandardOutputCommitTests: XCTestCase {
    func testAFailedStandardOutputReplacesNoFile() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = try runShell("\"$0\" surface bowl --size 640x360 -o x.png --data - > /dev/full", in: dir)
        XCTAssertEqual(fresh.status, 1, fresh.stderr)
        XCTAssertEqual(fresh.stderr, "Error: cannot write standard output: no space left on device\n")
        XCTAssertEqual(listing(dir), [], "no x.png, and no temporary left")
        // An existing figure keeps its bytes; its companion --layout-report file is not written either.
        let old = Data("old figure".utf8)
        try old.write(to: dir.appendingPathComponent("x.png"))
        let again = try runShell("\"$0\" surface bowl --size 640x360 -o x.png --layout-report l.json --data - > /dev/full", in: dir)
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("x.png")), old)
        XCTAssertEqual(listing(dir), ["x.png"])
        // A standard output that takes the table: both written.
        let fine = try runShell("\"$0\" surface bowl --size 640x360 -o x.png --data - > d.csv", in: dir)
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("x.png")).prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8).hasPrefix("run,step,x,y,f\n"))
    }
}
