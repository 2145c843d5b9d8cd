import TestSupport
import XCTest
@testable import Viz

/// A legend's line sample shows the line's dash pattern: a dash-dot whose period (38.4) is longer than the
/// sample (2.4 font sizes) was drawn as its first dash alone, a solid key for a dashed line.
final class LegendDashSampleTests: XCTestCase {
    private let red = Color(hex: 0xFF0000)

    func testALongPatternIsScaledIntoTheSample() {
        var style = StrokeStyle(color: red, width: 1.6, dash: [22.4, 4.8, 6.4, 4.8])
        style.cap = .round
        LegendLayout.fitDashes(&style, sampleWidth: 25)
        XCTAssertEqual(style.dash.reduce(0, +), 22.5, accuracy: 1e-9, "90 % of the sample")
        XCTAssertEqual(style.dash[0] / style.dash[2], 3.5, accuracy: 1e-9, "the pattern keeps its proportions")
        XCTAssertEqual(style.cap, .butt, "flat caps keep the shortened gaps open")
        var short = StrokeStyle(color: red, width: 1.6, dash: [9.6, 4.8])
        short.cap = .round
        LegendLayout.fitDashes(&short, sampleWidth: 25)
        XCTAssertEqual(short.dash, [9.6, 4.8], "a pattern that fits is drawn as in the plot")
        XCTAssertEqual(short.cap, .round)
    }

    /// Rendered: the sample's row in the legend has at least two gaps of background between red runs.
    func testTheRenderedSampleHasGaps() throws {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 10))
        a.legend = .upperRight
        a.add(LineMark(points: [Point(0, 1), Point(10, 1)], style: StrokeStyle(color: red, width: 1.6, dash: [22.4, 4.8, 6.4, 4.8]),
                       label: "dash-dot"))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        // The legend sits in the top half of the plot; find the row there with the most red pixels.
        let ys = Int(p.minY)..<Int(p.midY), xs = Int(p.midX)..<Int(p.maxX)
        let row = try XCTUnwrap(ys.max { y1, y2 in
            r.png.count(xs: xs, ys: y1..<(y1 + 1)) { r.png.matches($0, $1, self.red, tolerance: 60) }
                < r.png.count(xs: xs, ys: y2..<(y2 + 1)) { r.png.matches($0, $1, self.red, tolerance: 60) }
        })
        let red = xs.map { r.png.matches($0, row, self.red, tolerance: 60) }
        var runs = 0
        for (k, on) in red.enumerated() where on && (k == 0 || !red[k - 1]) { runs += 1 }
        XCTAssertGreaterThanOrEqual(runs, 3, "dash, dot, dash: \(red.map { $0 ? "#" : "." }.joined())")
    }
}
