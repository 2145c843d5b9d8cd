import XCTest
import Viz

/// Each mark's bounds, legend entries and geometry, read off the recording (device points, y down) and
/// compared with the data mapped independently across the recorded plot rectangle.
final class MarksTests: XCTestCase {
    private let blue = Color(hex: 0x0072B2)
    /// Half a pixel of the 144 dpi figures, in points.
    private let halfPixel = 0.25

    func testScatterDrawsMarkersAtTheirPoints() throws {
        var a = bareAxes(xLimits: Interval(0, 4), yLimits: Interval(0, 4))
        a.add(ScatterMark(x: [1, 3, .nan], y: [1, 3, 2], shape: .square, size: 10, color: blue, label: "pts"))
        let r = try Figure.single(a).recorded()
        let lim = Interval(0, 4)
        let markers = r.fills(blue, in: .dataInk).compactMap(Rect.bounding)
        XCTAssertEqual(markers.count, 2, "one marker per finite point, nothing for (NaN, 2)")
        XCTAssertEqual(r.fills(blue).count, 2, "and no marker outside the data ink")
        for (m, (x, y)) in zip(markers, [(1.0, 1.0), (3.0, 3.0)]) {
            let d = r.device(x, y, xs: lim, ys: lim)
            XCTAssertEqual(m.midX, d.x, accuracy: halfPixel, "marker at (\(x), \(y))")
            XCTAssertEqual(m.midY, d.y, accuracy: halfPixel, "marker at (\(x), \(y))")
            // A 10 pt square of the circle's area: 10 · √π / 2 ≈ 8.86 pt wide.
            XCTAssertEqual(m.width, 10 * Double.pi.squareRoot() / 2, accuracy: 0.01)
            XCTAssertEqual(m.height, m.width, accuracy: 1e-9)
        }
        let s = ScatterMark(x: [1, .nan, 3], y: [1, 5, 2], color: blue, label: "pts")
        XCTAssertEqual(s.dataBounds(), Bounds(x: Interval(1, 3), y: Interval(1, 2)), "non-finite points are ignored")
        guard case .marker(.circle, _)? = s.legendEntries.first?.sample else { return XCTFail("marker legend entry") }
    }

    func testAreaFillsBetweenCurvesAndNaNCutsIt() throws {
        var a = bareAxes(xLimits: Interval(0, 6), yLimits: Interval(0, 3))
        let xs: [Double] = [0, 1, 2, 3, 4, 5, 6]
        let area = AreaMark(x: xs, y1: [1, 1, 1, .nan, 1, 1, 1], y2: [2, 2, 2, 2, 2, 2, 2], color: blue, label: "band")
        a.add(area)
        let r = try Figure.single(a).recorded()
        let xl = Interval(0, 6), yl = Interval(0, 3)
        let fills = r.fills(blue)
        XCTAssertEqual(fills.count, 1, "the band is one fill")
        let pts = try XCTUnwrap(fills.first)
        let gapStart = r.x(2, xl) + halfPixel, gapEnd = r.x(4, xl) - halfPixel
        XCTAssertFalse(pts.contains { $0.x > gapStart && $0.x < gapEnd }, "no vertex in x = 2…4: \(pts)")
        // Each run is a closed polygon; their vertices follow one another, so the list crosses the gap once.
        // One polygon bridging the gap would cross it there and back.
        let crossings = zip(pts, pts.dropFirst()).filter { ($0.x < gapStart) != ($1.x < gapStart) }.count
        XCTAssertEqual(crossings, 1, "two polygons, nothing bridges x = 2…4")
        let left = Array(pts.prefix { $0.x < gapStart }), right = Array(pts.drop { $0.x < gapStart })
        assertRect(Rect.bounding(left), Rect(x: r.x(0, xl), y: r.y(2, yl), width: r.x(2, xl) - r.x(0, xl), height: r.y(1, yl) - r.y(2, yl)),
                   accuracy: halfPixel, "the run x = 0…2 between y = 1 and 2")
        assertRect(Rect.bounding(right), Rect(x: r.x(4, xl), y: r.y(2, yl), width: r.x(6, xl) - r.x(4, xl), height: r.y(1, yl) - r.y(2, yl)),
                   accuracy: halfPixel, "the run x = 4…6 between y = 1 and 2")
        XCTAssertTrue(polygon(left, contains: r.device(1, 1.5, xs: xl, ys: yl)), "inside the band")
        XCTAssertTrue(polygon(right, contains: r.device(5, 1.5, xs: xl, ys: yl)), "inside the band after the cut")
        XCTAssertFalse(polygon(left, contains: r.device(1, 2.5, xs: xl, ys: yl)), "above the band")
        XCTAssertFalse(polygon(left, contains: r.device(1, 0.5, xs: xl, ys: yl)), "below the band")
        XCTAssertEqual(area.dataBounds(), Bounds(x: Interval(0, 6), y: Interval(1, 2)))
        guard case .patch? = area.legendEntries.first?.sample else { return XCTFail("patch legend entry") }
    }

