import Foundation
import XCTest
@testable import dlplot

/// `gallery/index.html` opened in headless Chromium from `file://`: every image loads (naturalWidth > 0),
/// the page logs nothing to the console and raises no error, the copy button works, and escaped text
/// reads back as typed. Skipped, naming the package, when Chromium is not installed.
final class GalleryPageBrowserTests: XCTestCase {
    /// Put first in <head>: records every error (scripts, and resources that fail to load) in the page.
    private static let probe = """
        <script>
        window.dlplotErrors = [];
        window.addEventListener("error", function (e) {
          var t = e.target;
          window.dlplotErrors.push(t && t !== window && (t.src || t.href) ? "failed to load " + (t.src || t.href) : String(e.message));
        }, true);
        window.addEventListener("unhandledrejection", function (e) { window.dlplotErrors.push("unhandled rejection: " + e.reason); });
        </script>
        """

    /// Put last in <body>: loads every image (lazy ones too), clicks the first copy button, and writes
    /// a JSON report into the DOM.
    private static let check = """
        <script>
        window.addEventListener("load", function () {
          var images = Array.prototype.slice.call(document.images);
          images.forEach(function (i) { i.loading = "eager"; });
          Promise.all(images.map(function (i) {
            return i.complete ? Promise.resolve() : new Promise(function (r) { i.onload = r; i.onerror = r; });
          })).then(function () {
            var button = document.querySelector("button.copy");
            button.click();
            setTimeout(function () {
              var report = {
                images: images.map(function (i) { return { src: i.getAttribute("src"), width: i.naturalWidth, height: i.naturalHeight }; }),
                errors: window.dlplotErrors,
                copyLabel: button.textContent,
                copyShown: getComputedStyle(button).display !== "none",
                selection: String(window.getSelection()),
                command: button.parentNode.querySelector("code").textContent,
                captions: Array.prototype.map.call(document.querySelectorAll(".caption"), function (c) { return c.textContent; }),
                headings: Array.prototype.map.call(document.querySelectorAll("h2"), function (h) { return h.textContent; })
              };
              var pre = document.createElement("pre");
              pre.id = "dlplot-report";
              pre.textContent = JSON.stringify(report);
              document.body.appendChild(pre);
            }, 200);
          });
        });
        </script>
        """

    private struct Report: Decodable {
        struct Image: Decodable { var src: String; var width: Int; var height: Int }
        var images: [Image]
        var errors: [String]
        var copyLabel: String
        var copyShown: Bool
        var selection: String
        var command: String
        var captions: [String]
        var headings: [String]
    }

