import XCTest
import Viz

/// A figure's title, subtitle and footnote never shrink below 0.6 of their size: two lines, then cut
/// short with "…" (a 400-character title was drawn 6 px tall, a 120 000-character one not at all). Read off
/// the figure's layout report and its recording (the title's lines, their font and boxes).
final class PageTextFittingTests: XCTestCase {
    func figure(title: String, width: Double = 1280) throws -> Figure {
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        var f = try Figure.single(a)
        f.title = title
        f.size = Size(width: width * 72 / f.dpi, height: 720 * 72 / f.dpi)
        return f
    }

    /// The title's element in the report, and its drawn lines (text, font, box in points) from the recording.
    func title(_ f: Figure) throws -> (report: LayoutReport.Element, lines: [(text: String, font: Font, box: Rect)]) {
        let element = try XCTUnwrap(try f.layoutReport().elements.first { $0.kind == .title })
        let lines = try RecordedFigure(f).texts(in: .title)
        return (element, lines)
    }

    func testLongTitlesWrapThenCutButNeverShrinkBelowTheFloor() throws {
        for words in [20, 60, 200, 5000] {
            let f = try figure(title: String(repeating: "A ", count: words))
            let (element, lines) = try title(f)
            let full = f.theme.figureTitleFont.size
            XCTAssertFalse(lines.isEmpty, "\(words) words")
            XCTAssertGreaterThanOrEqual(lines.map(\.font.size).min() ?? 0, 0.6 * full - 1e-9, "\(words) words")
            XCTAssertLessThanOrEqual(lines.map(\.box.maxX).max() ?? .infinity, f.size.width + 1e-9, "\(words) words")
            XCTAssertGreaterThanOrEqual(lines.map(\.box.minX).min() ?? -1, -1e-9, "\(words) words")
            XCTAssertEqual(element.truncated, words >= 200, "\(words) words")
            XCTAssertEqual(try f.cutPageTexts(), words >= 200 ? [.title] : [])
            if words >= 200 { XCTAssertTrue(lines.last?.text.hasSuffix("…") == true, "\(lines.last?.text.suffix(10) ?? "")") }
        }
        // 60 words: two lines at a readable size, nothing cut.
        let (element, lines) = try title(try figure(title: String(repeating: "A ", count: 60)))
        XCTAssertFalse(element.truncated)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.map(\.text).joined().filter { $0 == "A" }.count, 60)
    }

    func testOneLongWordIsCutByCharacters() throws {
        let f = try figure(title: String(repeating: "W", count: 20_000), width: 480)
        let (element, lines) = try title(f)
        XCTAssertTrue(element.truncated, "the report says it was cut")
        XCTAssertLessThanOrEqual(lines.map(\.box.maxX).max() ?? .infinity, f.size.width + 1e-9)
        XCTAssertGreaterThan(lines.map(\.text).joined().count, 5)
        XCTAssertTrue(try f.layoutReport().json.contains("\"truncated\": true"))
    }
}

/// A title that is one long formula (164 characters typed) was cut to a lone "…": it has no space outside
/// `$…$`. It now wraps after its top-level + and −, centred, every term shown (tried as a new user would:
/// `surface '0.1*x^2 + 0.2*y^2 + … + 0.9*log1p(x^2+y^2)'`).
final class PageTitleWrappingTests: XCTestCase {
    let formula = "$f(x, y) = 0.1x^{2} + 0.2y^{2} + 0.3\\sin(x)\\cos(y) + 0.4\\exp(-(x - 1)^{2} - (y + 1)^{2}) + 0.5\\tanh(xy)"
        + " + 0.6\\sigma(x - y) + 0.7\\,\\mathrm{softplus}(x + y) + 0.8\\frac{|x - y|}{1 + x^{2}} + 0.9\\log(1 + x^{2} + y^{2})$"

    func testALongFormulaWrapsAtItsTermsAndIsNotCut() throws {
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        var f = try Figure.single(a)
        f.title = formula
        f.size = Size(width: 1280 * 72 / f.dpi, height: 720 * 72 / f.dpi)
        let element = try XCTUnwrap(try f.layoutReport().elements.first { $0.kind == .title })
        let lines = try RecordedFigure(f).texts(in: .title)
        XCTAssertFalse(element.truncated)
        let (left, right) = (lines.map(\.box.minX).min() ?? 0, lines.map(\.box.maxX).max() ?? 0)
        XCTAssertGreaterThanOrEqual(left, -1e-9)
        XCTAssertLessThanOrEqual(right, f.size.width + 1e-9)
        XCTAssertGreaterThan(right - left, 0.5 * f.size.width, "a block of lines, not a lone …")
        XCTAssertFalse(lines.contains { $0.text.contains("…") }, "no line is cut short")
        XCTAssertGreaterThanOrEqual(Set(lines.map { Int($0.box.minY.rounded()) }).count, 2, "wrapped onto lines of its own")
        for term in ["0.1", "0.5", "0.9", "tanh", "log"] { XCTAssertTrue(element.text.contains(term), term) }
        XCTAssertGreaterThanOrEqual(lines.map(\.font.size).min() ?? 0, 0.6 * 0.5 * f.theme.figureTitleFont.size - 1e-9)
    }
}
