import XCTest
import Viz

/// The drawing matches the numbers: lines are drawn between the points their data maps to, the frame is the
/// plot rectangle, tick marks sit at the values their labels name. Read off the recording (device points).
final class PlotGeometryTests: XCTestCase {
    /// Half a pixel of the 144 dpi figures, in points.
    private let halfPixel = 0.25
    private let theme = Theme.light

    func testLineYEqualsXCoversTheDiagonal() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black, width: 1.5)))
        let r = try Figure.single(a).recorded()
        let ink = r.records(in: .dataInk)
        XCTAssertEqual(ink.count, 1, "the line is the only data ink")
        let line = try XCTUnwrap(r.strokes(in: .dataInk).first)
        XCTAssertEqual(line.style.width, 1.5)
        XCTAssertEqual(line.points.count, 2)
        guard line.points.count == 2 else { return }
        // From the plot's lower left corner to its upper right one.
        XCTAssertEqual(line.points[0].x, r.plot.minX, accuracy: halfPixel); XCTAssertEqual(line.points[0].y, r.plot.maxY, accuracy: halfPixel)
        XCTAssertEqual(line.points[1].x, r.plot.maxX, accuracy: halfPixel); XCTAssertEqual(line.points[1].y, r.plot.minY, accuracy: halfPixel)
        XCTAssertEqual(ink.first?.clip, r.plot, "clipped to the plot")
    }

    func testPlotRectIsWhereTheFrameIs() throws {
        var a = bareAxes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        let fig = try Figure.single(a)
        let r = try fig.recorded()
        XCTAssertEqual(r.plots, try fig.layoutPlotRects(), "the plot area is the laid-out plot rectangle")
        // The frame (0.9 pt) is a closed stroke along the plot rectangle's edges.
        let frames = r.strokes { $0.color == self.theme.axisColor && $0.width == self.theme.axisLineWidth }.filter { $0.points.count == 4 }
        XCTAssertEqual(frames.count, 1)
        let frame = try XCTUnwrap(frames.first)
        for (p, q) in zip(frame.points, r.plot.corners) {
            XCTAssertEqual(p.x, q.x, accuracy: halfPixel); XCTAssertEqual(p.y, q.y, accuracy: halfPixel)
        }
        // Inside it, the plot background over exactly the rectangle.
        assertRect(r.fills(theme.plotBackground).compactMap(Rect.bounding).last, r.plot, accuracy: 1e-9, "the plot background")
    }

    /// The tick marks of the first panel: (position along the axis, length), for the x axis (hanging below the
    /// frame) or the y axis (left of it), from the axis-coloured stroke that holds them.
    private func tickMarks(_ r: RecordedFigure, x: Bool) -> [(at: Double, length: Double)] {
        let p = r.plot
        var out: [(at: Double, length: Double)] = []
        for s in r.strokes(where: { $0.color == self.theme.axisColor }) {
            for k in stride(from: 0, to: s.points.count - 1, by: 2) {
                let a = s.points[k], b = s.points[k + 1]
                func same(_ u: Double, _ v: Double) -> Bool { abs(u - v) < 1e-9 }
                if x, same(a.x, b.x), same(a.y, p.maxY), b.y > a.y { out.append((a.x, b.y - a.y)) }
                if !x, same(a.y, b.y), same(a.x, p.minX), b.x < a.x { out.append((a.y, a.x - b.x)) }
            }
        }
        return out
    }

    /// The tick labels below the plot (x) or left of it (y), with their boxes.
    private func tickLabels(_ r: RecordedFigure, x: Bool) -> [(text: String, box: Rect)] {
        r.recording.elements.filter { $0.element.kind == .tickLabel }.compactMap { e in
            guard let b = e.box, x ? b.minY >= r.plot.maxY : b.maxX <= r.plot.minX else { return nil }
            return (e.element.text, b)
        }
    }

    func testTickMarksSitAtTheValuesTheirLabelsName() throws {
        var a = Axes()
        a.grid = false
        a.zeroLines = false
        a.xLimits = Interval(-3.7, 12.2)
        a.add(LineMark(x: [-3.7, 12.2], y: [0, 1], style: StrokeStyle(color: Color(hex: 0x0072B2))))
        let r = try Figure.single(a).recorded()
        let ticks = tickMarks(r, x: true).filter { abs($0.length - theme.tickLength) < 1e-9 }
        let labels = tickLabels(r, x: true)
        XCTAssertGreaterThanOrEqual(ticks.count, 3)
        XCTAssertEqual(ticks.count, labels.count, "one tick mark per label: \(labels.map(\.text))")
        for (t, l) in zip(ticks, labels) {
            let value = try XCTUnwrap(Double(l.text.replacingOccurrences(of: "\u{2212}", with: "-")), "label \(l.text)")
            // Independent mapping: linear interpolation of the value across the plot rectangle.
            XCTAssertEqual(t.at, r.x(value, Interval(-3.7, 12.2)), accuracy: halfPixel, "tick \(l.text)")
            XCTAssertEqual(l.box.midX, t.at, accuracy: halfPixel, "label \(l.text) centred under its tick")
        }
    }

    func testLogAxisTicksSitAtDecades() throws {
        var a = Axes()
        a.grid = false
        a.yScale = .log
        a.yLimits = Interval(1e-3, 1e2)
        a.add(LineMark(x: [0, 1], y: [1e-3, 1e2], style: StrokeStyle(color: Color(hex: 0x0072B2))))
        let r = try Figure.single(a).recorded()
        let ticks = tickMarks(r, x: false).filter { abs($0.length - theme.tickLength) < 1e-9 }.map(\.at).sorted()
        XCTAssertEqual(ticks.count, 6, "ticks at 10⁻³ … 10²")
        for (k, y) in ticks.enumerated() {
            // Decade 10² at the top (k = 0) down to 10⁻³: equal steps of a fifth of the height.
            XCTAssertEqual(y, r.plot.minY + Double(k) / 5 * r.plot.height, accuracy: halfPixel)
        }
        let labels = tickLabels(r, x: false).map(\.box.midY).sorted()
        XCTAssertEqual(labels.count, 6)
        for (l, t) in zip(labels, ticks) { XCTAssertEqual(l, t, accuracy: halfPixel, "each label level with its tick") }
    }

    func testFixedTickLabelsReplaceAutomaticTicks() throws {
        var a = Axes()
        a.xTickLabels = [(-Double.pi, "$-\\pi$"), (0, "0"), (Double.pi, "$\\pi$"), (10, "outside")]
        a.add(LineMark(x: [-Double.pi, Double.pi], y: [-1, 1], style: StrokeStyle(color: .black)))
        a.xLimits = Interval(-4, 4)
        let r = try Figure.single(a).recorded()
        let ticks = tickMarks(r, x: true)
        XCTAssertEqual(ticks.count, 3, "ticks outside the limits are dropped, and no minor ticks")
        for (t, v) in zip(ticks, [-Double.pi, 0, Double.pi]) {
            XCTAssertEqual(t.at, r.x(v, Interval(-4, 4)), accuracy: halfPixel)
            XCTAssertEqual(t.length, theme.tickLength, accuracy: 1e-9)
        }
        let labels = tickLabels(r, x: true)
        XCTAssertEqual(labels.count, 3)
        XCTAssertFalse(labels.contains { $0.text == "outside" })
    }
}
