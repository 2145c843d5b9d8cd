import XCTest
// Unit-tests the internal text layout (TextLayout) of right-to-left runs.
@testable import Viz

/// A right-to-left title with math keeps the paragraph's direction and its spaces, as the same title
/// without `$…$` does (one Pango run).
final class RightToLeftTextTests: XCTestCase {
    /// The text runs of a layout, left to right on the page.
    func runs(_ t: TextLayout) -> [(text: String, x: Double)] {
        t.items.compactMap { item -> (String, Double)? in
            if case let .text(s, _, p) = item { return (s, p.x) }
            return nil
        }.sorted { $0.1 < $1.1 }
    }

    func testHebrewTitleWithMathRunsRightToLeftWithItsSpaces() throws {
        let canvas = try CairoBackend(size: Size(400, 100), kind: .measuring(pixelsPerPoint: 1))
        let font = Font(family: "DejaVu Sans", size: 14)
        let t = TextLayout.make("שלום $x$ עולם", font: font, canvas: canvas)
        let r = runs(t)
        XCTAssertEqual(r.map(\.text), [" עולם", "x", "שלום "], "first word on the right, last on the left")
        // The spaces are inside the runs, so the width is that of the plain title with an italic x.
        let plain = TextLayout.make("שלום x עולם", font: font, canvas: canvas)
        XCTAssertEqual(t.width, plain.width, accuracy: font.size * 0.4)
        // Left-to-right paragraphs keep their order.
        XCTAssertEqual(runs(TextLayout.make("loss $x$ here", font: font, canvas: canvas)).map(\.text), ["loss ", "x", " here"])
        // Direction comes from the first strong letter outside math.
        XCTAssertTrue(TextLayout.isRightToLeft("$x$ مرحبا"))
        XCTAssertFalse(TextLayout.isRightToLeft("$x$ step שלום"))
    }
}
