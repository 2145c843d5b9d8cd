import TestSupport
import XCTest
import Viz

/// Pixels of filled contours: no background between adjacent bands, and the same picture as before the
/// one-pass isobands up to anti-aliasing.
final class FilledContourPixelTests: XCTestCase {
    /// Two bands split by the slanted line x + 0.3y = 0.5, so the shared edge crosses pixels at every phase.
    private func twoBands() throws -> FilledContourMark {
        let f = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 41, ny: 41) { x, y in x + 0.3 * y }
        return try FilledContourMark(field: f, levels: .values([0.5]))
    }

    /// Plot pixels (2 px inside the frame) that are not a mix of colours `a` and `b`: some background shows.
    private func backgroundPixels(_ r: RenderedFigure, _ a: Color, _ b: Color) -> Int {
        let p = r.png, plot = r.plot
        let ca = [a.r, a.g, a.b].map { $0 * 255 }, cb = [b.r, b.g, b.b].map { $0 * 255 }
        let d = (0..<3).map { cb[$0] - ca[$0] }
        let dd = d.reduce(0) { $0 + $1 * $1 }
        return p.count(xs: Int(plot.minX) + 2..<Int(plot.maxX) - 2, ys: Int(plot.minY) + 2..<Int(plot.maxY) - 2) { x, y in
            let px = p.pixel(x, y)
            let v = [Double(px.r), Double(px.g), Double(px.b)]
            let t = min(1, max(0, (0..<3).reduce(0.0) { $0 + (v[$1] - ca[$1]) * d[$1] } / dd))
            let residual = (0..<3).map { abs(v[$0] - (ca[$0] + t * d[$0])) }.max() ?? 0
            return residual > 6
        }
    }

    func testAdjacentBandsLeaveNoBackgroundAlongTheirEdge() throws {
        let mark = try twoBands()
        var ax = bareAxes(); ax.xPadding = 0; ax.yPadding = 0
        ax.add(mark)
        let r = try Figure.single(ax).renderPNG()
        XCTAssertEqual(backgroundPixels(r, mark.bandColor(0), mark.bandColor(1)), 0)
        // Both bands are there, and the edge runs where x + 0.3y = 0.5.
        let y = Int(r.plot.midY), x = Int(r.plot.minX + r.plot.width * 0.35)
        XCTAssertTrue(r.png.matches(x - 8, y, mark.bandColor(0), tolerance: 3))
        XCTAssertTrue(r.png.matches(x + 8, y, mark.bandColor(1), tolerance: 3))
    }

    func testTheSeamCheckCatchesAbuttingFills() throws {
        // The same two bands painted as separate abutting polygons let the background through their edge.
        struct Abutting: Mark {
            let mark: FilledContourMark
            func dataBounds() -> Bounds? { mark.field.bounds }
            func draw(in ctx: PlotContext) {
                for (k, band) in FilledContours.bands(mark.field, levels: mark.levels.values).enumerated() {
                    var path = Path()
                    for polygon in band {
                        path.addPolygon(polygon.exterior.map(ctx.point))
                        for h in polygon.holes { path.addPolygon(h.map(ctx.point)) }
                    }
                    ctx.fill(path, mark.bandColor(k))
                }
            }
        }
        let mark = try twoBands()
        var ax = bareAxes(); ax.xPadding = 0; ax.yPadding = 0
        ax.add(Abutting(mark: mark))
        let r = try Figure.single(ax).renderPNG()
        XCTAssertGreaterThan(backgroundPixels(r, mark.bandColor(0), mark.bandColor(1)), 50)
    }

    func testPixelsMatchTheCellByCellFillsUpToAntiAliasing() throws {
        let rosenbrock: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let saddle: @Sendable (Double, Double) -> Double = { x, y in x * x - y * y + (x * y > 1.5 ? .nan : 0) }
        for (name, f) in [("rosenbrock", rosenbrock), ("saddle with a hole", saddle)] {
            let field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1.5, 2.5), nx: 201, ny: 181, f)
            let mark = try FilledContourMark(field: field, levels: .count(12))
            func render(_ m: any Mark) throws -> DecodedPNG {
                var ax = bareAxes(); ax.xPadding = 0; ax.yPadding = 0
                ax.add(m)
                return try Figure.single(ax, width: 800, height: 600).renderPNG().png
            }
            let new = try render(mark), old = try render(LegacyFilledContourMark(mark: mark))
            var worst = 0, differing = 0
            for y in 0..<new.height {
                for x in 0..<new.width {
                    let a = new.pixel(x, y), b = old.pixel(x, y)
                    let d = max(abs(Int(a.r) - Int(b.r)), abs(Int(a.g) - Int(b.g)), abs(Int(a.b) - Int(b.b)))
                    worst = max(worst, d)
                    if d > 4 { differing += 1 }
                }
            }
            // Edges move by less than the simplification tolerance (0.2 px): only their anti-aliased pixels change.
            XCTAssertLessThanOrEqual(worst, 48, name)
            XCTAssertLessThan(Double(differing), 0.01 * Double(new.width * new.height), name)
        }
    }
}
