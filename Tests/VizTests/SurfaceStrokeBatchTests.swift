import XCTest
import TestSupport
// Unit-tests the internal stroke batching (SurfaceStrokeBatch).
@testable import Viz

/// The visible pieces of a path on a 3-D surface are joined into polylines where nothing drawn between them
/// comes near (`SurfaceStrokeBatch`): far fewer strokes, the same picture.
final class SurfaceStrokeBatchTests: XCTestCase {
    /// Rosenbrock with one dashed gradient-descent path along the valley (it turns towards and away from
    /// the eye, and ridges hide parts of it).
    private func mark(joined: Bool, dash: [Double] = [6.6, 4.4]) throws -> SurfaceMark {
        let f: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: 121, ny: 121, f)
        var p = Point(-1.5, 2.5), run = [p]
        for _ in 0..<3000 {
            let gx = -2 * (1 - p.x) - 400 * p.x * (p.y - p.x * p.x), gy = 200 * (p.y - p.x * p.x)
            p = Point(p.x - 0.0005 * gx, p.y - 0.0005 * gy); run.append(p)
        }
        var m = try SurfaceMark(field: field, path: SurfaceMark.lift(run, on: field),
                                pathStyle: StrokeStyle(color: Color(hex: 0xD55E00), width: 2.2, dash: dash, cap: .round, join: .round))
        m.joinStrokes = joined
        return m
    }

    private func render(_ mark: SurfaceMark, as format: OutputFormat) throws -> [UInt8] {
        var ax = Axes.surface3D(title: "surface")
        ax.add(mark)
        var fig = try Figure(width: 800, height: 500)
        fig.add(ax)
        return try fig.render(as: format)
    }

    /// Joined or piece by piece (and the wire as the faces' hairline or on its own), the PNGs differ only by
    /// antialiasing along the path's edges (the round caps of a thousand overlapping pieces summed their edge
    /// coverage: the pieces looked a hair bolder) and, by a few levels, along the wires: as many
    /// path-coloured pixels, few pixels changed by more than a tenth of the range, fewer by a third.
    func testJoinedPiecesDrawTheSamePixels() throws {
        for dash in [[6.6, 4.4], []] {
            let a = try DecodedPNG(try render(try mark(joined: false, dash: dash), as: .png))
            let b = try DecodedPNG(try render(try mark(joined: true, dash: dash), as: .png))
            XCTAssertEqual(a.rgba.count, b.rgba.count)
            var differing = 0, large = 0, path = (a: 0, b: 0)
            func isPath(_ p: [UInt8], _ k: Int) -> Bool { abs(Int(p[k]) - 0xD5) < 24 && abs(Int(p[k + 1]) - 0x5E) < 24 && p[k + 2] < 24 }
            for k in stride(from: 0, to: a.rgba.count, by: 4) {
                let d = (0..<3).map { abs(Int(a.rgba[k + $0]) - Int(b.rgba[k + $0])) }.max() ?? 0
                if d > 24 { differing += 1 }
                if d > 85 { large += 1 }
                if isPath(a.rgba, k) { path.a += 1 }
                if isPath(b.rgba, k) { path.b += 1 }
            }
            XCTAssertGreaterThan(path.a, 300, "the path is drawn (dash \(dash))")
            XCTAssertEqual(Double(path.b), Double(path.a), accuracy: Double(path.a) * 0.15, "dash \(dash)")
            XCTAssertLessThan(large, path.a / 10, "dash \(dash)")
            XCTAssertLessThan(differing, 3 * path.a, "dash \(dash): only along the path")
        }
    }

    /// The SVG holds a handful of strokes for the path instead of one per piece.
    func testJoinedPiecesWriteFewStrokes() throws {
        func strokes(_ joined: Bool) throws -> Int {
            let svg = String(decoding: try render(try mark(joined: joined), as: .svg), as: UTF8.self)
            return svg.components(separatedBy: "stroke-dasharray:6.6,4.4").count - 1
        }
        let pieces = try strokes(false), joined = try strokes(true)
        XCTAssertGreaterThan(pieces, 300)
        XCTAssertLessThan(joined * 5, pieces, "pieces \(pieces), joined \(joined)")
    }

    /// A drawing context over a recording backend, and the strokes it received (points and style).
    private final class Recorder {
        let backend: RecordingBackend
        let context: PlotContext
        init() throws {
            backend = try RecordingBackend(size: Size(width: 100, height: 100))
            let scale = Scale(domain: Interval(0, 1))
            context = PlotContext(plotRect: Rect(x: 0, y: 0, width: 100, height: 100), xScale: scale, yScale: scale,
                                  theme: .light, resolution: 1, canvas: backend)
        }
        var strokes: [[Point]] { backend.records.compactMap { if case let .stroke(p, _) = $0.primitive { return p } else { return nil } } }
        var styles: [StrokeStyle] { backend.records.compactMap { if case let .stroke(_, s) = $0.primitive { return s } else { return nil } } }
    }

    /// A piece joins the end of an open polyline, or its start (a path going away from the eye sorts
    /// backwards); with a dash pattern only where the pattern carries on.
    func testPiecesJoinAtEitherEndWhenTheDashCarriesOn() throws {
        let style = StrokeStyle(color: Color(r: 0, g: 0, b: 1), width: 2, dash: [6, 4], cap: .round)
        var batch = SurfaceStrokeBatch()
        let ctx = try Recorder()
        batch.add(Point(10, 0), Point(20, 0), style: style.continuing(at: 10), path: 0, in: ctx.context)
        batch.add(Point(20, 0), Point(30, 0), style: style.continuing(at: 20), path: 0, in: ctx.context)
        batch.add(Point(0, 0), Point(10, 0), style: style.continuing(at: 0), path: 0, in: ctx.context)
        // Same place, wrong phase: a new polyline.
        batch.add(Point(30, 0), Point(40, 0), style: style.continuing(at: 33), path: 0, in: ctx.context)
        batch.flushAll(in: ctx.context)
        XCTAssertEqual(ctx.strokes.map(\.count), [4, 2])
        XCTAssertEqual(ctx.strokes.first?.first, Point(0, 0))
        XCTAssertEqual(ctx.styles.first?.dashOffset ?? -1, 0, accuracy: 1e-12)
    }

    /// A face that comes within reach of an open polyline has it drawn first; a face farther away does not.
    func testAFaceNearAPolylineDrawsItFirst() throws {
        let style = StrokeStyle(color: Color(r: 0, g: 0, b: 1), width: 2)
        var batch = SurfaceStrokeBatch()
        let ctx = try Recorder()
        batch.add(Point(0, 0), Point(10, 0), style: style, path: 0, in: ctx.context)
        batch.flush(near: .polygon([Point(0, 20), Point(10, 20), Point(10, 30), Point(0, 30)]), reach: 0.3, in: ctx.context)
        XCTAssertTrue(ctx.strokes.isEmpty, "20 points away: still open")
        batch.flush(near: .polygon([Point(0, 2.5), Point(10, 2.5), Point(10, 30), Point(0, 30)]), reach: 0.3, in: ctx.context)
        XCTAssertEqual(ctx.strokes.count, 1, "2.5 points away: within the stroke and antialiasing")
        XCTAssertEqual(SurfaceStrokeBatch.segmentToSegment(Point(0, 0), Point(10, 10), Point(0, 10), Point(10, 0)), 0)
        XCTAssertEqual(SurfaceStrokeBatch.segmentToSegment(Point(0, 0), Point(10, 0), Point(0, 3), Point(10, 3)), 3, accuracy: 1e-12)
    }
}

