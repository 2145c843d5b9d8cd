import Foundation
import Optim
import TestSupport
import XCTest
@testable import Figures
// Unit-tests the internal animation frame layout (AnimationRenderer.frameLayout, FrameTexts, LegendPlacer) and laidOut ticks.
@testable import Viz
@testable import dlplot

/// `--animate` on curves, lr, steps and runs (the same engine and options as `surface`): the frame count
/// asked for, a last frame equal to the still figure of the same command (to within anti-aliasing), the
/// same bytes for --jobs 1 and 2, and divergence shown from the frame where it happens.
final class AnimatedCommandsTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    /// Small, quick requests, one a command.
    private let commands: [[String]] = [
        ["curves", "--surface", "rosenbrock", "--optimizers", "gd,adam", "--steps", "120", "--size", "400x270", "--dpi", "72"],
        ["lr", "--rates", "0.1,1.1", "--steps", "8", "--size", "400x225", "--dpi", "72"],
        ["steps", "--optimizer", "rmsprop", "--panels", "2", "--size", "400x240", "--dpi", "72"],
        ["runs", fixtures.appendingPathComponent("jsonl/adam.jsonl").path, fixtures.appendingPathComponent("csv/diverged.csv").path,
         "--size", "400x270", "--dpi", "72"],
    ]

    func testFrameCountAndLastFrameIsTheStillFigure() throws {
        for command in commands {
            let dir = try makeTemporaryDirectory()
            let r = try runDLPlot(command + ["--animate", "--frames", "7", "--frames-dir", "frames"], in: dir)
            XCTAssertEqual(r.status, 0, "\(command): \(r.stderr)")
            let names = listing(dir.appendingPathComponent("frames"))
            XCTAssertEqual(names.filter { $0.hasSuffix(".png") }.count, 7, "\(command[0]): \(names)")
            let still = try runDLPlot(command + ["-o", "still.png"], in: dir)
            XCTAssertEqual(still.status, 0, still.stderr)
            let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
            let last = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("frames/frame-0007.png"))))
            let first = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("frames/frame-0001.png"))))
            XCTAssertEqual(last.width, png.width); XCTAssertEqual(last.height, png.height)
            let n = png.width * png.height
            var far = 0, moved = 0
            for p in 0..<n {
                if (0..<3).contains(where: { abs(Int(last.rgba[p * 4 + $0]) - Int(png.rgba[p * 4 + $0])) > 60 }) { far += 1 }
                if (0..<3).contains(where: { abs(Int(first.rgba[p * 4 + $0]) - Int(png.rgba[p * 4 + $0])) > 60 }) { moved += 1 }
            }
            XCTAssertLessThan(Double(far) / Double(n), 0.003, "\(command[0]): the last frame is the still figure (edges only differ)")
            XCTAssertGreaterThan(moved, 200, "\(command[0]): the first frame is not the finished figure")
        }
    }

    func testSameBytesForAnyJobs() throws {
        for command in commands {
            let dir = try makeTemporaryDirectory()
            for (jobs, name) in [("1", "one.gif"), ("2", "two.gif")] {
                let r = try runDLPlot(command + ["--animate", "--frames", "9", "--jobs", jobs, "-o", name], in: dir)
                XCTAssertEqual(r.status, 0, "\(command): \(r.stderr)")
            }
            let one = try Data(contentsOf: dir.appendingPathComponent("one.gif"))
            XCTAssertEqual(one, try Data(contentsOf: dir.appendingPathComponent("two.gif")), "\(command[0]): --jobs 1 and 2")
            XCTAssertEqual(try DecodedGIF([UInt8](one)).frames.count, 9, command[0])
        }
    }

    /// Plain gradient descent with lr 1.1 on the ellipse diverges (y ← −3.4 y from 1.5: f = 2y² overflows float64 at
    /// step 290, y itself at step 580 of 3000, while momentum goes on);
    /// its legend says so from the frame whose step reaches the divergence on, and the cross appears with it.
    func testCurvesAnnounceDivergenceInItsFrame() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd,momentum", "--opt", "gd:lr=1.1",
                                                      "--lr", "0.1", "--steps", "3000"])
        let (figure, _) = try command.makeAnimatedFigure()
        let animation = Animation(revealing: figure, frames: 50, timing: .even)
        let times = Animation.revealTimes(figure, frames: 50, timing: .even)
        let text = { (k: Int) in animation.moving(k)[0].flatMap(\.legendEntries).map(\.label).joined(separator: " | ") }
        // The divergence cross (the ▲ where gd's line leaves the panel's view, as in the still figure, is no cross).
        let crosses = { (k: Int) in animation.moving(k)[0].compactMap { $0 as? ScatterMark }.filter { $0.shape == .cross }.count }
        guard let k = (0..<50).first(where: { text($0).contains("diverged at step") }) else { return XCTFail(text(49)) }
        let match = try XCTUnwrap(text(k).firstMatch(of: /diverged at step (\d+)/))
        let step = try XCTUnwrap(Int(match.1))
        XCTAssertEqual(step, 580)
        XCTAssertLessThanOrEqual(Double(step), times[k])
        XCTAssertGreaterThan(Double(step), times[k - 1], "announced in the first frame at or after its step")
        // Before, the rows are the still figure's words at that step: curves have no surface view, so gd is
        // told by where it is and its loss (never "leaves the view"), as momentum is.
        XCTAssertTrue(text(k - 1).hasPrefix("gd lr=1.1 | → ("), text(k - 1))
        XCTAssertFalse(text(k - 1).contains("leaves the view"), text(k - 1))
        XCTAssertTrue(text(k - 1).contains(" | momentum lr=0.1 | → ("), text(k - 1))
        XCTAssertEqual(crosses(k - 1), 0)
        XCTAssertEqual(crosses(k), 1)
        XCTAssertLessThan(k, 15, "mid-animation")
        // The still figure draws (the loss reaches 10³⁰⁸: the log axis stops at the largest double).
        _ = try figure.render(as: .png)
    }

    /// A run of one step: frames before step 1 show its start (f₀ = 10.25 on the bowl from (2.5, 2)) as a
    /// dot on the loss panel, not an empty plot; the last frame draws the one segment and no dot.
    func testCurvesOfOneStepShowTheStartFromTheFirstFrame() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "bowl", "--optimizers", "gd", "--lr", "0.1", "--steps", "1"])
        let (figure, _) = try command.makeAnimatedFigure()
        let animation = Animation(revealing: figure, frames: 10, timing: .even)
        for k in 0..<9 {
            let dots = animation.moving(k)[0].compactMap { $0 as? ScatterMark }.flatMap(\.points)
            XCTAssertEqual(dots.count, 1, "frame \(k + 1)")
            XCTAssertEqual(dots.first?.x, 0, "frame \(k + 1)")
            XCTAssertEqual(dots.first?.y ?? 0, 10.25, accuracy: 1e-12, "frame \(k + 1)")
        }
        XCTAssertTrue(animation.moving(9)[0].compactMap { $0 as? ScatterMark }.isEmpty, "the last frame is the still figure")
        let line = try XCTUnwrap(animation.moving(9)[0].compactMap { ($0 as? TimedMark)?.mark as? LineMark }.first)
        XCTAssertEqual(line.points.count, 2)
    }

    /// Four rates at the default size: lr 1.1's "leaves the view at step 3" is crowded out of its panel into
    /// the footnote; the footnote line appears with the note, in the frame of step 3, not from the first.
    func testANoteSaidInTheFootnoteAppearsInItsFrame() throws {
        let command = try DLPlot.LearningRateCommand.parse(["--rates", "0.05,0.2,0.9,1.1"])
        let (figure, _) = try command.makeAnimatedFigure()
        let animation = Animation(revealing: figure, frames: 13, timing: .even)
        let times = Animation.revealTimes(figure, frames: 13, timing: .even)
        let canvas = try CairoBackend(size: animation.lastFrame.size, kind: .measuring(pixelsPerPoint: 1))
        let layout = try FigureRenderer(figure: animation.lastFrame, canvas: canvas, resolution: 1).layout()
        let texts = FrameTexts(animation, layout: layout, canvas: canvas)
        let line = "$\\alpha$ = 1.1: leaves the view at step 3 (to w = −4.32)"
        XCTAssertEqual(texts.movingFootnotes, [line], "\(layout.texts.map(\.source))")
        XCTAssertFalse(texts.background(layout).texts.contains { $0.source == line }, "not in the background")
        for k in 0..<13 {
            let shown = AnimationRenderer.frameLayout(animation, final: animation.lastFrame, layout: layout, frame: k, canvas: canvas, texts: texts)
                .texts.map(\.source)
            XCTAssertEqual(shown, times[k] >= 3 ? [line] : [], "frame \(k + 1), step \(times[k])")
        }
    }

    /// A long run's legend says losses such as 1.7×10⁻³⁶ before it ends at f = 0: the frames' rows
    /// are wider than the last frame's. The legend is laid out once for every frame's rows: one box and one type
    /// size in every frame, on the page (the frames before the last were drawn smaller, then the box jumped).
    func testAFrameLegendWiderThanTheLastIsLaidOutOnceForAllFrames() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd,momentum", "--lr", "0.1",
                                                      "--steps", "1000000", "--size", "800x500"])
        let (figure, _) = try command.makeAnimatedFigure()
        let plain = Animation(revealing: figure, frames: 10, timing: .even)
        let animation = plain.reservingLegendRoom()
        let final = animation.lastFrame
        let p = try XCTUnwrap(final.panels.indices.first { !final.panels[$0].axes.legendReserve.isEmpty }, "a row is wider in some frame")
        let canvas = try CairoBackend(size: final.size, kind: .raster(pixelsPerPoint: final.dpi / 72))
        let layout = try FigureRenderer(figure: final, canvas: canvas, resolution: final.dpi / 72).layout()
        let texts = FrameTexts(animation, layout: layout, canvas: canvas)
        let base = try XCTUnwrap(layout.axes[p].legend)
        XCTAssertGreaterThanOrEqual(base.font.size, figure.theme.legendFont.size * LegendPlacer.minimumScale - 1e-9, "at the font floor or above")
        for k in 0..<10 {
            let l = AnimationRenderer.frameLayout(animation, final: final, layout: layout, frame: k, canvas: canvas, texts: texts)
            let legend = try XCTUnwrap(l.axes[p].legend), origin = try XCTUnwrap(l.axes[p].legendOrigin)
            XCTAssertLessThanOrEqual(origin.x + legend.size.width, final.size.width, "frame \(k + 1): the box stays on the page")
            XCTAssertEqual(legend.font.size, base.font.size, accuracy: 1e-9, "frame \(k + 1): one type size")
            XCTAssertEqual(legend.size.width, base.size.width, accuracy: 1e-9, "frame \(k + 1): one box")
            XCTAssertEqual(legend.size.height, base.size.height, accuracy: 1e-9, "frame \(k + 1): one box")
        }
    }

    func testTimesSpreadEvenlyOrLogarithmically() {
        XCTAssertEqual(FrameTiming.even.times(frames: 5, over: 0...100), [0, 25, 50, 75, 100])
        let log = FrameTiming.log.times(frames: 5, over: 10...110)
        XCTAssertEqual(log.first, 10); XCTAssertEqual(log.last, 110)
        XCTAssertLessThan(log[2] - 10, 20, "the middle frame is early on: log(1 + t)")
        XCTAssertEqual(FrameTiming.even.times(frames: 1, over: 0...3), [3])
    }

    func testAnimationOptionsNeedAnimateOnEveryCommand() throws {
        let dir = try makeTemporaryDirectory()
        for command in commands {
            let r = try runDLPlot(command + ["--fps", "10", "-o", "x.png"], in: dir)
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("invalid --fps '10': it sets up an animation; add --animate"), r.stderr)
            let g = try runDLPlot(command + ["--animate", "--fps", "0", "-o", "x.gif"], in: dir)
            XCTAssertEqual(g.status, 64, g.stderr)
            XCTAssertTrue(g.stderr.contains("invalid --fps '0'"), g.stderr)
        }
        XCTAssertEqual(listing(dir), [], "nothing written")
    }

    /// `--time log` on curves and runs: the step axis is drawn in log(1 + step) (symlog, threshold 1), where
    /// frames spread evenly in log time move evenly; a log holding every tenth step gives each frame a step
    /// of its own (log time alone would give steps 1–9, which hold no data, five identical frames).
    func testLogTimeDrawsTheStepAxisInLogAndGrowsEvenlyOnASparseLog() throws {
        let dir = try makeTemporaryDirectory()
        let rows = stride(from: 0, through: 2000, by: 10).map { "\($0),\(2 / (1 + Double($0) / 50))" }
        try (["step,loss"] + rows).joined(separator: "\n").write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        let runs = try DLPlot.RunsCommand.parse([dir.appendingPathComponent("a.csv").path])
        let (animation, _) = try runs.makeAnimation(frames: 16, spacing: .log)
        XCTAssertEqual(animation.still.panels[0].axes.xScale, .symlog(threshold: 1))
        // From step 0, with no margin before it (a margin of 10 steps would take as much room as steps 0–10).
        let domain = try animation.lastFrame.laidOut().axes[0].xScale.domain
        XCTAssertEqual(domain.lower, 0)
        XCTAssertGreaterThanOrEqual(domain.upper, 2000)
        let (figure, _) = try runs.makeAnimatedFigure()
        // Evenly in log(1 + step) although the log has every 10th step (frames were snapped to logged rows:
        // 90 of 100 frames then advanced 10 steps each); a line grows between its logged points.
        let times = Animation.revealTimes(figure, frames: 16, timing: .log)
        XCTAssertEqual(Set(times).count, 16, "\(times)")
        for (k, t) in times.enumerated() where k >= 2 && k < 15 {  // frames 1, 2: steps 0, 1 (one step a frame at least)
            XCTAssertEqual(Foundation.log(1 + t), Double(k) / 15 * Foundation.log(2001), accuracy: 0.15, "frame \(k + 1): step \(t)")
        }
        XCTAssertEqual(times.last, 2000)
        let frame = Animation(revealing: figure, frames: 16, timing: .log)
        let k = try XCTUnwrap(times.firstIndex { $0 > 10 && $0.truncatingRemainder(dividingBy: 10) != 0 })
        let line = try XCTUnwrap(frame.moving(k)[0].compactMap { $0 as? LineMark }.first { $0.points.count > 1 })
        XCTAssertEqual(try XCTUnwrap(line.points.last).x, times[k], accuracy: 1e-9, "the line ends at the frame's step")
        // Even time keeps the linear axis (and the still figure's look).
        XCTAssertEqual(try runs.makeAnimation(frames: 16, spacing: .even).0.still.panels[0].axes.xScale, .linear)
        let curves = try DLPlot.CurvesCommand.parse(["--surface", "rosenbrock", "--optimizers", "gd,adam", "--steps", "1000"])
        let (c, _) = try curves.makeAnimation(frames: 12, spacing: .log)
        XCTAssertTrue(c.still.panels.allSatisfy { $0.axes.xScale == .symlog(threshold: 1) })
        // The command writes it: every frame differs from the one before.
        let r = try runDLPlot(["runs", "a.csv", "--animate", "--time", "log", "--frames", "16", "--size", "480x300", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let frames = try (1...16).map { try Data(contentsOf: dir.appendingPathComponent(String(format: "f/frame-%04d.png", $0))) }
        XCTAssertEqual(Set(frames).count, 16, "no two frames alike")
    }

    /// With a schedule, a frame of curves gives the lr of its step under the run's name, as surface does
    /// (StepLR halves 0.1 every 50 steps); the last frame gives the whole schedule, as the still figure.
    func testCurvesGiveTheScheduledLearningRateOfEachFrame() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd", "--lr", "0.1", "--steps", "400",
                                                      "--schedule", "StepLR(step_size=50, gamma=0.5)"])
        let (figure, _) = try command.makeAnimatedFigure()
        let animation = Animation(revealing: figure, frames: 9, timing: .even)
        XCTAssertEqual(Animation.revealTimes(figure, frames: 9, timing: .even), stride(from: 0.0, through: 400, by: 50).map { $0 })
        let rows = { (k: Int) in animation.moving(k)[0].flatMap(\.legendEntries).map(\.label).filter { $0.hasPrefix("lr ") } }
        XCTAssertEqual(rows(0), ["lr 0.1"])
        XCTAssertEqual(rows(2), ["lr 0.025"], "step 100: 0.1 · 0.5²")
        XCTAssertEqual(rows(8).count, 1)
        XCTAssertTrue(rows(8)[0].hasPrefix("lr 0.1 → "), "\(rows(8))")
    }
}
