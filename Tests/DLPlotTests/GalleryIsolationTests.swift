import Foundation
import XCTest

/// Y14-28 and Y14-4: a gallery entry that traps (a Swift runtime failure ended the whole gallery: later entries,
/// README.md and index.html were never written) is reported with its manifest line while the others render and
/// the indexes are written; an entry's warnings name the entry (they came unlabelled between progress lines).
final class GalleryIsolationTests: XCTestCase {
    private let manifest = """
        [[figure]]
        name = "a"
        caption = "Sigmoid"
        command = "activation sigmoid --size 400x300"

        [[figure]]
        name = "boom"
        caption = "Traps"
        command = "activation tanh --size 400x300"

        [[figure]]
        name = "c"
        caption = "ReLU"
        command = "activation relu --size 400x300 --title '$\(String(repeating: "{", count: 40))x$'"
        """

    func testATrappingEntryIsReportedAndTheOthersAndTheIndexesAreWritten() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try manifest.write(to: dir.appendingPathComponent("m.toml"), atomically: true, encoding: .utf8)
        for jobs in ["1", "2"] {
            let out = "out" + jobs
            let r = try runDLPlot(["gallery", "--manifest", "m.toml", "--out", out, "--formats", "png", "--jobs", jobs], in: dir,
                                  environment: ["DLPLOT_GALLERY_TEST_TRAP": "boom"])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("m.toml:6: entry 'boom': crashed (signal"), r.stderr)
            XCTAssertTrue(r.stdout.contains("2 of 3 figures rendered"), r.stdout)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(out).path).sorted()
            // The others and both indexes; nothing of the trapped entry, no temporary left behind.
            XCTAssertEqual(files, ["README.md", "a.png", "c.png", "index.html"])
            let index = try String(contentsOf: dir.appendingPathComponent(out + "/README.md"), encoding: .utf8)
            XCTAssertTrue(index.contains("c.png") && !index.contains("boom.png"), index)
            // The child's backtrace stays out of the report: progress lines, c's warnings, the one problem.
            XCTAssertLessThan(r.stderr.split(separator: "\n").count, 12, r.stderr)
            // c's warning names its entry.
            let warnings = r.stderr.split(separator: "\n").filter { $0.contains("warning:") }
            XCTAssertFalse(warnings.isEmpty, r.stderr)
            XCTAssertTrue(warnings.allSatisfy { $0.hasPrefix("m.toml:11: entry 'c': warning:") }, r.stderr)
        }
    }
}

extension GalleryIsolationTests {
    /// S16-8: `--only` an entry that fails left a new, empty --out directory behind and said "with 1 jobs".
    func testNothingRenderedLeavesNoNewDirectory() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = manifest + "\n\n[[figure]]\nname = \"badopt\"\ncaption = \"Too small\"\ncommand = \"activation sigmoid --size 10x10\"\n"
        try bad.write(to: dir.appendingPathComponent("m.toml"), atomically: true, encoding: .utf8)
        let r = try runDLPlot(["gallery", "--manifest", "m.toml", "--out", "g4/deep", "--only", "badopt", "--formats", "png"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("entry 'badopt': invalid --size '10x10'"), r.stderr)
        XCTAssertTrue(r.stdout.contains("0 of 1 figures rendered") && r.stdout.contains(" with 1 job; 1 failed"), r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g4").path))
        // An existing directory stays, and one figure that renders keeps the new one.
        let good = try runDLPlot(["gallery", "--manifest", "m.toml", "--out", "g5", "--only", "a", "--formats", "png"], in: dir)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g5/a.png").path))
    }
}