/// A 3-D surface's faces in the SVG: one element each (fill and hairline), no separate wire strokes.
final class SurfaceFaceSVGTests: XCTestCase {
    /// One stroke per face (a fill and three strokes' worth of markup before), styles compacted (`SVGCompactor`).
    func testThreeDSurfaceSVGIsSmall() throws {
        let f: @Sendable (Double, Double) -> Double = { x, y in x * x - y * y }
        let field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 97, ny: 97, f)
        var ax = Axes.surface3D(title: "saddle")
        ax.add(try SurfaceMark(field: field))
        var fig = try Figure(width: 800, height: 500)
        fig.add(ax)
        let svg = String(decoding: try fig.render(as: .svg), as: UTF8.self)
        let faces = svg.components(separatedBy: "stroke-width:0.6;").count - 1
        XCTAssertTrue((48 * 48...48 * 48 + 4).contains(faces), "one stroke per face (and the box's few 0.6-point lines): \(faces)")
        XCTAssertFalse(svg.contains("stroke-width:0.5;"), "no separate wire strokes")
        XCTAssertFalse(svg.contains("rgb("), "colours in hex")
        XCTAssertFalse(svg.contains("fill-opacity:1;"), "initial values left out")
        XCTAssertLessThan(svg.utf8.count / faces, 160, "bytes per face")
    }
}
