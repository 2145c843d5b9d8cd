import Foundation
import XCTest
@testable import dlplot

/// `gallery/index.html` as markup: what each entry shows, escaping, grouping, sizes and determinism.
/// (The page in a real browser: GalleryPageBrowserTests.)
final class GalleryPageTests: XCTestCase {
    private func entry(_ name: String, section: String = "", caption: String = "", command: String = "activation relu") -> GalleryManifest.Entry {
        GalleryManifest.Entry(name: name, caption: caption, section: section, command: command, line: 1)
    }

    private func page(_ figures: [GalleryPage.Figure]) throws -> String { try GalleryPage.html(figures: figures) }

    /// The HTML without the spans that keep each word of a command together.
    private func plain(_ html: String) -> String {
        html.replacingOccurrences(of: #"<span class="w">"#, with: "").replacingOccurrences(of: "</span>", with: "")
    }

    func testStillFiguresShowTheirPNGWithSizeCommandAndEveryFormat() throws {
        let html = try page([GalleryPage.Figure(entry: entry("sig", caption: "Sigmoid", command: "activation sigmoid --size 640x400"),
                                                files: ["sig.png", "sig.svg", "sig.pdf"], size: MediaSize(width: 640, height: 400))])
        XCTAssertTrue(html.hasPrefix(GalleryRules.pageHeading + "\n"))
        XCTAssertTrue(html.contains(#"<img src="sig.png" alt="Sigmoid" width="640" height="400""#), html)
        XCTAssertTrue(plain(html).contains("<code>dlplot activation sigmoid --size 640x400 -o sig.png</code>"))
        XCTAssertTrue(html.contains(#"<a href="sig.png">PNG</a> · <a href="sig.svg">SVG</a> · <a href="sig.pdf">PDF</a>"#), html)
        XCTAssertTrue(html.contains(#"<figure class="card" id="sig">"#))
        XCTAssertFalse(html.contains("<video"))
        XCTAssertFalse(html.contains(#"class="badge""#))
        // One section only: no table of contents.
        XCTAssertFalse(html.contains("<nav"))
        XCTAssertTrue(html.contains("1 figure, each"))
        // Nothing from the network.
        XCTAssertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"), html)
    }

    func testAnimationsPlayInPlace() throws {
        let figures = [
            GalleryPage.Figure(entry: entry("gif", caption: "A", command: "surface beale --animate"),
                               files: ["gif.png", "gif.gif"], size: MediaSize(width: 800, height: 500)),
            GalleryPage.Figure(entry: entry("movie", caption: "B", command: "surface beale --animate"),
                               files: ["movie.mp4", "movie.png"], size: nil),
            GalleryPage.Figure(entry: entry("web", caption: "C", command: "lr --animate"), files: ["web.webp"], size: nil),
            GalleryPage.Figure(entry: entry("css", caption: "D", command: "surface saddle --animate"), files: ["css.svg"], size: nil),
            GalleryPage.Figure(entry: entry("still", caption: "E", command: "surface saddle"), files: ["still.svg"], size: nil),
            GalleryPage.Figure(entry: entry("print", caption: "F"), files: ["print.pdf"], size: nil),
        ]
        let html = try page(figures)
        XCTAssertTrue(html.contains(#"<img src="gif.gif" alt="A" width="800" height="500""#), html)
        XCTAssertTrue(plain(html).contains("-o gif.gif</code>"))
        XCTAssertTrue(html.contains(#"<video src="movie.mp4" poster="movie.png" autoplay loop muted playsinline aria-label="B"></video>"#), html)
        XCTAssertTrue(plain(html).contains("-o movie.mp4</code>"))
        XCTAssertTrue(html.contains(#"<img src="web.webp""#))
        XCTAssertTrue(html.contains(#"<img src="css.svg""#))
        XCTAssertTrue(html.contains(#"<img src="still.svg""#))
        // Three images and the video carry the badge; the still SVG and the PDF do not.
        XCTAssertEqual(html.components(separatedBy: #"<span class="badge">animation</span>"#).count - 1, 4)
        XCTAssertTrue(html.contains(#"<p class="caption">E</p>"#))
        XCTAssertTrue(html.contains("No preview"))
        XCTAssertTrue(plain(html).contains("-o print.pdf</code>"))
    }

    func testEveryTextIsEscaped() throws {
        let hostile = #"<script>alert("x")</script> & 'quotes'"#
        let html = try page([GalleryPage.Figure(entry: entry("x", section: "<b>Section</b>", caption: hostile,
                                                              command: #"activation 'x*sigmoid(x)' --title "<i>&</i>""#),
                                                files: ["x.png"], size: nil)])
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertFalse(html.contains("<b>Section"))
        XCTAssertFalse(html.contains("<i>&"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"), html)
        XCTAssertTrue(html.contains("&lt;b&gt;Section&lt;/b&gt;"))
        XCTAssertTrue(plain(html).contains("<code>dlplot activation &#39;x*sigmoid(x)&#39; --title &quot;&lt;i&gt;&amp;&lt;/i&gt;&quot; -o x.png</code>"), html)
    }

    func testSectionsGroupInOrderOfFirstEntryWithUniqueIDs() throws {
        let list = [("a1", "Alpha"), ("b1", "Beta"), ("a2", "Alpha"), ("alpha", "Beta"), ("n1", "")].map {
            GalleryPage.Figure(entry: entry($0.0, section: $0.1), files: [$0.0 + ".png"], size: nil)
        }
        let view = GalleryPage.view(figures: list)
        XCTAssertEqual(view.sections.map { $0.heading?.text }, ["Alpha", "Beta", nil])
        XCTAssertEqual(view.sections.map { $0.figures.map(\.id) }, [["a1", "a2"], ["b1", "alpha"], ["n1"]])
        // The section "Alpha" would take the id of the figure "alpha".
        XCTAssertEqual(view.sections.compactMap { $0.heading?.id }, ["alpha-2", "beta"])
        XCTAssertEqual(view.contents.map(\.count), [2, 2])
        XCTAssertTrue(view.hasContents)
        let html = try page(list)
        XCTAssertTrue(html.contains(##"<li><a href="#alpha-2">Alpha <span class="n">2</span></a></li>"##), html)
        XCTAssertEqual(html.components(separatedBy: "<section").count - 1, 3)
        XCTAssertEqual(try page(list), html)
    }

    func testCommandWordsJoinBackToTheCommandExactly() {
        for text in ["dlplot a  b", "dlplot surface beale --title 'A  b' -o x.png", "x", " lead"] {
            XCTAssertEqual(GalleryPage.words(text).map(\.text).joined(separator: " "), text)
            XCTAssertEqual(GalleryPage.words(text).filter(\.last).count, 1)
        }
        let html = (try? page([GalleryPage.Figure(entry: entry("s", command: "lr --rates 0.1,0.5"), files: ["s.png"], size: nil)])) ?? ""
        XCTAssertTrue(html.contains(#"<code><span class="w">dlplot</span> <span class="w">lr</span> <span class="w">--rates</span> "#
                                    + #"<span class="w">0.1,0.5</span> <span class="w">-o</span> <span class="w">s.png</span></code>"#), html)
    }

    func testMediaSizeFromHeaders() {
        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x05, 0x00, 0, 0, 0x02, 0xd0]
        XCTAssertEqual(MediaSize.parse(png), MediaSize(width: 1280, height: 720))
        XCTAssertEqual(MediaSize.parse(Array("GIF89a".utf8) + [0x20, 0x03, 0xf4, 0x01]), MediaSize(width: 800, height: 500))
        let vp8x = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0x02, 0, 0, 0]
            + [0x1f, 0x03, 0x00, 0xf3, 0x01, 0x00]
        XCTAssertEqual(MediaSize.parse(vp8x), MediaSize(width: 800, height: 500))
        XCTAssertNil(MediaSize.parse(Array("%PDF-1.7 and more bytes than thirty".utf8)))
        XCTAssertNil(MediaSize.parse(Array("GIF89a".utf8) + [0, 0, 0, 0]))
        XCTAssertNil(MediaSize.read("/nonexistent/x.png"))
    }

    func testGalleryWritesThePageWithTheIndexAndOnlyLeavesBothAlone() throws {
        let dir = try makeTemporaryDirectory()
        try """
            [[figure]]
            name = "sig"
            section = "Activations"
            caption = "Sigmoid & friends"
            command = "activation sigmoid --size 400x300"
            """.write(to: dir.appendingPathComponent("gallery.toml"), atomically: true, encoding: .utf8)
        let run = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--formats", "png,svg"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains(#"<img src="sig.png" alt="Sigmoid &amp; friends" width="400" height="300""#), html)
        XCTAssertTrue(html.contains(#"<a href="sig.svg">SVG</a>"#))
        // --only renders entries but rewrites neither index.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("index.html"))
        let only = try runDLPlot(["gallery", "--manifest", "gallery.toml", "--formats", "png", "--only", "sig"], in: dir)
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("index.html").path))
    }
}
