import Foundation
import XCTest

/// `--label` names each run in the legend: an empty name is refused, and two equal names are told apart
/// with a note.
final class RunsLabelTests: XCTestCase {
    func testEmptyLabelIsRefusedAndEqualLabelsAreNoted() throws {
        let dir = try makeTemporaryDirectory()
        let a = dir.appendingPathComponent("a.csv").path, b = dir.appendingPathComponent("b.csv").path
        try "step,loss\n0,1\n1,0.5\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "step,loss\n0,2\n1,0.7\n".write(toFile: b, atomically: true, encoding: .utf8)
        let empty = try runDLPlot(["runs", a, b, "--label", "", "--label", "x", "-o", "e.png"], in: dir)
        XCTAssertEqual(empty.status, 64)
        XCTAssertEqual(empty.stderr, "Error: invalid --label '': expected a non-empty name for the run in the legend\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("e.png").path))
        let same = try runDLPlot(["runs", a, b, "--label", "same", "--label", "same", "--data", "s.csv", "-o", "s.png"], in: dir)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stderr.contains("note: two runs are named 'same'; the later is drawn as 'same (2)'"), same.stderr)
        let table = try String(contentsOfFile: dir.appendingPathComponent("s.csv").path, encoding: .utf8)
        XCTAssertTrue(table.contains("same (2),loss,1,0.7\n"), table)
    }
}
