import XCTest
import Viz

/// A page title with math is set whole with every glyph at least `Figure.minimumTextPixels` high, or gives way
/// to the figure's plain title: twenty nested fractions were drawn as a lone "…" (R15-19), and a long typed
/// formula on a 480×270 page was one line with 5-pixel exponents (X13-16). Read off the recording.
final class PageTitleReadabilityTests: XCTestCase {
    /// The formula of `activation '…' --param alpha=0.7 …` (X13-16), as its figure titles it.
    let longFormula = "$f(x) = \\alpha x \\cdot \\mathrm{sigmoid}(\\beta x) + \\frac{(1 - \\alpha ) \\cdot x \\cdot "
        + "\\mathrm{tanh}(\\mathrm{softplus}(\\gamma x))}{\\gamma } + \\delta \\cdot \\mathrm{log1p}(e^{-|x|}) \\cdot "
        + "\\mathrm{erf}(\\frac{x}{\\sqrt{2}}) - \\frac{0.5\\,\\min(0, x)^{2}}{1 + x^{2}}$, $\\alpha = 0.7$, $\\beta = 1.5$, "
        + "$\\delta = 0.1$, $\\gamma = 2$"

    func figure(title: String, width: Double, height: Double, dpi: Double = 96) throws -> Figure {
        var a = Axes(xLabel: "$x$", yLabel: "$f(x)$")
        a.add(LineMark(x: [-6, 6], y: [-1, 5], style: StrokeStyle(color: .black)))
        var f = try Figure(width: width, height: height, dpi: dpi)
        f.add(a)
        f.title = title
        return f
    }

    /// The title's drawn glyphs: the smallest em in output pixels, and the text.
    func titleGlyphs(_ f: Figure) throws -> (smallestPixels: Double, text: String) {
        let lines = try RecordedFigure(f).texts(in: .title)
        XCTAssertFalse(lines.isEmpty)
        return ((lines.map(\.font.size).min() ?? 0) * f.dpi / 72, lines.map(\.text).joined())
    }

    func testALongFormulaIsReadableOrThePageIsRefused() throws {
        // 480×270 at 96 dpi: the title fits only below 8 pixels, so the page is too small (it was drawn).
        let small = try figure(title: longFormula, width: 480, height: 270)
        XCTAssertThrowsError(try small.layoutPlotRects()) { error in
            guard case VizError.pageTooSmall = error else { return XCTFail("\(error)") }
        }
        // A page a third larger holds it on several lines, every glyph (scripts, numerators) 8 pixels or more.
        let larger = try figure(title: longFormula, width: 640, height: 360)
        let glyphs = try titleGlyphs(larger)
        XCTAssertGreaterThanOrEqual(glyphs.smallestPixels, Figure.minimumTextPixels - 1e-9)
        for term in ["sigmoid", "softplus", "log1p", "erf", "min", "0.7", "2"] { XCTAssertTrue(glyphs.text.contains(term), term) }
        let tops = Set(try RecordedFigure(larger).texts(in: .title).map { Int($0.box.minY.rounded()) })
        XCTAssertGreaterThanOrEqual(tops.count, 3, "wrapped at its + and −")
    }

    func testAFormulaThatCannotBeSetGivesWayToItsPlainTitle() throws {
        var nested = "x"
        for _ in 0..<19 { nested = "1/(1 + " + nested + ")" }
        let math = "$f(x) = \\frac{1}{1 + " + nested + "}$"
        let plain = "f(x) = 1/(1+1/(1+1/(1+1/(1+… (121 characters)"
        var f = try figure(title: math, width: 1280, height: 720, dpi: 160)
        f.plainTitle = plain
        XCTAssertEqual(try titleGlyphs(f).text, plain)
        XCTAssertEqual(try f.layoutReport().elements.first { $0.kind == .title }?.text, plain)
        // Without a plain form the formula is drawn as well as it fits: the lone "…" the page showed before.
        f.plainTitle = nil
        XCTAssertFalse(try titleGlyphs(f).text.contains("1+1/"))
        // A title set later (--title) is never replaced by the formula's plain form.
        f.plainTitle = plain
        f.title = math
        XCTAssertNil(f.plainTitle)
        // A formula that fits is drawn as math, not replaced.
        var short = try figure(title: "$f(x) = \\frac{1}{1 + x^{2}}$", width: 1280, height: 720, dpi: 160)
        short.plainTitle = "f(x) = 1/(1+x^2)"
        XCTAssertFalse(try titleGlyphs(short).text.contains("^"))
    }
}
