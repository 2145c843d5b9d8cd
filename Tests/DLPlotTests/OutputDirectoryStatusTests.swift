import Foundation
import XCTest
@testable import dlplot

/// The directories a command makes (`gallery --out`, `--frames-dir`) follow the README's exit statuses: a
/// file system that refuses a valid name (read-only, no permission) is a failed write, exit 1 with "cannot
/// write …"; a name that cannot be a directory is bad input, exit 64. (`gallery --out` on a read-only file
/// system exited 64 while `-o` there exited 1.)
final class OutputDirectoryStatusTests: XCTestCase {
    private let manifest = "[[figure]]\nname = \"relu\"\ncommand = \"activation relu --size 320x200 --dpi 64\"\n"

    func testErrnoDecidesTheStatus() {
        for (code, valid) in [(EROFS, true), (EACCES, true), (EPERM, true), (ENOSPC, true), (EIO, true), (ENOENT, true),
                              (ENOTDIR, false), (ENAMETOOLONG, false), (ELOOP, false)] {
            let error = DLPlot.Gallery.directoryFailure("ro/g", errno: code)
            XCTAssertEqual(DLPlot.exitCode(for: error).rawValue, valid ? 1 : 64, "errno \(code)")
            let text = DLPlot.message(for: error)
            XCTAssertTrue(text.hasPrefix(valid ? "cannot write --out 'ro/g': cannot create the directory: " : "invalid --out 'ro/g'"), text)
        }
        XCTAssertTrue(DLPlot.message(for: DLPlot.Gallery.directoryFailure("ro/g", errno: EROFS)).hasSuffix("read-only file system"))
    }

    /// A directory the file system will not make (/sys refuses every new name, /proc has none to make):
    /// exit 1, one line, nothing written.
    func testAnOutDirectoryTheFileSystemRefusesExitsOne() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try manifest.write(to: dir.appendingPathComponent("g.toml"), atomically: true, encoding: .utf8)
        for out in ["/sys/dlplot-gallery-out-test", "/proc/dlplot-gallery-out-test"] {
            guard mkdir(out, 0o755) != 0 else { rmdir(out); continue }  // a system that allows it has nothing to test
            let r = try runDLPlot(["gallery", "--manifest", "g.toml", "--out", out, "--formats", "png"], in: dir)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("Error: cannot write --out '\(out)': cannot create the directory: "), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        XCTAssertEqual(listing(dir), ["g.toml"])
    }

    func testAnOutUnderAFileIsBadInput() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try manifest.write(to: dir.appendingPathComponent("g.toml"), atomically: true, encoding: .utf8)
        let r = try runDLPlot(["gallery", "--manifest", "g.toml", "--out", "g.toml/out", "--formats", "png"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("Error: invalid --out 'g.toml'"), r.stderr)
        XCTAssertEqual(listing(dir), ["g.toml"])
    }
}
