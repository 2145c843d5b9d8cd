import Foundation
import XCTest

/// What a killed run leaves before its rename (`NAME.tmp-PID-N` beside a file, `DIR.tmp-PID-frames` beside a
/// new --frames-dir) is removed by the next run that writes the same target; another target's temporaries,
/// and those of a process that still runs, are kept.
final class StaleTemporaryCleanupTests: XCTestCase {
    /// Above Linux's largest pid (2²²): no process has it, as for a writer killed with -9.
    private let gone = 2_147_483_000
    private let small = ["surface", "bowl", "--optimizers", "gd", "--steps", "5", "--size", "480x300", "--animate"]

    private func touch(_ url: URL) {
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data("partial".utf8)))
    }

    func testASingleFileRunRemovesItsTargetsStaleTemporaries() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alive = ProcessInfo.processInfo.processIdentifier
        touch(dir.appendingPathComponent("out.png.tmp-\(gone)-1"))
        touch(dir.appendingPathComponent("out.png.tmp-\(gone)-7"))
        touch(dir.appendingPathComponent("d.csv.tmp-\(gone)-2"))
        touch(dir.appendingPathComponent("d-2.csv.tmp-\(gone)-5"))
        touch(dir.appendingPathComponent("out.png.tmp-\(alive)-3"))
        touch(dir.appendingPathComponent("other.png.tmp-\(gone)-4"))
        let r = try runDLPlot(["activation", "sigmoid", "-o", "out.png", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir), ["d-2.csv", "d.csv", "other.png.tmp-\(gone)-4", "out.png", "out.png.tmp-\(alive)-3"])
    }

    func testAFramesDirectoryRunRemovesAKilledRunsTemporaryDirectory() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stale = dir.appendingPathComponent("fd.tmp-\(gone)-frames")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        touch(stale.appendingPathComponent("frame-0001.png"))
        let otherStale = dir.appendingPathComponent("other.tmp-\(gone)-frames")
        try FileManager.default.createDirectory(at: otherStale, withIntermediateDirectories: false)
        // A new directory: made beside its name and renamed, then the leftover goes.
        let r = try runDLPlot(small + ["--frames", "2", "--frames-dir", "fd"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir), ["fd", "other.tmp-\(gone)-frames"])
        XCTAssertEqual(listing(dir.appendingPathComponent("fd")), ["animation.tex", "frame-0001.png", "frame-0002.png"])
        // An existing directory, written in place: a leftover beside it goes too.
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        let again = try runDLPlot(small + ["--frames", "2", "--frames-dir", "fd/"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(listing(dir), ["fd", "other.tmp-\(gone)-frames"])
    }
}
