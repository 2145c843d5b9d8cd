import Foundation
import XCTest
// Unit-tests the internal point-label placement and log level offsets on the laid-out figure (laidOut, PlotContext).
@testable import Viz

/// Tried as a new user would on x⁴ − x² + y²: "saddle" was printed under the left minimum's star and the
/// star's "min" beside the saddle's diamond; log-spaced levels counted from the sampled minimum −0.2498
/// printed "−0.0498".
final class LabelPlacementAndLevelTests: XCTestCase {
    private func layout(_ mark: PointLabelMark, width: Double = 400, height: Double = 300) throws -> (PlotContext, [Rect?]) {
        var a = Axes()
        a.xLimits = Interval(-3, 3); a.yLimits = Interval(-3, 3)
        a.add(mark)
        let fig = try Figure.single(a, width: width, height: height)
        let l = try fig.laidOut().axes[0]
        let canvas = try CairoBackend(size: fig.size, kind: .measuring(pixelsPerPoint: 2))
        let ctx = PlotContext(plotRect: l.plotRect, xScale: l.xScale, yScale: l.yScale, theme: fig.theme, resolution: 2, canvas: canvas)
        return (ctx, mark.layout(ctx))
    }

    func testEachLabelIsNearerItsOwnMarkerThanAnyOther() throws {
        let mark = PointLabelMark([.init(Point(-0.71, 0), label: "min", shape: .star), .init(Point(0.71, 0), label: "min", shape: .star),
                                   .init(Point(0, 0), label: "saddle", shape: .saddle)], markerSize: 10)
        let (ctx, boxes) = try layout(mark)
        let centres = mark.items.map { ctx.point($0.point) }
        for (k, box) in boxes.enumerated() {
            guard let box else { continue }
            for j in centres.indices where j != k {
                XCTAssertGreaterThan(PointLabelMark.distance(box, centres[j]), PointLabelMark.distance(box, centres[k]),
                                     "label \(k) is nearer marker \(j)")
            }
        }
        XCTAssertNotNil(boxes[2], "the saddle keeps a label")
    }

    func testLabelsKeepOffTheLinesTheyAreToldToAvoid() throws {
        // A start on the left edge whose one step goes right: the label's first spot (right of it) covers the step.
        var mark = PointLabelMark([.init(Point(-3, 0), label: "start", shape: .marker(.circle))], markerSize: 10)
        mark.avoiding = [Point(-3, 0), Point(-2.4, 0)]
        let (ctx, boxes) = try layout(mark)
        let box = try XCTUnwrap(boxes[0])
        for p in PointLabelMark.inkSamples(mark.avoiding, ctx) { XCTAssertFalse(box.contains(p), "the label covers the step at \(p)") }
    }

    func testLogLevelsCountFromARoundOffset() throws {
        XCTAssertEqual(ContourLevels.logOffset(-0.2498, floor: 0.005), -0.25, accuracy: 1e-15)
        XCTAssertEqual(ContourLevels.logOffset(3, floor: 0.1), 0, "positive data needs no offset")
        XCTAssertEqual(ContourLevels.logOffset(-1.0316, floor: 0.02), -1.04, accuracy: 1e-12)
        // x⁴ − x² + y² sampled on a grid that misses ±1/√2: levels at round values, none like −0.0498.
        let f = try FieldSampler.sample(x: Interval(-3, 3), y: Interval(-3, 3), nx: 301, ny: 301) { x, y in x * x * x * x - x * x + y * y }
        let levels = try ContourLevels.count(12).resolve(for: f)
        XCTAssertTrue(levels.isLog)
        let labels = TickFormat.distinct(levels.values)
        XCTAssertFalse(labels.contains { $0.count > 5 }, "\(labels)")
        XCTAssertTrue(levels.values.contains { abs($0 + 0.05) < 1e-12 }, "\(levels.values)")
    }
}
