import TestSupport
import XCTest
@testable import Viz

/// The picture matches the numbers: lines land on the pixels their data maps to, ticks sit at their
/// scale positions. Plot rectangles come from `Figure.layoutPlotRects()`.
final class PlotGeometryTests: XCTestCase {
    func testLineYEqualsXCoversTheDiagonal() throws {
        var a = bareAxes(xLimits: Interval(0, 1), yLimits: Interval(0, 1))
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black, width: 1.5)))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        var onLine = 0, offLine = 0
        for k in 1..<40 {
            let t = Double(k) / 40
            let x = p.minX + t * p.width, y = p.maxY - t * p.height
            if r.png.isInk(Int(x), Int(y), tolerance: 100) { onLine += 1 }
            // 8 px straight above the diagonal is well off the 3 px wide line.
            if r.png.isInk(Int(x), Int(y - 8), tolerance: 20) { offLine += 1 }
        }
        XCTAssertEqual(onLine, 39, "every sampled diagonal pixel is inked")
        XCTAssertEqual(offLine, 0, "nothing is drawn beside the diagonal")
    }

    func testPlotRectIsWhereTheFrameIs() throws {
        var a = bareAxes()
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        // The frame (0.9 pt) is centred on the plot rectangle's edges.
        XCTAssertTrue(r.png.isInk(Int(p.midX), Int(p.minY.rounded(.down)), tolerance: 60) || r.png.isInk(Int(p.midX), Int(p.minY), tolerance: 60))
        XCTAssertTrue(r.png.isInk(Int(p.minX), Int(p.midY), tolerance: 60))
        XCTAssertFalse(r.png.isInk(Int(p.minX) + 4, Int(p.midY), tolerance: 20), "just inside the frame is background")
    }

    /// Centres of inked runs along one pixel row.
    private func runCentres(_ png: DecodedPNG, row: Int, from x0: Int, to x1: Int) -> [Double] {
        var out: [Double] = []
        var start: Int?
        var weight = 0.0, sum = 0.0
        for x in x0...x1 {
            let p = png.pixel(x, row)
            let ink = 255 - Double(min(p.r, p.g, p.b))
            if ink > 30 {
                if start == nil { start = x; weight = 0; sum = 0 }
                weight += ink; sum += ink * (Double(x) + 0.5)
            } else if start != nil {
                out.append(sum / weight); start = nil
            }
        }
        if start != nil { out.append(sum / weight) }
        return out
    }

    func testTickMarksSitAtTheirScalePositions() throws {
        var a = Axes()
        a.grid = false
        a.zeroLines = false
        a.xLimits = Interval(-3.7, 12.2)
        a.add(LineMark(x: [-3.7, 12.2], y: [0, 1], style: StrokeStyle(color: Color(hex: 0x0072B2))))
        let fig = try Figure.single(a)
        let r = try fig.renderPNG()
        let layout = try fig.laidOut()
        let ticks = layout.axes[0].xTicks
        XCTAssertGreaterThanOrEqual(ticks.count, 3)
        let p = r.plot
        // Tick marks hang 4 pt (8 px at 144 dpi) below the frame; this row crosses them only.
        let row = Int(p.maxY + 5)
        let centres = runCentres(r.png, row: row, from: Int(p.minX) - 4, to: Int(p.maxX) + 4)
        XCTAssertEqual(centres.count, ticks.count, "one tick mark per tick value")
        for (t, c) in zip(ticks, centres) {
            // Independent mapping: linear interpolation of the value across the plot rectangle.
            let expected = p.minX + (t - (-3.7)) / (12.2 - (-3.7)) * p.width
            XCTAssertEqual(c, expected, accuracy: 0.6, "tick \(t)")
        }
    }

    func testLogAxisTicksSitAtDecades() throws {
        var a = Axes()
        a.grid = false
        a.yScale = .log
        a.yLimits = Interval(1e-3, 1e2)
        a.add(LineMark(x: [0, 1], y: [1e-3, 1e2], style: StrokeStyle(color: Color(hex: 0x0072B2))))
        let r = try Figure.single(a).renderPNG()
        let p = r.plot
        let column = Int(p.minX - 5)
        var centres: [Double] = []
        var start: Int?
        for y in Int(p.minY) - 4...Int(p.maxY) + 4 {
            let ink = r.png.isInk(column, y, tolerance: 30)
            if ink, start == nil { start = y }
            if !ink, let s = start { centres.append(Double(s + y) / 2); start = nil }
        }
        XCTAssertEqual(centres.count, 6, "ticks at 10⁻³ … 10²")
        for (k, c) in centres.enumerated() {
            // Decade 10² at the top (k = 0) down to 10⁻³: equal steps of a fifth of the height.
            XCTAssertEqual(c, p.minY + Double(k) / 5 * p.height, accuracy: 0.8)
        }
    }

    func testFixedTickLabelsReplaceAutomaticTicks() throws {
        var a = Axes()
        a.xTickLabels = [(-Double.pi, "$-\\pi$"), (0, "0"), (Double.pi, "$\\pi$"), (10, "outside")]
        a.add(LineMark(x: [-Double.pi, Double.pi], y: [-1, 1], style: StrokeStyle(color: .black)))
        a.xLimits = Interval(-4, 4)
        let layout = try Figure.single(a).laidOut()
        XCTAssertEqual(layout.axes[0].xTicks, [-Double.pi, 0, Double.pi], "ticks outside the limits are dropped")
        XCTAssertEqual(layout.axes[0].xLabels.count, 3)
        XCTAssertTrue(layout.axes[0].xMinor.isEmpty)
    }
}
