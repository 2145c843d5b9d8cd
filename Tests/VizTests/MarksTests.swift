import TestSupport
import XCTest
@testable import Viz

/// Each mark's bounds, legend entries and pixels.
final class MarksTests: XCTestCase {
    private let blue = Color(hex: 0x0072B2)

    func testScatterDrawsMarkersAtTheirPoints() throws {
        var a = bareAxes(xLimits: Interval(0, 4), yLimits: Interval(0, 4))
        a.add(ScatterMark(x: [1, 3, .nan], y: [1, 3, 2], shape: .square, size: 10, color: blue, label: "pts"))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        func dev(_ x: Double, _ y: Double) -> (Int, Int) { (Int(p.minX + x / 4 * p.width), Int(p.maxY - y / 4 * p.height)) }
        let (x1, y1) = dev(1, 1), (x3, y3) = dev(3, 3), (x2, y2) = dev(2, 2)
        XCTAssertTrue(r.png.matches(x1, y1, blue))
        XCTAssertTrue(r.png.matches(x3, y3, blue))
        XCTAssertFalse(r.png.isInk(x2, y2, tolerance: 20), "nothing at (2, 2)")
        // A 10 pt square of the circle's area is ~17.7 px wide at 144 dpi: 12 px off-centre is outside it.
        XCTAssertFalse(r.png.isInk(x1 + 12, y1, tolerance: 20))
        let s = ScatterMark(x: [1, .nan, 3], y: [1, 5, 2], color: blue, label: "pts")
        XCTAssertEqual(s.dataBounds(), Bounds(x: Interval(1, 3), y: Interval(1, 2)), "non-finite points are ignored")
        guard case .marker(.circle, _)? = s.legendEntries.first?.sample else { return XCTFail("marker legend entry") }
    }

    func testAreaFillsBetweenCurvesAndNaNCutsIt() throws {
        var a = bareAxes(xLimits: Interval(0, 6), yLimits: Interval(0, 3))
        let xs: [Double] = [0, 1, 2, 3, 4, 5, 6]
        a.add(AreaMark(x: xs, y1: [1, 1, 1, .nan, 1, 1, 1], y2: [2, 2, 2, 2, 2, 2, 2], color: blue, label: "band"))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        func dx(_ v: Double) -> Int { Int(p.minX + v / 6 * p.width) }
        func dy(_ v: Double) -> Int { Int(p.maxY - v / 3 * p.height) }
        XCTAssertTrue(r.png.matches(dx(1), dy(1.5), blue), "inside the band")
        XCTAssertTrue(r.png.matches(dx(5), dy(1.5), blue), "inside the band after the cut")
        XCTAssertFalse(r.png.isInk(dx(1), dy(2.5), tolerance: 20), "above the band")
        XCTAssertFalse(r.png.isInk(dx(1), dy(0.5), tolerance: 20), "below the band")
        XCTAssertFalse(r.png.isInk(dx(3), dy(1.5), tolerance: 20), "the NaN cuts the band: nothing bridges x = 2…4")
        let area = AreaMark(x: xs, y1: [1, 1, 1, .nan, 1, 1, 1], y2: [2, 2, 2, 2, 2, 2, 2], color: blue, label: "band")
        XCTAssertEqual(area.runs(), [0..<3, 4..<7])
        XCTAssertEqual(area.dataBounds(), Bounds(x: Interval(0, 6), y: Interval(1, 2)))
        guard case .patch? = area.legendEntries.first?.sample else { return XCTFail("patch legend entry") }
    }

    func testAreaWithHugeValuesIsClippedNotLost() throws {
        var a = bareAxes(xLimits: Interval(0, 2), yLimits: Interval(0, 1))
        a.add(AreaMark(x: [0, 1, 2], y1: [0.2, 0.2, 0.2], y2: [1e12, -1e12, 1e12], color: blue))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        // At x = 0.25 the upper curve is far above the plot: the band covers 0.2 up to the top there.
        XCTAssertTrue(r.png.matches(Int(p.minX + 0.125 * p.width), Int(p.maxY - 0.6 * p.height), blue))
    }

