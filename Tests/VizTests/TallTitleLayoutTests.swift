import XCTest
import Viz

/// A typed formula as a title (fractions, roots, superscripts) at --font-scale 2 took a quarter of a
/// 1920×1080 page and left an 86-pixel plot; equal-unit maps that small are refused.
final class TallTitleLayoutTests: XCTestCase {
    func figure(title: String, fontScale: Double, equal: Bool) throws -> Figure {
        var theme = Theme.light
        theme.fontScale = fontScale
        var f = try Figure(width: 1920, height: 1080, dpi: 240, theme: theme)
        f.title = title
        var ax = Axes(xLabel: "$x$", yLabel: "$y$")
        ax.add(LineMark(points: [Point(-3, -3), Point(3, 3)], style: StrokeStyle(color: .black, width: 1)))
        ax.equalAspect = equal
        f.add(ax)
        return f
    }

    /// The height of the drawn title, off the recording backend (the union of its text boxes), in points.
    func titleHeight(_ f: Figure) throws -> Double {
        try XCTUnwrap(try f.record().elements.first { $0.element.kind == .title }?.box).height
    }

    func testATallTitleTakesAtMostASixthOfThePage() throws {
        let title = "$f(x, y) = \\frac{(x^{2} + y - 11)^{2}}{1 + e^{-x}} + \\sqrt{1 + y^{2}}$"
        let f = try figure(title: title, fontScale: 2, equal: false)
        let content = f.size.height - 2 * f.theme.figurePadding
        XCTAssertLessThanOrEqual(try titleHeight(f), content / 6 + 0.5)
        // Uncapped (a page three times as tall), the same title is taller than that: the cap acted.
        var uncapped = f
        uncapped.size = Size(f.size.width, f.size.height * 3)
        XCTAssertGreaterThan(try titleHeight(uncapped), content / 6 + 5)
        // A one-line title is left alone: the same height as on a page twice as tall.
        let plain = try titleHeight(try figure(title: "Loss", fontScale: 2, equal: false))
        var tall = try figure(title: "Loss", fontScale: 2, equal: false)
        tall.size = Size(tall.size.width, tall.size.height * 2)
        XCTAssertEqual(plain, try titleHeight(tall), accuracy: 1e-9)
        XCTAssertGreaterThan(plain, 0)
    }

    func testAnEqualUnitPlotSmallerThanFourTickLabelsIsRefused() throws {
        var small = try figure(title: "t", fontScale: 6, equal: true)
        XCTAssertThrowsError(try small.layoutPlotRects()) { error in
            guard case VizError.pageTooSmall = error else { return XCTFail("\(error)") }
        }
        small.theme.fontScale = 1
        let rects = try small.layoutPlotRects()
        XCTAssertGreaterThanOrEqual(min(rects[0].width, rects[0].height), 4 * small.theme.tickFont.size)
    }
}
