import TestSupport
import XCTest
import Viz

/// A mark with `clipsToPlot = false` is drawn whole over the plot's frame: a basin map's minimum on
/// the border of the map kept only half of its star.
final class UnclippedMarkTests: XCTestCase {
    private func redness(_ png: DecodedPNG, _ x: Int, _ y: Int) -> Int {
        let p = png.pixel(x, y)
        return Int(p.r) - Int(p.g)
    }

    func testAStarOnTheBorderIsDrawnWholeOnlyWhenUnclipped() throws {
        for clips in [true, false] {
            var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
            var stars = PointLabelMark([PointLabelMark.Item(Point(1, 0.5), shape: .star, color: Color(hex: 0xFF0000))], markerSize: 20)
            stars.clipsToPlot = clips
            a.add(stars)
            let r = try Figure.single(a).renderPNG()
            let p = r.plot
            // Inside the frame the star is drawn either way; 5 px right of the frame only when unclipped.
            XCTAssertGreaterThan(redness(r.png, Int(p.maxX) - 4, Int(p.midY)), 150)
            let outside = redness(r.png, Int(p.maxX) + 5, Int(p.midY))
            if clips { XCTAssertLessThan(outside, 30, "clipped at the frame") } else { XCTAssertGreaterThan(outside, 150, "drawn over the frame") }
        }
    }
}
