import TestSupport
import XCTest
import Foundation
import TestSupport
// Unit-tests the internal 3-D projection (Projection3D).
@testable import Viz

final class Surface3DTests: XCTestCase {
    private func render(_ mark: SurfaceMark, width: Double = 640, height: Double = 480) throws -> DecodedPNG {
        var ax = Axes.surface3D(title: "surface")
        ax.add(mark)
        var fig = try Figure(width: width, height: height, dpi: 96)
        fig.add(ax)
        return try DecodedPNG(try fig.render(as: .png))
    }

    /// The paths' look in these tests (the default is the theme's first series colour).
    private static let orangePath = StrokeStyle(color: Color(hex: 0xD55E00), width: 2.2, cap: .round, join: .round)

    /// Pixels close to the path colour #D55E00.
    private func orangeCount(_ img: DecodedPNG) -> Int {
        var n = 0
        for y in 0..<img.height { for x in 0..<img.width {
            let p = img.pixel(x, y)
            if abs(Int(p.r) - 0xD5) < 20 && abs(Int(p.g) - 0x5E) < 20 && abs(Int(p.b) - 0x00) < 20 { n += 1 }
        } }
        return n
    }

    func testProjectionFrameIsOrthonormalAtEveryAngle() {
        for (az, el) in [(-60.0, 30.0), (0, 90), (0, -90), (45, 0), (720, 89.999)] {
            let p = Projection3D(azimuth: az, elevation: el)
            XCTAssertEqual(p.eye.length, 1, accuracy: 1e-12)
            XCTAssertEqual(p.up.length, 1, accuracy: 1e-12)
            XCTAssertEqual(p.right.length, 1, accuracy: 1e-12)
            XCTAssertEqual(p.eye.dot(p.up), 0, accuracy: 1e-12)
            XCTAssertEqual(p.eye.dot(p.right), 0, accuracy: 1e-12)
        }
        // From azimuth −90 (eye on the −y side) a point at smaller y is nearer.
        let p = Projection3D(azimuth: -90, elevation: 0)
        XCTAssertGreaterThan(p.project(Point3(0, -1, 0)).1, p.project(Point3(0, 1, 0)).1)
    }

