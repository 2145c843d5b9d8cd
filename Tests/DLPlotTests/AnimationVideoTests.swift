import Foundation
import TestSupport
import XCTest

/// `.mp4`: H.264, yuv420p, the frame rate asked for, fps × duration frames plus the hold as repeated
/// frames, even sides, and the same bytes for any --jobs; `--frames-dir`: numbered PNGs and a LaTeX snippet.
final class AnimationVideoAndFramesTests: XCTestCase {
    private let base = ["surface", "beale", "--optimizers", "gd,adam", "--steps", "40", "--grid", "60"]

    func testMP4IsH264WithTheFramesAndRateAsked() throws {
        let dir = try makeTemporaryDirectory()
        let args = base + ["--size", "361x227", "--dpi", "72", "--animate", "--fps", "10", "--duration", "1.5", "--hold", "0.5"]
        let r = try runDLPlot(args + ["-o", "a.mp4", "--jobs", "2"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let probe = try ProbedMP4(path: dir.appendingPathComponent("a.mp4").path)
        XCTAssertEqual(probe.codec, "h264")
        XCTAssertEqual(probe.pixelFormat, "yuv420p")
        XCTAssertEqual(probe.width, 360, "an odd width loses its last column")
        XCTAssertEqual(probe.height, 226)
        XCTAssertEqual(probe.framesPerSecond, 10, accuracy: 1e-9)
        XCTAssertEqual(probe.packets, 15 + 5, "fps × duration frames, then the hold's 0.5 s as 5 more")
        XCTAssertEqual(probe.decodedFrames, 20, "every frame decodes")
        XCTAssertEqual(probe.topLevelBoxes, ["ftyp", "free", "moov", "mdat"],
                       "the index comes before the media data (fast start), so a browser plays it while it loads")
        let again = try runDLPlot(args + ["-o", "b.mp4", "--jobs", "1"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try Data(contentsOf: dir.appendingPathComponent("a.mp4")) == Data(contentsOf: dir.appendingPathComponent("b.mp4")),
                      "same bytes for --jobs 1 and 2")
        let tooBig = try runDLPlot(base + ["--size", "8400x4000", "--animate", "--frames", "2", "-o", "c.mp4"], in: dir)
        XCTAssertEqual(tooBig.status, 64, tooBig.stderr)
        XCTAssertTrue(tooBig.stderr.contains("invalid --size '8400x4000': a .mp4 may be at most 8192 pixels a side"), tooBig.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.mp4").path))
    }

    /// The decoded last frame is the still figure (luma within H.264's error), which also shows that the
    /// chunk offsets were shifted right when the index moved to the front.
    func testMP4LastFrameDecodesToTheStillFigure() throws {
        let dir = try makeTemporaryDirectory()
        let args = base + ["--size", "480x300"]
        let r = try runDLPlot(args + ["--animate", "--frames", "6", "--hold", "0", "-o", "a.mp4"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let s = try runDLPlot(args + ["-o", "still.png"], in: dir)
        XCTAssertEqual(s.status, 0, s.stderr)
        let probe = try ProbedMP4(path: dir.appendingPathComponent("a.mp4").path)
        XCTAssertEqual(probe.decodedFrames, 6)
        XCTAssertEqual(probe.topLevelBoxes.firstIndex(of: "moov").map { $0 < (probe.topLevelBoxes.firstIndex(of: "mdat") ?? 0) }, true)
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
        XCTAssertEqual(probe.lastLuma.count, png.width * png.height)
        // BT.709 limited-range luma of the still figure's pixels.
        var far = 0
        for (i, y) in probe.lastLuma.enumerated() {
            let r = Double(png.rgba[4 * i]), g = Double(png.rgba[4 * i + 1]), b = Double(png.rgba[4 * i + 2])
            let expected = 16 + (0.2126 * r + 0.7152 * g + 0.0722 * b) * 219 / 255
            if abs(Double(y) - expected) > 24 { far += 1 }
        }
        XCTAssertLessThan(Double(far), 0.01 * Double(probe.lastLuma.count), "\(far) of \(probe.lastLuma.count) samples far from the still")
        XCTAssertGreaterThan(Set(probe.lastLuma).count, 50, "a real picture, not a flat frame")
    }

    func testFramesDirectoryHoldsNumberedPNGsAndALaTeXSnippet() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(base + ["--size", "320x200", "--dpi", "64", "--animate", "--frames", "5", "--fps", "12", "--loop", "--hold", "0", "--frames-dir", "frames"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = dir.appendingPathComponent("frames")
        XCTAssertEqual(listing(out), ["animation.tex", "frame-0001.png", "frame-0002.png", "frame-0003.png", "frame-0004.png", "frame-0005.png"])
        let tex = try String(contentsOf: out.appendingPathComponent("animation.tex"), encoding: .utf8)
        XCTAssertTrue(tex.contains("\\animategraphics[controls,autoplay,loop,width=\\linewidth]{12}{frames/frame-}{0001}{0005}"), tex)
        let still = try runDLPlot(base + ["--size", "320x200", "--dpi", "64", "-o", "still.png"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let last = try DecodedPNG([UInt8](try Data(contentsOf: out.appendingPathComponent("frame-0005.png"))))
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
        XCTAssertEqual(last.width, 320)
        let differing = zip(last.rgba, png.rgba).filter { abs(Int($0) - Int($1)) > 8 }.count
        XCTAssertLessThan(differing, 40, "the last frame is the still figure")
        let both = try runDLPlot(base + ["--animate", "--frames-dir", "x", "-o", "a.gif"], in: dir)
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderr.contains("invalid --frames-dir 'x'"), both.stderr)
        let noParent = try runDLPlot(base + ["--animate", "--frames-dir", "no/such/dir"], in: dir)
        XCTAssertEqual(noParent.status, 64)
        XCTAssertTrue(noParent.stderr.contains("invalid --frames-dir 'no/such/dir'"), noParent.stderr)
    }
}
