import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// Commands tried as a new user would that drew texts over each other or unreadably small, each checked on
/// its layout report (and, where the fault was in the picture, on its pixels).
final class TitleClearanceTests: XCTestCase {
    private func report(_ line: String) throws -> LayoutReport {
        try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
    }

    /// A panel title wider than its narrow map reaches over the y tick labels: it sits above the top one.
    func testPanelTitlesClearTheTopTickLabelTheyReachOver() throws {
        for line in ["basins himmelblau --optimizers gd,momentum,adam --lr 0.01 --font-scale 1.5",
                     "landscape --task xor --theme print --font-scale 1.3"] {
            let r = try report(line)
            let titles = r.elements.filter { $0.kind == .panelTitle }
            let ticks = r.elements.filter { $0.kind == .tickLabel }
            XCTAssertFalse(titles.isEmpty)
            for t in titles {
                for k in ticks { XCTAssertLessThanOrEqual(t.box.overlapArea(k.box), 0.5, "\(line): '\(t.text)' over '\(k.text)'") }
            }
        }
    }

    /// The entropy panel's y title is longer than its plot; the panel title reaching left over it sits above it.
    func testPanelTitleClearsAYTitleLongerThanItsPlot() throws {
        let r = try report("softmax --logits 3,1,0.2,-1 --temperature 0.1,0.5,1,2,5,10 --theme dark --font-scale 2")
        let title = try XCTUnwrap(r.elements.first { $0.kind == .panelTitle && $0.text.hasPrefix("entropy") })
        for label in r.elements where label.kind == .axisLabel {
            XCTAssertLessThanOrEqual(title.box.overlapArea(label.box), 0.5, label.text)
        }
        XCTAssertEqual(LayoutChecks.problems(r), [])
    }

    /// A legend right of the loss panel that reaches down beside the distance panel: the distance panel's
    /// title stays left of it, and the legend ends above the footnote.
    func testATallOutsideLegendKeepsClearOfTheTitleBelowAndTheFootnote() throws {
        let a = try report("curves --surface booth --optimizers gd,momentum,lbfgs,adafactor,rprop,nadam,asgd,adadelta --steps 10 --font-scale 1.3075 --theme print")
        XCTAssertEqual(LayoutChecks.problems(a), [])
        let b = try report("curves --surface ellipse --optimizers lbfgs,adam,rmsprop,rprop,nadam,adamax,asgd,lion,nesterov,adadelta --steps 100000 --lr 0.1 --theme print")
        XCTAssertEqual(LayoutChecks.problems(b), [])
        let legend = try XCTUnwrap(b.elements.first { $0.kind == .legend })
        let foot = try XCTUnwrap(b.elements.first { $0.kind == .footnote })
        XCTAssertLessThanOrEqual(legend.box.maxY, foot.box.minY)
    }

    /// A long subtitle goes on two lines rather than shrinking to 60 %: at --font-scale 1.5 it is larger than
    /// at 1 (it was shrunk back to exactly its size at 1, the smallest text of the figure).
    func testASubtitleGrowsWithTheFontScale() throws {
        let small = try report("xor")
        let large = try report("xor --font-scale 1.5")
        func lineHeight(_ r: LayoutReport) throws -> Double {
            let s = try XCTUnwrap(r.elements.first { $0.kind == .subtitle })
            let tick = try tickHeight(r)
            return s.box.height / (s.box.height > 1.6 * tick ? 2 : 1)
        }
        func tickHeight(_ r: LayoutReport) throws -> Double { try XCTUnwrap(r.elements.filter { $0.kind == .tickLabel }.map(\.box.height).min()) }
        XCTAssertGreaterThan(try lineHeight(large), 1.3 * (try lineHeight(small)))
        XCTAssertEqual(LayoutChecks.problems(large), [])
    }

    /// The "wrong side" note has no free spot beside the ringed input on a small plot: it covered the ring
    /// (its ink was not counted, only its centre); it is now said in the footnote.
    func testACrowdedWrongSideNoteGoesToTheFootnote() throws {
        let r = try report("xor --size 10.6x6in --font-scale 1.1 --theme print")
        XCTAssertEqual(LayoutChecks.problems(r), [])
        XCTAssertFalse(r.elements.contains { $0.kind == .note && $0.text == "wrong side" })
        XCTAssertTrue(r.elements.contains { $0.kind == .footnote && $0.text.contains("(1, 1) on the wrong side") })
    }

    /// `steps --panels 5`: each panel widens to its 2.7:1 cell; the contours must fill it to both edges (the
    /// surface was sampled over 5:2 only, leaving white bands).
    func testStepsPanelsAreFilledToTheirEdges() throws {
        let dir = try makeTemporaryDirectory()
        let args = ["steps", "--optimizer", "nesterov", "--surface", "rosenbrock", "--panels", "5"]
        let run = try runDLPlot(args + ["-o", "p.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = try DecodedPNG([UInt8](Data(contentsOf: dir.appendingPathComponent("p.png"))))
        let r = try LayoutSweepTests.report(args)
        XCTAssertEqual(Double(png.width), r.width, accuracy: 0.5)
        XCTAssertEqual(r.frames.count, 6, "five steps and the legend's panel")
        for f in r.frames.prefix(5) {
            let y = Int(f.box.midY)
            for x in [Int(f.box.minX) + 4, Int(f.box.maxX) - 4] {
                let p = png.pixel(x, y)
                XCTAssertFalse(p.r > 250 && p.g > 250 && p.b > 250, "panel \(f.panel): white at (\(x), \(y))")
            }
        }
    }

    /// In print, the step's parts are told apart from the step itself (black) in greyscale.
    func testPrintStepsArrowsAreApartFromBlack() {
        let colors = Theme.print.colors(2, apartFrom: Theme.print.foreground)
        XCTAssertEqual(colors.count, 2)
        for c in colors { XCTAssertGreaterThanOrEqual(c.luminance - Theme.print.foreground.luminance, 0.1) }
        XCTAssertNotEqual(colors[0], colors[1])
        // The light theme keeps its first two series colours.
        XCTAssertEqual(Theme.light.colors(2, apartFrom: Theme.light.foreground), [Theme.light.color(0), Theme.light.color(1)])
    }

    /// A page the user sized on which 12 runs × 4 metrics cannot be laid out: one line, exit 64, and a size
    /// that gives the plots room (it printed a note and an error with two different sizes).
    func testRunsOnTooSmallAPageGetOneLineWithASizeThatWorks() throws {
        let dir = try makeTemporaryDirectory()
        var text = "seed,step,train_loss,val_loss,val_acc,lr\n"
        for seed in 0..<12 {
            for s in stride(from: 0, through: 200, by: 10) {
                let t = Double(s) / 200
                text += "\(seed),\(s),\(2.6 - 2 * t + 0.01 * Double(seed)),\(2.7 - 1.9 * t),\(0.1 + 0.8 * t),\(0.1 * (1 - t))\n"
            }
        }
        try text.write(to: dir.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
        let run = try runDLPlot(["runs", dir.appendingPathComponent("log.csv").path, "--y", "*", "--size", "1280x720", "-o", "r.png"], in: dir)
        XCTAssertEqual(run.status, 64, run.stderr)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("Error: invalid --size '1280x720'"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.png").path))
    }
}
