import TestSupport
import XCTest
// Unit-tests the internal math parser (MathParser) and text layout (TextLayout).
@testable import Viz

/// The `$…$` math language: parse trees, literal fallback for malformed input, and rendering of
/// scripts that need shaping (Arabic, Urdu).
final class MathTextTests: XCTestCase {
    func testGreekSubAndSuperscripts() {
        XCTAssertEqual(MathParser.parse("$\\alpha$"), .row([.text("α", italic: true, spacing: 0)]))
        XCTAssertEqual(MathParser.parse("$\\Omega$"), .row([.text("Ω", italic: false, spacing: 0)]))
        XCTAssertEqual(MathParser.parse("$x_1^2$"), .row([
            .scripts(base: .text("x", italic: true, spacing: 0), sup: .text("2", italic: false, spacing: 0), sub: .text("1", italic: false, spacing: 0)),
        ]))
        XCTAssertEqual(MathParser.parse("$e^{-x}$"), .row([
            .scripts(base: .text("e", italic: true, spacing: 0),
                     sup: .row([.text("−", italic: false, spacing: 0.18), .text("x", italic: true, spacing: 0)]), sub: nil),
        ]))
        XCTAssertEqual(MathParser.parse("loss $\\frac{a}{b}$"), .row([
            .text("loss ", italic: false, spacing: 0),
            .row([.fraction(.row([.text("a", italic: true, spacing: 0)]), .row([.text("b", italic: true, spacing: 0)]))]),
        ]))
    }

    func testMalformedMathIsLiteralText() {
        for s in ["$\\frac{a$", "$x^$", "price $5", "$\\unknowncommand$", "$a}$", "$x_1_2$"] {
            XCTAssertEqual(MathParser.parse(s), .text(s, italic: false, spacing: 0), s)
        }
        XCTAssertEqual(MathParser.parse("plain text"), .text("plain text", italic: false, spacing: 0))
    }

    private func titleInk(_ title: String) throws -> Int {
        var f = try Figure(width: 640, height: 400, dpi: 144)
        f.title = title.isEmpty ? nil : title
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        f.add(a)
        let r = try f.renderPNG()
        return r.png.count(xs: Int(r.plot.minX) + 4..<Int(r.plot.maxX) - 4, ys: 0..<Int(r.plot.minY) - 4) { r.png.isInk($0, $1) }
    }

    func testMalformedMathRendersAsText() throws {
        var f = try Figure(width: 640, height: 400, dpi: 144)
        f.title = "$\\frac{a$"
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        f.add(a)
        let r = try f.recorded()
        let title = r.texts(in: .title)
        XCTAssertEqual(title.map(\.text), ["$\\frac{a$"], "the literal text, dollars and backslash included")
        let box = try XCTUnwrap(title.first?.box)
        XCTAssertGreaterThan(box.width, 20)
        XCTAssertLessThan(box.maxY, r.plot.minY, "above the plot")
    }

    /// Pixels are the point: Arabic and Urdu need shaping and fonts that have their glyphs, which only the
    /// raster shows (the recording measures text but draws no glyphs).
    func testRightToLeftTitlePixelsAreInked() throws {
        XCTAssertEqual(try titleInk(""), 0, "control: no title, no ink above the plot")
        XCTAssertGreaterThan(try titleInk("مرحبا"), 50, "Arabic")
        XCTAssertGreaterThan(try titleInk("خوش آمدید"), 50, "Urdu")
        XCTAssertGreaterThan(try titleInk("loss مرحبا $\\theta$"), 50, "mixed with math")
    }

    func testMathLayoutIsWiderThanItsParts() throws {
        let canvas = try CairoBackend(size: Size(100, 100), kind: .measuring(pixelsPerPoint: 1))
        let font = Font(size: 12)
        let x = TextLayout.make("$x$", font: font, canvas: canvas)
        let x2 = TextLayout.make("$x^2$", font: font, canvas: canvas)
        // Stacked in a page's title (display); elsewhere inline (see InlineMathTests).
        let frac = TextLayout.make("$\\frac{1}{2}$", font: font, canvas: canvas, display: true)
        XCTAssertGreaterThan(x2.width, x.width)
        XCTAssertGreaterThan(x2.ascent, x.ascent, "a superscript rises above the base")
        XCTAssertGreaterThan(frac.height, x.height * 1.3, "a fraction stacks")
    }

    /// A formula in a bold title is set in one weight: its italic variables are bold italic like the bold
    /// function names and brackets beside them (x·tanh(softplus(x)) had light x's between bold parts).
    func testMathInBoldTextKeepsTheWeight() throws {
        let canvas = try CairoBackend(size: Size(100, 100), kind: .measuring(pixelsPerPoint: 1))
        let runs = { (font: Font) in
            TextLayout.make("$f(x) = x \\cdot \\mathrm{tanh}(x)$", font: font, canvas: canvas).items.compactMap { item -> Font? in
                if case let .text(_, f, _) = item { return f } else { return nil }
            }
        }
        let bold = runs(Font(size: 12, bold: true))
        XCTAssertTrue(bold.contains { $0.italic } && bold.contains { !$0.italic }, "variables italic, names upright")
        XCTAssertTrue(bold.allSatisfy(\.bold), "\(bold)")
        let regular = runs(Font(size: 12))
        XCTAssertTrue(regular.allSatisfy { !$0.bold }, "\(regular)")
    }
}