    /// Opens a copy of the page `name` in `dir` with the probe and the check added, and returns the report.
    private func open(_ name: String, in dir: URL, chromium: Chromium) throws -> (Report, [String]) {
        let html = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<head>").count, 2)
        let checked = html.replacingOccurrences(of: "<head>", with: "<head>\n" + Self.probe)
            .replacingOccurrences(of: "</body>", with: Self.check + "\n</body>")
        let page = dir.appendingPathComponent("checked-" + name)
        try checked.write(to: page, atomically: true, encoding: .utf8)
        let (dom, console) = try chromium.dumpDOM(of: page)
        let start = try XCTUnwrap(dom.range(of: #"<pre id="dlplot-report">"#), "no report in the DOM:\n\(dom.suffix(2000))")
        let end = try XCTUnwrap(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{a0}").replacingOccurrences(of: "&amp;", with: "&")
        return (try JSONDecoder().decode(Report.self, from: Data(json.utf8)), console)
    }

    func testTheGalleryPageLoadsEveryImageWithoutErrors() throws {
        let chromium = try Chromium.find()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            [[figure]]
            name = "sig"
            section = "Activation functions"
            caption = "The logistic sigmoid: σ′ peaks at 0.25 <at> x = 0 & \\"saturates\\""
            command = "activation sigmoid --size 480x300 --title '$\\\\sigma(x)$'"

            [[figure]]
            name = "lr"
            section = "Learning rates"
            caption = "Too small and good."
            command = "lr --rates 0.1,0.5 --size 480x270"

            [[figure]]
            name = "pit"
            section = "Learning rates"
            caption = "Pitfalls"
            command = "pitfalls --size 480x300 --dpi 80"
            """.write(to: dir.appendingPathComponent("gallery.toml"), atomically: true, encoding: .utf8)
        let run = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--formats", "png,svg"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)

        let (report, console) = try open("index.html", in: dir, chromium: chromium)
        XCTAssertEqual(report.images.map(\.src), ["sig.png", "lr.png", "pit.png"])
        for image in report.images {
            XCTAssertGreaterThan(image.width, 0, "\(image.src) did not load")
        }
        XCTAssertEqual(report.images.map { "\($0.width)x\($0.height)" }, ["480x300", "480x270", "480x300"])
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(console, [], "the page wrote to the console")
        XCTAssertEqual(report.headings, ["Activation functions", "Learning rates"])
        XCTAssertEqual(report.captions.first, "The logistic sigmoid: σ′ peaks at 0.25 <at> x = 0 & \"saturates\"")
        // The copy button shows once the script runs, and copies (or, without clipboard access, selects)
        // the exact command.
        XCTAssertTrue(report.copyShown)
        XCTAssertEqual(report.command, "dlplot activation sigmoid --size 480x300 --title '$\\sigma(x)$' -o sig.png")
        XCTAssertTrue(["Copied", "Selected: press Ctrl+C"].contains(report.copyLabel), report.copyLabel)
        if report.copyLabel != "Copied" { XCTAssertEqual(report.selection, report.command) }
    }

    func testAnAnimationPlaysInPlace() throws {
        let chromium = try Chromium.find()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(twoFrameGIF(width: 8, height: 6)).write(to: dir.appendingPathComponent("motion.gif"))
        let entry = GalleryManifest.Entry(name: "motion", caption: "Two frames <looping>", section: "In motion",
                                          command: "surface beale --animate", line: 1)
        let size = MediaSize.read(dir.appendingPathComponent("motion.gif").path)
        XCTAssertEqual(size, MediaSize(width: 8, height: 6))
        let html = try GalleryPage.html(figures: [GalleryPage.Figure(entry: entry, files: ["motion.gif"], size: size)])
        try html.write(to: dir.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        let (report, console) = try open("page.html", in: dir, chromium: chromium)
        XCTAssertEqual(report.images.map(\.src), ["motion.gif"])
        XCTAssertEqual(report.images.map(\.width), [8])
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(console, [])
        XCTAssertEqual(report.captions, ["animationTwo frames <looping>"])
        XCTAssertEqual(report.command, "dlplot surface beale --animate -o motion.gif")
    }

    /// A looping GIF of two frames (all red, then all blue), LZW-coded with a clear code before every
    /// pixel so that every code is 3 bits.
    private func twoFrameGIF(width: Int, height: Int) -> [UInt8] {
        var gif = Array("GIF89a".utf8) + [UInt8(width), 0, UInt8(height), 0, 0x81, 0, 0]
        gif += [0, 0, 0, 220, 40, 40, 40, 80, 220, 255, 255, 255]
        gif += [0x21, 0xff, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0]
        for colour in [1, 2] as [UInt8] {
            gif += [0x21, 0xf9, 4, 0, 50, 0, 0, 0]
            gif += [0x2c, 0, 0, 0, 0, UInt8(width), 0, UInt8(height), 0, 0, 2]
            var codes: [UInt8] = []
            for _ in 0..<(width * height) { codes += [4, colour] }
            codes.append(5)
            var bytes: [UInt8] = []
            var bit = 0
            for code in codes {
                for k in 0..<3 {
                    if bit % 8 == 0 { bytes.append(0) }
                    if code >> UInt8(k) & 1 == 1 { bytes[bytes.count - 1] |= 1 << UInt8(bit % 8) }
                    bit += 1
                }
            }
            gif += [UInt8(bytes.count)] + bytes + [0]
        }
        return gif + [0x3b]
    }
}
