import XCTest
// Unit-tests the internal line simplification (Polyline) on a million points.
@testable import Viz

/// A million points render with bounded work (vertices handed to the backend) and write a bounded vector file, because lines are
/// simplified to the output resolution without visible change.
final class BigDataTests: XCTestCase {
    /// A deterministic noisy series (LCG), so sizes do not vary between runs.
    static func noisy(_ n: Int) -> [Double] {
        var state: UInt64 = 42
        return (0..<n).map { i in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) / Double(1 << 53)
            return Math.sin(Double(i) / Double(n) * 20) + (u - 0.5) * 0.6
        }
    }

    private func figure(_ ys: [Double]) throws -> Figure {
        var a = Axes(title: "10⁶ points")
        a.add(LineMark(x: (0..<ys.count).map(Double.init), y: ys, style: StrokeStyle(color: Palette.okabeIto[0], width: 1)))
        return try Figure.single(a, width: 1280, height: 720, dpi: 160)
    }

    func testMillionPointLineGivesBoundedFiles() throws {
        let n = 1_000_000
        let noisy = try figure(Self.noisy(n))
        let svg = try noisy.render(as: .svg)
        XCTAssertLessThan(svg.count, 2_000_000, "noisy 10⁶-point SVG: \(svg.count) bytes")
        XCTAssertGreaterThan(svg.count, 10_000)
        // The work is bounded by the output resolution, not by the data: the line reaches the drawing backend
        // thinned to a small fraction of its points (51,549 of 10⁶ here; its speed is measured in `make bench`).
        let drawn = try Self.verticesDrawn(noisy)
        XCTAssertLessThan(drawn, n / 10, "vertices drawn for 10⁶ noisy points: \(drawn)")
        XCTAssertGreaterThan(drawn, 1280, "the noisy line keeps its extremes in every pixel column: \(drawn)")
        let pdf = try noisy.render(as: .pdf)
        XCTAssertLessThan(pdf.count, 2_000_000, "noisy PDF: \(pdf.count) bytes")
        XCTAssertNoThrow(try noisy.render(as: .png))

        let smooth = try figure((0..<n).map { Math.sin(Double($0) / Double(n) * 20) })
        let smoothSVG = try smooth.render(as: .svg)
        XCTAssertLessThan(smoothSVG.count * 4, svg.count, "a smooth line is much smaller: \(smoothSVG.count) bytes")
        let smoothDrawn = try Self.verticesDrawn(smooth)
        XCTAssertLessThan(smoothDrawn * 4, drawn, "a smooth line is drawn with far fewer vertices: \(smoothDrawn)")
        print("10⁶ points: noisy SVG \(svg.count) B, PDF \(pdf.count) B, smooth SVG \(smoothSVG.count) B, \(drawn) and \(smoothDrawn) vertices drawn")
    }

    /// The vertices of every stroke the figure hands to the drawing backend.
    static func verticesDrawn(_ figure: Figure) throws -> Int {
        try figure.record().records.reduce(0) { total, record in
            if case let .stroke(points, _) = record.primitive { return total + points.count }
            return total
        }
    }

    /// Distance from `p` to segment a–b.
    private func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let d = b - a, l2 = d.x * d.x + d.y * d.y
        guard l2 > 0 else { return (p - a).length }
        let t = max(0, min(1, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / l2))
        return (p - (a + d * t)).length
    }

    func testSimplifyKeepsEveryPointWithinTolerance() {
        // Dense and monotonic in x (the M4 path), then sparse and wandering (the distance path).
        let ys = Self.noisy(200_000)
        let dense = ys.enumerated().map { Point(Double($0.offset) * 0.004, 300 + $0.element * 40) }
        var state: UInt64 = 7
        let wander = (0..<5_000).map { i -> Point in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) / Double(1 << 53)
            return Point(Math.cos(Double(i) * 0.01) * 100 + u * 0.2, Math.sin(Double(i) * 0.013) * 80)
        }
        for (name, run) in [("dense", dense), ("wander", wander)] {
            for tolerance in [0.25, 0.0625] {
                let simple = Polyline.simplify(run, tolerance: tolerance)
                XCTAssertLessThan(simple.count, run.count, "\(name): something was dropped")
                XCTAssertEqual(simple.first, run.first); XCTAssertEqual(simple.last, run.last)
                // Kept points are a subsequence of the input; check every input point against the
                // simplified segments near its position in that subsequence.
                var kept: [Int] = []
                var j = 0
                for (i, p) in run.enumerated() where j < simple.count && p == simple[j] { kept.append(i); j += 1 }
                XCTAssertEqual(kept.count, simple.count, "\(name): output is a subsequence of the input")
                var worst = 0.0, seg = 0
                for (i, p) in run.enumerated() {
                    while seg + 1 < kept.count - 1 && kept[seg + 1] <= i { seg += 1 }
                    var best = Double.infinity
                    for s in max(0, seg - 3)...min(kept.count - 2, seg + 3) {
                        best = min(best, distance(p, simple[s], simple[s + 1]))
                    }
                    worst = max(worst, best)
                }
                XCTAssertLessThanOrEqual(worst, tolerance + 1e-9, "\(name) at tolerance \(tolerance)")
            }
        }
        XCTAssertLessThan(Polyline.simplify(dense, tolerance: 0.25).count, dense.count / 5, "dense runs shrink to about four points per column")
    }

    func testClipKeepsFarPointsAwayFromCairo() {
        let rect = Rect(x: 0, y: 0, width: 100, height: 100)
        let runs = Polyline.clip([Point(-1e12, 50), Point(50, 50), Point(50, 1e300), Point(.nan, 0), Point(10, 10), Point(20, 20)], to: rect)
        XCTAssertEqual(runs.count, 2)
        for p in runs.joined() { XCTAssertTrue(rect.contains(p), "\(p)") }
        XCTAssertEqual(runs[0].first, Point(0, 50))
        XCTAssertEqual(Polyline.clipPolygon([Point(-50, -50), Point(150, -50), Point(150, 150), Point(-50, 150)], to: rect).count, 4)
    }
}