    func testNearerRidgeHidesThePathBehindIt() throws {
        // Eye on the −y side, low. A path runs along y = 0.6 (far side); a ridge at y = −0.4 (near side) hides it.
        let path = SurfaceMark.lift((0...40).map { Point(-0.8 + 1.6 * Double($0) / 40, 0.6) }, on:
            try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 3, ny: 3) { _, _ in 0 })
        func figure(ridge: Double) throws -> DecodedPNG {
            let f = try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 41, ny: 41) { _, y in
                ridge * Math.exp(-(y + 0.4) * (y + 0.4) * 40)
            }
            let lifted = path.map { Point3($0.x, $0.y, f.value(at: $0.x, $0.y)) }
            var m = try SurfaceMark(field: f, colormap: .viridis, normalization: try Normalization(.linear, lower: 0, upper: 5),
                                    azimuth: -90, elevation: 12, wireframe: false, path: lifted, pathStyle: Self.orangePath)
            m.zLimits = Interval(0, 5)
            var ax = Axes.surface3D(); ax.add(m); var fig = try Figure(width: 640, height: 480, dpi: 96); fig.add(ax)
            try fig.write(to: NSTemporaryDirectory() + "fields-ridge-\(Int(ridge)).png")
            return try render(m)
        }
        let open = orangeCount(try figure(ridge: 0))
        let hidden = orangeCount(try figure(ridge: 5))
        XCTAssertGreaterThan(open, 400, "the path is visible on a flat surface")
        XCTAssertLessThan(hidden, open / 5, "a nearer ridge hides the path's solid stroke")
    }

    /// A path behind a nearer ridge is still drawn: after every face, faint and thinner in its own dash pattern
    /// (the depth cue; dotted, it could not be told from a dotted series), and its fraction hidden is reported;
    /// on a flat surface nothing is hidden.
    func testHiddenPathIsDrawnFaintOverTheSurface() throws {
        let base = try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 3, ny: 3) { _, _ in 0 }
        let path = SurfaceMark.lift((0...40).map { Point(-0.8 + 1.6 * Double($0) / 40, 0.6) }, on: base)
        func mark(ridge: Double) throws -> SurfaceMark {
            let f = try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 41, ny: 41) { _, y in
                ridge * Math.exp(-(y + 0.4) * (y + 0.4) * 40)
            }
            let lifted = path.map { Point3($0.x, $0.y, f.value(at: $0.x, $0.y)) }
            var m = try SurfaceMark(field: f, normalization: try Normalization(.linear, lower: 0, upper: 5),
                                    azimuth: -90, elevation: 12, wireframe: false, path: lifted, pathStyle: Self.orangePath)
            m.zLimits = Interval(0, 5)
            return m
        }
        XCTAssertEqual(try mark(ridge: 0).hiddenPathFraction(), 0)
        let hiddenMark = try mark(ridge: 5)
        XCTAssertGreaterThan(hiddenMark.hiddenPathFraction(), 0.95)

        var ax = Axes.surface3D(); ax.add(hiddenMark)
        var fig = try Figure(width: 640, height: 480, dpi: 96); fig.add(ax)
        let records = try fig.record().records
        // The last opaque fill is the nearest face (hidden markers are faded).
        let lastFace = try XCTUnwrap(records.lastIndex { if case let .fill(_, c) = $0.primitive { return c.a == 1 } else { return false } })
        let orange = Color(hex: 0xD55E00)
        // Faint (at most half opaque), thinner than the path, and in the path's own (solid) pattern, not dotted.
        let faint = records.enumerated().compactMap { i, r -> (Int, [Point])? in
            guard case let .stroke(pts, style) = r.primitive, style.color.r == orange.r, style.color.g == orange.g,
                  style.color.a <= 0.5, style.width < Self.orangePath.width, style.dash == Self.orangePath.dash else { return nil }
            return (i, pts)
        }
        XCTAssertTrue(faint.allSatisfy { $0.0 > lastFace }, "hidden runs are drawn over every face")
        let xs = faint.flatMap { $0.1.map(\.x) }
        XCTAssertFalse(faint.isEmpty, "the hidden path is stroked faint and thinner after the faces")
        // The faint run spans the path's width on screen (it runs from x = −0.8 to 0.8 across the view).
        XCTAssertGreaterThan((xs.max() ?? 0) - (xs.min() ?? 0), 200)
        // Nothing of the path is stroked dotted any more.
        XCTAssertFalse(records.contains { r in
            if case let .stroke(_, style) = r.primitive { return style.color.r == orange.r && style.color.g == orange.g && !style.dash.isEmpty }
            return false
        }, "a hidden stretch keeps the path's own pattern")
    }

    func testDegenerateInputsDoNotCrash() throws {
        let bowl = try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 30, ny: 30) { x, y in x * x + y * y }
        for (az, el) in [(0.0, 90.0), (0, -90), (0, 0), (90, 0), (-60, 30)] {
            _ = try render(try SurfaceMark(field: bowl, azimuth: az, elevation: el))
        }
        let flat = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 5, ny: 5) { _, _ in 2 }
        _ = try render(try SurfaceMark(field: flat))
        let nan = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 5, ny: 5) { _, _ in .nan }
        _ = try render(try SurfaceMark(field: nan, path: [Point3(0.5, 0.5, .nan)]))
        XCTAssertThrowsError(try SurfaceMark(field: bowl, azimuth: .nan))
        XCTAssertThrowsError(try SurfaceMark(field: bowl, maxFaces: 0))
    }

    func testRosenbrockSurfaceWithPath() throws {
        let f: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: 121, ny: 121, f)
        // Gradient descent from (−1.5, 2.5), lr 0.0015.
        var p = Point(-1.5, 2.5), run = [p]
        for _ in 0..<4000 {
            let gx = -2 * (1 - p.x) - 400 * p.x * (p.y - p.x * p.x), gy = 200 * (p.y - p.x * p.x)
            p = Point(p.x - 0.0005 * gx, p.y - 0.0005 * gy); run.append(p)
        }
        let m = try SurfaceMark(field: field, path: SurfaceMark.lift(run, on: field), pathStyle: Self.orangePath, xLabel: "$x$", yLabel: "$y$", zLabel: "$f(x, y)$")
        var ax = Axes.surface3D(title: "Rosenbrock surface, gradient descent from (−1.5, 2.5), lr 5×10⁻⁴")
        ax.add(m)
        var fig = try Figure(width: 1280, height: 720)
        fig.add(ax)
        let png = try fig.render(as: .png)
        try Data(png).write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "fields-surface.png"))
        XCTAssertGreaterThan(orangeCount(try DecodedPNG(png)), 100)
    }
}
