import Foundation
import XCTest
// Unit-tests the internal log level offset (ContourLevels.logOffset).
@testable import Viz

/// Tried as a new user would on x⁴ − x² + y²: "saddle" was printed under the left minimum's star and the
/// star's "min" beside the saddle's diamond; log-spaced levels counted from the sampled minimum −0.2498
/// printed "−0.0498".
final class LabelPlacementAndLevelTests: XCTestCase {
    /// The figure with `mark` on −3…3 by −3…3, recorded, and its point labels' texts and boxes.
    private func labels(_ mark: PointLabelMark, width: Double = 400, height: Double = 300) throws -> (RecordedFigure, [(text: String, box: Rect)]) {
        var a = Axes()
        a.xLimits = Interval(-3, 3); a.yLimits = Interval(-3, 3)
        a.add(mark)
        let r = try Figure.single(a, width: width, height: height).recorded()
        return (r, r.recording.elements.filter { $0.element.kind == .pointLabel }.compactMap { e in e.box.map { (e.element.text, $0) } })
    }

    /// The distance from `p` to the nearest point of `r` (0 inside).
    private func distance(_ r: Rect, _ p: Point) -> Double {
        let dx = max(r.minX - p.x, 0, p.x - r.maxX), dy = max(r.minY - p.y, 0, p.y - r.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    func testEachLabelIsNearerItsOwnMarkerThanAnyOther() throws {
        let mark = PointLabelMark([.init(Point(-0.71, 0), label: "min", shape: .star), .init(Point(0.71, 0), label: "min", shape: .star),
                                   .init(Point(0, 0), label: "saddle", shape: .saddle)], markerSize: 10)
        let (r, boxes) = try labels(mark)
        let lim = Interval(-3, 3)
        let centres = mark.items.map { r.device($0.point.x, $0.point.y, xs: lim, ys: lim) }
        XCTAssertTrue(boxes.contains { $0.text == "saddle" }, "the saddle keeps a label")
        var owners: [Int] = []
        for (text, box) in boxes {
            let d = centres.map { distance(box, $0) }
            let nearest = try XCTUnwrap(d.indices.min { d[$0] < d[$1] })
            XCTAssertEqual(d.filter { $0 == d[nearest] }.count, 1, "\(text): as near two markers")
            XCTAssertEqual(mark.items[nearest].label, text, "the label \(text) is nearer another marker")
            owners.append(nearest)
        }
        XCTAssertEqual(Set(owners).count, owners.count, "each marker's own label: \(owners)")
    }

    func testLabelsKeepOffTheLinesTheyAreToldToAvoid() throws {
        // A start on the left edge whose one step goes right: the label's first spot (right of it) covers the step.
        var mark = PointLabelMark([.init(Point(-3, 0), label: "start", shape: .marker(.circle))], markerSize: 10)
        mark.avoiding = [Point(-3, 0), Point(-2.4, 0)]
        let (r, boxes) = try labels(mark)
        XCTAssertEqual(boxes.map(\.text), ["start"])
        let box = try XCTUnwrap(boxes.first?.box)
        let lim = Interval(-3, 3)
        let a = r.device(-3, 0, xs: lim, ys: lim), b = r.device(-2.4, 0, xs: lim, ys: lim)
        let step = (0...100).map { a + (b - a) * (Double($0) / 100) }
        for p in step { XCTAssertFalse(box.contains(p), "the label covers the step at \(p)") }
        // Control: told nothing, the label takes that first spot, over the step.
        mark.avoiding = []
        let plain = try XCTUnwrap(try labels(mark).1.first?.box)
        XCTAssertTrue(step.contains { plain.contains($0) }, "the control does not cover the step: \(plain)")
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