    func testBarsStandOnTheBaselineAtTheirSlots() throws {
        var a = bareAxes()
        let bars = BarMark(categories: ["a", "b", "c"], series: [.init(label: "s1", values: [1, 2, 3]), .init(label: "s2", values: [3, .nan, 1])],
                           colors: [blue, Color(hex: 0xE69F00)], valueLabels: false)
        a.addBars(bars)
        a.yLimits = Interval(0, 4)
        a.xLimits = Interval(-0.5, 2.5)
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        func dx(_ v: Double) -> Int { Int(p.minX + (v + 0.5) / 3 * p.width) }
        func dy(_ v: Double) -> Int { Int(p.maxY - v / 4 * p.height) }
        // Category 1 ("b"): series 0 spans x ∈ [0.6, 1.0], series 1 is missing (NaN).
        XCTAssertEqual(bars.barSpan(category: 1, series: 0), Interval(0.6, 1.0))
        XCTAssertTrue(r.png.matches(dx(0.8), dy(1.9), blue), "bar b/s1 reaches 2")
        XCTAssertFalse(r.png.isInk(dx(0.8), dy(2.1), tolerance: 20), "and stops there")
        XCTAssertFalse(r.png.isInk(dx(1.2), dy(0.5), tolerance: 20), "no bar for the NaN value")
        XCTAssertTrue(r.png.matches(dx(0.2), dy(2.9), Color(hex: 0xE69F00)), "bar a/s2 reaches 3")
        XCTAssertEqual(a.xTickLabels?.map(\.label), ["a", "b", "c"])
        XCTAssertEqual(a.xTickLabels?.map(\.value), [0, 1, 2])
        XCTAssertEqual(bars.legendEntries.map(\.label), ["s1", "s2"])
        XCTAssertEqual(bars.dataBounds()?.x, Interval(-0.5, 2.5))
        XCTAssertEqual(bars.dataBounds()?.y, Interval(0, 3), "no headroom without value labels")
    }

    func testBarValueLabelsUseShortFormatAndStayInside() throws {
        var a = Axes()
        a.addBars(BarMark(categories: ["x", "y"], values: [0.123456, 98.6]))
        let fig = try Figure.single(a)
        let l = try fig.laidOut().axes[0]
        let canvas = try CairoBackend(size: fig.size, kind: .measuring(pixelsPerPoint: 2))
        let ctx = PlotContext(plotRect: l.plotRect, xScale: l.xScale, yScale: l.yScale, theme: fig.theme, resolution: 2, canvas: canvas)
        guard let bars = fig.panels[0].axes.marks.first as? BarMark else { return XCTFail("bars") }
        let texts = bars.valueTexts(in: ctx)
        XCTAssertEqual(texts.map(\.text), ["0.123", "98.6"])
        for t in texts { XCTAssertTrue(l.plotRect.expanded(by: 0.5).contains(t.box(ctx).center)) }
        XCTAssertGreaterThanOrEqual(l.plotRect.minY, 0)
        for t in texts { XCTAssertGreaterThanOrEqual(t.box(ctx).minY, l.plotRect.minY - 0.01, "label inside the plot") }
    }

