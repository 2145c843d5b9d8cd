import TestSupport
import XCTest
@testable import Viz

/// A formula set in a line of text (a legend entry, a panel title, a table cell) or in a script is set
/// inline at the size of the text around it, as TeX does; only a page's title stacks a fraction, at its base
/// level. Scripts of scripts stay legible, and a comma between items gets a thin space.
final class InlineMathTests: XCTestCase {
    private let font = Font(size: 20)

    private func layout(_ s: String, display: Bool = false) throws -> TextLayout {
        TextLayout.make(s, font: font, canvas: try CairoBackend(size: Size(100, 100), kind: .measuring(pixelsPerPoint: 1)), display: display)
    }

    private func rules(_ t: TextLayout) -> Int { t.items.filter { if case .rule = $0 { true } else { false } }.count }
    private func sizes(_ t: TextLayout) -> [Double] { t.items.compactMap { if case let .text(_, f, _) = $0 { f.size } else { nil } } }

    /// The Gaussian's legend entry was a stacked fraction with a 3–5 px exponent; inline it is one line whose
    /// exponent is 0.7 of the text and whose ² is no smaller than 0.55.
    func testAFractionOutsideATitleIsSetInlineAtTextSize() throws {
        let gauss = "$\\frac{e^{-x^{2}/2}}{\\sqrt{2\\pi}}$"
        let inline = try layout(gauss)
        XCTAssertEqual(rules(inline), 0, "no fraction bar")
        XCTAssertEqual(inline.plainText, "e−x2/2/2π")
        let e = try XCTUnwrap(inline.items.first { if case .text("e", _, _) = $0 { true } else { false } })
        guard case let .text(_, ef, _) = e else { return XCTFail() }
        XCTAssertEqual(ef.size, 20, "the base at the text's size (a stacked entry set it at 0.8)")
        XCTAssertGreaterThanOrEqual(sizes(inline).min() ?? 0, 20 * 0.55 - 1e-9, "\(sizes(inline))")
        XCTAssertLessThan(inline.height, try layout("$x^{2^{2}}$").height + 2, "one line high")
        // The title keeps its stacked fraction, and its smallest glyph no smaller than 0.55 of the title font
        // (0.8 · 0.7 · 0.7 = 0.39 before).
        let title = try layout(gauss, display: true)
        XCTAssertEqual(rules(title), 1, "stacked in a title")
        XCTAssertGreaterThanOrEqual(sizes(title).min() ?? 0, 20 * 0.55 - 1e-9, "\(sizes(title))")
        XCTAssertEqual(sizes(title).max() ?? 0, 20 * 0.9, accuracy: 1e-9, "numerator and denominator at 0.9")
    }

    /// Inside a script, even in a title, a fraction is inline: x^{1/3}.
    func testAFractionInAScriptIsInlineEvenInATitle() throws {
        let t = try layout("$x^{\\frac{1}{3}}$", display: true)
        XCTAssertEqual(rules(t), 0)
        XCTAssertEqual(t.plainText, "x1/3")
        XCTAssertEqual(sizes(t).filter { $0 < 20 }, [14, 14, 14], "the script at 0.7 of its base")
    }

    /// The slash binds tighter than a sum and looser than a product written beside it: brackets where needed.
    func testAnInlineFractionIsBracketedWhereItWouldReadWrongly() throws {
        let cases = [
            ("$\\frac{x + 1}{2}$", "(x+1)/2"), ("$\\frac{1}{2x}$", "1/(2x)"), ("$\\frac{1}{2 \\cdot x}$", "1/(2·x)"),
            ("$\\frac{1}{2}(p - y)^{2}$", "(1/2)(p−y)2"), ("$\\frac{\\mathrm{sin}(x)}{x}$", "sin(x)/x"),
            ("$\\frac{1}{|x|}$", "1/|x|"), ("$\\frac{1}{10.5}$", "1/10.5"), ("$\\frac{1}{-x}$", "1/(−x)"),
            ("$\\frac{1}{(x + 1)^{2}}$", "1/(x+1)2"), ("$\\frac{x^{3}}{3} - x$", "x3/3−x"), ("$-\\frac{1}{2}$", "−1/2"),
            ("$f(x) = \\frac{1}{1+e^{-x}}$", "f(x)=1/(1+e−x)"), ("$\\frac{1}{\\mathrm{tanh}(x)}$", "1/tanh(x)"),
            ("$\\frac{1}{(x)(y)}$", "1/((x)(y))"),
            // A bracketed fraction raised to a power keeps one pair: ((x/2))² before.
            ("$(\\frac{x}{2})^{3}$", "(x/2)3"), ("$2(\\frac{1}{x})^{2}$", "2(1/x)2"),
        ]
        for (source, drawn) in cases {
            let t = try layout(source)
            XCTAssertEqual(rules(t), 0, source)
            XCTAssertEqual(t.plainText, drawn, source)
        }
    }

