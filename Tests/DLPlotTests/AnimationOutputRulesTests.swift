import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// Rules of animated output found by trying it as a new user would: --path is refused rather than dropped,
/// the LaTeX snippet holds the last frame, a directory of frames holds only this run's frames, the frames
/// are the same files for any --jobs, log time never repeats a step, an orbit ends on the still figure, and
/// lr shows each panel's step and loss while it plays.
final class AnimationOutputRulesTests: XCTestCase {
    private let small = ["surface", "bowl", "--optimizers", "gd", "--steps", "30", "--grid", "40", "--size", "320x200", "--dpi", "64"]

    func testPathFromAFileIsRefusedNotDropped() throws {
        let dir = try makeTemporaryDirectory()
        try "step,x,y\n0,-1.5,2\n1,0,1\n2,1,1\n".write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        let r = try runDLPlot(["surface", "rosenbrock", "--path", "p.csv", "--animate", "--frames", "3", "-o", "x.gif"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("invalid --path 'p.csv': paths from files are not animated yet"), r.stderr)
        XCTAssertEqual(listing(dir), ["p.csv"])
    }

    func testTooSmallASizeIsQuotedAsTyped() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(small.dropLast(4) + ["--size", "2x1.25in", "--dpi", "100", "--animate", "--frames", "2", "-o", "out.mp4"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("invalid --size '2x1.25in'"), r.stderr)
        XCTAssertEqual(listing(dir), [])
    }

    func testLaTeXSnippetHoldsTheLastFrameAndStaleFramesGo() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(small + ["--animate", "--frames", "4", "--fps", "10", "--hold", "2", "--loop", "--jobs", "1", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let tex = try String(contentsOf: dir.appendingPathComponent("f/animation.tex"), encoding: .utf8)
        let body = tex.split(separator: "\n").filter { !$0.hasPrefix("%") && !$0.isEmpty }
        XCTAssertEqual(body, [
            "\\begin{animateinline}[controls,autoplay,loop]{10}",
            "\\includegraphics[width=\\linewidth]{f/frame-0001}", "\\newframe",
            "\\includegraphics[width=\\linewidth]{f/frame-0002}", "\\newframe",
            "\\includegraphics[width=\\linewidth]{f/frame-0003}", "\\newframe[0.4762]",
            "\\includegraphics[width=\\linewidth]{f/frame-0004}",
            "\\end{animateinline}",
        ], "the last frame lasts 1/10 s + 2 s = 2.1 s: a rate of 1/2.1 (four digits)")
        let one = try Data(contentsOf: dir.appendingPathComponent("f/frame-0002.png"))
        // Fewer frames into the same directory: the fourth frame from before is gone; the same frames with
        // --jobs 2 are the same files (the command in them leaves out --jobs).
        let again = try runDLPlot(small + ["--animate", "--frames", "3", "--jobs", "2", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(listing(dir.appendingPathComponent("f")), ["animation.tex", "frame-0001.png", "frame-0002.png", "frame-0003.png"])
        let three = try runDLPlot(small + ["--animate", "--frames", "4", "--fps", "10", "--hold", "2", "--loop", "--jobs", "2", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(three.status, 0, three.stderr)
        XCTAssertEqual(one, try Data(contentsOf: dir.appendingPathComponent("f/frame-0002.png")), "--jobs 1 and 2")
        XCTAssertEqual(DLPlot.CurvesCommand.drawingCommand(["x", "curves", "--jobs", "2", "--progress", "--jobs=3", "--frames", "4"]),
                       "dlplot curves --frames 4")
    }

    func testLogTimeNeverRepeatsAStepWhileThereAreSteps() {
        let steps = FrameTiming.log.steps(frames: 12, steps: 1000)
        XCTAssertEqual(steps.first, 0); XCTAssertEqual(steps.last, 1000)
        XCTAssertTrue(zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 }, "\(steps)")
        XCTAssertEqual(Array(steps.prefix(2)), [0, 1], "log time starts with the first step")
        let times = FrameTiming.log.times(frames: 12, over: 0...2000)
        XCTAssertTrue(zip(times, times.dropFirst()).allSatisfy { $1 - $0 >= 1 }, "\(times)")
        // Fewer steps than frames: some repeat, none is skipped past the end.
        XCTAssertEqual(FrameTiming.log.steps(frames: 5, steps: 2).last, 2)
    }

    func testOrbitEndsOnTheStillFigure() throws {
        let dir = try makeTemporaryDirectory()
        let base = ["surface", "himmelblau", "--optimizers", "gd", "--steps", "20", "--grid", "30", "--view", "3d", "--size", "320x200", "--dpi", "64"]
        let r = try runDLPlot(base + ["--animate", "--orbit", "90", "--frames", "3", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let still = try runDLPlot(base + ["-o", "still.png"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let last = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("f/frame-0003.png"))))
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
        let far = (0..<(320 * 200)).filter { p in (0..<3).contains { abs(Int(last.rgba[p * 4 + $0]) - Int(png.rgba[p * 4 + $0])) > 60 } }.count
        XCTAssertLessThan(far, 200, "the orbit ends at --azimuth")
    }

    func testLearningRatePanelsShowTheirStepAndLoss() throws {
        let command = try DLPlot.LearningRateCommand.parse(["--rates", "0.1,1.1", "--steps", "6"])
        let (figure, _) = try command.makeAnimatedFigure()
        let animation = Animation(revealing: figure, frames: 7, timing: .even)
        func texts(_ k: Int, panel: Int) -> [String] { animation.moving(k)[panel].compactMap { ($0 as? TextMark)?.text } }
        XCTAssertEqual(texts(0, panel: 0), ["step 0: f = 6.25"])
        XCTAssertEqual(texts(2, panel: 0), ["step 2: f = 2.56"], "lr 0.1 on w²: w ← 0.8 w, so w₂ = 2.5 · 0.8² = 1.6")
        XCTAssertTrue(texts(5, panel: 1).contains { $0.hasPrefix("step 5: f = ") }, "\(texts(5, panel: 1))")
        XCTAssertTrue(texts(6, panel: 0).isEmpty, "the last frame is the still figure: no readout")
    }
}
