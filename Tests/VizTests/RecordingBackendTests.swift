import XCTest
import Viz

/// The recording backend keeps what was drawn, where, and as part of which element; the layout report
/// is read off it. These tests use only Viz's public API.
final class RecordingBackendTests: XCTestCase {
    private func figure(legend: LegendPlacement = .best) throws -> Figure {
        var fig = try Figure(width: 800, height: 500, dpi: 100)
        fig.title = "A title"
        var a = Axes(title: "Panel", xLabel: "x", yLabel: "y")
        a.xLimits = Interval(0, 10); a.yLimits = Interval(0, 10)
        a.legend = legend
        a.add(LineMark(x: [0, 5, 10], y: [0, 10, 0], style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2), label: "tent"))
        fig.add(a)
        return fig
    }

    func testTransformsAreAppliedToRecordedGeometry() throws {
        let rec = try RecordingBackend(size: Size(100, 100))
        rec.save()
        rec.translate(10, 20)
        var p = Path(); p.move(to: Point(0, 0)); p.line(to: Point(5, 0))
        rec.stroke(p, StrokeStyle(color: Color(hex: 0x000000), width: 1))
        rec.rotate(Double.pi / 2)
        rec.stroke(p, StrokeStyle(color: Color(hex: 0x000000), width: 1))
        rec.restore()
        rec.stroke(p, StrokeStyle(color: Color(hex: 0x000000), width: 1))
        guard rec.records.count == 3, case let .stroke(a, _) = rec.records[0].primitive, case let .stroke(b, _) = rec.records[1].primitive,
              case let .stroke(c, _) = rec.records[2].primitive else { return XCTFail("expected three strokes") }
        XCTAssertEqual(a, [Point(10, 20), Point(15, 20)])
        // A quarter turn (clockwise on a y-down page) takes +x to +y.
        XCTAssertEqual(b[1].x, 10, accuracy: 1e-12); XCTAssertEqual(b[1].y, 25, accuracy: 1e-12)
        XCTAssertEqual(c, [Point(0, 0), Point(5, 0)])
    }

    func testElementsNestAndInheritTheirPanel() throws {
        let rec = try RecordingBackend(size: Size(100, 100))
        rec.beginElement(FigureElement(.plotArea, panel: 3, box: Rect(x: 1, y: 2, width: 3, height: 4)))
        rec.beginElement(FigureElement(.note, text: "hi"))
        rec.drawText("hi", font: Font(size: 10), color: Color(hex: 0), at: Point(20, 30))
        rec.endElement()
        rec.endElement()
        XCTAssertEqual(rec.elements.count, 2)
        XCTAssertEqual(rec.elements[1].element.panel, 3)
        XCTAssertEqual(rec.elements[1].parent, 0)
        XCTAssertEqual(rec.elements[0].box, Rect(x: 1, y: 2, width: 3, height: 4))
        let box = try XCTUnwrap(rec.elements[1].box)
        let m = rec.measure("hi", font: Font(size: 10))
        XCTAssertEqual(box.minX, 20, accuracy: 1e-9)
        XCTAssertEqual(box.maxY, 30 + m.descent, accuracy: 1e-9)
        XCTAssertEqual(box.width, m.width, accuracy: 1e-9)
    }

    func testReportNamesEveryTextWithItsBoxInPixels() throws {
        let fig = try figure()
        let report = try fig.layoutReport()
        XCTAssertEqual(report.width, 800, accuracy: 1e-9)
        XCTAssertEqual(report.height, 500, accuracy: 1e-9)
        let kinds = Set(report.elements.map(\.kind))
        XCTAssertEqual(kinds, [.title, .panelTitle, .axisLabel, .tickLabel, .legend])
        XCTAssertEqual(report.elements.first { $0.kind == .legend }?.text, "tent")
        XCTAssertEqual(report.frames.count, 1)
        let plot = try fig.layoutPlotRects()[0]
        let frame = report.frames[0].box
        XCTAssertEqual(frame.minX, plot.minX * 100 / 72, accuracy: 1e-9)
        XCTAssertEqual(frame.width, plot.width * 100 / 72, accuracy: 1e-9)
        // Ticks "0" … "10" on both axes, each inside the page.
        XCTAssertEqual(report.elements.filter { $0.kind == .tickLabel && $0.text == "10" }.count, 2)
        for e in report.elements {
            XCTAssertTrue(e.box.minX >= 0 && e.box.maxX <= 800 && e.box.minY >= 0 && e.box.maxY <= 500, "\(e.kind) \(e.text) off the page")
        }
    }

    func testCoversCountsDataInkUnderTheLegend() throws {
        // A legend forced into the upper left corner over a line through it covers its vertices.
        var fig = try Figure(width: 600, height: 400, dpi: 72)
        var a = Axes()
        a.xLimits = Interval(0, 1); a.yLimits = Interval(0, 1)
        a.legend = .upperLeft
        let xs = (0...200).map { Double($0) / 200 }
        a.add(LineMark(x: xs, y: xs.map { _ in 0.97 }, style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2), label: "flat line near the top"))
        fig.add(a)
        let covered = try fig.layoutReport().elements.first { $0.kind == .legend }
        XCTAssertGreaterThan(try XCTUnwrap(covered).covers, 10)
        // Moved to the lower left, it covers none.
        fig.modifyAxes(0) { $0.legend = .lowerLeft }
        XCTAssertEqual(try fig.layoutReport().elements.first { $0.kind == .legend }?.covers, 0)
    }

    func testCoversCountsAPathUnderTheLegend() throws {
        // A path of two far-apart iterates is ink all along its segment, as a line is.
        var fig = try Figure(width: 600, height: 400, dpi: 72)
        var a = Axes()
        a.xLimits = Interval(0, 1); a.yLimits = Interval(0, 1)
        a.legend = .upperLeft
        a.add(PathMark(points: [Point(0, 0.97), Point(1, 0.97)], style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2)))
        a.add(LineMark(x: [0.5], y: [0.1], style: StrokeStyle(color: Color(hex: 0xFF7F0E), width: 2), label: "an entry"))
        fig.add(a)
        XCTAssertGreaterThan(try XCTUnwrap(fig.layoutReport().elements.first { $0.kind == .legend }).covers, 10)
    }

    func testJSONHasTheDocumentedShape() throws {
        let json = try figure().layoutReport().json
        XCTAssertTrue(json.hasPrefix("{\"width\": 800, \"height\": 500, \"elements\": ["))
        XCTAssertTrue(json.contains("{\"kind\": \"title\", \"text\": \"A title\", \"box\": ["))
        XCTAssertTrue(json.contains("\"panel\": null, \"covers\": 0}"))
        XCTAssertTrue(json.contains("\"frames\": [\n  {\"panel\": 0, \"box\": ["))
        XCTAssertTrue(json.hasSuffix("]}\n"))
    }
}
