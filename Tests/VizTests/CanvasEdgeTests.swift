import TestSupport
import XCTest
import Viz

/// Nothing is drawn off the page: with a transparent background, every pixel of the outermost rows and
/// columns must stay fully transparent, at several sizes and font scales, with long texts everywhere.
final class CanvasEdgeTests: XCTestCase {
    private func figure(width: Double, height: Double, fontScale: Double, legend: LegendPlacement) throws -> Figure {
        var theme = Theme.light
        theme.fontScale = fontScale
        let columns = width >= 600 ? 2 : 1
        var f = try Figure(width: width, height: height, dpi: 144, theme: theme, rows: 1, columns: columns)
        f.transparent = true
        f.title = "Gradient descent on the Rosenbrock valley $f(x, y) = (1 - x)^2 + 100(y - x^2)^2$"
        f.footnote = "lr = 0.001, momentum 0.9, 2000 steps, seed 42"
        for c in 0..<columns {
            var a = Axes(title: "a rather long panel title for panel \(c + 1)", xLabel: "iteration $t$ (thousands of steps)",
                         yLabel: "loss $L(\\theta_t)$ on the training set")
            a.legend = legend
            let xs = (0...50).map { Double($0) * 2000 }
            a.add(LineMark(x: xs, y: xs.map { 1e6 / ($0 + 1) }, style: StrokeStyle(color: .black, width: 2), label: "a long legend label, series one"))
            a.add(ScatterMark(x: [0, 100_000], y: [1e6, 9.9], color: .black, label: "$\\theta^*$"))
            f.add(a, row: 0, column: c)
        }
        return f
    }

    func testNoInkOnTheOutermostPixels() throws {
        var rendered = 0
        for (w, h) in [(320.0, 240.0), (640, 480), (1280, 720), (300, 900)] {
            for scale in [0.7, 1, 1.6, 2.5] {
                for legend in [LegendPlacement.best, .outsideRight, .below] {
                    let fig = try figure(width: w, height: h, fontScale: scale, legend: legend)
                    let bytes: [UInt8]
                    do { bytes = try fig.render(as: .png) } catch {
                        // Too small for its labels is a clear error, not a clipped picture.
                        guard case .pageTooSmall = error else { throw error }
                        continue
                    }
                    let png = try DecodedPNG(bytes)
                    var edge = 0
                    for x in 0..<png.width { edge += png.pixel(x, 0).a > 0 ? 1 : 0; edge += png.pixel(x, png.height - 1).a > 0 ? 1 : 0 }
                    for y in 0..<png.height { edge += png.pixel(0, y).a > 0 ? 1 : 0; edge += png.pixel(png.width - 1, y).a > 0 ? 1 : 0 }
                    if edge > 0, let dir = ProcessInfo.processInfo.environment["DLPLOT_REVIEW_DIR"] {
                        try fig.write(to: "\(dir)/edge-\(Int(w))x\(Int(h))-\(scale)-\(legend).png")
                    }
                    XCTAssertEqual(edge, 0, "\(Int(w))×\(Int(h)) font ×\(scale) legend \(legend): ink on the page edge")
                    rendered += 1
                }
            }
        }
        // A quarter of the 48 render; the rest (320×240 and 300×900, and large font scales on 640×480) are refused as
        // too small: page texts no longer shrink below 0.6 of their size, nor legends below 0.8, and every plot keeps
        // four tick labels on a side.
        XCTAssertGreaterThanOrEqual(rendered, 12, "the larger configurations render")
    }

    func testTooSmallForItsLabelsIsAClearError() throws {
        var theme = Theme.light
        theme.fontScale = 6
        var f = try Figure(width: 60, height: 60, dpi: 72, theme: theme)
        var a = Axes(title: "t", xLabel: "x", yLabel: "y")
        a.add(LineMark(x: [0, 1], y: [0, 1], style: StrokeStyle(color: .black)))
        f.add(a)
        XCTAssertThrowsError(try f.render(as: .png)) { e in
            XCTAssertTrue("\(e)".contains("figure size"), "\(e)")
        }
    }
}
