import Foundation
import XCTest

/// `--animate -o x.svg`: one SVG that plays with CSS (no script): a group a frame, one keyframes rule a
/// frame with its slot, looping with --loop, the same bytes on every run and for any --jobs, and a file that
/// headless Chromium draws and animates. `--frames-dir --frame-format pdf`: one vector PDF a frame.
final class AnimatedSVGTests: XCTestCase {
    private let base = ["lr", "--rates", "0.1,1.1", "--steps", "6", "--size", "480x270"]

    private func svg(_ extra: [String], in dir: URL, name: String) throws -> String {
        let r = try runDLPlot(base + ["--animate"] + extra + ["-o", name], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    func testOneGroupAndKeyframesRuleAFrameNoScriptSameBytes() throws {
        let dir = try makeTemporaryDirectory()
        let text = try svg(["--frames", "7", "--fps", "10", "--hold", "0.5", "--jobs", "1"], in: dir, name: "a.svg")
        XCTAssertTrue(text.hasPrefix("<?xml"))
        XCTAssertFalse(text.lowercased().contains("<script"))
        XCTAssertEqual(text.components(separatedBy: "<g class=\"f").count - 1, 7)
        XCTAssertEqual(text.components(separatedBy: "@keyframes f").count - 1, 7)
        XCTAssertTrue(text.contains("animation-duration:1200ms"), "7 frames of 100 ms, then the 500 ms hold")
        XCTAssertTrue(text.contains("animation-iteration-count:1;"), "plays once without --loop")
        XCTAssertTrue(text.contains("<g class=\"f last\""), "the last frame is shown where CSS does not run")
        // Ids are unique and every reference resolves.
        let ids = text.matches(of: /id="([^"]+)"/).map { String($0.1) }
        XCTAssertEqual(Set(ids).count, ids.count, "unique ids")
        for ref in Set(text.matches(of: /#(d\d+)/).map { String($0.1) }) { XCTAssertTrue(ids.contains(ref), "#\(ref) is defined") }
        // Glyphs shared by the frames are defined once: far smaller than seven whole SVGs.
        let still = try runDLPlot(base + ["-o", "still.svg"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let stillSize = try Data(contentsOf: dir.appendingPathComponent("still.svg")).count
        XCTAssertLessThan(text.utf8.count, stillSize * 4)
        let two = try svg(["--frames", "7", "--fps", "10", "--hold", "0.5", "--jobs", "2"], in: dir, name: "b.svg")
        XCTAssertEqual(text, two, "--jobs 1 and 2 give the same bytes")
        let looped = try svg(["--frames", "7", "--loop"], in: dir, name: "c.svg")
        XCTAssertTrue(looped.contains("animation-iteration-count:infinite;"))
    }

    func testChromiumDrawsAndAnimatesIt() throws {
        let chromium = try Chromium.find()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try svg(["--frames", "5", "--fps", "10"], in: dir, name: "a.svg")
        let inline = text.components(separatedBy: "?>").dropFirst().joined(separator: "?>")
        let page = """
            <!DOCTYPE html><html><body><img id="file" src="a.svg">\(inline)
            <script>
            window.addEventListener("load", function () {
              var groups = Array.prototype.slice.call(document.querySelectorAll("g.f"));
              var animations = document.getAnimations();
              // Seek every frame's animation to one time (the Web Animations API: no waiting on the clock).
              function at(ms) {
                animations.forEach(function (a) { a.pause(); a.currentTime = ms; });
                return groups.map(function (g) { return getComputedStyle(g).visibility; }).join(",");
              }
              var report = {
                width: document.getElementById("file").naturalWidth,
                animations: animations.length,
                early: at(0), middle: at(250), late: at(1450)
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
        XCTAssertEqual(json["animations"] as? Int, 5, "one CSS animation a frame")
        XCTAssertEqual(json["early"] as? String, "visible,hidden,hidden,hidden,hidden", "the first frame first")
        XCTAssertEqual(json["middle"] as? String, "hidden,hidden,visible,hidden,hidden", "250 ms: the third frame (200-300 ms)")
        XCTAssertEqual(json["late"] as? String, "hidden,hidden,hidden,hidden,visible", "the last frame through the hold")
        XCTAssertEqual(console, [])
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
