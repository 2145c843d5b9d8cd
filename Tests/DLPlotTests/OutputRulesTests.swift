import Foundation
import XCTest

/// Output is all-or-nothing, only regular files are replaced, standard output is written on request
/// and its failures are reported, and the gallery's rules for files it did not write hold.
final class OutputRulesTests: XCTestCase {
    private func sh(_ script: String, in dir: URL) throws -> DLPlotResult {
        try runShell(script, shell: "/bin/sh", in: dir)
    }

    func testAFailingSecondTargetLeavesTheFirstUntouched() throws {
        let dir = try makeTemporaryDirectory()
        try Data("old".utf8).write(to: dir.appendingPathComponent("old.png"))
        let r = try runDLPlot(["activation", "relu", "--size", "640x360", "-o", "old.png", "--data", "nodir/d.csv"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("invalid --data 'nodir/d.csv'"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("old.png")), Data("old".utf8))
        XCTAssertEqual(listing(dir), ["old.png"])
    }

    func testStandardOutputTargets() throws {
        let dir = try makeTemporaryDirectory()
        let svg = try runDLPlot(["activation", "relu", "--size", "640x360", "-o", "-", "--format", "svg"], in: dir)
        XCTAssertEqual(svg.status, 0, svg.stderr)
        XCTAssertTrue(svg.stdout.hasPrefix("<?xml"), String(svg.stdout.prefix(40)))
        let file = try runDLPlot(["activation", "relu", "--size", "640x360", "-o", "r.svg"], in: dir)
        XCTAssertEqual(file.status, 0)
        XCTAssertEqual(svg.stdout, try String(contentsOf: dir.appendingPathComponent("r.svg"), encoding: .utf8), "same bytes")
        let png = try sh("\"$0\" activation relu --size 640x360 -o /dev/stdout | head -c 8 | od -An -tx1", in: dir)
        XCTAssertEqual(png.stdout.split(separator: " ").joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines),
                       "89 50 4e 47 0d 0a 1a 0a")
        XCTAssertEqual(listing(dir), ["r.svg"])
        // --format that contradicts the extension is an error, not an SVG inside a .png.
        let mismatch = try runDLPlot(["activation", "relu", "-o", "a.png", "--format", "svg"], in: dir)
        XCTAssertEqual(mismatch.status, 64)
        XCTAssertTrue(mismatch.stderr.contains("invalid --format 'svg'") && mismatch.stderr.contains("a.png"), mismatch.stderr)
    }

