import TestSupport
import XCTest
import Viz

/// A band's fill is the rectangle between its mapped edges, infinite ends run to the plot edge but not
/// beyond, and its text fits the band or gives way; one pixel test shows the edges are not snapped.
final class BandMarkTests: XCTestCase {
    private let red = Color(hex: 0xFF0000)
    /// Half a pixel of the 144 dpi figures, in points.
    private let halfPixel = 0.25

    /// The red coverage of a pixel on white: green goes from 255 (none) to 0 (full).
    private func coverage(_ png: DecodedPNG, _ x: Int, _ y: Int) -> Double { 1 - Double(png.pixel(x, y).g) / 255 }

    /// Pixels are the point: the fill edges are not snapped, so the partly covered edge pixels are shaded in
    /// proportion (the recording keeps only the unsnapped rectangle).
    func testVerticalBandPixelsCoverPartlyCoveredColumnsInProportion() throws {
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

    func testVerticalBandFillsExactlyItsColumns() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        a.add(BandMark.vertical(from: 2.3, to: 6.7, color: red))
        let r = try Figure.single(a).recorded()
        let fills = r.fills(red)
        XCTAssertEqual(fills.count, 1)
        assertRect(fills.first.flatMap(Rect.bounding), Rect(x: r.x(2.3, Interval(0, 10)), y: r.plot.minY,
                                                            width: r.x(6.7, Interval(0, 10)) - r.x(2.3, Interval(0, 10)), height: r.plot.height),
                   accuracy: 1e-9, "x = 2.3…6.7 over the full height, edges exactly where they map")
    }

    func testHorizontalBandFillsExactlyItsRows() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 10))
        a.add(BandMark.horizontal(from: 1.7, to: 4.2, color: red))
        let r = try Figure.single(a).recorded()
        let fills = r.fills(red)
        XCTAssertEqual(fills.count, 1)
        assertRect(fills.first.flatMap(Rect.bounding), Rect(x: r.plot.minX, y: r.y(4.2, Interval(0, 10)), width: r.plot.width,
                                                            height: r.y(1.7, Interval(0, 10)) - r.y(4.2, Interval(0, 10))),
                   accuracy: 1e-9, "y = 1.7…4.2 over the full width")
    }

    func testInfiniteEndsRunToThePlotEdgeOnly() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        a.add(BandMark.vertical(from: -.infinity, to: 3, color: red))
        let r = try Figure.single(a).recorded()
        let fills = r.fills(red)
        XCTAssertEqual(fills.count, 1)
        assertRect(fills.first.flatMap(Rect.bounding), Rect(x: r.plot.minX, y: r.plot.minY, width: r.x(3, Interval(0, 10)) - r.plot.minX,
                                                            height: r.plot.height),
                   accuracy: 1e-9, "from the left edge of the plot, not beyond, to x = 3")
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
        let r = try Figure.single(a).recorded()
        // The y domain is 0…1 exactly when the line's ends sit on the bottom and top of the plot.
        let line = try XCTUnwrap(r.strokes(in: .dataInk).first?.points)
        XCTAssertEqual(line.map(\.y).max() ?? 0, r.plot.maxY, accuracy: 1e-9, "the band and the line at 0.5 leave y alone")
        XCTAssertEqual(line.map(\.y).min() ?? 0, r.plot.minY, accuracy: 1e-9)
    }

    /// The band labels drawn for `bands` on a 0…10 by 0…1 plot (with `others` added first), and the plot.
    private func bandLabels(_ bands: [BandMark], others: [any Mark] = []) throws -> (RecordedFigure, [(text: String, font: Font, box: Rect)]) {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 1))
        for m in others { a.add(m) }
        for b in bands { a.add(b) }
        let r = try Figure.single(a).recorded()
        return (r, r.texts(in: .bandLabel))
    }

    func testNarrowBandRotatesItsText() throws {
        let wide = BandMark.vertical(from: 1, to: 6, color: red, text: "saturated")
        let narrow = BandMark.vertical(from: 8, to: 8.3, color: red, text: "saturated")
        let (r, labels) = try bandLabels([wide, narrow])
        XCTAssertEqual(labels.map(\.text), ["saturated", "saturated"])
        guard labels.count == 2 else { return }
        XCTAssertGreaterThan(labels[0].box.width, labels[0].box.height, "level across the wide band")
        XCTAssertGreaterThan(labels[1].box.height, labels[1].box.width, "upright along the narrow one")
        XCTAssertEqual(labels[0].box.midX, r.x(3.5, Interval(0, 10)), accuracy: halfPixel, "centred on the band")
        XCTAssertEqual(labels[1].box.midX, r.x(8.15, Interval(0, 10)), accuracy: 2, "on the band")
        // Both start just below the top of the band.
        for l in labels {
            XCTAssertGreaterThan(l.box.minY, r.plot.minY)
            XCTAssertLessThan(l.box.minY, r.plot.minY + 10)
        }
    }

    /// A text too long for the band either way gives way to a shorter one, and to none rather than
    /// clipped text; a text covered by another label gives way too.
    func testBandTextShortensThenYields() throws {
        let line = LineMark(x: [0, 10], y: [0, 1], style: StrokeStyle(color: .black))
        var band = BandMark.vertical(from: 1, to: 3, color: red, text: String(repeating: "saturated zone ", count: 12))
        XCTAssertTrue(try bandLabels([band], others: [line]).1.isEmpty, "longer than the plot is tall: no text at all")
        band.shorterTexts = ["saturated"]
        let (r, labels) = try bandLabels([band], others: [line])
        XCTAssertEqual(labels.map(\.text), ["saturated"])
        let box = try XCTUnwrap(labels.first?.box)
        XCTAssertGreaterThan(box.width, box.height, "level")
        XCTAssertGreaterThanOrEqual(box.minX, r.x(1, Interval(0, 10)))
        XCTAssertLessThanOrEqual(box.maxX, r.x(3, Interval(0, 10)))
        // Another text over the label's middle covers it: the band stays unlabelled. Elsewhere it changes nothing.
        func note(at d: Point) -> TextMark {
            var t = TextMark("x", at: Point((d.x - r.plot.minX) / r.plot.width * 10, (r.plot.maxY - d.y) / r.plot.height), anchor: .center)
            t.avoidsData = false // kept where it is put (a note may move off other texts)
            return t
        }
        XCTAssertTrue(try bandLabels([band], others: [line, note(at: box.center)]).1.isEmpty, "covered by another label")
        XCTAssertEqual(try bandLabels([band], others: [line, note(at: Point(r.x(6.5, Interval(0, 10)), box.midY))]).1.map(\.text), ["saturated"],
                       "an obstacle elsewhere changes nothing")
    }
}

/// A note wider than its plot is broken into lines at spaces, never inside a math span.
final class AnnotationWordsTests: XCTestCase {
    func testWordsKeepMathSpansWhole() throws {
        let text = Array(repeating: "max $|f'| + 1$ = 0.296 at $x$ = 0.693", count: 3).joined(separator: " ")
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(AnnotationMark(text, at: Point(0.5, 0.5)))
        let lines = try Figure.single(a).recorded().recording.elements.filter { $0.element.kind == .annotation }.map(\.element.text)
        XCTAssertGreaterThan(lines.count, 1, "wider than the plot: broken into lines")
        XCTAssertEqual(lines.joined(separator: " "), text, "at spaces, nothing lost")
        for l in lines { XCTAssertEqual(l.filter { $0 == "$" }.count % 2, 0, "a math span cut: \(l)") }
    }
}
