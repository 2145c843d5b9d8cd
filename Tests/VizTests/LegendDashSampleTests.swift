import TestSupport
import XCTest
import Viz

/// A legend's line sample shows the line's dash pattern: a dash-dot whose period (38.4) is longer than the
/// sample (2.4 font sizes) was drawn as its first dash alone, a solid key for a dashed line.
final class LegendDashSampleTests: XCTestCase {
    private let red = Color(hex: 0xFF0000)

    /// The legend's line sample for a line in `style` on a plot with a legend: its length and its style.
    private func sample(_ style: StrokeStyle) throws -> (length: Double, style: StrokeStyle) {
        var a = bareAxes(xLimits: Interval(0, 10), yLimits: Interval(0, 10))
        a.legend = .upperRight
        a.add(LineMark(points: [Point(0, 1), Point(10, 1)], style: style, label: "dashed"))
        let samples = try Figure.single(a).recorded().strokes(in: .legend) { $0.color == self.red }
        XCTAssertEqual(samples.count, 1, "one line sample")
        let s = try XCTUnwrap(samples.first)
        return ((s.points.last ?? Point(0, 0)).x - (s.points.first ?? Point(0, 0)).x, s.style)
    }

    func testALongPatternIsScaledIntoTheSample() throws {
        var style = StrokeStyle(color: red, width: 1.6, dash: [22.4, 4.8, 6.4, 4.8])
        style.cap = .round
        let long = try sample(style)
        XCTAssertGreaterThan(long.length, 0)
        XCTAssertLessThan(long.length, 38.4, "the case needs a pattern longer than the sample")
        XCTAssertEqual(long.style.dash.reduce(0, +), 0.9 * long.length, accuracy: 1e-9, "90 % of the sample")
        XCTAssertEqual(long.style.dash.count, 4)
        XCTAssertEqual(long.style.dash[0] / long.style.dash[2], 3.5, accuracy: 1e-9, "the pattern keeps its proportions")
        XCTAssertEqual(long.style.cap, .butt, "flat caps keep the shortened gaps open")
        var short = StrokeStyle(color: red, width: 1.6, dash: [9.6, 4.8])
        short.cap = .round
        let fits = try sample(short)
        XCTAssertLessThan(14.4, 0.9 * fits.length, "the case needs a pattern that fits")
        XCTAssertEqual(fits.style.dash, [9.6, 4.8], "a pattern that fits is drawn as in the plot")
        XCTAssertEqual(fits.style.cap, .round)
    }

    /// Pixels are the point: the dash pattern reaches the raster, so the sample's row in the legend has at
    /// least two gaps of background between red runs.
    func testTheSamplePixelsHaveGaps() throws {
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
