import TestSupport
import XCTest
// Unit-tests the internal frame timing (FrameTiming.snapped: frame-to-step spacing).
@testable import Viz

/// The animation engine: frame-to-step spacing, the GIF palette, frame delays, and frames drawn as a copy
/// of the background with the moving layer over it that end exactly on the still figure.
final class AnimationTests: XCTestCase {
    func testEvenAndLogSpacing() {
        XCTAssertEqual(FrameTiming.even.steps(frames: 5, steps: 100), [0, 25, 50, 75, 100])
        let log = FrameTiming.log.steps(frames: 5, steps: 100)
        XCTAssertEqual(log.first, 0); XCTAssertEqual(log.last, 100)
        XCTAssertEqual(log, log.sorted(), "never goes back")
        // Evenly in log(1 + step): the middle frame shows step √101 − 1 ≈ 9.
        XCTAssertEqual(log[2], 9)
        XCTAssertEqual(FrameTiming.even.steps(frames: 1, steps: 7), [7])
        XCTAssertEqual(FrameTiming.even.steps(frames: 3, steps: 0), [0, 0, 0])
    }

    /// Log time on a log with sparse steps: each frame on a logged step, no two on the same one.
    func testLogTimeOnSparseMomentsShowsEachFrameAStepOfItsOwn() {
        let moments = stride(from: 0.0, through: 1000, by: 10).map { $0 }
        let snapped = FrameTiming.snapped(FrameTiming.log.times(frames: 12, over: 0...1000), to: moments)
        XCTAssertEqual(Set(snapped).count, 12, "\(snapped)")
        XCTAssertTrue(snapped.allSatisfy { moments.contains($0) }, "\(snapped)")
        XCTAssertEqual(snapped, snapped.sorted())
        XCTAssertEqual(Array(snapped.prefix(3)), [0, 10, 20])
        XCTAssertEqual(snapped.last, 1000)
        // Fewer moments than frames: some frames repeat, none goes back.
        let few = FrameTiming.snapped(FrameTiming.log.times(frames: 6, over: 0...100), to: [0, 50, 100])
        XCTAssertEqual(few, few.sorted()); XCTAssertEqual(few.last, 100)
    }

    func testDelaysStayOnTheClock() {
        let t = AnimationTiming(fps: 30, hold: 1.5)
        let d = t.delays(count: 10, unit: 100)
        XCTAssertEqual(d.reduce(0, +), 33 + 150, "10 frames at 30 fps are 1/3 s, then the hold")
        XCTAssertEqual(Array(d.prefix(3)), [3, 4, 3])
    }

    func testPaletteKeepsFlatColoursExact() {
        // Four flat colours and a ramp between two of them.
        var frame: [UInt32] = []
        let flat: [UInt32] = [0xFFFF_FFFF, 0xFF44_0154, 0xFF1F_77B4, 0xFFFD_E725]
        for c in flat { frame += Array(repeating: c, count: 5000) }
        for k in 0..<600 { let v = UInt32(k % 256); frame.append(0xFF00_0000 | v << 16 | v << 8 | v) }
        let p = IndexedPalette(samples: [frame])
        XCTAssertLessThanOrEqual(p.colors.count, 255, "index 255 stays free for transparency")
        for c in flat { XCTAssertEqual(p.colors[Int(p.index(of: c))], c & 0xFF_FFFF, String(c, radix: 16)) }
        // A grey between two entries maps to a near grey.
        let g = p.colors[Int(p.index(of: 0xFF80_8080))]
        XCTAssertLessThan(abs(Int(g >> 16) - 0x80), 24)
    }

    func testLastFrameEqualsTheStillFigureAndFramesDependOnlyOnTheirIndex() throws {
        var still = try Figure(width: 320, height: 200, dpi: 80)
        var ax = Axes(xLabel: "x", yLabel: "y")
        ax.xLimits = Interval(0, 10); ax.yLimits = Interval(0, 10)
        ax.add(BandMark(.vertical, from: 2, to: 4, color: Color(hex: 0x88CCEE)))
        still.add(ax)
        let points = (1...9).map { Point(Double($0), 1 + Double($0 * $0) / 12) }
        let animation = Animation(still: still, frameCount: 6, stillBelow: 3) { k in
            [[PathMark(points: Array(points.prefix(k + 4)), style: StrokeStyle(color: Color(hex: 0xD62728), width: 2), zOrder: 3),
              LineMark(points: [], style: StrokeStyle(color: Color(hex: 0xD62728)), label: "step \(k)")]]
        }
        let renderer = try AnimationRenderer(animation)
        let last = try renderer.frame(5)
        let png = try animation.lastFrame.render(as: .png)
        let decoded = try DecodedPNG(png).rgba
        var far = 0
        for p in 0..<(320 * 200) {
            // Cairo's ARGB32 words are B, G, R, A in memory on little-endian machines.
            let d = abs(Int(last[p * 4 + 2]) - Int(decoded[p * 4])) + abs(Int(last[p * 4 + 1]) - Int(decoded[p * 4 + 1]))
                + abs(Int(last[p * 4]) - Int(decoded[p * 4 + 2]))
            if d > 24 { far += 1 }
        }
        XCTAssertEqual(far, 0, "the last frame is the still figure")
        XCTAssertEqual(try renderer.frame(2), try renderer.frame(2), "a frame depends only on its index")
        XCTAssertNotEqual(try renderer.frame(1), try renderer.frame(2))
    }

    /// A moving path that leaves through the top of the plot: the still figure strokes the plot frame over
    /// it, and so must the last frame (each frame strokes the plot frame over its moving layer), or the path's
    /// halo cuts the frame line.
    func testMovingPathStaysUnderThePlotFrame() throws {
        var still = try Figure(width: 320, height: 200, dpi: 96)
        var ax = Axes(xLabel: "x", yLabel: "y")
        ax.xLimits = Interval(0, 10); ax.yLimits = Interval(0, 10)
        still.add(ax)
        let points = [Point(2, 2), Point(5, 6), Point(7, 14)]
        let halo = StrokeStyle(color: Color(hex: 0xFFB000), width: 7)
        let animation = Animation(still: still, frameCount: 3, stillBelow: 3) { k in
            [[PathMark(points: Array(points.prefix(k + 1)), style: halo, zOrder: 3)]]
        }
        let last = try AnimationRenderer(animation).frame(2)
        let decoded = try DecodedPNG(try animation.lastFrame.render(as: .png)).rgba
        // The frame line over a path: in the still figure it covers the path's halo; a last frame that
        // drew the path over the frame differs there by 139 levels; where ticks meet the frame, by a level.
        var worst = 0
        for p in 0..<(320 * 200) {
            let d = [abs(Int(last[p * 4 + 2]) - Int(decoded[p * 4])), abs(Int(last[p * 4 + 1]) - Int(decoded[p * 4 + 1])),
                     abs(Int(last[p * 4]) - Int(decoded[p * 4 + 2]))].max() ?? 0
            worst = max(worst, d)
        }
        XCTAssertLessThanOrEqual(worst, 4, "the frame line is drawn over the path in the last frame as in the still figure")
    }
}
