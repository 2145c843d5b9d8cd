import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// The sizing rule of runs figures on a page given with --size: the legends as built when the plots keep their
/// share; else legends naming the runs only, their numbers in the footnote; else a note or a refusal naming
/// every way that draws. A paper's one-column figure (two runs, one metric) is drawn, and the text of a
/// pixel page does not depend on how many metrics it shows.
final class RunsPaperColumnTests: XCTestCase {
    /// Writes `runs` logs `step,train_loss,val_loss,val_acc` (steps 0…495 by 5, validation every 25) and returns their paths.
    private func logs(_ runs: Int, in dir: URL) throws -> [String] {
        try (0..<runs).map { r in
            var text = "step,train_loss,val_loss,val_acc\n"
            for s in stride(from: 0, to: 500, by: 5) {
                let tl = 2.3 * exp(-Double(s) / Double(80 + 20 * r)) + 0.1 + 0.03 * Double((s / 5) % 3)
                text += "\(s),\(tl),\(s % 25 == 0 ? "\(tl + 0.1)" : ""),\(s % 25 == 0 ? "\((1 - exp(-Double(s) / Double(100 + 10 * r))) * 0.9)" : "")\n"
            }
            let url = dir.appendingPathComponent(["sgd", "adam", "rmsprop", "lion", "adagrad", "nadam"][r] + ".csv")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    /// Two runs of one metric at 3.5x2.5in and 8.5x6cm were refused ("--size 3.5x4.5in", a portrait page). Now
    /// drawn on the page asked for: the legend names the two runs (in a free corner where the plot has one), and
    /// their minimum and final values are the footnote.
    func testTwoRunsOfOneMetricFitAPaperColumn() throws {
        let dir = try makeTemporaryDirectory()
        let files = try logs(2, in: dir)
        for (size, pixels) in [("3.5x2.5in", (560, 400)), ("8.5x6cm", (535, 378))] {
            let args = ["runs"] + files + ["--y", "train_loss", "--size", size]
            let run = try runDLPlot(args + ["-o", "p.png"], in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("the legend names the runs only and their numbers are in the footnote"), run.stderr)
            let r = try LayoutSweepTests.report(args)
            XCTAssertEqual(r.width, Double(pixels.0), size)
            XCTAssertEqual(r.height, Double(pixels.1), "the page asked for, not a portrait one")
            let legend = try XCTUnwrap(r.elements.first { $0.kind == .legend }, size)
            XCTAssertEqual(legend.text, "sgd; adam", size)
            XCTAssertEqual(legend.covers, 0, "\(size): no legend over the data")
            let footnote = r.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
            XCTAssertNotNil(footnote.firstMatch(of: /sgd min 0\.[0-9]{3} at step [0-9]+ · final 0\.[0-9]{3}; adam min 0\.[0-9]{3} at step [0-9]+ · final 0\.[0-9]{3}\./),
                            footnote)
            XCTAssertGreaterThan(shortestPlotPixels(r), 5 * (r.elements.first { $0.kind == .tickLabel }?.box.height ?? 0), size)
        }
        // In the corner at 3.5x2.5in: inside the plot's frame.
        let r = try LayoutSweepTests.report(["runs"] + files + ["--y", "train_loss", "--size", "3.5x2.5in"])
        let legend = try XCTUnwrap(r.elements.first { $0.kind == .legend })
        let frame = try XCTUnwrap(r.frames.first?.box)
        XCTAssertTrue(frame.contains(Point(legend.box.minX, legend.box.minY)) && frame.contains(Point(legend.box.maxX, legend.box.maxY)),
                      "\(legend.box) in \(frame)")
    }

    /// Six runs of two metrics were refused on a 1280x720 slide at --font-scale 1.3 while six runs of three
    /// metrics (a larger legend) were drawn: a third metric made the page's default 1600x900, so the text of
    /// the same slide was set 0.8 times as large. Now both are drawn with text of one size.
    func testAThirdMetricDoesNotMakeTheTextOfASlideSmaller() throws {
        let dir = try makeTemporaryDirectory()
        let files = try logs(6, in: dir)
        var ticks: [Double] = []
        for y in ["train_loss,val_loss", "train_loss,val_loss,val_acc"] {
            let args = ["runs"] + files + ["--y", y, "--size", "1280x720", "--font-scale", "1.3"]
            let run = try runDLPlot(args + ["-o", "s.png"], in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            let r = try LayoutSweepTests.report(args)
            XCTAssertEqual(r.height, 720)
            ticks.append(r.elements.first { $0.kind == .tickLabel }?.box.height ?? 0)
        }
        XCTAssertEqual(ticks[0], ticks[1], accuracy: 0.01, "one text size on one slide: \(ticks)")
    }

    private func shortestPlotPixels(_ r: LayoutReport) -> Double { r.frames.map { min($0.box.width, $0.box.height) }.min() ?? 0 }
}
