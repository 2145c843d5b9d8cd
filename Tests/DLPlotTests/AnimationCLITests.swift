import Foundation
import TestSupport
import XCTest

/// `--animate`: files that decode with giflib, frame count = fps × duration, timing and loop as asked, the
/// last frame equal to the still figure of the same command (to within anti-aliasing and the palette),
/// the same bytes on every run and for any --jobs, and bad requests refused with nothing written.
final class AnimationCLITests: XCTestCase {
    /// A small, quick request: two optimizers, 40 steps, a coarse grid.
    private let base = ["surface", "beale", "--optimizers", "gd,adam", "--steps", "40", "--grid", "60", "--size", "320x200", "--dpi", "64"]

    private func gif(_ extra: [String], in dir: URL, name: String = "a.gif") throws -> (DecodedGIF, Data) {
        let r = try runDLPlot(base + ["--animate"] + extra + ["-o", name], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = try Data(contentsOf: dir.appendingPathComponent(name))
        return (try DecodedGIF([UInt8](data)), data)
    }

    func testFrameCountTimingAndLoop() throws {
        let dir = try makeTemporaryDirectory()
        let (g, _) = try gif(["--fps", "10", "--duration", "1.2", "--hold", "0.5", "--jobs", "2"], in: dir)
        XCTAssertEqual(g.width, 320); XCTAssertEqual(g.height, 200)
        XCTAssertEqual(g.frames.count, 12, "fps × duration frames")
        XCTAssertEqual(Array(g.delays.dropLast()), Array(repeating: 10, count: 11), "1/fps each")
        XCTAssertEqual(g.delays.last, 60, "the last frame's own 1/fps plus the hold")
        XCTAssertFalse(g.loops, "plays once without --loop")
        // Later frames are the changed rectangle only, never the whole screen.
        XCTAssertTrue(g.rects.dropFirst().allSatisfy { $0.2 * $0.3 < 320 * 200 }, "\(g.rects)")
        let (looped, _) = try gif(["--frames", "5", "--fps", "30", "--loop"], in: dir, name: "b.gif")
        XCTAssertEqual(looped.frames.count, 5)
        XCTAssertTrue(looped.loops)
        // 30 fps in whole hundredths: 3, 4, 3, … so that the running total stays on k/30 s.
        XCTAssertEqual(Array(looped.delays.dropLast()), [3, 4, 3, 3])
    }

    func testLastFrameIsTheStillFigure() throws {
        let dir = try makeTemporaryDirectory()
        let (g, _) = try gif(["--frames", "6"], in: dir)
        let still = try runDLPlot(base + ["-o", "still.png"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
        let last = try XCTUnwrap(g.frames.last)
        var far = 0, total = 0
        for p in 0..<(png.width * png.height) {
            let d = (0..<3).map { abs(Int(last[p * 3 + $0]) - Int(png.rgba[p * 4 + $0])) }.reduce(0, +)
            total += d
            if d > 60 { far += 1 }
        }
        let n = png.width * png.height
        XCTAssertLessThan(Double(total) / Double(n * 3), 1.5, "mean difference per channel")
        XCTAssertLessThan(Double(far) / Double(n), 0.01, "pixels clearly different (edges only)")
        // The first frame is not the last: the runs have not started.
        let first = g.frames[0]
        XCTAssertGreaterThan(zip(first, last).filter { $0 != $1 }.count, 300)
    }

    func testSameBytesOnEveryRunAndForAnyJobs() throws {
        let dir = try makeTemporaryDirectory()
        let (_, one) = try gif(["--frames", "9", "--jobs", "1"], in: dir, name: "one.gif")
        let (_, two) = try gif(["--frames", "9", "--jobs", "2"], in: dir, name: "two.gif")
        let (_, again) = try gif(["--frames", "9", "--jobs", "2"], in: dir, name: "again.gif")
        XCTAssertEqual(one, two, "--jobs 1 and 2")
        XCTAssertEqual(two, again, "two runs")
    }

    func testLogTimeShowsTheFirstStepsLonger() throws {
        let dir = try makeTemporaryDirectory()
        let (even, _) = try gif(["--frames", "8"], in: dir, name: "even.gif")
        let (log, _) = try gif(["--frames", "8", "--time", "log"], in: dir, name: "log.gif")
        // Both end on the last step (the palettes differ a little: they are sampled from the middle frame too).
        func changed(_ a: [UInt8], _ b: [UInt8]) -> Int { zip(a, b).filter { abs(Int($0) - Int($1)) > 40 }.count }
        // (Above the legend below the plot: its columns are laid out for the rows of the frames each shows.)
        let above = 320 * 150
        XCTAssertLessThan(changed(Array(try XCTUnwrap(even.frames.last).prefix(above)), Array(try XCTUnwrap(log.frames.last).prefix(above))), 200)
        XCTAssertGreaterThan(changed(even.frames[3], log.frames[3]), 200, "the middle frames show different steps")
    }

    func testBadRequestsAreRefusedWithNothingWritten() throws {
        let dir = try makeTemporaryDirectory()
        let cases: [([String], String)] = [
            (["--animate", "--fps", "0", "-o", "x.gif"], "invalid --fps '0'"),
            (["--animate", "--fps", "60", "-o", "x.gif"], "invalid --fps '60'"),
            (["--animate", "--frames", "1e9", "-o", "x.gif"], "invalid --frames '1e9'"),
            (["--animate", "--frames", "5", "--duration", "2", "-o", "x.gif"], "invalid --frames '5'"),
            (["--animate", "--duration", "1000", "-o", "x.gif"], "invalid --duration '1000'"),
            (["--animate", "--time", "fast", "-o", "x.gif"], "invalid --time 'fast'"),
            (["--animate", "--hold", "-1", "-o", "x.gif"], "invalid --hold '-1'"),
            (["--animate", "--jobs", "0", "-o", "x.gif"], "invalid --jobs '0'"),
            (["--animate", "-o", "x.avi"], "invalid -o 'x.avi': expected a name ending in .png, .svg or .pdf (or .gif, .webp, .mp4 or an animated .svg with --animate)"),
            (["--animate", "-o", "x.png"], "invalid -o 'x.png'"),
            (["--animate", "-o", "-"], "invalid -o '-'"),
            (["--animate", "--transparent", "-o", "x.gif"], "invalid --transparent"),
            (["--animate", "--with-curves", "-o", "x.gif"], "invalid --with-curves"),
            (["--fps", "10", "-o", "x.png"], "invalid --fps '10'"),
            (["-o", "x.gif"], "invalid -o 'x.gif'"),
            (["--animate", "--orbit", "90", "-o", "x.gif"], "invalid --orbit '90': it turns an animated 3-D view"),
            (["--animate", "--view", "3d", "--orbit", "1000", "-o", "x.gif"], "invalid --orbit '1000': expected -720 to 720 degrees"),
            (["--animate", "--frames", "3", "--loop", "-o", "x.mp4"], "invalid --loop: an .mp4 has no loop setting"),
            (["--progress", "-o", "x.png"], "invalid --progress: it reports on an animation's frames; add --animate"),
            (["--animate", "--frames-dir", ""], "invalid --frames-dir '': expected a directory name"),
            (["--animate", "--frames-dir", "d", "--format", "pdf"], "invalid --format 'pdf': with --frames-dir the frames' format is --frame-format png or pdf"),
            (["--animate", "--size", "3840x2160", "--frames", "3000", "-o", "x.gif"], "invalid --size '3840x2160'"),
        ]
        for (args, message) in cases {
            // A case that sets its own --size replaces the base's (an option given twice is refused as such).
            let r = try runDLPlot((args.contains("--size") ? Array(base.dropLast(4)) : base) + args, in: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written")
    }

    func testOrbitingThreeDimensionalView() throws {
        let dir = try makeTemporaryDirectory()
        let (g, _) = try gif(["--view", "3d", "--orbit", "60", "--frames", "4"], in: dir)
        XCTAssertEqual(g.frames.count, 4)
        XCTAssertTrue(g.frames[0] != g.frames[1], "the view turns")
    }
}

/// `.webp`: near-lossless animated WebP that libwebp's own decoder reads, ending on the still figure (edges within
/// 4/255), no larger than the GIF of the same command.
final class AnimationWebPTests: XCTestCase {
    func testWebPDecodesAndEndsOnTheStillFigure() throws {
        let dir = try makeTemporaryDirectory()
        let base = ["surface", "beale", "--optimizers", "gd,adam", "--steps", "40", "--grid", "60", "--size", "320x200", "--dpi", "64"]
        let r = try runDLPlot(base + ["--animate", "--frames", "6", "--fps", "10", "--hold", "0.5", "--loop", "-o", "a.webp"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("a.webp")))
        let w = try DecodedWebP(bytes)
        XCTAssertEqual(w.width, 320); XCTAssertEqual(w.height, 200)
        XCTAssertEqual(w.loopCount, 0, "--loop: forever")
        XCTAssertEqual(w.endTimes.last, 600 + 500, "6 frames at 10 fps, then the hold")
        XCTAssertGreaterThanOrEqual(w.frames.count, 2)
        let still = try runDLPlot(base + ["-o", "still.png"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
        let last = try XCTUnwrap(w.frames.last)
        var far = 0
        for p in 0..<(320 * 200) where (0..<3).contains(where: { abs(Int(last[p * 4 + $0]) - Int(png.rgba[p * 4 + $0])) > 8 }) { far += 1 }
        XCTAssertLessThan(far, 20, "near-lossless: the last frame is the still figure")
        let again = try runDLPlot(base + ["--animate", "--frames", "6", "--fps", "10", "--hold", "0.5", "--loop", "--jobs", "1", "-o", "b.webp"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try Data(contentsOf: dir.appendingPathComponent("b.webp")) == Data(bytes), "same bytes for --jobs 1")
    }

    /// Lossless WebP was larger than the 256-colour GIF of the same frames (Beale: 535 KB against 463 KB).
    func testWebPIsNoLargerThanTheGIF() throws {
        let dir = try makeTemporaryDirectory()
        for request in [["surface", "beale", "--optimizers", "gd,momentum,adam,rmsprop"],
                        ["surface", "rosenbrock", "--optimizers", "gd,adam", "--view", "3d", "--grid", "60"]] {
            let base = request + ["--size", "640x360", "--animate", "--frames", "24"]
            for name in ["a.gif", "a.webp"] {
                let r = try runDLPlot(base + ["-o", name], in: dir)
                XCTAssertEqual(r.status, 0, r.stderr)
            }
            let gif = try Data(contentsOf: dir.appendingPathComponent("a.gif")).count
            let webp = try Data(contentsOf: dir.appendingPathComponent("a.webp")).count
            XCTAssertLessThanOrEqual(webp, gif, "\(request): WebP \(webp) bytes, GIF \(gif)")
        }
    }
}

/// The gallery renders an entry whose command has --animate as one GIF and shows that GIF in its index.
final class AnimationGalleryTests: XCTestCase {
    func testAnimatedEntryIsOneGIF() throws {
        let dir = try makeTemporaryDirectory()
        let manifest = """
            [[figure]]
            name = "moving"
            section = "In motion"
            caption = "Moving"
            command = "surface beale --optimizers gd --steps 20 --grid 40 --size 360x225 --dpi 64 --animate --frames 4"

            [[figure]]
            name = "still"
            caption = "Still"
            command = "activation relu --size 320x200 --dpi 64"
            """
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("gallery.toml"))
        let r = try runDLPlot(["gallery", "--manifest", "gallery.toml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir), ["README.md", "gallery.toml", "index.html", "moving.gif", "still.png", "still.svg"])
        let gif = try DecodedGIF([UInt8](try Data(contentsOf: dir.appendingPathComponent("moving.gif"))))
        XCTAssertEqual(gif.frames.count, 4)
        let index = try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(index.contains("![Moving](moving.gif)"), index)
        XCTAssertTrue(index.contains("--animate --frames 4 -o moving.gif"), index)
        let page = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("moving.gif"), "the web page shows the GIF")
        XCTAssertFalse(page.contains("moving.png"), "and no still that was never written")
    }
}
