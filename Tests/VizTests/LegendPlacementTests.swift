import XCTest
import Viz

/// `.best` puts the legend where it covers the least: away from data and away from text. Geometry is
/// read off the recording backend (`Figure.record()`): the legend's and the plot area's boxes as drawn.
final class LegendPlacementTests: XCTestCase {
    private func legendBox(_ fig: Figure) throws -> (Rect, Rect) {
        let (legend, plot, _) = try drawn(fig)
        return (legend, plot)
    }

    /// The legend's box, the plot area, and every point of the data ink (stroke vertices and the samples
    /// along their segments), in points.
    private func drawn(_ fig: Figure) throws -> (legend: Rect, plot: Rect, ink: [Point]) {
        let rec = try fig.record()
        let legend = try XCTUnwrap(rec.elements.first { $0.element.kind == .legend }?.box, "a legend is drawn")
        let plot = try XCTUnwrap(rec.elements.first { $0.element.kind == .plotArea }?.box)
        var ink: [Point] = []
        for e in rec.elements where e.element.kind == .dataInk {
            for r in rec.records[e.records] {
                if case let .stroke(points, _) = r.primitive { ink += points + r.segmentSamples }
            }
        }
        return (legend, plot, ink)
    }

    func testDataInUpperRightSendsTheLegendElsewhere() throws {
        var a = Axes()
        a.xLimits = Interval(0, 1); a.yLimits = Interval(0, 1)
        var pts: [Point] = []
        for i in 0..<20 { for j in 0..<20 { pts.append(Point(0.55 + Double(i) * 0.022, 0.55 + Double(j) * 0.022)) } }
        a.add(ScatterMark(points: pts, size: 3, color: .black, label: "cluster"))
        let (box, plot) = try legendBox(try Figure.single(a))
        XCTAssertFalse(box.center.x > plot.midX && box.center.y < plot.midY, "not in the upper right")
        XCTAssertEqual(box.minX, plot.minX + Theme.light.labelFont.size * 0.5, accuracy: 1e-9, "upper left is the next corner tried")
    }

    func testLegendAvoidsTheCornerWithALine() throws {
        var a = Axes()
        let xs = (0...100).map { Double($0) / 100 }
        a.add(LineMark(x: xs, y: xs.map { $0 * $0 }, style: StrokeStyle(color: .black), label: "$x^2$"))
        let (box, plot) = try legendBox(try Figure.single(a))
        // y = x² runs through the lower left and the upper right: the legend goes upper left.
        XCTAssertLessThan(box.center.x, plot.midX)
        XCTAssertLessThan(box.center.y, plot.midY)
    }

    func testLegendAvoidsText() throws {
        var a = Axes()
        a.xLimits = Interval(0, 1); a.yLimits = Interval(0, 1)
        a.add(LineMark(x: [0, 1], y: [0.5, 0.5], style: StrokeStyle(color: .black), label: "flat"))
        a.add(TextMark("important note here", at: Point(0.98, 0.98), anchor: TextAnchor(1, .top)))
        let fig = try Figure.single(a)
        let (box, plot) = try legendBox(fig)
        XCTAssertFalse(box.center.x > plot.midX && box.center.y < plot.midY, "the upper right holds text")
    }

    func testOutsideLegendsStayOutsideThePlot() throws {
        for placement in [LegendPlacement.outsideRight, .below] {
            var a = Axes()
            a.legend = placement
            a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black), label: "line"))
            let (box, plot) = try legendBox(try Figure.single(a))
            XCTAssertFalse(box.intersects(plot), "\(placement)")
        }
    }

    /// A sparse curve (five points, as a validation loss logged once an epoch) is ink along its long
    /// segments, not only at its points: the legend must not sit over them.
    func testLegendAvoidsTheSegmentsOfASparseCurve() throws {
        var a = Axes()
        a.xLimits = Interval(0, 50); a.yLimits = Interval(0, 1.2)
        let xs: [Double] = [9, 19, 29, 39, 49], ys = [1.1, 0.8, 0.6, 0.47, 0.38]
        a.add(LineMark(x: xs, y: ys, style: StrokeStyle(color: .black), label: "val_loss"))
        let (box, _, ink) = try drawn(try Figure.single(a))
        XCTAssertGreaterThan(ink.count, 50, "the segments are sampled, not only the five points")
        for p in ink { XCTAssertFalse(box.contains(p), "\(p) of the curve is under the legend \(box)") }
    }
}