    func testAreaWithHugeValuesIsClippedNotLost() throws {
        var a = bareAxes(xLimits: Interval(0, 2), yLimits: Interval(0, 1))
        a.add(AreaMark(x: [0, 1, 2], y1: [0.2, 0.2, 0.2], y2: [1e12, -1e12, 1e12], color: blue))
        let r = try Figure.single(a).recorded()
        let xl = Interval(0, 2), yl = Interval(0, 1)
        let pts = try XCTUnwrap(r.fills(blue).first)
        XCTAssertTrue(pts.allSatisfy { r.plot.expanded(by: 4 + 1e-6).contains($0) }, "clipped to just beyond the plot: \(pts)")
        // At x = 0.25 the upper curve is far above the plot: the band covers 0.2 up to the top there.
        for y in [0.25, 0.6, 0.99] { XCTAssertTrue(polygon(pts, contains: r.device(0.25, y, xs: xl, ys: yl)), "(0.25, \(y)) is in the band") }
        XCTAssertFalse(polygon(pts, contains: r.device(0.25, 0.15, xs: xl, ys: yl)), "below the lower curve")
    }

    func testBarsStandOnTheBaselineAtTheirSlots() throws {
        var a = bareAxes()
        let orange = Color(hex: 0xE69F00)
        let bars = BarMark(categories: ["a", "b", "c"], series: [.init(label: "s1", values: [1, 2, 3]), .init(label: "s2", values: [3, .nan, 1])],
                           colors: [blue, orange], valueLabels: false)
        a.addBars(bars)
        a.yLimits = Interval(0, 4)
        a.xLimits = Interval(-0.5, 2.5)
        let r = try Figure.single(a).recorded()
        let xl = Interval(-0.5, 2.5), yl = Interval(0, 4)
        func expected(_ category: Int, _ series: Int, _ v: Double) -> Rect {
            let s = bars.barSpan(category: category, series: series)
            return Rect(x: r.x(s.lower, xl), y: r.y(v, yl), width: r.x(s.upper, xl) - r.x(s.lower, xl), height: r.y(0, yl) - r.y(v, yl))
        }
        // Category 1 ("b"): series 0 spans x ∈ [0.6, 1.0], series 1 is missing (NaN).
        XCTAssertEqual(bars.barSpan(category: 1, series: 0), Interval(0.6, 1.0))
        let s1 = r.fills(blue, in: .dataInk).flatMap(rectangles), s2 = r.fills(orange, in: .dataInk).flatMap(rectangles)
        XCTAssertEqual(s1.count, 3)
        XCTAssertEqual(s2.count, 2, "no bar for the NaN value")
        for (got, want) in zip(s1, [expected(0, 0, 1), expected(1, 0, 2), expected(2, 0, 3)]) { assertRect(got, want, accuracy: halfPixel, "s1") }
        for (got, want) in zip(s2, [expected(0, 1, 3), expected(2, 1, 1)]) { assertRect(got, want, accuracy: halfPixel, "s2") }
        assertRect(s1.count == 3 ? s1[1] : nil, Rect(x: r.x(0.6, xl), y: r.y(2, yl), width: r.x(1, xl) - r.x(0.6, xl), height: r.y(0, yl) - r.y(2, yl)),
                   accuracy: halfPixel, "bar b/s1 stands on 0 at x = 0.6…1 and reaches 2")
        for bar in s1 + s2 { XCTAssertEqual(bar.maxY, r.y(0, yl), accuracy: halfPixel, "on the baseline") }
        XCTAssertEqual(a.xTickLabels?.map(\.label), ["a", "b", "c"])
        XCTAssertEqual(a.xTickLabels?.map(\.value), [0, 1, 2])
        XCTAssertEqual(bars.legendEntries.map(\.label), ["s1", "s2"])
        XCTAssertEqual(bars.dataBounds()?.x, Interval(-0.5, 2.5))
        XCTAssertEqual(bars.dataBounds()?.y, Interval(0, 3), "no headroom without value labels")
    }

