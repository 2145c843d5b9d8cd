import ArgumentParser
import Foundation
import XCTest
@testable import dlplot

/// Every command the gallery's README shows runs as printed (tried as a new user would: the README's
/// expression-two-wells command put `-o` after `--` and was refused with exit 64).
final class GalleryCommandLineTests: XCTestCase {
    func testOutputGoesBeforeDashDash() {
        let e = GalleryManifest.Entry(name: "w", caption: "", section: "", command: "surface --xrange -2:3 -- '-exp(-x^2 - y^2)'", line: 1)
        XCTAssertEqual(e.commandLine(writing: "w.png"), "surface --xrange -2:3 -o w.png -- '-exp(-x^2 - y^2)'")
        let plain = GalleryManifest.Entry(name: "r", caption: "", section: "", command: "activation 'x -- 1' relu", line: 1)
        XCTAssertEqual(plain.commandLine(writing: "r.png"), "activation 'x -- 1' relu -o r.png")
    }

    func testEveryReadmeCommandParses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("gallery/gallery.toml"), encoding: .utf8)
        let manifest = try GalleryManifest(text: text, path: "gallery/gallery.toml")
        XCTAssertGreaterThan(manifest.entries.count, 50)
        let readme = GalleryIndex.markdown(entries: manifest.entries, formats: [.png, .svg], failed: [])
        let lines = readme.split(separator: "\n").filter { $0.hasPrefix("dlplot ") }
        XCTAssertEqual(lines.count, manifest.entries.count)
        for line in lines {
            let args = Array(try CommandSplitter.split(String(line)).dropFirst())
            XCTAssertNoThrow(try DLPlot.parseAsRoot(args), String(line))
            if let dashes = args.firstIndex(of: "--") {
                XCTAssertEqual(args.count - dashes - 1, 1, "one expression after --: \(line)")
            }
        }
        // The committed README is the generated one.
        let committed = try String(contentsOf: root.appendingPathComponent("gallery/README.md"), encoding: .utf8)
        XCTAssertTrue(committed.contains("--start=2.5,1.5 -o expression-two-wells.png -- '-exp("), "README regenerated")
    }
}
