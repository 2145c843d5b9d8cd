import Foundation
import TestSupport
import XCTest
import Viz

/// Y9-22: a view that holds neither the start nor the minimum. The "to the start" words were black straight
/// on viridis's darkest band (a contrast of about 1.3), and the built-in Rosenbrock said nothing of its
/// minimum (1, 1) lying outside the view, where a typed surface says "no minimum found inside the view".
final class ViewOutsideNotesTests: XCTestCase {
    private func elements(_ dir: URL, _ name: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(name)))
        return (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
    }

    private func box(_ e: [String: Any]) -> [Double] { (e["box"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }

    /// The colour most of a box's pixels have (what the text sits on), as a `Color`.
    static func paper(_ png: DecodedPNG, _ b: [Double]) -> Color {
        var counts: [UInt32: Int] = [:]
        for y in Int(b[1].rounded(.up))..<Int(b[1] + b[3]) {
            for x in Int(b[0].rounded(.up))..<Int(b[0] + b[2]) {
                let p = png.pixel(x, y)
                counts[UInt32(p.r) << 16 | UInt32(p.g) << 8 | UInt32(p.b), default: 0] += 1
            }
        }
        return Color(hex: counts.max { $0.value < $1.value }?.key ?? 0)
    }

    func testTheStartNoteReadsOnTheFillAndTheMinimumOutsideIsSaid() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for theme in ["light", "dark"] {
            let r = try runDLPlot(["surface", "rosenbrock", "--xrange=2:4", "--yrange=2:4", "--optimizers", "adam", "--theme", theme,
                                   "-o", "r.png", "--layout-report", "r.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let all = try elements(dir, "r.json")
            let note = try XCTUnwrap(all.first { ($0["text"] as? String)?.hasPrefix("to the start (−1.5, 2)") == true }, "\(all)")
            let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("r.png"))))
            let ink = theme == "dark" ? Theme.dark.foreground : Theme.light.foreground
            // Before: the text's box was mostly viridis's darkest purple, 1.3:1 with black.
            XCTAssertGreaterThanOrEqual(Self.paper(png, box(note)).contrast(with: ink), 4.5, theme)
            let footnote = all.filter { $0["kind"] as? String == "footnote" }.compactMap { $0["text"] as? String }.joined(separator: " ")
            XCTAssertTrue(footnote.contains("the minimum (1, 1) is outside the view"), footnote)
        }
        // A view holding the minimum says nothing of it; four minima outside are counted.
        var r = try runDLPlot(["surface", "rosenbrock", "-o", "r.png", "--layout-report", "r.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(try elements(dir, "r.json").contains { ($0["text"] as? String)?.contains("outside the view") == true })
        r = try runDLPlot(["surface", "himmelblau", "--xrange=-0.5:0.5", "--yrange=-0.5:0.5", "-o", "h.png", "--layout-report", "h.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let footnote = try elements(dir, "h.json").filter { $0["kind"] as? String == "footnote" }.compactMap { $0["text"] as? String }
        XCTAssertTrue(footnote.joined().contains("the 4 minima are outside the view"), "\(footnote)")
    }

    /// A run that starts outside a view the user set and diverges put a note's leader towards a point at
    /// about 10³⁰⁰, and placing the note trapped (exit 132, "Double value cannot be converted to Int");
    /// tried as a new user would, 35 of 60 such surface commands crashed.
    func testADivergingRunFromOutsideAGivenViewIsDrawn() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (surface, view, lr) in [("rosenbrock", "-1:1", "0.01"), ("beale", "0:1", "5"), ("booth", "-10:-9", "0.5")] {
            let r = try runDLPlot(["surface", surface, "--optimizers", "gd,adam", "--lr", lr, "--xrange=\(view)", "--yrange=\(view)",
                                   "-o", "d.png"], in: dir)
            XCTAssertEqual(r.status, 0, "\(surface) \(view) lr \(lr): \(r.stderr)")
            XCTAssertNoThrow(try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("d.png")))))
        }
    }
}
