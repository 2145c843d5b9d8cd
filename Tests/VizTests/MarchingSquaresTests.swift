import XCTest
import Viz

final class MarchingSquaresTests: XCTestCase {
    /// A 2×2 grid (one cell) on the unit square with corner values SW, SE, NE, NW.
    private func cell(_ sw: Double, _ se: Double, _ ne: Double, _ nw: Double) throws -> ScalarField {
        try ScalarField(xs: [0, 1], ys: [0, 1], z: [sw, se, nw, ne])
    }

    /// Proper intersection of segments ab and cd (shared end points do not count).
    private func cross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        func orient(_ p: Point, _ q: Point, _ r: Point) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        let d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d)
        return d1 * d2 < 0 && d3 * d4 < 0
    }

    func testAllSixteenCases() throws {
        // Corners in case-bit order SW=1, SE=2, NE=4, NW=8 at (0,0), (1,0), (1,1), (0,1).
        let corners = [Point(0, 0), Point(1, 0), Point(1, 1), Point(0, 1)]
        for c in 0..<16 {
            let above = (0..<4).map { c & (1 << $0) != 0 }
            let v = above.map { $0 ? 1.0 : 0.0 }
            let f = try cell(v[0], v[1], v[2], v[3])
            let lines = MarchingSquares.contours(f, levels: [0.5])[0]
            // Reference: the midpoints of edges whose two corners differ.
            var expected: [Point] = []
            for k in 0..<4 where above[k] != above[(k + 1) % 4] {
                expected.append((corners[k] + corners[(k + 1) % 4]) * 0.5)
            }
            let points = lines.flatMap(\.points)
            XCTAssertEqual(points.count, expected.count, "case \(c)")
            for e in expected { XCTAssertTrue(points.contains(e), "case \(c): missing crossing \(e)") }
            let segments = lines.count
            switch c {
            case 0, 15: XCTAssertEqual(segments, 0, "case \(c)")
            case 5, 10: XCTAssertEqual(segments, 2, "case \(c)")
            default: XCTAssertEqual(segments, 1, "case \(c)")
            }
            for l in lines { XCTAssertFalse(l.isClosed); XCTAssertEqual(l.points.count, 2) }
            // Single-corner cases: the segment joins the two edges next to the odd corner (distance 0.5 from it).
            var odd: [Int] = []
            for k in 0..<4 {
                let differsNext: Bool = above[k] != above[(k + 1) % 4]
                let differsPrev: Bool = above[k] != above[(k + 3) % 4]
                if differsNext && differsPrev { odd.append(k) }
            }
            if [1, 2, 4, 8, 14, 13, 11, 7].contains(c), let k = odd.first, let line = lines.first {
                for p in line.points { XCTAssertEqual((p - corners[k]).length, 0.5, accuracy: 1e-12, "case \(c)") }
            }
        }
    }

    func testSaddleResolvedByCentreBothWays() throws {
        // Case 5: SW and NE above (2), SE and NW below (0). Centre value 1.
        let f = try cell(2, 0, 2, 0)
        // Level 0.5: the centre (1) is above, so the above corners are joined and SE, NW are cut off.
        let joined = MarchingSquares.contours(f, levels: [0.5])[0]
        XCTAssertEqual(joined.count, 2)
        // Level 1.5: the centre is below, so SW and NE are cut off.
        let split = MarchingSquares.contours(f, levels: [1.5])[0]
        XCTAssertEqual(split.count, 2)
        for (lines, cutCorners) in [(joined, [Point(1, 0), Point(0, 1)]), (split, [Point(0, 0), Point(1, 1)])] {
            XCTAssertFalse(cross(lines[0].points[0], lines[0].points[1], lines[1].points[0], lines[1].points[1]))
            // Each segment's two ends are equidistant from the corner it cuts off.
            for l in lines {
                let d = cutCorners.map { c in abs((l.points[0] - c).length - (l.points[1] - c).length) }
                XCTAssertLessThan(d.min() ?? 1, 1e-12)
            }
        }
        // Case 10 mirrored: SE and NW above.
        let g = try cell(0, 2, 0, 2)
        for level in [0.5, 1.5] {
            let l = MarchingSquares.contours(g, levels: [level])[0]
            XCTAssertEqual(l.count, 2)
            XCTAssertFalse(cross(l[0].points[0], l[0].points[1], l[1].points[0], l[1].points[1]))
        }
        // On a larger grid of saddles, no two segments of one level ever cross.
        let s = try FieldSampler.sample(x: Interval(-3, 3), y: Interval(-3, 3), nx: 31, ny: 31) { x, y in sin(3 * x) * sin(3 * y) }
        for level in [-0.3, 0, 0.2] {
            var segs: [(Point, Point)] = []
            for l in MarchingSquares.contours(s, levels: [level])[0] {
                for k in 1..<l.points.count { segs.append((l.points[k - 1], l.points[k])) }
                if l.isClosed, let a = l.points.last { segs.append((a, l.points[0])) }
            }
            for a in 0..<segs.count { for b in (a + 1)..<segs.count {
                XCTAssertFalse(cross(segs[a].0, segs[a].1, segs[b].0, segs[b].1), "level \(level)")
            } }
        }
    }

    func testCircleWithinHalfACell() throws {
        let n = 81
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: n, ny: n) { x, y in x * x + y * y }
        let h = 4.0 / Double(n - 1)
        for r in [0.5, 1.2, 1.9] {
            let lines = MarchingSquares.contours(f, levels: [r * r])[0]
            XCTAssertEqual(lines.count, 1, "r = \(r)")
            XCTAssertTrue(lines[0].isClosed)
            XCTAssertGreaterThan(lines[0].points.count, 8)
            for p in lines[0].points { XCTAssertLessThanOrEqual(abs(p.length - r), h / 2, "r = \(r)") }
        }
    }

    func testConeGivesOneClosedRingAndPlaneAnOpenLine() throws {
        let cone = try FieldSampler.sample(x: Interval(-1, 1), y: Interval(-1, 1), nx: 40, ny: 33) { x, y in (x * x + y * y).squareRoot() }
        let ring = MarchingSquares.contours(cone, levels: [0.7])[0]
        XCTAssertEqual(ring.count, 1)
        XCTAssertTrue(ring[0].isClosed)
        // Consecutive points (and last → first) are neighbours: no step longer than a cell diagonal.
        let pts = ring[0].points
        for k in 0..<pts.count { XCTAssertLessThan((pts[(k + 1) % pts.count] - pts[k]).length, 0.08) }
        XCTAssertEqual(Set(pts.map { "\($0.x),\($0.y)" }).count, pts.count, "no point repeated")

        let plane = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 11, ny: 11) { x, y in x + y }
        let line = MarchingSquares.contours(plane, levels: [0.75])[0]
        XCTAssertEqual(line.count, 1)
        XCTAssertFalse(line[0].isClosed)
        for p in line[0].points { XCTAssertEqual(p.x + p.y, 0.75, accuracy: 1e-12) }
        let ends = [line[0].points[0], line[0].points[line[0].points.count - 1]]
        for e in ends { XCTAssertTrue(e.x == 0 || e.y == 0 || e.x == 1 || e.y == 1, "ends on the boundary: \(e)") }
    }

    func testNaNRegionLeavesAHole() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 41, ny: 41) { x, y in
            abs(x) < 0.5 && y > 0 ? .nan : x * x + y * y
        }
        let lines = MarchingSquares.contours(f, levels: [1])[0]
        XCTAssertFalse(lines.isEmpty)
        for l in lines {
            XCTAssertFalse(l.isClosed, "the hole cuts the ring")
            for p in l.points {
                XCTAssertTrue(p.x.isFinite && p.y.isFinite)
                XCTAssertEqual(p.length, 1, accuracy: 0.05)
                XCTAssertFalse(abs(p.x) < 0.4 && p.y > 0, "no point inside the hole: \(p)")
            }
        }
        // The lower half-ring survives whole: its points span the full width x ∈ [-1, 1].
        let xs = lines.flatMap(\.points).map(\.x)
        XCTAssertLessThan(xs.min() ?? 0, -0.95); XCTAssertGreaterThan(xs.max() ?? 0, 0.95)
    }
}