    func testBarValueLabelsUseShortFormatAndStayInside() throws {
        var a = Axes()
        a.addBars(BarMark(categories: ["x", "y"], values: [0.123456, 98.6]))
        let r = try Figure.single(a).recorded()
        let texts = r.texts(in: .pointLabel)
        XCTAssertEqual(texts.map(\.text), ["0.123", "98.6"])
        XCTAssertGreaterThanOrEqual(r.plot.minY, 0)
        for t in texts {
            XCTAssertTrue(r.plot.expanded(by: 0.5).contains(t.box.center), "\(t.text) inside the plot")
            XCTAssertGreaterThanOrEqual(t.box.minY, r.plot.minY - 0.01, "\(t.text) below the plot's top")
        }
    }

    func testReferenceLineIsDashedAcrossThePlot() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(ReferenceLineMark.horizontal(y: 0.5, style: StrokeStyle(color: .black, width: 2, dash: [6, 6])))
        let r = try Figure.single(a).recorded()
        // Dashes on for 6 pt and off for 6 pt cover half of the width; that the pattern reaches the raster is
        // LegendDashSampleTests' rendered sample.
        let lines = r.strokes { $0.dash == [6, 6] }
        XCTAssertEqual(lines.count, 1)
        let line = try XCTUnwrap(lines.first)
        XCTAssertEqual(line.style.width, 2)
        XCTAssertEqual(line.points.count, 2)
        let y = r.y(0.5, Interval(0, 1))
        for p in line.points { XCTAssertEqual(p.y, y, accuracy: halfPixel, "level at y = 0.5") }
        XCTAssertEqual(line.points.map(\.x).min() ?? 0, r.plot.minX, accuracy: halfPixel, "from the frame's left edge")
        XCTAssertEqual(line.points.map(\.x).max() ?? 0, r.plot.maxX, accuracy: halfPixel, "to its right edge")
        let b = ReferenceLineMark.horizontal(y: 2).dataBounds()
        XCTAssertEqual(b?.y, Interval(2, 2)); XCTAssertEqual(b?.x.isEmpty, true)
        XCTAssertFalse(ReferenceLineMark.defaultStyle(for: .light).dash.isEmpty, "dashed by default")
    }

    /// An arrow from `from` to `to` (data, limits 0…1 on both axes), recorded: its shaft and its head.
    private func arrow(from: Point, to: Point, headLength: Double = 9, headWidth: Double = 7) throws -> (RecordedFigure, shaft: [[Point]], head: [[Point]]) {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(ArrowMark(from: from, to: to, color: .black, width: 1.5, headLength: headLength, headWidth: headWidth))
        let r = try Figure.single(a).recorded()
        return (r, r.strokes(in: .dataInk).map(\.points), r.fills(.black, in: .dataInk))
    }

    func testArrowHeadIsSizedInPointsAndEndsAtTheTip() throws {
        let lim = Interval(0, 1)
        let (r, shaft, head) = try arrow(from: Point(0.1, 0.5), to: Point(0.9, 0.5), headLength: 10, headWidth: 10)
        let tip = r.device(0.9, 0.5, xs: lim, ys: lim), tail = r.device(0.1, 0.5, xs: lim, ys: lim)
        let tri = try XCTUnwrap(head.first)
        XCTAssertEqual(head.count, 1); XCTAssertEqual(tri.count, 3)
        guard tri.count == 3 else { return }
        XCTAssertEqual(tri[0].x, tip.x, accuracy: 1e-9, "the tip is the target"); XCTAssertEqual(tri[0].y, tip.y, accuracy: 1e-9)
        for p in tri.dropFirst() {
            XCTAssertEqual(p.x, tip.x - 10, accuracy: 1e-9, "the head is 10 pt long")
            XCTAssertEqual(abs(p.y - tip.y), 5, accuracy: 1e-9, "and 10 pt wide at its base")
        }
        let s = try XCTUnwrap(shaft.first)
        XCTAssertEqual(shaft.count, 1)
        XCTAssertEqual(s.first?.x ?? 0, tail.x, accuracy: 1e-9, "the shaft starts at the tail")
        XCTAssertLessThan(s.last?.x ?? 0, tip.x); XCTAssertGreaterThan(s.last?.x ?? 0, tip.x - 10, "the shaft ends inside the head")
        XCTAssertEqual(r.strokes(in: .dataInk).first?.style.width, 1.5, "a thin shaft")
        XCTAssertTrue((shaft + head).joined().allSatisfy { $0.x <= tip.x + 1e-9 }, "nothing beyond the tip")

        // An arrow as long as its head (9 pt, straight up) gets a head of half the size.
        let plot = try XCTUnwrap(Figure.single(bareAxes(xLimits: lim, yLimits: lim)).layoutPlotRects().first)
        let short = try arrow(from: Point(0.5, 0.2), to: Point(0.5, 0.2 + 9 / plot.height))
        XCTAssertEqual(short.0.plot, plot, "the arrow does not move the plot")
        let h = try XCTUnwrap(short.head.first)
        XCTAssertEqual(h.count, 3)
        guard h.count == 3 else { return }
        XCTAssertEqual((h[0] - h[1]).length, (4.5 * 4.5 + 1.75 * 1.75).squareRoot(), accuracy: 1e-6, "head halves on a short arrow")
        let none = try arrow(from: Point(0.5, 0.5), to: Point(0.5, 0.5))
        XCTAssertTrue(none.shaft.isEmpty && none.head.isEmpty, "zero length draws nothing")
    }

    /// An annotation alone on a 0…1 plot, recorded: the plot rectangle inside which it is placed (2 pt in from
    /// the frame), its point in device points and its text box (all its lines).
    private func annotation(_ text: String = "note", at p: Point, offset: Point) throws -> (plot: Rect, target: Point, box: Rect, r: RecordedFigure) {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(AnnotationMark(text, at: p, offset: offset))
        let r = try Figure.single(a).recorded()
        // One element per line of text: the text box is their union.
        let boxes = r.recording.elements.filter { $0.element.kind == .annotation }.compactMap(\.box)
        let box = try XCTUnwrap(boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }, "no annotation text")
        return (r.plot.inset(by: Insets(top: 2, left: 2, bottom: 2, right: 2)), r.device(p.x, p.y, xs: Interval(0, 1), ys: Interval(0, 1)), box, r)
    }

    func testAnnotationFlipsToStayInside() throws {
        // Up-right (offset 10 pt right, 10 pt up) where it fits.
        let a = try annotation(at: Point(0.5, 0.5), offset: Point(10, 10))
        XCTAssertEqual(a.box.minX, a.target.x + 10, accuracy: halfPixel); XCTAssertEqual(a.box.maxY, a.target.y - 10, accuracy: halfPixel)
        // Near the right edge: mirrored to the left.
        let b = try annotation(at: Point(0.98, 0.5), offset: Point(10, 10))
        XCTAssertEqual(b.box.maxX, b.target.x - 10, accuracy: halfPixel); XCTAssertEqual(b.box.maxY, b.target.y - 10, accuracy: halfPixel)
        // Near the top: mirrored downwards.
        let c = try annotation(at: Point(0.5, 0.98), offset: Point(10, 10))
        XCTAssertEqual(c.box.minX, c.target.x + 10, accuracy: halfPixel); XCTAssertEqual(c.box.minY, c.target.y + 10, accuracy: halfPixel)
        // Too wide for either side of the middle: pushed inside.
        let d = try annotation("a note that is wider than half of the plot it is in", at: Point(0.5, 0.5), offset: Point(10, 10))
        XCTAssertGreaterThan(d.box.width, d.plot.width / 2, "the case needs a text wider than half the plot")
        for r in [a, b, c, d] {
            XCTAssertTrue(r.box.minX >= r.plot.minX - 1e-9 && r.box.maxX <= r.plot.maxX + 1e-9 && r.box.minY >= r.plot.minY - 1e-9
                          && r.box.maxY <= r.plot.maxY + 1e-9, "\(r.box) inside \(r.plot)")
        }
    }

    func testAnnotationTextStaysInsideThePlotWhenRendered() throws {
        let n = try annotation("$\\theta_{t+1} = \\theta_t - \\eta\\nabla L$", at: Point(0.98, 0.98), offset: Point(30, 30))
        let box = n.box
        XCTAssertTrue(box.minX >= n.plot.minX && box.maxX <= n.plot.maxX && box.minY >= n.plot.minY && box.maxY <= n.plot.maxY)
        XCTAssertLessThan(box.maxX, n.target.x, "flipped to the left of the point")
        XCTAssertGreaterThan(box.minY, n.target.y, "flipped below the point")
        // The leader line runs from the edge of the box (a quarter of the font size out) towards the point, stopping
        // 3.5 pt short of it, at the edge of the dot (radius 2.2 pt) drawn there.
        let leaders = n.r.strokes { $0.width == 0.8 }
        XCTAssertEqual(leaders.count, 1)
        let leader = try XCTUnwrap(leaders.first?.points)
        XCTAssertEqual(leader.count, 2)
        guard leader.count == 2 else { return }
        let gap = Theme.light.legendFont.size * 0.25
        XCTAssertTrue(box.expanded(by: gap + 1e-6).contains(leader[0]) && !box.expanded(by: gap - 1e-6).contains(leader[0]),
                      "starts on the box's margin: \(leader[0]) \(box)")
        XCTAssertEqual((n.target - leader[1]).length, 3.5, accuracy: 1e-6, "ends 3.5 pt before the point")
        let dots = n.r.fills(Theme.light.foreground).compactMap(Rect.bounding).filter { $0.width < 5 }
        XCTAssertEqual(dots.count, 1)
        XCTAssertEqual(dots.first?.center.x ?? 0, n.target.x, accuracy: 1e-6, "the dot is on the point")
        XCTAssertEqual(dots.first?.center.y ?? 0, n.target.y, accuracy: 1e-6)
        XCTAssertEqual(dots.first?.width ?? 0, 4.4, accuracy: 1e-6)
        XCTAssertGreaterThan((n.target - leader[0]).length, (n.target - leader[1]).length, "and goes towards it")
    }

    func testTextMarkAnchorsAndIgnoresLimits() throws {
        let t = TextMark("hello", at: Point(5, 5), anchor: TextAnchor(0, .baseline))
        XCTAssertNil(t.dataBounds())
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 10))
        a.add(t)
        let r = try Figure.single(a).recorded()
        let texts = r.texts(in: .note)
        XCTAssertEqual(texts.map(\.text), ["hello"])
        let text = try XCTUnwrap(texts.first)
        let anchor = r.device(5, 5, xs: Interval(0, 10), ys: Interval(0, 10))
        XCTAssertEqual(text.box.minX, anchor.x, accuracy: halfPixel, "the text starts at the anchor")
        XCTAssertEqual(text.box.minY + r.recording.measure("hello", font: text.font).ascent, anchor.y, accuracy: halfPixel,
                       "its baseline is at the anchor")
    }

    func testLegendEntriesOfEveryMark() {
        XCTAssertEqual(BandMark.vertical(from: 0, to: 1, color: blue, label: "zone").legendEntries.count, 1)
        XCTAssertEqual(BandMark.vertical(from: 0, to: 1, color: blue).legendEntries.count, 0)
        XCTAssertEqual(ReferenceLineMark.vertical(x: 0, label: "x = 0").legendEntries.count, 1)
        XCTAssertEqual(ArrowMark(from: Point(0, 0), to: Point(1, 1), color: blue, label: "step").legendEntries.count, 1)
        XCTAssertEqual(AnnotationMark("a", at: Point(0, 0)).legendEntries.count, 0)
        XCTAssertEqual(JumpDotsMark(closed: [Point(0, 1)], open: [Point(0, 0)], color: blue).dataBounds(), Bounds(x: Interval(0, 0), y: Interval(0, 1)))
    }
}
