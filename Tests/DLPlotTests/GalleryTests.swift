import Foundation
import XCTest
@testable import Figures
@testable import dlplot

/// `dlplot gallery`: renders a manifest in parallel, byte-identically, and reports bad entries by line.
final class GalleryTests: XCTestCase {
    private let manifest = """
        # a test manifest
        [[figure]]
        name = "sig"
        caption = "Sigmoid"
        command = "activation sigmoid --size 400x300"

        [[figure]]
        name = "lr"
        caption = "Rates"
        command = "lr --rates 0.1,0.5 --size 500x300"

        [[figure]]
        name = "pit"
        caption = "Pitfalls"
        command = "pitfalls --size 400x300 --dpi 64"
        """

    func testRendersEveryEntryAndTheIndexIdenticallyWhateverTheJobs() throws {
        let dir = try makeTemporaryDirectory()
        try manifest.write(to: dir.appendingPathComponent("gallery.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("one"), withIntermediateDirectories: true)
        let a = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", "one", "--jobs", "1", "--formats", "png,svg,pdf"], in: dir)
        // A missing --out directory (and its parents) is created.
        let b = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", "new/two", "--jobs", "3", "--formats", "png,svg,pdf"], in: dir)
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 0, b.stderr)
        let files = listing(dir.appendingPathComponent("one"))
        XCTAssertEqual(files, ["README.md", "index.html", "lr.pdf", "lr.png", "lr.svg", "pit.pdf", "pit.png", "pit.svg", "sig.pdf", "sig.png", "sig.svg"])
        XCTAssertEqual(files, listing(dir.appendingPathComponent("new/two")))
        for f in files {
            let x = try Data(contentsOf: dir.appendingPathComponent("one/" + f))
            let y = try Data(contentsOf: dir.appendingPathComponent("new/two/" + f))
            XCTAssertEqual(x, y, f)
        }
        let index = try String(contentsOf: dir.appendingPathComponent("one/README.md"), encoding: .utf8)
        XCTAssertTrue(index.contains("dlplot lr --rates 0.1,0.5 --size 500x300 -o lr.png"))
        XCTAssertTrue(index.contains("![Sigmoid](sig.png)"))
        XCTAssertTrue(a.stdout.contains("3 of 3 figures"), a.stdout)
        // --out naming a file is refused before anything renders.
        let c = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--out", "one/sig.png"], in: dir)
        XCTAssertEqual(c.status, 64, c.stderr)
        XCTAssertTrue(c.stderr.contains("invalid --out 'one/sig.png': it is a file"), c.stderr)
    }

    func testBadEntriesAreNamedWithTheirLineAndTheOthersStillRender() throws {
        let dir = try makeTemporaryDirectory()
        let bad = manifest + """

            [[figure]]
            name = "broken"
            caption = "A typo"
            command = "activation sigmoidd"

            [[figure]]
            name = "badflag"
            command = "lr --rates 0.1,zero"
            """
        try bad.write(to: dir.appendingPathComponent("gallery.toml"), atomically: true, encoding: .utf8)
        // A file of a failing entry's name may not be ours: it is neither replaced nor deleted, and the
        // index does not show it (GalleryRules, rule 2).
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("broken.png").path, contents: Data("old".utf8))
        let run = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--formats", "png"], in: dir)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("gallery.toml:16: entry 'broken'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("sigmoidd"), run.stderr)
        XCTAssertTrue(run.stderr.contains("gallery.toml:21: entry 'badflag'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("zero"), run.stderr)
        XCTAssertTrue(run.stdout.contains("3 of 5 figures"), run.stdout)
        XCTAssertTrue(run.stdout.contains("2 failed"), run.stdout)
        XCTAssertEqual(listing(dir), ["README.md", "broken.png", "gallery.toml", "index.html", "lr.png", "pit.png", "sig.png"])
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("broken.png")), Data("old".utf8))
        let index = try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertFalse(index.contains("broken.png"))
        // The count is of the figures listed, the failures said apart (it said "5 figures" and listed 3).
        XCTAssertTrue(index.contains("the list lives in [`gallery.toml`](gallery.toml). 3 figures (2 more failed to render)."), index)
        let page = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(page.contains("broken"))
        XCTAssertTrue(page.contains("<img src=\"pit.png\""))
    }

    func testManifestProblemsAreReported() throws {
        let dir = try makeTemporaryDirectory()
        let text = """
            [[figure]]
            name = "a"
            command = "activation relu --size 300x200 --dpi 64"
            colour = "red"

            [[figure]]
            name = "a"
            command = "activation tanh --size 300x200 --dpi 64"

            [[figure]]
            name = "out"
            command = "activation tanh -o elsewhere.png"

            [[figure]]
            name = "b"
            command = "activation tanh --size 300x200 --dpi 64"
            """
        try text.write(to: dir.appendingPathComponent("g.toml"), atomically: true, encoding: .utf8)
        let run = try runDLPlot(["gallery", "--manifest", "g.toml", "--formats", "png"], in: dir)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("g.toml:1: unknown key 'colour'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("g.toml:6: entry 'a': name already used on line 1"), run.stderr)
        XCTAssertTrue(run.stderr.contains("g.toml:10: entry 'out'"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("elsewhere.png").path))
        // One tally: the figures rendered and those that failed (the manifest's too) add up to the total.
        let tally = try XCTUnwrap(run.stdout.firstMatch(of: /gallery: (\d+) of (\d+) figures rendered.*; (\d+) failed/), run.stdout)
        XCTAssertEqual((Int(tally.1) ?? 0) + (Int(tally.3) ?? 0), Int(tally.2), run.stdout)
        // Four entries, three bad (an unknown key, a name used twice, an -o): one rendered, three failed, and the
        // entry with the unknown key is not drawn (it was, and counted twice: "3 of 4 … 1 failed" for three).
        XCTAssertEqual([tally.1, tally.2, tally.3].map { Int($0) }, [1, 4, 3], run.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.png").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.png").path))
        // Linked by its own name, not as gallery.toml.
        let index = try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(index.contains("the list lives in [`g.toml`](g.toml)."), index)
    }

    func testUnparsableManifestNamesTheLine() throws {
        let dir = try makeTemporaryDirectory()
        try "[[figure]]\nname = \"a\ncommand = 3\n".write(to: dir.appendingPathComponent("g.toml"), atomically: true, encoding: .utf8)
        let run = try runDLPlot(["gallery", "--manifest", "g.toml"], in: dir)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("g.toml:2"), run.stderr)
    }

    func testCommandSplitterHonoursQuotes() throws {
        XCTAssertEqual(try CommandSplitter.split("activation sigmoid --title 'The $\\\\sigma$ curve'"),
                       ["activation", "sigmoid", "--title", "The $\\\\sigma$ curve"])
        XCTAssertEqual(try CommandSplitter.split("a \"b c\" d\\ e"), ["a", "b c", "d e"])
        XCTAssertThrowsError(try CommandSplitter.split("a 'b"))
    }
}
