import XCTest
// Unit-tests the internal page text fitting (TextLayout, FigureLayout from laidOut).
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

/// A title that is one long formula (164 characters typed) was cut to a lone "…": it has no space outside
/// `$…$`. It now wraps after its top-level + and −, centred, every term shown (tried as a new user would:
/// `surface '0.1*x^2 + 0.2*y^2 + … + 0.9*log1p(x^2+y^2)'`).
final class PageTitleWrappingTests: XCTestCase {
    let formula = "$f(x, y) = 0.1x^{2} + 0.2y^{2} + 0.3\\sin(x)\\cos(y) + 0.4\\exp(-(x - 1)^{2} - (y + 1)^{2}) + 0.5\\tanh(xy)"
        + " + 0.6\\sigma(x - y) + 0.7\\,\\mathrm{softplus}(x + y) + 0.8\\frac{|x - y|}{1 + x^{2}} + 0.9\\log(1 + x^{2} + y^{2})$"

    func layout(title: String) throws -> (FigureLayout, Figure) {
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        var f = try Figure.single(a)
        f.title = title
        f.size = Size(width: 1280 * 72 / f.dpi, height: 720 * 72 / f.dpi)
        return (try f.laidOut(), f)
    }

    func sizes(_ t: TextLayout) -> [Double] {
        t.items.compactMap { if case let .text(_, font, _) = $0 { font.size } else { nil } }
    }

    func testALongFormulaWrapsAtItsTermsAndIsNotCut() throws {
        let (l, f) = try layout(title: formula)
        let title = try XCTUnwrap(l.texts.first { $0.kind == .title })
        XCTAssertFalse(title.cut)
        XCTAssertEqual(try f.cutPageTexts(), [])
        XCTAssertLessThanOrEqual(title.text.width, f.size.width)
        XCTAssertGreaterThan(title.text.width, 0.5 * f.size.width, "a block of lines, not a lone …")
        XCTAssertFalse(title.text.plainText.contains("…"))
        for term in ["0.1", "0.5", "0.9", "tanh", "log"] { XCTAssertTrue(title.text.plainText.contains(term), term) }
        XCTAssertGreaterThanOrEqual(sizes(title.text).min() ?? 0, 0.6 * 0.5 * f.theme.figureTitleFont.size - 1e-9)
    }

    func testFormulasBreakOnlyAfterTopLevelPlusAndMinus() {
        XCTAssertEqual(TextLayout.mathBreakable("$a + b - c$"), "$a +$ $b -$ $c$")
        XCTAssertEqual(TextLayout.mathBreakable("$(a + b)c + \\frac{x - 1}{2}$ (a = 1 + 2)"), "$(a + b)c +$ $\\frac{x - 1}{2}$ (a = 1 + 2)")
        XCTAssertEqual(TextLayout.mathBreakable("$-x$ words - more"), "$-x$ words - more")
    }
}
