import XCTest
import Viz

/// A mark with `clipsToPlot = false` is drawn whole over the plot's frame: a basin map's minimum on
/// the border of the map kept only half of its star. Read off the recording: the star and its clip.
final class UnclippedMarkTests: XCTestCase {
    func testAStarOnTheBorderIsDrawnWholeOnlyWhenUnclipped() throws {
        let red = Color(hex: 0xFF0000)
        for clips in [true, false] {
            var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
            var stars = PointLabelMark([PointLabelMark.Item(Point(1, 0.5), shape: .star, color: red)], markerSize: 20)
            stars.clipsToPlot = clips
            a.add(stars)
            let r = try Figure.single(a).recorded()
            let drawn = r.recording.records.filter { if case let .fill(_, c) = $0.primitive { c == red } else { false } }
            XCTAssertEqual(drawn.count, 1, "one star")
            let star = try XCTUnwrap(drawn.first)
            let box = try XCTUnwrap(star.primitive.bounds)
            // The star is centred on the right edge of the frame: half of it lies outside the plot.
            XCTAssertEqual(box.midX, r.plot.maxX, accuracy: 1)
            XCTAssertGreaterThan(box.maxX, r.plot.maxX + 5)
            if clips {
                XCTAssertEqual(star.clip, r.plot, "clipped at the frame")
            } else {
                XCTAssertTrue(star.clip.map { $0.contains(Point(box.minX, box.minY)) && $0.contains(Point(box.maxX, box.maxY)) } ?? true,
                              "drawn whole over the frame (clip \(String(describing: star.clip)))")
            }
        }
    }
}
