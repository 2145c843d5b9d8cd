import Foundation
import TestSupport
import XCTest
import Viz

final class HeatmapTests: XCTestCase {
    /// The bounding box of non-white pixels (the plot area when axes are hidden and the heatmap fills it).
    private func inkBox(_ img: DecodedPNG) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        var x0 = img.width, y0 = img.height, x1 = -1, y1 = -1
        for y in 0..<img.height { for x in 0..<img.width where img.isInk(x, y, tolerance: 8) {
            x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
        } }
        return (x0, y0, x1, y1)
    }

    func testPixelHasColormapColourOfF() throws {
        // f(x, y) = x + 2y on [0, 1]²: 5 columns × 3 rows, nearest: each sample colours the cell around it.
        let f: @Sendable (Double, Double) -> Double = { x, y in x + 2 * y }
        let field = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 5, ny: 3, f)
        let norm = try Normalization(.linear, lower: 0, upper: 3)
        var ax = Axes()
        ax.add(HeatmapMark(field: field, colormap: .viridis, normalization: norm))
        ax.showAxes = false; ax.grid = false; ax.zeroLines = false; ax.xPadding = 0; ax.yPadding = 0
        var fig = try Figure(width: 400, height: 300, dpi: 72)
        fig.add(ax)
        let img = try DecodedPNG(try fig.render(as: .png))
        let box = inkBox(img)
        XCTAssertGreaterThan(box.x1 - box.x0, 300)
        // Sample points: (x, y) at the grid nodes, away from cell borders.
        for (x, y) in [(0.0, 0.0), (0.5, 0.5), (1.0, 1.0), (0.75, 0.0), (0.25, 1.0)] {
            // Keep a few pixels inside the edge for nodes on the boundary.
            let u = min(max(x, 0.02), 0.98), v = min(max(y, 0.02), 0.98)
            let px = Int((Double(box.x0) + u * Double(box.x1 - box.x0)).rounded())
            let py = Int((Double(box.y1) - v * Double(box.y1 - box.y0)).rounded())
            let got = img.pixel(px, py)
            // Independent reference: matplotlib's lookup on the published table (index = floor(t·256), 255 at t = 1).
            let t = (x + 2 * y) / 3
            let idx = min(255, Int(t * 256))
            let want = Colormap.viridis.entry(idx)
            XCTAssertEqual(Double(got.r), want.r * 255, accuracy: 1.5, "(\(x), \(y)) r")
            XCTAssertEqual(Double(got.g), want.g * 255, accuracy: 1.5, "(\(x), \(y)) g")
            XCTAssertEqual(Double(got.b), want.b * 255, accuracy: 1.5, "(\(x), \(y)) b")
        }
    }

    func testImageRowsTopIsHighestY() throws {
        let field = try ScalarField(xs: [0, 1], ys: [0, 1, 2], z: [0, 0, 1, 1, 2, 2])
        let m = HeatmapMark(field: field, colormap: .viridis, normalization: try Normalization(.linear, lower: 0, upper: 2))
        let img = m.image()
        XCTAssertEqual(img.width, 2); XCTAssertEqual(img.height, 3)
        let top = Array(img.rgba[0..<3]), bottom = Array(img.rgba[16..<19])
        let yellow = Colormap.viridis.entry(255), purple = Colormap.viridis.entry(0)
        XCTAssertEqual(top.map(Int.init), [yellow.r, yellow.g, yellow.b].map { Int(($0 * 255).rounded()) })
        XCTAssertEqual(bottom.map(Int.init), [purple.r, purple.g, purple.b].map { Int(($0 * 255).rounded()) })
    }

    func testNaNIsTransparentAndDecreasingAxesAreReordered() throws {
        let field = try ScalarField(xs: [1, 0], ys: [0, 1], z: [.nan, 5, 6, 7])
        XCTAssertEqual(field.xs, [0, 1])
        XCTAssertEqual(field[0, 0], 5); XCTAssertTrue(field[1, 0].isNaN)
        XCTAssertEqual(field.finiteRange, Interval(5, 7))
        let img = HeatmapMark(field: field).image()
        // Row 1 (bottom) = y 0; column 1 = x 1 → NaN → alpha 0.
        XCTAssertEqual(img.rgba[(1 * 2 + 1) * 4 + 3], 0)
        XCTAssertEqual(img.rgba[(1 * 2 + 0) * 4 + 3], 255)
    }

    func testSamplerIsDeterministicAndMatchesDirectEvaluation() throws {
        let f: @Sendable (Double, Double) -> Double = { x, y in sin(x * 3) * cos(y * 2) + x * y }
        let a = try FieldSampler.sample(x: Interval(-1, 2), y: Interval(0, 1), nx: 123, ny: 77, f)
        let b = try FieldSampler.sample(x: Interval(-1, 2), y: Interval(0, 1), nx: 123, ny: 77, f)
        XCTAssertEqual(a.z, b.z)
        XCTAssertEqual(a.xs[0], -1); XCTAssertEqual(a.xs[122], 2); XCTAssertEqual(a.ys[76], 1)
        for (i, j) in [(0, 0), (122, 76), (61, 30), (7, 70)] {
            XCTAssertEqual(a[i, j], f(-1 + 3 * Double(i) / 122, Double(j) / 76), accuracy: 1e-12)
        }
    }
}
