import Foundation
import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// `--animate` on curves, lr, steps and runs (the same engine and options as `surface`): the frame count
/// asked for, a last frame equal to the still figure of the same command (to within anti-aliasing), the
/// same bytes for --jobs 1 and 2, and divergence shown from the frame where it happens.
final class AnimatedCommandsTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    /// Small, quick requests, one a command.
    private let commands: [[String]] = [
        ["curves", "--surface", "rosenbrock", "--optimizers", "gd,adam", "--steps", "120", "--size", "360x240"],
        ["lr", "--rates", "0.1,1.1", "--steps", "8", "--size", "360x200"],
        ["steps", "--optimizer", "rmsprop", "--panels", "2", "--size", "400x240"],
        ["runs", fixtures.appendingPathComponent("jsonl/adam.jsonl").path, fixtures.appendingPathComponent("csv/diverged.csv").path,
         "--size", "360x240"],
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
        let crosses = { (k: Int) in animation.moving(k)[0].compactMap { $0 as? ScatterMark }.count }
        guard let k = (0..<50).first(where: { text($0).contains("diverged at step") }) else { return XCTFail(text(49)) }
        let match = try XCTUnwrap(text(k).firstMatch(of: /diverged at step (\d+)/))
        let step = try XCTUnwrap(Int(match.1))
        XCTAssertEqual(step, 580)
        XCTAssertLessThanOrEqual(Double(step), times[k])
        XCTAssertGreaterThan(Double(step), times[k - 1], "announced in the first frame at or after its step")
        // Before, the rows are the still figure's words at that step: gd has left the surface's view, momentum
        // is somewhere with some loss.
        XCTAssertTrue(text(k - 1).hasPrefix("gd lr=1.1 | leaves the view at step 1; → ("), text(k - 1))
        XCTAssertTrue(text(k - 1).contains(" | momentum lr=0.1 | → ("), text(k - 1))
        XCTAssertEqual(crosses(k - 1), 0)
        XCTAssertEqual(crosses(k), 1)
        XCTAssertLessThan(k, 15, "mid-animation")
        // The still figure draws (the loss reaches 10³⁰⁸: the log axis stops at the largest double).
        _ = try figure.render(as: .png)
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
}
