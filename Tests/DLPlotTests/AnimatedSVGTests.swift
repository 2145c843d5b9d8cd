import Foundation
import TestSupport
import XCTest

/// `--animate -o x.svg`: one SVG that plays with CSS (no script): each element once, shown in its frames by a
/// keyframes rule, growing paths revealed by their dash, looping with --loop, the same bytes on every run and for any --jobs, and a file that
/// headless Chromium draws and animates. `--frames-dir --frame-format pdf`: one vector PDF a frame.
final class AnimatedSVGTests: XCTestCase {
    private let base = ["lr", "--rates", "0.1,1.1", "--steps", "6", "--size", "480x270"]

    private func svg(_ extra: [String], in dir: URL, name: String) throws -> String {
        let r = try runDLPlot(base + ["--animate"] + extra + ["-o", name], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    func testElementsWrittenOnceWithTheirFramesNoScriptSameBytes() throws {
        let dir = try makeTemporaryDirectory()
        let text = try svg(["--frames", "7", "--fps", "10", "--hold", "0.5", "--jobs", "1"], in: dir, name: "a.svg")
        XCTAssertTrue(text.hasPrefix("<?xml"))
        XCTAssertFalse(text.lowercased().contains("<script"))
        XCTAssertTrue(text.contains("animation-duration:700ms"), "7 frames of 100 ms (played once, the last frame stays: the hold changes nothing)")
        XCTAssertTrue(text.contains("animation-iteration-count:1;"), "plays once without --loop")
        XCTAssertTrue(text.contains("class=\"f last"), "the last frame is shown where CSS does not run")
        // An element of one frame only is shown in that frame's 100 ms slot: frame 3 is 200-300 ms of 700, a
        // rule for 100 ms shared by every such element, started 200 ms late.
        XCTAssertTrue(text.contains("@keyframes o100{0%{visibility:visible}14.286%{visibility:hidden}}"), text)
        XCTAssertTrue(text.contains(".t200{animation-delay:200ms}"), text)
        let looping = try svg(["--frames", "7", "--fps", "10", "--hold", "0.5", "--loop"], in: dir, name: "h.svg")
        XCTAssertTrue(looping.contains("animation-duration:1200ms"), "looping: 7 frames of 100 ms, then the 500 ms hold")
        // Each growing iterate path is one element whose dash grows: its keyframes end on the whole path.
        XCTAssertTrue(text.contains("stroke-dasharray:none}"), "a growing path ends whole")
        // Ids are unique and every reference resolves.
        let ids = text.matches(of: /id="([^"]+)"/).map { String($0.1) }
        XCTAssertEqual(Set(ids).count, ids.count, "unique ids")
        for ref in Set(text.matches(of: /#(d\d+)/).map { String($0.1) }) { XCTAssertTrue(ids.contains(ref), "#\(ref) is defined") }
        let two = try svg(["--frames", "7", "--fps", "10", "--hold", "0.5", "--jobs", "2"], in: dir, name: "b.svg")
        XCTAssertEqual(text, two, "--jobs 1 and 2 give the same bytes")
        let looped = try svg(["--frames", "7", "--loop"], in: dir, name: "c.svg")
        XCTAssertTrue(looped.contains("animation-iteration-count:infinite;"))
    }

    /// The paths grow instead of being drawn again in every frame: 40 frames of four optimizers on Beale
    /// take little more than twice the still SVG (every frame whole took 8 times as much), and what the
    /// last frame shows (the background and every element shown at the end, whole) is exactly the still
    /// figure's geometry: the same paths, point for point.
    func testGrowingPathsKeepTheFileSmallAndEndOnTheStillFigure() throws {
        let dir = try makeTemporaryDirectory()
        let request = ["surface", "beale", "--optimizers", "gd,momentum,adam,rmsprop", "--size", "800x450"]
        let r = try runDLPlot(request + ["--animate", "--frames", "40", "-o", "a.svg"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let s = try runDLPlot(request + ["-o", "still.svg"], in: dir)
        XCTAssertEqual(s.status, 0, s.stderr)
        let animated = try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8)
        let still = try String(contentsOf: dir.appendingPathComponent("still.svg"), encoding: .utf8)
        // 2.2: the still file's styles shrink by more than half (SVGCompactor), the animated file's were already
        // written once each as classes; both lost the same bytes (about 15 KB), so the ratio grew from 2.05.
        XCTAssertLessThan(Double(animated.utf8.count), 2.2 * Double(still.utf8.count), "\(animated.utf8.count) bytes against \(still.utf8.count)")
        // Eight growing paths (a halo and a line a run), each written once.
        let growing = animated.matches(of: /@keyframes (g\d+)\{[^\n]*stroke-dasharray/).count
        XCTAssertGreaterThanOrEqual(growing, 8)

        func paths(_ drawing: Substring) -> [String: Int] {
            var count: [String: Int] = [:]
            // What masks hold is not drawn.
            let svg = drawing.replacing(/<mask[^>]*>.*?<\/mask>/, with: "")
            for m in svg.matches(of: /<path([^>]*)\/>/) {
                let attributes = m.1
                if let c = attributes.firstMatch(of: /\ class="([^"]*)"/)?.1.split(separator: " "), c.contains("f"), !c.contains("last") { continue }
                if let d = attributes.firstMatch(of: /\ d="([^"]*)"/)?.1 { count[String(d), default: 0] += 1 }
            }
            return count
        }
        let lastFrame = paths(animated[try XCTUnwrap(animated.range(of: "</style>")).upperBound...])
        let stillPaths = paths(still[try XCTUnwrap(still.range(of: "</defs>")).upperBound...])
        XCTAssertGreaterThan(stillPaths.values.reduce(0, +), 40)
        XCTAssertEqual(lastFrame, stillPaths, "the last frame draws the still figure's paths")
    }

    /// A 3-D view without --orbit keeps its surface still: the mesh is written once, so the animation is about
    /// the still SVG's size (every frame whole was 48 times the still for 48 frames).
    func testThreeDSurfaceIsWrittenOnce() throws {
        let dir = try makeTemporaryDirectory()
        let request = ["surface", "bowl", "--view", "3d", "--optimizers", "gd", "--steps", "30", "--grid", "40", "--size", "480x300"]
        let r = try runDLPlot(request + ["--animate", "--frames", "8", "-o", "a.svg"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let s = try runDLPlot(request + ["-o", "still.svg"], in: dir)
        XCTAssertEqual(s.status, 0, s.stderr)
        let animated = try Data(contentsOf: dir.appendingPathComponent("a.svg")).count
        let still = try Data(contentsOf: dir.appendingPathComponent("still.svg")).count
        XCTAssertLessThan(Double(animated), 1.5 * Double(still), "\(animated) bytes against \(still)")
    }

    func testChromiumDrawsAndAnimatesIt() throws {
        let chromium = try Chromium.find()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try svg(["--frames", "5", "--fps", "10"], in: dir, name: "a.svg")
        let inline = text.components(separatedBy: "?>").dropFirst().joined(separator: "?>")
        // Frame k is shown from 100k ms; an element of class vA_B must be visible exactly in frames A to B, one of
        // classes oL and tD from D ms (0 without tD) for L ms, and a growing path (class gN) visible with a dash
        // shorter than its length before the last frame.
        let page = """
            <!DOCTYPE html><html><body><img id="file" src="a.svg">\(inline)
            <script>
            window.addEventListener("load", function () {
              var elements = Array.prototype.slice.call(document.querySelectorAll(".f"));
              var animations = document.getAnimations();
              function at(ms, frame) {
                animations.forEach(function (a) { a.pause(); a.currentTime = ms; });
                var wrong = 0, visible = 0, timed = 0, grown = [];
                elements.forEach(function (e) {
                  var shown = getComputedStyle(e).visibility === "visible";
                  if (shown) visible += 1;
                  var m = /\\bv(\\d+)_(\\d+)\\b/.exec(e.getAttribute("class"));
                  if (m && shown !== (frame >= +m[1] && frame <= +m[2])) wrong += 1;
                  var o = /\\bo(\\d+)\\b/.exec(e.getAttribute("class")), t = /\\bt(\\d+)\\b/.exec(e.getAttribute("class"));
                  var from = t ? +t[1] : 0;
                  if (o && shown !== (ms >= from && ms < from + +o[1])) wrong += 1;
                  if (o) timed += 1;
                  if (/\\bg\\d+\\b/.test(e.getAttribute("class")) && shown) grown.push(getComputedStyle(e).strokeDasharray);
                });
                return {wrong: wrong, visible: visible, timed: timed, dash: grown[0] || ""};
              }
              var report = {
                width: document.getElementById("file").naturalWidth,
                frames: [at(0, 0), at(150, 1), at(250, 2), at(350, 3), at(1450, 4)]
              };
              var pre = document.createElement("pre");
              pre.id = "report";
              pre.textContent = JSON.stringify(report);
              document.body.appendChild(pre);
            });
            </script></body></html>
            """
        try page.write(to: dir.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        let (dom, console) = try chromium.dumpDOM(of: dir.appendingPathComponent("page.html"))
        let report = try XCTUnwrap(dom.firstMatch(of: /<pre id="report">([^<]*)<\/pre>/).map { String($0.1) }, String(dom.suffix(500)))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.replacingOccurrences(of: "&quot;", with: "\"").utf8)) as? [String: Any])
        let points = try XCTUnwrap(text.firstMatch(of: /width="([0-9.]+)pt"/).flatMap { Double($0.1) })
        XCTAssertEqual(json["width"] as? Int, Int((points * 4 / 3).rounded()), "the file decodes as an image (a point is 4/3 CSS px)")
        let frames = try XCTUnwrap(json["frames"] as? [[String: Any]])
        XCTAssertEqual(frames.map { $0["wrong"] as? Int }, [0, 0, 0, 0, 0], "each element shown in its own frames: \(frames)")
        XCTAssertTrue(frames.allSatisfy { ($0["visible"] as? Int ?? 0) > 0 }, "\(frames)")
        XCTAssertTrue(frames.allSatisfy { ($0["timed"] as? Int ?? 0) > 0 }, "elements shown before the last frame by oL/tD: \(frames)")
        let dashes = frames.map { $0["dash"] as? String ?? "" }
        XCTAssertTrue(dashes[1].contains(","), "a growing path is cut by its dash before the end: \(dashes)")
        XCTAssertEqual(dashes[4], "none", "and whole at the end: \(dashes)")
        XCTAssertEqual(console, [])
    }

    /// What Chromium draws of the SVG at frame k's time is frame k: it looks more like the PNG of frame k
    /// than like the frame after it, and clearly more than like a frame 5 later (the two rasterizers draw text a
    /// little differently, so a few hundred pixels always differ). This
    /// checks the frames' timing, growing paths, dashed ones (shown through masks) and moving dots together,
    /// as a viewer sees them (the tails' stretches are checked in `SVGFrameMergeTests`).
    func testChromiumDrawsEachFrameAsTheRasterFrames() throws {
        let chromium = try Chromium.find()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let request = ["surface", "beale", "--optimizers", "gd,momentum,adam,rmsprop", "--size", "640x360", "--animate", "--frames", "24", "--fps", "20"]
        let r = try runDLPlot(request + ["-o", "a.svg"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let f = try runDLPlot(request + ["--frames-dir", "frames"], in: dir)
        XCTAssertEqual(f.status, 0, f.stderr)
        let text = try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8)
        let inline = text.components(separatedBy: "?>").dropFirst().joined(separator: "?>")
        func shot(_ ms: Int) throws -> DecodedPNG {
            let page = """
                <!DOCTYPE html><html><body style="margin:0;background:#fff"><style>svg{width:640px;height:360px;display:block}</style>\(inline)
                <script>document.getAnimations().forEach(function (a) { a.pause(); a.currentTime = \(ms); });</script></body></html>
                """
            let url = dir.appendingPathComponent("page\(ms).html")
            try page.write(to: url, atomically: true, encoding: .utf8)
            return try DecodedPNG(try chromium.screenshot(of: url, width: 640, height: 360))
        }
        func frame(_ k: Int) throws -> DecodedPNG {
            try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("frames/frame-\(String(format: "%04d", k + 1)).png"))))
        }
        /// Pixels of the plot (the left half: the legend and its changing numbers are on the right) that differ
        /// by more than 60 levels in some channel, away from where the last frames do (text drawn by the two
        /// rasterizers differs everywhere; this leaves what moves).
        func far(_ a: DecodedPNG, _ b: DecodedPNG, beyond noise: Set<Int> = []) -> Set<Int> {
            var out = Set<Int>()
            for y in 0..<a.height {
                for x in 0..<(a.width / 2) where !noise.contains(y * a.width + x) {
                    let i = y * a.width + x
                    for c in 0..<3 where abs(Int(a.rgba[4 * i + c]) - Int(b.rgba[4 * i + c])) > 60 { out.insert(i); break }
                }
            }
            return out
        }
        let last = try shot(23 * 50 + 25)
        XCTAssertEqual(last.width, 640)
        // Text differs by a pixel or so around each glyph.
        var noise = Set<Int>()
        let around = [-641, -640, -639, -1, 0, 1, 639, 640, 641]
        for i in far(last, try frame(23)) { for d in around { noise.insert(i + d) } }
        XCTAssertLessThan(noise.count, 640 * 360 / 10, "the finished figure is drawn alike: only text differs")
        // The "step N" badge in the plot's top-left corner is text too, in every frame but the last (so not in
        // the noise above): its glyphs differing by rasterizer were 40 % of a frame's own difference, and a
        // frame's own count came within 1 % of the bound below although the screenshot is that frame.
        for y in 75..<110 { for x in 79..<160 { noise.insert(y * 640 + x) } }
        for k in [2, 9, 16] {
            let s = try shot(k * 50 + 25)
            let own = far(s, try frame(k), beyond: noise).count, next = far(s, try frame(k + 1), beyond: noise).count
            let later = far(s, try frame(k + 5), beyond: noise).count
            XCTAssertLessThan(own, next, "frame \(k): \(own) pixels differ from it, \(next) from the next")
            XCTAssertLessThan(Double(own), 0.8 * Double(later), "frame \(k): \(own) pixels differ from it, \(later) from frame \(k + 5)")
        }
    }

    func testPDFFramesAndTheirSnippet() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(base + ["--animate", "--frames", "4", "--fps", "8", "--hold", "0", "--frames-dir", "frames", "--frame-format", "pdf"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir.appendingPathComponent("frames")),
                       ["animation.tex", "frame-0001.pdf", "frame-0002.pdf", "frame-0003.pdf", "frame-0004.pdf"])
        let first = try Data(contentsOf: dir.appendingPathComponent("frames/frame-0001.pdf"))
        let last = try Data(contentsOf: dir.appendingPathComponent("frames/frame-0004.pdf"))
        XCTAssertTrue(first.starts(with: Array("%PDF-".utf8)))
        XCTAssertNotEqual(first, last)
        let tex = try String(contentsOf: dir.appendingPathComponent("frames/animation.tex"), encoding: .utf8)
        XCTAssertTrue(tex.contains("\\animategraphics[controls,autoplay,width=\\linewidth]{8}{frames/frame-}{0001}{0004}"), tex)
        let again = try runDLPlot(base + ["--animate", "--frames", "4", "--fps", "8", "--hold", "0", "--frames-dir", "again", "--frame-format", "pdf", "--jobs", "1"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(last, try Data(contentsOf: dir.appendingPathComponent("again/frame-0004.pdf")), "the same bytes")
        // The option is checked: only with --frames-dir, and png or pdf.
        for (args, message) in [(["--animate", "--frame-format", "pdf", "-o", "x.gif"], "invalid --frame-format 'pdf': it chooses the files of --frames-dir"),
                                (["--animate", "--frames-dir", "f2", "--frame-format", "eps"], "invalid --frame-format 'eps': expected png or pdf"),
                                (["--frame-format", "pdf", "-o", "x.png"], "invalid --frame-format 'pdf': it sets up an animation; add --animate")] {
            let bad = try runDLPlot(base + args, in: dir)
            XCTAssertEqual(bad.status, 64, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(message), bad.stderr)
        }
        XCTAssertEqual(listing(dir), ["again", "frames"], "nothing else written")
    }
}