    func testReferenceLineIsDashedAcrossThePlot() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(ReferenceLineMark.horizontal(y: 0.5, style: StrokeStyle(color: .black, width: 2, dash: [6, 6])))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot, row = Int(p.midY)
        let inked = r.png.count(xs: Int(p.minX) + 4..<Int(p.maxX) - 4, ys: row..<row + 1) { r.png.isInk($0, $1, tolerance: 100) }
        let total = Int(p.maxX) - 4 - (Int(p.minX) + 4)
        XCTAssertEqual(Double(inked) / Double(total), 0.5, accuracy: 0.1, "dashes cover about half of the width")
        let b = ReferenceLineMark.horizontal(y: 2).dataBounds()
        XCTAssertEqual(b?.y, Interval(2, 2)); XCTAssertEqual(b?.x.isEmpty, true)
        XCTAssertFalse(ReferenceLineMark.defaultStyle(for: .light).dash.isEmpty, "dashed by default")
    }

    func testArrowHeadIsSizedInPointsAndEndsAtTheTip() {
        guard let g = ArrowMark.geometry(from: Point(0, 0), to: Point(100, 0), headLength: 9, headWidth: 7) else { return XCTFail("arrow") }
        XCTAssertEqual(g.head[0], Point(100, 0), "the tip is the target")
        XCTAssertEqual(g.head[1].x, 91, accuracy: 1e-9); XCTAssertEqual(abs(g.head[1].y), 3.5, accuracy: 1e-9)
        XCTAssertLessThan(g.shaftEnd.x, 100); XCTAssertGreaterThan(g.shaftEnd.x, 91, "the shaft ends inside the head")
        guard let short = ArrowMark.geometry(from: Point(0, 0), to: Point(0, 9), headLength: 9, headWidth: 7) else { return XCTFail("short") }
        XCTAssertEqual((short.head[0] - short.head[1]).length, (4.5 * 4.5 + 1.75 * 1.75).squareRoot(), accuracy: 1e-9, "head halves on a short arrow")
        XCTAssertNil(ArrowMark.geometry(from: Point(1, 1), to: Point(1, 1), headLength: 9, headWidth: 7), "zero length draws nothing")
    }

    func testArrowPixels() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(ArrowMark(from: Point(0.1, 0.5), to: Point(0.9, 0.5), color: .black, width: 1.5, headLength: 10, headWidth: 10))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot, row = Int(p.midY)
        let tip = p.minX + 0.9 * p.width
        XCTAssertTrue(r.png.isInk(Int(tip - 16), row - 6, tolerance: 60), "the head is 10 pt (20 px) wide at its base, 20 px back")
        XCTAssertFalse(r.png.isInk(Int(tip - 24), row - 6, tolerance: 20), "and no longer than 10 pt")
        XCTAssertFalse(r.png.isInk(Int(tip + 3), row, tolerance: 20), "nothing beyond the tip")
        XCTAssertFalse(r.png.isInk(Int(p.minX + 0.5 * p.width), row - 6, tolerance: 20), "the shaft is thin")
    }

    func testAnnotationFlipsToStayInside() {
        let plot = Rect(x: 0, y: 0, width: 200, height: 100)
        let size = Size(60, 12)
        // Up-right fits.
        let a = AnnotationMark.placement(target: Point(50, 50), offset: Point(10, -10), size: size, plot: plot)
        XCTAssertEqual(a, Rect(x: 60, y: 28, width: 60, height: 12))
        // Near the right edge: mirrored to the left.
        let b = AnnotationMark.placement(target: Point(180, 50), offset: Point(10, -10), size: size, plot: plot)
        XCTAssertEqual(b.maxX, 170)
        // Near the top: mirrored downwards.
        let c = AnnotationMark.placement(target: Point(50, 5), offset: Point(10, -10), size: size, plot: plot)
        XCTAssertEqual(c.minY, 15)
        // Too big for either side: pushed inside.
        let d = AnnotationMark.placement(target: Point(100, 50), offset: Point(10, -10), size: Size(150, 12), plot: plot)
        XCTAssertTrue(d.minX >= 0 && d.maxX <= 200)
        for r in [a, b, c, d] { XCTAssertTrue(r.minX >= plot.minX && r.maxX <= plot.maxX && r.minY >= plot.minY && r.maxY <= plot.maxY) }
    }

    func testAnnotationTextStaysInsideThePlotWhenRendered() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        let note = AnnotationMark("$\\theta_{t+1} = \\theta_t - \\eta\\nabla L$", at: Point(0.98, 0.98), offset: Point(30, 30))
        a.add(note)
        let fig = try Figure.single(a)
        let l = try fig.laidOut().axes[0]
        let canvas = try CairoBackend(size: fig.size, kind: .measuring(pixelsPerPoint: 2))
        let ctx = PlotContext(plotRect: l.plotRect, xScale: l.xScale, yScale: l.yScale, theme: fig.theme, resolution: 2, canvas: canvas)
        guard let box = note.textBox(in: ctx) else { return XCTFail("no box") }
        XCTAssertTrue(box.minX >= l.plotRect.minX && box.maxX <= l.plotRect.maxX && box.minY >= l.plotRect.minY && box.maxY <= l.plotRect.maxY)
        XCTAssertLessThan(box.maxX, ctx.px(0.98), "flipped to the left of the point")
        XCTAssertGreaterThan(box.minY, ctx.py(0.98), "flipped below the point")
        // And the leader line reaches towards the point: ink between the box and the point.
        let r = try fig.renderPNG()
        let k = fig.dpi / 72
        let target = ctx.point(Point(0.98, 0.98))
        let start = AnnotationMark.exit(from: box.expanded(by: fig.theme.legendFont.size * 0.25), towards: target)
        let mid = Point((start.x + target.x) / 2 * k, (start.y + target.y) / 2 * k)
        XCTAssertGreaterThan(r.png.count(xs: Int(mid.x) - 6..<Int(mid.x) + 6, ys: Int(mid.y) - 6..<Int(mid.y) + 6) { r.png.isInk($0, $1, tolerance: 40) }, 0)
    }

    func testTextMarkAnchorsAndIgnoresLimits() throws {
        let t = TextMark("hello", at: Point(5, 5), anchor: TextAnchor(0, .baseline))
        XCTAssertNil(t.dataBounds())
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 10))
        a.add(t)
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        let ax = Int(p.midX), ay = Int(p.midY)
        XCTAssertGreaterThan(r.png.count(xs: ax..<ax + 60, ys: ay - 20..<ay) { r.png.isInk($0, $1) }, 20, "text right of and above the anchor")
        XCTAssertEqual(r.png.count(xs: ax - 40..<ax - 2, ys: ay - 20..<ay) { r.png.isInk($0, $1) }, 0, "nothing left of it")
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
