import Foundation
import TestSupport
import XCTest
// Unit-tests the internal frame pipeline and MP4 encoder (FramePipeline, MP4Encoder).
@testable import Viz
@testable import dlplot

/// What an animation's encoding does at the edges of its sizes and times: a 4K MP4 within H.264 level 5.1
/// (players refuse level 6), frames held a few at a time, an odd page said when an MP4 drops a column, and
/// `--time log` on a run with fewer steps than frames (`lr`'s 12 steps in 100 frames).
final class AnimationEncodingLimitsTests: XCTestCase {
    /// X6-8: a 3840×2160 MP4 was level 6.0 (tune "animation" keeps 6 reference frames, more than level 5.1's
    /// picture buffer holds at 4K), which hardware decoders refuse.
    func testA4KMP4IsLevel51() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["surface", "beale", "--optimizers", "gd,adam", "--steps", "20", "--grid", "40", "--size", "3840x2160",
                               "--animate", "--frames", "2", "--hold", "0", "-o", "uhd.mp4"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let probe = try ProbedMP4(path: dir.appendingPathComponent("uhd.mp4").path)
        XCTAssertEqual(probe.width, 3840)
        XCTAssertEqual(probe.level, 51, "level 5.1, not 6.0")
        XCTAssertEqual(probe.decodedFrames, 2)
    }

    func testReferenceFramesFitLevel51AtEverySize() {
        XCTAssertEqual(MP4Encoder.referenceFrames(width: 1280, height: 720), 6, "small pages keep the 6 of tune animation")
        XCTAssertEqual(MP4Encoder.referenceFrames(width: 1920, height: 1080), 6)
        XCTAssertEqual(MP4Encoder.referenceFrames(width: 3840, height: 2160), 5, "184,320 / 32,400 macroblocks")
        XCTAssertEqual(MP4Encoder.referenceFrames(width: 8192, height: 8192), 1, "never fewer than one")
    }

    /// A batch of frames holds at most 64 MB (but a frame a thread): 2 frames of 4K, not 8 (265 MB).
    func testFrameBatchesAreBoundedInBytes() {
        XCTAssertEqual(FramePipeline.batchSize(threads: 2, frameBytes: 3840 * 2160 * 4), 2)
        XCTAssertEqual(FramePipeline.batchSize(threads: 1, frameBytes: 3840 * 2160 * 4), 2)
        XCTAssertEqual(FramePipeline.batchSize(threads: 2, frameBytes: 1280 * 720 * 4), 8)
        XCTAssertEqual(FramePipeline.batchSize(threads: 4, frameBytes: 8192 * 8192 * 4), 4, "one a thread at least")
        XCTAssertEqual(FramePipeline.batchSize(threads: 2, frameBytes: 0), 8)
    }

    /// Z7-5: an odd page is written one column (or row) narrower as an MP4, and now says so.
    func testAnOddMP4PageIsSaid() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["surface", "beale", "--optimizers", "gd", "--steps", "20", "--grid", "40", "--size", "481x301", "--dpi", "72",
                               "--animate", "--frames", "2", "-o", "odd.mp4"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("note: an .mp4 (yuv420p) needs even sides: written at 480x300, without the last column and row of the 481x301 frames"),
                      r.stderr)
        XCTAssertEqual(try ProbedMP4(path: dir.appendingPathComponent("odd.mp4").path).width, 480)
        XCTAssertNil(AnimationOutput.evenSidesNote(width: 320, height: 200))
        XCTAssertEqual(AnimationOutput.evenSidesNote(width: 320, height: 201).map { $0.contains("without the last row of") }, true)
        let gif = try runDLPlot(["surface", "beale", "--optimizers", "gd", "--steps", "20", "--grid", "40", "--size", "481x301", "--dpi", "72",
                                 "--animate", "--frames", "2", "-o", "odd.gif"], in: dir)
        XCTAssertEqual(gif.status, 0, gif.stderr)
        XCTAssertFalse(gif.stderr.contains("even sides"), "a GIF keeps every column")
    }

    /// Z7-8: with fewer time units than frames, log time was spread back to even time frame for frame (`lr
    /// --time log` drew the same pictures as even time). The first step now gets about twice the frames.
    func testLogTimeOverFewStepsGivesTheFirstStepsMoreFrames() {
        let even = FrameTiming.even.times(frames: 100, over: 0...12), log = FrameTiming.log.times(frames: 100, over: 0...12)
        XCTAssertEqual(even.filter { $0 < 1 }.count, 9)
        XCTAssertGreaterThanOrEqual(log.filter { $0 < 1 }.count, 16, "\(log.prefix(20))")
        XCTAssertEqual(log.first, 0); XCTAssertEqual(log.last, 12)
        XCTAssertTrue(zip(log, log.dropFirst()).allSatisfy { $0 < $1 }, "no two frames at one time")
        XCTAssertGreaterThan(zip(log, log.dropFirst()).map { $1 - $0 }.max() ?? 0, 0.3, "the last steps go faster")
    }
}
