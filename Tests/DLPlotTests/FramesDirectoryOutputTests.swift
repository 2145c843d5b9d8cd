import Foundation
import XCTest

/// `--frames-dir` is one all-or-nothing output with `--data`: a new directory is made whole beside its name
/// and renamed, the tables go with it (they were silently left out), a failure leaves nothing, and frames an
/// earlier run left are removed with a note, while a frame-named file dlplot did not write is kept.
final class FramesDirectoryOutputTests: XCTestCase {
    private let small = ["surface", "bowl", "--optimizers", "gd", "--steps", "5", "--size", "480x300", "--animate"]

    func testDataIsWrittenWithTheFrames() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(small + ["--frames", "3", "--frames-dir", "fd", "--data", "an.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir), ["an.csv", "fd"])
        XCTAssertEqual(listing(dir.appendingPathComponent("fd")), ["animation.tex", "frame-0001.png", "frame-0002.png", "frame-0003.png"])
        // The same table as the animation written to a file, and as the still figure.
        let gif = try runDLPlot(small + ["--frames", "3", "-o", "a.gif", "--data", "gif.csv"], in: dir)
        XCTAssertEqual(gif.status, 0, gif.stderr)
        let table = try String(contentsOf: dir.appendingPathComponent("an.csv"), encoding: .utf8)
        XCTAssertEqual(table, try String(contentsOf: dir.appendingPathComponent("gif.csv"), encoding: .utf8))
        XCTAssertEqual(table.split(separator: "\n").count, 7, "a header and steps 0–5")
        let stdout = try runDLPlot(small + ["--frames", "3", "--frames-dir", "fd2", "--data", "-"], in: dir)
        XCTAssertEqual(stdout.status, 64)
        XCTAssertEqual(stdout.stderr, "Error: invalid --data '-': with --frames-dir the tables go to a file; name one\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("fd2").path))
    }

    /// The tables cannot be written (/proc takes no new file): the new frames directory is taken back.
    func testAFailedTableLeavesNoFramesDirectory() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(small + ["--frames", "2", "--frames-dir", "fd", "--data", "/proc/dlplot-frames-test.csv"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("Error: cannot write '/proc/dlplot-frames-test.csv'"), r.stderr)
        XCTAssertEqual(listing(dir), [], "no frames directory and no temporary one")
        // Into an existing directory: its files are as before.
        let fd = dir.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: fd, withIntermediateDirectories: false)
        try "old".write(to: fd.appendingPathComponent("animation.tex"), atomically: true, encoding: .utf8)
        let again = try runDLPlot(small + ["--frames", "2", "--frames-dir", "old", "--data", "/proc/dlplot-frames-test.csv"], in: dir)
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertEqual(listing(fd), ["animation.tex"])
        XCTAssertEqual(try String(contentsOf: fd.appendingPathComponent("animation.tex"), encoding: .utf8), "old")
    }

    func testStaleFramesAreSaidAndAForeignFileIsKept() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fd = dir.appendingPathComponent("fd")
        XCTAssertEqual(try runDLPlot(small + ["--frames", "4", "--frames-dir", "fd"], in: dir).status, 0)
        try "USER".write(to: fd.appendingPathComponent("frame-0009.png"), atomically: true, encoding: .utf8)
        try "notes".write(to: fd.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try runDLPlot(small + ["--frames", "2", "--frames-dir", "fd"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "note: removed 2 frames (frame-0003.png, frame-0004.png) left in --frames-dir 'fd' by an earlier run "
                       + "(this run wrote 2 frames)\n"
                       + "note: kept frame-0009.png in --frames-dir 'fd': not written by dlplot, but named like its frames\n")
        XCTAssertEqual(listing(fd), ["animation.tex", "frame-0001.png", "frame-0002.png", "frame-0009.png", "notes.txt"])
        XCTAssertEqual(try String(contentsOf: fd.appendingPathComponent("frame-0009.png"), encoding: .utf8), "USER")
        // The other format's frames go too, and PDF frames are recognised as dlplot's.
        let three = try runDLPlot(small + ["--frames", "3", "--frame-format", "pdf", "--frames-dir", "fd"], in: dir)
        XCTAssertTrue(three.stderr.hasPrefix("note: removed 2 frames (frame-0001.png, frame-0002.png) left in --frames-dir 'fd'"), three.stderr)
        let pdf = try runDLPlot(small + ["--frames", "2", "--frame-format", "pdf", "--frames-dir", "fd"], in: dir)
        XCTAssertTrue(pdf.stderr.hasPrefix("note: removed frame-0003.pdf left in --frames-dir 'fd' by an earlier run (this run wrote 2 frames)\n"), pdf.stderr)
        XCTAssertEqual(listing(fd), ["animation.tex", "frame-0001.pdf", "frame-0002.pdf", "frame-0009.png", "notes.txt"])
    }
}
