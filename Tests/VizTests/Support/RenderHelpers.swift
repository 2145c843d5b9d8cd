import TestSupport
import XCTest
import Viz

/// A rendered PNG with the plot rectangles of its panels in pixels.
struct RenderedFigure {
    let png: DecodedPNG
    /// Plot rectangles in PNG pixels.
    let plots: [Rect]
    /// The first panel's plot rectangle in PNG pixels.
    var plot: Rect { plots[0] }
}

extension Figure {
    /// Renders the figure as PNG, decodes it, and converts the laid-out plot rectangles to pixels.
    func renderPNG(file: StaticString = #filePath, line: UInt = #line) throws -> RenderedFigure {
        let png = try DecodedPNG(render(as: .png))
        let k = dpi / 72
        let rects = try layoutPlotRects().map { Rect(x: $0.x * k, y: $0.y * k, width: $0.width * k, height: $0.height * k) }
        return RenderedFigure(png: png, plots: rects)
    }

    /// A one-panel figure holding `axes`.
    static func single(_ axes: Axes, width: Double = 640, height: Double = 480, dpi: Double = 144, theme: Theme = .light) throws -> Figure {
        var f = try Figure(width: width, height: height, dpi: dpi, theme: theme)
        f.add(axes)
        return f
    }
}

extension DecodedPNG {
    /// The pixel as a colour distance from `c` (max channel difference, 0…255).
    func distance(_ x: Int, _ y: Int, to c: Color) -> Int {
        let p = pixel(x, y)
        let t = [c.r, c.g, c.b].map { Int(($0 * 255).rounded()) }
        return max(abs(Int(p.r) - t[0]), abs(Int(p.g) - t[1]), abs(Int(p.b) - t[2]))
    }

    /// True when the pixel is within `tolerance` of colour `c`.
    func matches(_ x: Int, _ y: Int, _ c: Color, tolerance: Int = 12) -> Bool { distance(x, y, to: c) <= tolerance }

    /// Count of pixels in the rectangle (pixel indices, inclusive-exclusive) satisfying `test`.
    func count(xs: Range<Int>, ys: Range<Int>, where test: (Int, Int) -> Bool) -> Int {
        var n = 0
        for y in ys where y >= 0 && y < height { for x in xs where x >= 0 && x < width && test(x, y) { n += 1 } }
        return n
    }
}

/// A plain light theme without grid or zero lines, so that data pixels are the only ink inside the plot.
func bareAxes(xLimits: Interval? = nil, yLimits: Interval? = nil) -> Axes {
    var a = Axes()
    a.grid = false
    a.zeroLines = false
    a.xLimits = xLimits
    a.yLimits = yLimits
    a.legend = .none
    return a
}