    /// max(x, 0.1x) had its comma touching both arguments ("x,0.1x" reads as a decimal comma).
    func testACommaBetweenItemsIsFollowedByAThinSpace() throws {
        func gapAfterComma(_ s: String) throws -> Double {
            let t = try layout(s)
            let runs = t.items.compactMap { if case let .text(s, f, p) = $0 { (s, f, p) } else { nil } }
            let k = try XCTUnwrap(runs.firstIndex { $0.0 == "," })
            let canvas = try CairoBackend(size: Size(100, 100), kind: .measuring(pixelsPerPoint: 1))
            return runs[k + 1].2.x - (runs[k].2.x + canvas.measure(",", font: runs[k].1).width)
        }
        XCTAssertGreaterThanOrEqual(try gapAfterComma("$\\max(x, 0.1x)$"), 0.15 * 20)
        XCTAssertGreaterThanOrEqual(try gapAfterComma("$f(x,y)$"), 0.15 * 20, "typed without a space too")
        XCTAssertEqual(try gapAfterComma("$1{,}5$"), 0, accuracy: 1e-9, "a braced comma stays tight")
        // A sign after the comma stays unary: no operator space between "−" and "y".
        let t = try layout("$\\max(x, -y)$")
        let runs = t.items.compactMap { if case let .text(s, _, p) = $0 { (s, p.x) } else { nil } }
        let minus = try XCTUnwrap(runs.firstIndex { $0.0 == "−" })
        let canvas = try CairoBackend(size: Size(100, 100), kind: .measuring(pixelsPerPoint: 1))
        XCTAssertEqual(runs[minus + 1].1 - runs[minus].1, canvas.measure("−", font: font).width, accuracy: 0.01)
    }

    /// X13-19: a minus after "=" (with the spaces a formula is written with) is a sign, set tight: "f(x) = −x²", not "= − x²".
    func testASignAfterARelationIsUnary() throws {
        let t = try layout("$f(x) = -x^{2}$")
        let runs = t.items.compactMap { if case let .text(s, _, p) = $0 { (s, p.x) } else { nil } }
        let minus = try XCTUnwrap(runs.firstIndex { $0.0 == "−" })
        let canvas = try CairoBackend(size: Size(100, 100), kind: .measuring(pixelsPerPoint: 1))
        XCTAssertEqual(runs[minus + 1].1 - runs[minus].1, canvas.measure("−", font: font).width, accuracy: 0.01)
    }

    /// A table row grows to hold a cell taller than one line, with room above and below; before, every row
    /// kept one line's height and x³/3 − x touched the rules.
    func testATableRowGrowsToHoldItsTallestCell() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.showAxes = false
        let body = (0..<18).map { k in k == 1 ? ["$\\sqrt{x^{3}}$", "tall"] : ["$x$", "\(k)"] }
        a.add(TableMark(header: ["f", "n"], rows: body))
        var f = try Figure(width: 500, height: 400, dpi: 72)
        f.add(a)
        let r = try f.recorded()
        let cells = r.texts(in: .tableCell)
        // The zebra band of body row 1 (the second row, shaded) around its cells.
        let band = try XCTUnwrap(r.recording.records.compactMap { rec -> Rect? in
            if case let .fill(pts, c) = rec.primitive, c.a < 0.06, c.a > 0.03 { Rect.bounding(pts) } else { nil }
        }.first)
        let root = try XCTUnwrap(r.records(in: .tableCell).compactMap { rec -> Rect? in
            if case let .stroke(pts, _) = rec.primitive { Rect.bounding(pts) } else { nil }
        }.first, "the radical's stroke")
        let size = try XCTUnwrap(cells.first { $0.text == "tall" }?.font.size)
        XCTAssertGreaterThanOrEqual(root.minY - band.minY, 0.2 * size, "room above the root")
        let three = try XCTUnwrap(cells.first { $0.text == "3" }?.box)
        XCTAssertLessThan(three.maxY, band.maxY)
        let others = cells.filter { $0.text == "x" }.map(\.box).filter { !band.contains($0.center) }
        XCTAssertFalse(others.contains { $0.overlapArea(band) > 0 }, "no other row's cell runs into the tall row")
        XCTAssertLessThanOrEqual(try XCTUnwrap(r.strokes().compactMap { Rect.bounding($0.points) }.filter { $0.height == 0 }.map(\.maxY).max()),
                                 r.plot.maxY + 0.5, "the table still fits its plot")
    }
}