    func testOnlyRegularFilesAreReplaced() throws {
        let dir = try makeTemporaryDirectory()
        _ = try sh("mkfifo fifo && ln -s /proc/self/fd/1 self && echo keep > real.png && ln -s real.png link.png", in: dir)
        for name in ["fifo", "self"] {
            let r = try runDLPlot(["activation", "relu", "-o", name, "--format", "png"], in: dir)
            XCTAssertEqual(r.status, 64, name + ": " + r.stderr)
            XCTAssertTrue(r.stderr.contains("invalid -o '\(name)'"), r.stderr)
        }
        var st = stat()
        XCTAssertEqual(lstat(dir.appendingPathComponent("fifo").path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        // A link to a regular file is written through; the link stays a link.
        let r = try runDLPlot(["activation", "relu", "--size", "640x360", "-o", "link.png"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(lstat(dir.appendingPathComponent("link.png").path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("real.png")).prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))
    }

    func testALongValidNameIsWritten() throws {
        let dir = try makeTemporaryDirectory()
        let name = String(repeating: "a", count: 250) + ".png"  // 254 bytes
        let r = try runDLPlot(["activation", "relu", "--size", "640x360", "-o", name], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir), [name])
    }

    func testFailedWritesToStandardOutputAreReported() throws {
        let dir = try makeTemporaryDirectory()
        for script in ["\"$0\" eval activation gelu --x -2,0,1.5 > /dev/full",
                       "\"$0\" trace --surface bowl --optimizer gd --steps 5000 > /dev/full",
                       "\"$0\" list surfaces >&-"] {
            let r = try sh(script, in: dir)
            XCTAssertEqual(r.status, 1, script)
            XCTAssertTrue(r.stderr.contains("cannot write standard output"), script + ": " + r.stderr)
        }
    }

    func testOmittedOutputSaysWhereTheFileWent() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["activation", "relu", "--size", "640x360"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let written = try XCTUnwrap(listing(dir).first)
        XCTAssertEqual(r.stderr, "wrote \(written)\n")
    }

    func testGalleryRulesForFilesItDidNotWrite() throws {
        let dir = try makeTemporaryDirectory()
        try """
            [[figure]]
            name = "sig"
            caption = "Sigmoid"
            command = "activation sigmoid --size 400x300"
            """.write(to: dir.appendingPathComponent("gallery.toml"), atomically: true, encoding: .utf8)
        // Rule 1: a README.md that is not a gallery index is not replaced.
        try Data("# My notes\n".utf8).write(to: dir.appendingPathComponent("README.md"))
        let refused = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", ".", "--formats", "png"], in: dir)
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("README.md"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8), "# My notes\n")
        XCTAssertEqual(listing(dir), ["README.md", "gallery.toml"])
        // Rule 3: a temporary left by a process that is gone is removed; an unrelated one is not.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("README.md"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("sig.png.tmp-999999-3"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("mine.png.tmp-999999-3"))
        let ok = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", ".", "--formats", "png"], in: dir)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(listing(dir), ["README.md", "gallery.toml", "index.html", "mine.png.tmp-999999-3", "sig.png"])
        // The gallery's own index and page are replaced on the next run.
        let again = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", ".", "--formats", "png"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        // Rule 1 for index.html: a page of someone else's is refused, and neither index is touched.
        let readme = try Data(contentsOf: dir.appendingPathComponent("README.md"))
        try Data("<!DOCTYPE html>\n<title>Course page</title>\n".utf8).write(to: dir.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("sig.png"))
        let foreign = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", ".", "--formats", "png"], in: dir)
        XCTAssertEqual(foreign.status, 64, foreign.stderr)
        XCTAssertTrue(foreign.stderr.contains("index.html': it exists and is not a gallery page"), foreign.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8),
                       "<!DOCTYPE html>\n<title>Course page</title>\n")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("README.md")), readme)
        XCTAssertEqual(listing(dir), ["README.md", "gallery.toml", "index.html", "mine.png.tmp-999999-3"])
    }

    /// `--data d.csv` on a figure with two tables also writes d-2.csv: that name is said on standard
    /// error, checked like every target (and named as --data's), and never taken from -o.
    func testDataFilesBesideTheNameAreSaidAndChecked() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", "k.png", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "wrote k.png, d.csv and d-2.csv\n")
        XCTAssertEqual(listing(dir), ["d-2.csv", "d.csv", "k.png"])
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("f-2.csv").path, 0o644), 0)
        let fifo = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", "k.png", "--data", "f.csv"], in: dir)
        XCTAssertEqual(fifo.status, 64)
        XCTAssertTrue(fifo.stderr.hasPrefix("Error: invalid --data 'f.csv': its further table 'f-2.csv': it is a FIFO"), fifo.stderr)
        let clash = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", "e-2.csv", "--format", "png", "--data", "e.csv"], in: dir)
        XCTAssertEqual(clash.status, 64)
        XCTAssertEqual(clash.stderr, "Error: invalid --data 'e.csv': its further table 'e-2.csv': it is where -o already writes\n")
        XCTAssertEqual(listing(dir), ["d-2.csv", "d.csv", "f-2.csv", "k.png"], "nothing more written")
        let single = try runDLPlot(["loss", "--size", "640x480", "-o", "l.png"], in: dir)
        XCTAssertEqual(single.stderr, "", "a name the user gave is not repeated")
    }

    /// One file named two ways (`X.csv` and `./X.csv`, an absolute path, a link to it) is one target:
    /// refused before anything is rendered, naming both options (it lost the figure, or failed with exit 1).
    func testOneFileNamedTwoWaysIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        try Data("keep".utf8).write(to: dir.appendingPathComponent("real.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("alias.json").path, withDestinationPath: "real.csv")
        let cases: [([String], String)] = [
            (["-o", "real2.csv", "--format", "png", "--data", "./real2.csv"], "invalid --data './real2.csv': -o already writes there"),
            (["-o", "same3.csv", "--format", "png", "--data", dir.path + "/same3.csv"], "invalid --data '\(dir.path)/same3.csv': -o already writes there"),
            (["-o", "k.png", "--data", "real.csv", "--layout-report", "alias.json"], "invalid --layout-report 'alias.json': --data already writes there"),
            (["-o", "real.csv", "--format", "png", "--data", "../\(dir.lastPathComponent)/real.csv"], "-o already writes there"),
        ]
        for (args, message) in cases {
            let r = try runDLPlot(["activation", "relu", "--size", "480x270"] + args, in: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("Error: ") && r.stderr.contains(message) && r.stderr.split(separator: "\n").count == 1,
                          "\(args): \(r.stderr)")
        }
        XCTAssertEqual(listing(dir), ["alias.json", "real.csv"])
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("real.csv")), Data("keep".utf8))
    }
}
