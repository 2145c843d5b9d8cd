import XCTest
@testable import Optim

/// Every point of surfaces.json, plus the metadata (minima, saddles) checked against the functions.
final class SurfaceReferenceTests: XCTestCase {
    func testEveryReferencePoint() throws {
        let root = try Reference.load("surfaces")
        let table = try XCTUnwrap(root.object("surfaces"))
        XCTAssertEqual(table.count, 13)
        for (name, entryAny) in table {
            let entry = try XCTUnwrap(entryAny as? [String: Any])
            let s = try Surface(named: name)
            for p in try XCTUnwrap(entry.objects("points")) {
                let x = try XCTUnwrap(p.double("x")), y = try XCTUnwrap(p.double("y"))
                let f = try XCTUnwrap(p.double("f"))
                let g = s.gradient(x, y)
                XCTAssertTrue(close(s.value(x, y), f, abs: 1e-12), "\(name)(\(x), \(y)) = \(s.value(x, y)), torch \(f)")
                XCTAssertTrue(close(g.dx, try XCTUnwrap(p.double("dfdx")), abs: 1e-12), "\(name) dfdx at (\(x), \(y)): \(g.dx)")
                XCTAssertTrue(close(g.dy, try XCTUnwrap(p.double("dfdy")), abs: 1e-12), "\(name) dfdy at (\(x), \(y)): \(g.dy)")
            }
        }
    }

    func testGradientsMatchFiniteDifferences() throws {
        let points = [Point2(0.31, -0.72), Point2(-1.3, 0.4), Point2(0.9, 1.7)]
        for name in Surface.allNames {
            let s = try Surface(named: name)
            for p in points {
                let g = s.gradient(p.x, p.y)
                let fx = centralDifference({ s.value($0, p.y) }, at: p.x)
                let fy = centralDifference({ s.value(p.x, $0) }, at: p.y)
                XCTAssertEqual(g.dx, fx, accuracy: 1e-5 * max(1, abs(fx)), "\(name) d/dx at \(p)")
                XCTAssertEqual(g.dy, fy, accuracy: 1e-5 * max(1, abs(fy)), "\(name) d/dy at \(p)")
            }
        }
    }

    /// Minima and saddles are critical points; minima are the lowest points of a dense grid over the
    /// view box; saddles have an indefinite (or degenerate) Hessian.
    func testCriticalPointMetadata() throws {
        for name in Surface.allNames {
            let s = try Surface(named: name)
            let box = s.viewBox
            XCTAssertLessThan(box.xmin, box.xmax)
            XCTAssertLessThan(box.ymin, box.ymax)
            for p in s.minima + s.saddles {
                let g = s.gradient(p.x, p.y)
                XCTAssertEqual(g.dx, 0, accuracy: 1e-9, "\(name) \(p)")
                XCTAssertEqual(g.dy, 0, accuracy: 1e-9, "\(name) \(p)")
            }
            if let fmin = s.minimumValue {
                for m in s.minima { XCTAssertEqual(s.value(m), fmin, accuracy: 1e-12, "\(name): minima differ") }
                var lowest = Double.infinity
                for i in 0...200 {
                    for j in 0...200 {
                        let x = box.xmin + (box.xmax - box.xmin) * Double(i) / 200
                        let y = box.ymin + (box.ymax - box.ymin) * Double(j) / 200
                        lowest = min(lowest, s.value(x, y))
                    }
                }
                XCTAssertLessThanOrEqual(fmin, lowest + 1e-12, "\(name): a grid point is lower than the listed minimum")
            }
            for p in s.saddles {
                let h = 1e-4
                let fxx = (s.value(p.x + h, p.y) - 2 * s.value(p) + s.value(p.x - h, p.y)) / (h * h)
                let fyy = (s.value(p.x, p.y + h) - 2 * s.value(p) + s.value(p.x, p.y - h)) / (h * h)
                let fxy = (s.value(p.x + h, p.y + h) - s.value(p.x + h, p.y - h) - s.value(p.x - h, p.y + h)
                    + s.value(p.x - h, p.y - h)) / (4 * h * h)
                XCTAssertLessThanOrEqual(fxx * fyy - fxy * fxy, 1e-6, "\(name): \(p) is not a saddle")
            }
        }
        XCTAssertEqual(try Surface(named: "himmelblau").minima.count, 4)
        XCTAssertEqual(try Surface(named: "six_hump_camel").minima.count, 2)
        XCTAssertEqual(try Surface(named: "saddle").saddles, [Point2(0, 0)])
        XCTAssertEqual(try Surface(named: "monkey_saddle").saddles, [Point2(0, 0)])
    }

    func testUnknownSurfaceSuggestsTheClosest() {
        XCTAssertThrowsError(try Surface(named: "rosenbrok")) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'rosenbrock'"), "\(error)")
            XCTAssertTrue("\(error)".contains("himmelblau"), "\(error)")
        }
    }
}
