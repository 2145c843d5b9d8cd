import XCTest
@testable import Viz

/// A figure's title, subtitle and footnote never shrink below 0.6 of their size: two lines, then cut
/// short with "…" (a 400-character title was drawn 6 px tall, a 120 000-character one not at all).
final class PageTextFittingTests: XCTestCase {
    func layout(title: String, width: Double = 1280) throws -> (FigureLayout, Figure) {
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        var f = try Figure.single(a)
        f.title = title
        f.size = Size(width: width * 72 / f.dpi, height: 720 * 72 / f.dpi)
        return (try f.laidOut(), f)
    }

    func sizes(_ t: TextLayout) -> [Double] {
        t.items.compactMap { if case let .text(_, font, _) = $0 { font.size } else { nil } }
    }

    func testLongTitlesWrapThenCutButNeverShrinkBelowTheFloor() throws {
        for words in [20, 60, 200, 5000] {
            let (l, f) = try layout(title: String(repeating: "A ", count: words))
            let title = try XCTUnwrap(l.texts.first { $0.kind == .title })
            let full = f.theme.figureTitleFont.size
            XCTAssertGreaterThanOrEqual(sizes(title.text).min() ?? 0, 0.6 * full - 1e-9, "\(words) words")
            XCTAssertLessThanOrEqual(title.text.width, f.size.width, "\(words) words")
            XCTAssertEqual(title.cut, words >= 200, "\(words) words")
            XCTAssertEqual(try f.cutPageTexts(), words >= 200 ? [.title] : [])
            if words >= 200 { XCTAssertTrue(title.text.plainText.hasSuffix("…"), title.text.plainText.suffix(10).description) }
        }
        // 60 words: two lines at a readable size, nothing cut.
        let (l, _) = try layout(title: String(repeating: "A ", count: 60))
        let title = try XCTUnwrap(l.texts.first { $0.kind == .title })
        XCTAssertFalse(title.cut)
        XCTAssertEqual(title.text.plainText.filter { $0 == "A" }.count, 60)
    }

    func testOneLongWordIsCutByCharacters() throws {
        let (l, f) = try layout(title: String(repeating: "W", count: 20_000), width: 480)
        let title = try XCTUnwrap(l.texts.first { $0.kind == .title })
        XCTAssertTrue(title.cut)
        XCTAssertLessThanOrEqual(title.text.width, f.size.width)
        XCTAssertGreaterThan(title.text.plainText.count, 5)
        // The report says it was cut.
        let report = try f.layoutReport()
        XCTAssertTrue(report.json.contains("\"truncated\": true"))
    }

    func testMathIsNeverCutInside() {
        XCTAssertEqual(TextLayout.breakPoints("a $x + y$ b"), [1, 9])
        // Never next to an "=": "α = 0.04: too small" breaks after the colon, not as "α =" over "0.04: …".
        XCTAssertEqual(TextLayout.breakPoints("$\\alpha$ = 0.04: too small"), [16, 20])
        XCTAssertEqual(TextLayout.split("$\\alpha$ = 0.04: too small")?.0, "$\\alpha$ = 0.04:")
        XCTAssertEqual(TextLayout.lastFitting([1, 5, 9], fits: { $0 <= 5 }), 5)
        XCTAssertNil(TextLayout.lastFitting([1, 5, 9], fits: { _ in false }))
    }
}
