import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// Many runs or many metrics keep plots a reader can use: on the default page the figure gets more columns
/// and a larger page of the same shape until every plot has at least 45 % of its row (legends below no longer squeeze plots to strips); on a
/// page the user sized, the page is kept and a note names a size that gives the plots room.
final class RunsPageTests: XCTestCase {
    /// Six runs of two metrics (a legend of six entries below each plot), as six CSV files.
    private func sixRuns() throws -> [String] {
        let dir = try makeTemporaryDirectory()
        return try (0..<6).map { k in
            let url = dir.appendingPathComponent("\(k < 3 ? "adam" : "sgd")-lr0.01-seed\(k % 3).csv")
            var text = "step,train_loss,val_loss\n"
            for s in 0..<50 { text += "\(s * 10),\(2 / (1 + Double(s * (k + 1)) / 40)),\(s % 5 == 4 ? "\(1.0 / Double(s + 1))" : "")\n" }
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    private func smallestShare(_ report: LayoutReport, rows: Int) -> Double {
        (report.frames.map(\.box.height).min() ?? 0) / (report.height / Double(rows))
    }

    func testTheDefaultPageGrowsUntilEveryPlotHasRoom() throws {
        let files = try sixRuns()
        let grown = try LayoutSweepTests.report(["runs"] + files)
        XCTAssertGreaterThan(grown.width, 1280, "larger than the default page")
        XCTAssertLessThanOrEqual(grown.width, 2 * 1280)
        XCTAssertEqual(grown.height / grown.width, 720.0 / 1280, accuracy: 0.002, "of its shape: a 16:9 slide stays 16:9")
        XCTAssertGreaterThanOrEqual(smallestShare(grown, rows: 1), 0.45, "\(grown.frames.map(\.box))")
        // The plots were strips on the 1280x720 page: under a third of it.
        let sized = try LayoutSweepTests.report(["runs"] + files + ["--size", "1280x720"])
        XCTAssertEqual(sized.height, 720, "a page the user sized is kept")
        XCTAssertLessThan(smallestShare(sized, rows: 1), 0.45)
        // ... and a note says how tall the plots are and which size gives them room.
        let run = try runDLPlot(["runs"] + files + ["--size", "1280x720", "-o", "s.png"], in: try makeTemporaryDirectory())
        XCTAssertEqual(run.status, 0, run.stderr)
        let note = try XCTUnwrap(run.stderr.split(separator: "\n").first { $0.hasPrefix("note: the legends leave the plots ") })
        let size = try XCTUnwrap(note.firstMatch(of: /--size (\d+)x(\d+) --dpi (\d+)/))
        XCTAssertEqual(Int(size.1), 1280)
        let roomy = try LayoutSweepTests.report(["runs"] + files + ["--size", "1280x\(size.2)", "--dpi", "\(size.3)"])
        XCTAssertGreaterThanOrEqual(smallestShare(roomy, rows: 1), 0.45, "the size named gives the plots room")
    }

    /// The grown page is never silent (a 16:9 slide drawn as a portrait page was, with nothing on standard
    /// error): one note names the page drawn, which is the PNG's size, and what keeps the default page.
    func testAGrownDefaultPageIsSaidInOneLine() throws {
        let files = try sixRuns()
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["runs"] + files + ["-o", "g.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let notes = run.stderr.split(separator: "\n").filter { $0.contains("default 1280x720 page") }
        XCTAssertEqual(notes.count, 1, run.stderr)
        let size = try XCTUnwrap(notes.first?.firstMatch(
            of: /^note: drawn on (\d+)x(\d+), ([0-9.]+) times as wide and tall as the default 1280x720 page \(the same shape; on the same screen its text is ([0-9.]+) times the default's size\)/))
        let png = try DecodedPNG(Array(try Data(contentsOf: dir.appendingPathComponent("g.png"))))
        XCTAssertEqual(png.width, Int(size.1), "the note names the page drawn")
        XCTAssertEqual(png.height, Int(size.2), "the note names the page drawn")
        XCTAssertEqual(try XCTUnwrap(Double(size.3)), Double(png.width) / 1280, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(Double(size.4)), 1280 / Double(png.width), accuracy: 0.01)
        XCTAssertTrue(notes[0].hasSuffix("--legend none keeps the page, as do fewer runs or --y metrics, or give --size to choose one"), String(notes[0]))
        // What the note says keeps the page does: no note, 1280x720.
        let kept = try runDLPlot(["runs"] + files + ["--legend", "none", "-o", "k.png"], in: dir)
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertFalse(kept.stderr.contains("page"), kept.stderr)
        XCTAssertEqual(try DecodedPNG(Array(try Data(contentsOf: dir.appendingPathComponent("k.png")))).height, 720)
    }

    /// A page typed in centimetres (a column of a paper) gets its advice in centimetres, which gives the plots room.
    func testAPageInCentimetresIsAdvisedInCentimetres() throws {
        let files = try sixRuns()
        let run = try runDLPlot(["runs"] + files + ["--size", "20x11cm", "-o", "s.pdf"], in: try makeTemporaryDirectory())
        XCTAssertEqual(run.status, 0, run.stderr)
        let note = try XCTUnwrap(run.stderr.split(separator: "\n").first { $0.hasPrefix("note: the legends leave the plots ") })
        let size = try XCTUnwrap(note.firstMatch(of: /--size 20x([0-9.]+)cm, --legend none/), String(note))
        let roomy = try LayoutSweepTests.report(["runs"] + files + ["--size", "20x\(size.1)cm"])
        XCTAssertGreaterThanOrEqual(smallestShare(roomy, rows: 1), 0.45, "the size named gives the plots room: \(note)")
        XCTAssertEqual(DLPlot.RunsCommand.physicalSize(typed: "8x4.5in", width: 576, height: 500), "8x7in")
        XCTAssertNil(DLPlot.RunsCommand.physicalSize(typed: "1280x720", width: 576, height: 500))
    }

    func testNineteenMetricsGetAGridOfUsablePlotsOnTheDefaultPage() throws {
        let dir = try makeTemporaryDirectory()
        let names = (0..<19).map { "m\($0)_loss" }
        var text = "step," + names.joined(separator: ",") + "\n"
        for s in 0..<5 { text += "\(s)," + names.indices.map { "\(Double($0 + 1) / Double(s + 1))" }.joined(separator: ",") + "\n" }
        let file = dir.appendingPathComponent("many.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        // It used to be refused ("do not fit the default 1600x900 page"), and the size it named was refused again.
        let report = try LayoutSweepTests.report(["runs", file.path])
        XCTAssertEqual(report.frames.count, 19)
        // More columns on a page of the default's shape (a 16:9 slide, not a portrait page 3.8 times as tall).
        let rows = Set(report.frames.map { Int($0.box.minY.rounded()) }).count
        XCTAssertLessThan(rows, 7, "more columns than 3")
        XCTAssertEqual(report.height / report.width, 900.0 / 1600, accuracy: 0.002)
        XCTAssertLessThanOrEqual(report.width, 3200)
        XCTAssertGreaterThanOrEqual(smallestShare(report, rows: rows), 0.45)
        XCTAssertFalse(report.elements.contains { $0.truncated }, "no text cut short")
        // The note does not offer --legend none, which would not keep this page (19 panels need the rows).
        let run = try runDLPlot(["runs", file.path, "-o", "m.png"], in: dir)
        XCTAssertTrue(run.stderr.contains(" rows on "), run.stderr)
        XCTAssertTrue(run.stderr.contains("times as wide and tall as the default 1600x900 page"), run.stderr)
        XCTAssertTrue(run.stderr.contains("; fewer --y metrics keep the page, or give --size to choose one"), run.stderr)
    }

    /// A sized page too small for 19 panels: one line (a note and an error naming two different sizes were
    /// printed), and the size it names is then drawn without a further note.
    func testNineteenMetricsOnASmallSizedPageGetOneConsistentAdvice() throws {
        let dir = try makeTemporaryDirectory()
        let names = (0..<19).map { "m\($0)_loss" }
        var text = "step," + names.joined(separator: ",") + "\n"
        for s in 0..<5 { text += "\(s)," + names.indices.map { "\(Double($0 + 1) / Double(s + 1))" }.joined(separator: ",") + "\n" }
        try text.write(to: dir.appendingPathComponent("many.csv"), atomically: true, encoding: .utf8)
        let refused = try runDLPlot(["runs", "many.csv", "--size", "3000x2000", "--dpi", "200", "-o", "m.png"], in: dir)
        XCTAssertEqual(refused.status, 64)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.png").path))
        let size = try XCTUnwrap(refused.stderr.firstMatch(of: /^Error: invalid --size '3000x2000': .*--size (\d+x\d+) --dpi 200/), refused.stderr)
        let drawn = try runDLPlot(["runs", "many.csv", "--size", String(size.1), "--dpi", "200", "-o", "m.png"], in: dir)
        XCTAssertEqual(drawn.status, 0, drawn.stderr)
        XCTAssertEqual(drawn.stderr, "", "the size named is drawn without another note")
    }
}

/// `--log-y` and `--y-range` apply to a short log whose steps are drawn as whole-number ticks (they were
/// refused as "no plot of y against a continuous x", although the README's own example uses them).
final class RunsLogYOnShortLogsTests: XCTestCase {
    func testLogYAndYRangeApplyToAShortLogOfWholeSteps() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "step,loss,acc\n0,2.0,0.1\n1,1.5,0.2\n2,1.2,0.3\n".write(to: dir.appendingPathComponent("g.csv"), atomically: true, encoding: .utf8)
        for extra in [["--log-y"], ["--y-range", "0:3"]] {
            let r = try runDLPlot(["runs", "g.csv", "-o", "g.png"] + extra, in: dir)
            XCTAssertEqual(r.status, 0, "\(extra): \(r.stderr)")
        }
        // Category ticks are still not a continuous x.
        XCTAssertFalse(LayoutOptions.numbersAtTheirValues([(0, "z₁"), (1, "z₂")]))
        XCTAssertTrue(LayoutOptions.numbersAtTheirValues([(0, "0"), (1, "1"), (2, "2")]))
    }
}
