import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// `runs` keeps most of the page for its data: panels of the same runs share ONE legend under them (in
/// columns), a lone run has no legend (its numbers are a note beside its line), where fewer runs enter a
/// group's mean is one footnote, and --font-scale makes text larger on the page, not a page that cancels it.
final class RunsRoomTests: XCTestCase {
    /// Two models × three seeds, loss and acc; seed 1 of each logged every 15 steps from step 5, the others every 10 from 0.
    private func seeds() throws -> String {
        var text = "model,seed,step,loss,acc\n"
        for (m, model) in ["sgd", "adam"].enumerated() {
            for seed in 0..<3 {
                for step in stride(from: seed == 1 ? 5 : 0, through: seed == 1 ? 290 : 300, by: seed == 1 ? 15 : 10) {
                    let t = Double(step) / 300, rate = m == 0 ? 1.2 : 2.6
                    text += "\(model),\(seed),\(step),\(2 * exp(-rate * t) + 0.02 * Double(seed)),\(0.95 - 0.85 * exp(-rate * t))\n"
                }
            }
        }
        let url = try makeTemporaryDirectory().appendingPathComponent("seeds.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// One run, a training loss every 10 steps and a validation loss every 100.
    private func oneRun() throws -> String {
        var text = "step,train_loss,val_loss\n"
        for step in stride(from: 0, through: 1000, by: 10) {
            text += "\(step),\(2.2 * exp(-Double(step) / 300) + 0.2),\(step % 100 == 0 ? "\(2.3 * exp(-Double(step) / 320) + 0.25)" : "")\n"
        }
        let url = try makeTemporaryDirectory().appendingPathComponent("generic.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func shortestPlot(_ r: LayoutReport) -> Double { r.frames.map(\.box.height).min() ?? 0 }

    /// Six runs of two metrics on a 1280x720 slide: the two legends (six two-line entries each) were stacked
    /// under their plots, leaving them 168 px tall; one legend shared by both panels leaves them over 240.
    func testPanelsOfTheSameRunsShareOneLegendOnASlide() throws {
        let file = try seeds()
        let r = try LayoutSweepTests.report(["runs", file, "--y", "loss,acc", "--size", "1280x720"])
        XCTAssertEqual(r.height, 720)
        let legends = r.elements.filter { $0.kind == .legend }
        XCTAssertEqual(legends.count, 1, "one legend for both panels")
        XCTAssertNil(legends.first?.panel)
        let legend = try XCTUnwrap(legends.first)
        XCTAssertTrue(legend.text.contains("sgd seed0  loss: min ") || legend.text.contains("sgd seed0; loss: min "), legend.text)
        XCTAssertTrue(legend.text.contains("acc: max "), legend.text)
        XCTAssertGreaterThan(shortestPlot(r), 240, "\(r.frames.map(\.box))")
        XCTAssertGreaterThan(legend.box.minY, r.frames.map(\.box.maxY).max() ?? 0, "under the plots")
        XCTAssertGreaterThan(legend.box.width, legend.box.height, "in columns, wider than tall")
    }

    /// Two groups of three seeds on a 1280x720 slide were refused ("'1412x794' fits"); now drawn, with the
    /// plots over 250 px tall, and the rings on the means explained once in the footnote.
    func testGroupsFitASlideAndTheirRingsAreExplained() throws {
        let file = try seeds()
        let args = ["runs", file, "--group", "seed[0-9]+", "--y", "loss,acc", "--size", "1280x720"]
        let run = try runDLPlot(args + ["-o", "g.png"], in: try makeTemporaryDirectory())
        XCTAssertEqual(run.status, 0, run.stderr)
        let r = try LayoutSweepTests.report(args)
        XCTAssertGreaterThan(shortestPlot(r), 250, "\(r.frames.map(\.box))")
        let legend = r.elements.filter { $0.kind == .legend }.map(\.text)
        XCTAssertEqual(legend.count, 1)
        XCTAssertFalse(legend.joined().contains("runs before"), "coverage is not repeated in every entry: \(legend)")
        let footnote = r.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
        XCTAssertTrue(footnote.contains("Rings on a mean mark where fewer runs than all enter it: 2 runs before step 5, 2 runs after step 290 (every group)."),
                      footnote)
    }

    /// One run, one metric at a paper's column width (3.5x2.5in, 8.5x6cm) was refused, its advice "fewer runs or
    /// --y metrics" impossible; one run of two metrics at 480x270 too. Now drawn without a legend: the numbers
    /// are a note beside the line.
    func testALoneRunFitsDocumentSizesWithoutALegend() throws {
        let file = try oneRun()
        let dir = try makeTemporaryDirectory()
        for size in ["3.5x2.5in", "8.5x6cm"] {
            let args = ["runs", file, "--y", "train_loss", "--size", size]
            let run = try runDLPlot(args + ["-o", "d.pdf"], in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse(run.stderr.contains("legend"), run.stderr)
            let r = try LayoutSweepTests.report(args)
            XCTAssertFalse(r.elements.contains { $0.kind == .legend }, size)
            // In the plot where a spot is free of the line, else (the narrower page) in the footnote.
            let note = r.elements.filter { $0.kind == .note }
            if note.isEmpty {
                XCTAssertTrue(r.elements.contains { $0.kind == .footnote && $0.text == "train_loss: min 0.278 at step 1000 · final 0.278" }, size)
            } else {
                XCTAssertEqual(note.map(\.text), ["min 0.278 at step 1000 · final 0.278"], size)
                XCTAssertEqual(note.first?.covers, 0, "off the line")
            }
            XCTAssertGreaterThan(shortestPlot(r) / r.height, 0.33, size)
        }
        let small = try runDLPlot(["runs", file, "--size", "480x270", "-o", "s.png"], in: dir)
        XCTAssertEqual(small.status, 0, small.stderr)
        // A page too small even without a legend: the advice names only a size, and that size is drawn.
        let tiny = try runDLPlot(["runs", file, "--y", "train_loss", "--size", "2x1.5in", "-o", "t.png"], in: dir)
        XCTAssertEqual(tiny.status, 64)
        XCTAssertFalse(tiny.stderr.contains("fewer") || tiny.stderr.contains("--legend none"), tiny.stderr)
        let advised = try XCTUnwrap(tiny.stderr.firstMatch(of: /--size ([0-9.x]+in)/)?.1)
        let again = try runDLPlot(["runs", file, "--y", "train_loss", "--size", String(advised), "-o", "t.png"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    /// --font-scale 1.3 on twelve runs grew the page until its text was as small on the screen as without it
    /// (tick labels 0.0265 and 0.0270 of the page's height; 1.6 gave a portrait page with 0.0164).
    func testFontScaleMakesTextLargerRelativeToThePage() throws {
        var text = "run,step,loss,val_loss\n"
        for k in 0..<12 {
            for step in stride(from: 0, through: 300, by: 5) {
                text += "lr\(k),\(step),\(2 * exp(-Double(step) / Double(60 + 25 * k)) + 0.1),\(step % 25 == 0 ? "\(2.1 * exp(-Double(step) / Double(70 + 25 * k)) + 0.2)" : "")\n"
            }
        }
        let dir = try makeTemporaryDirectory()
        let file = dir.appendingPathComponent("many.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        func tickShare(_ scale: String) throws -> Double {
            let r = try LayoutSweepTests.report(["runs", file.path, "--font-scale", scale])
            XCTAssertEqual(r.height / r.width, 720.0 / 1280, accuracy: 0.002, "a 16:9 slide stays 16:9")
            return (r.elements.first { $0.kind == .tickLabel }?.box.height ?? 0) / r.height
        }
        let plain = try tickShare("1"), larger = try tickShare("1.3")
        XCTAssertGreaterThan(larger, plain * 1.05, "--font-scale 1.3 makes the text larger on the page")
        // A scale the legends cannot take is refused with one that fits, and that one is drawn.
        let big = try runDLPlot(["runs", file.path, "--font-scale", "2", "-o", "b.png"], in: dir)
        if big.status != 0 {
            XCTAssertEqual(big.status, 64)
            let fits = try XCTUnwrap(big.stderr.firstMatch(of: /--font-scale ([0-9.]+) fits/)?.1, big.stderr)
            XCTAssertLessThan(try XCTUnwrap(Double(fits)), 2)
            XCTAssertGreaterThan(try tickShare(String(fits)), larger * 0.99, big.stderr)
            XCTAssertEqual(try runDLPlot(["runs", file.path, "--font-scale", String(fits), "-o", "f.png"], in: dir).status, 0)
        } else {
            XCTAssertGreaterThan(try tickShare("2"), larger)
        }
    }
}
