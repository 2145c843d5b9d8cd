import Foundation
import XCTest

/// `runs` option lists and messages: a metric listed twice is refused like any repeated item; a page note
/// says "1 row"; an event file shorter than one record says so.
final class RunsListAndWordingTests: XCTestCase {
    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testAMetricListedTwiceIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        let log = try write("step,loss,val_loss\n0,1,2\n1,0.5,1\n", "l.csv", in: dir)
        let twice = try runDLPlot(["runs", log, "--y", "loss,loss", "-o", "a.png"], in: dir)
        XCTAssertEqual(twice.status, 64)
        XCTAssertEqual(twice.stderr, "Error: invalid --y 'loss,loss': 'loss' is listed twice; give each once\n")
        let options = try runDLPlot(["runs", log, "--y", "loss", "--y", "loss", "-o", "a.png"], in: dir)
        XCTAssertEqual(options.status, 64)
        XCTAssertEqual(options.stderr, "Error: invalid --y 'loss': it is listed twice; give each once\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.png").path))
        let glob = try runDLPlot(["runs", log, "--y", "*loss", "--y", "val_loss", "-o", "g.png"], in: dir)
        XCTAssertEqual(glob.status, 0, "a glob overlapping a name is allowed: \(glob.stderr)")
    }

    func testAnEventFileShorterThanOneRecordSaysSo() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir.appendingPathComponent("events.out.tfevents.short").path
        try Data([0x18, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: path))
        let run = try runDLPlot(["runs", path, "-o", "o.png"], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "Error: \(path): 5 bytes, shorter than one record (at least 16 bytes); expected TFRecord framing\n")
    }

    /// NAME-2.csv left by an earlier figure beside a one-table NAME.csv is named on standard error.
    func testAFurtherTableOfAnEarlierFigureIsNoted() throws {
        let dir = try makeTemporaryDirectory()
        let a = try write("step,loss\n0,1\n1,0.5\n", "a-seed0.csv", in: dir), b = try write("step,loss\n0,2\n1,1\n", "a-seed1.csv", in: dir)
        let grouped = try runDLPlot(["runs", a, b, "--group", "seed[0-9]+", "-o", "g.png", "--data", "g.csv"], in: dir)
        XCTAssertEqual(grouped.status, 0, grouped.stderr)
        XCTAssertFalse(grouped.stderr.contains("left"), grouped.stderr)
        let one = try runDLPlot(["runs", a, "-o", "x.png", "--data", "g.csv"], in: dir)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stderr, "note: left 'g-2.csv' as it is: it is from an earlier figure; this one's --data is 'g.csv' alone\n")
    }

    /// A slide (--size fixed) too small for six runs' legends with their numbers was refused; it is drawn with a
    /// legend of the names (numbers in the footnote), and the note offers the smaller --font-scale that keeps the
    /// numbers in the legend on the same slide, which renders with no note.
    func testASlideTooSmallForTheNumbersOffersTheFontScaleThatKeepsThem() throws {
        let dir = try makeTemporaryDirectory()
        var names: [String] = []
        for r in 0..<6 {
            var text = "step,train_loss,val_loss\n"
            for s in stride(from: 0, to: 500, by: 5) {
                let v = 2.3 * exp(-Double(s) / Double(80 + 20 * r)) + 0.1
                text += "\(s),\(v),\(s % 25 == 0 ? "\(v + 0.1)" : "")\n"
            }
            names.append(try write(text, "run\(r).csv", in: dir))
        }
        let small = try runDLPlot(["runs"] + names + ["--size", "1280x720", "--font-scale", "1.3", "-o", "r.png"], in: dir)
        XCTAssertEqual(small.status, 0, small.stderr)
        XCTAssertTrue(small.stderr.hasPrefix("note: the legend names the runs only and their numbers are in the footnote"), small.stderr)
        let scale = try XCTUnwrap(small.stderr.firstMatch(of: /--font-scale (0\.[0-9]+) keeps the numbers in the legend/)?.1, small.stderr)
        let kept = try runDLPlot(["runs"] + names + ["--size", "1280x720", "--font-scale", String(scale), "-o", "k.png"], in: dir)
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertEqual(kept.stderr, "", "a slide with room: no note")
    }

    func testOneRowOfPanelsIsOneRow() throws {
        let dir = try makeTemporaryDirectory()
        var header = "step", rows = ""
        for k in 0..<5 { header += ",m\(k)_loss" }
        for s in 0..<20 { rows += "\(s)" + (0..<5).map { ",\(Double($0 + 1) / Double(s + 1))" }.joined() + "\n" }
        var names: [String] = []
        for r in 0..<6 { names.append(try write(header + "\n" + rows, "run\(r).csv", in: dir)) }
        let run = try runDLPlot(["runs"] + names + ["-o", "w.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("note: drawn in 5 columns of 1 row on "), run.stderr)
    }
}
