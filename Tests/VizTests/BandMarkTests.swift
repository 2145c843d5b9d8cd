import TestSupport
import XCTest
@testable import Viz

/// A band covers exactly the pixel columns (rows) between its mapped edges, partially covered edge
/// pixels in proportion, and infinite ends run to the plot edge but not beyond.
final class BandMarkTests: XCTestCase {
    private let red = Color(hex: 0xFF0000)

    /// The red coverage of a pixel on white: green goes from 255 (none) to 0 (full).
    private func coverage(_ png: DecodedPNG, _ x: Int, _ y: Int) -> Double { 1 - Double(png.pixel(x, y).g) / 255 }

    func testVerticalBandCoversExactlyItsColumns() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        a.add(BandMark.vertical(from: 2.3, to: 6.7, color: red))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot, row = Int(p.midY)
        let x0 = p.minX + 0.23 * p.width, x1 = p.minX + 0.67 * p.width
        for x in Int(p.minX) + 3..<Int(p.maxX) - 3 {
            let c = coverage(r.png, x, row)
            let expected = max(0, min(Double(x + 1), x1) - max(Double(x), x0))
            XCTAssertEqual(c, expected, accuracy: 0.03, "column \(x) (band \(x0)…\(x1))")
        }
    }

    func testHorizontalBandCoversExactlyItsRows() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 10))
        a.add(BandMark.horizontal(from: 1.7, to: 4.2, color: red))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot, col = Int(p.midX)
        let y0 = p.maxY - 0.42 * p.height, y1 = p.maxY - 0.17 * p.height
        for y in Int(p.minY) + 3..<Int(p.maxY) - 3 {
            let expected = max(0, min(Double(y + 1), y1) - max(Double(y), y0))
            XCTAssertEqual(coverage(r.png, col, y), expected, accuracy: 0.03, "row \(y)")
        }
    }

    func testInfiniteEndsRunToThePlotEdgeOnly() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        a.add(BandMark.vertical(from: -.infinity, to: 3, color: red))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot, row = Int(p.midY)
        XCTAssertEqual(coverage(r.png, Int(p.minX) + 2, row), 1, accuracy: 0.03, "filled from the left edge")
        let outside = r.png.pixel(Int(p.minX) - 3, row)
        XCTAssertLessThan(Int(outside.r) - Int(outside.g), 30, "nothing red outside the plot")
        XCTAssertEqual(coverage(r.png, Int(p.minX + 0.3 * p.width) + 2, row), 0, accuracy: 0.03, "stops at x = 3")
    }

    func testBoundsIgnoreInfiniteEndsAndTheOtherAxis() {
        let b = BandMark.vertical(from: 2, to: .infinity, color: red).dataBounds()
        XCTAssertEqual(b?.x, Interval(2, 2))
        XCTAssertEqual(b?.y.isEmpty, true)
        XCTAssertNil(BandMark.horizontal(from: -.infinity, to: .infinity, color: red).dataBounds())
        XCTAssertEqual(BandMark.horizontal(from: 5, to: 1, color: red).dataBounds()?.y, Interval(1, 5), "ends in either order")
    }

    func testBandDoesNotDriveAutoscaleAcrossIt() throws {
        var a = Axes()
        a.yPadding = 0
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        a.add(BandMark.vertical(from: 0.2, to: 0.4, color: red))
        a.add(ReferenceLineMark.horizontal(y: 0.5))
        let layout = try Figure.single(a).laidOut()
        XCTAssertEqual(layout.axes[0].yScale.domain, Interval(0, 1), "the band and the line at 0.5 leave y alone")
    }

    func testNarrowBandRotatesItsText() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        let wide = BandMark.vertical(from: 1, to: 6, color: red, text: "saturated")
        let narrow = BandMark.vertical(from: 8, to: 8.3, color: red, text: "saturated")
        a.add(wide); a.add(narrow)
        let fig = try Figure.single(a)
        let l = try fig.laidOut().axes[0]
        let canvas = try CairoBackend(size: fig.size, kind: .measuring(pixelsPerPoint: 2))
        let ctx = PlotContext(plotRect: l.plotRect, xScale: l.xScale, yScale: l.yScale, theme: fig.theme, resolution: 2, canvas: canvas)
        XCTAssertEqual(wide.placedText(in: ctx)?.angle, 0)
        XCTAssertEqual(narrow.placedText(in: ctx)?.angle, Double.pi / 2)
        // Both start just below the top of the band.
        for m in [wide, narrow] {
            guard let box = m.placedText(in: ctx)?.box(ctx) else { return XCTFail("no text") }
            XCTAssertGreaterThan(box.minY, l.plotRect.minY)
            XCTAssertLessThan(box.minY, l.plotRect.minY + 10)
        }
    }

    /// A text too long for the band either way gives way to a shorter one, and to none rather than
    /// clipped text; a text covered by another label or the legend gives way too.
    func testBandTextShortensThenYields() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        a.add(LineMark(x: [0, 10], y: [0, 1], style: StrokeStyle(color: .black)))
        let fig = try Figure.single(a)
        let l = try fig.laidOut().axes[0]
        let canvas = try CairoBackend(size: fig.size, kind: .measuring(pixelsPerPoint: 2))
        var ctx = PlotContext(plotRect: l.plotRect, xScale: l.xScale, yScale: l.yScale, theme: fig.theme, resolution: 2, canvas: canvas)
        let long = String(repeating: "saturated zone ", count: 12)
        var band = BandMark.vertical(from: 1, to: 3, color: red, text: long)
        XCTAssertNil(band.placedText(in: ctx), "longer than the plot is tall: no text at all")
        band.shorterTexts = ["saturated"]
        guard let short = band.placedText(in: ctx) else { return XCTFail("no shorter text") }
        XCTAssertEqual(short.text, "saturated")
        XCTAssertEqual(short.angle, 0)
        let box = short.box(ctx)
        XCTAssertGreaterThanOrEqual(box.minX, ctx.px(1))
        XCTAssertLessThanOrEqual(box.maxX, ctx.px(3))
        XCTAssertEqual(band.unobstructedText(in: ctx)?.text, "saturated")
        ctx.textObstacles = [Rect(x: box.midX - 2, y: box.midY - 2, width: 4, height: 4)]
        XCTAssertNil(band.unobstructedText(in: ctx), "covered by another label: the band stays unlabelled")
        ctx.textObstacles = [Rect(x: ctx.px(6), y: box.minY, width: 10, height: 10)]
        XCTAssertEqual(band.unobstructedText(in: ctx)?.text, "saturated", "an obstacle elsewhere changes nothing")
    }
}

/// A note wider than its plot is broken into lines at spaces, never inside a math span.
final class AnnotationWordsTests: XCTestCase {
    func testWordsKeepMathSpansWhole() {
        XCTAssertEqual(AnnotationMark.words("max $|f'| + 1$ = 0.296 at $x$ = 0.693"),
                       ["max", "$|f'| + 1$", "=", "0.296", "at", "$x$", "=", "0.693"])
    }
}
