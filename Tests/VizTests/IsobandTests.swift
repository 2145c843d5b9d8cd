import XCTest
// Unit-tests the isobands through the internal FilledContours.signedArea and FilledContours.contains.
@testable import Viz

/// The one-pass isoband outlines: areas, orientation, holes, saddles, and agreement with the contour lines.
final class IsobandTests: XCTestCase {
    private let bowl: @Sendable (Double, Double) -> Double = { x, y in x * x + y * y }

    /// Sum of signed areas of a region's rings (holes are clockwise, so they subtract).
    private func area(_ rings: [[Point]]) -> Double { rings.reduce(0) { $0 + FilledContours.signedArea($1) } }

    func testRegionsCoverTheSuperlevelSets() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 201, ny: 201, bowl)
        let r = FilledContours.regions(f, above: [nil, 1, 4, 9])
        XCTAssertEqual(area(r[0]), 16, accuracy: 1e-9)
        XCTAssertEqual(area(r[1]), 16 - Double.pi, accuracy: 0.01)
        // Above 4 is the square minus the disc of radius 2, which touches the border at four points.
        XCTAssertEqual(area(r[2]), 16 - 4 * Double.pi, accuracy: 0.02)
        XCTAssertTrue(r[3].isEmpty, "z > 9 nowhere in the square (max 8)")
        // The domain is one counter-clockwise ring along the border: collinear points aside, the square.
        XCTAssertEqual(r[0].count, 1)
        XCTAssertGreaterThan(FilledContours.signedArea(r[0][0]), 0)
        // Above 1: the square with a clockwise hole (the unit disc).
        let polygons = FilledContours.polygons(r[1])
        XCTAssertEqual(polygons.count, 1)
        XCTAssertEqual(polygons[0].holes.count, 1)
        XCTAssertEqual(-FilledContours.signedArea(polygons[0].holes[0]), Double.pi, accuracy: 0.01)
    }

    func testBandsAreConnectedPolygonsWithHoles() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 161, ny: 161, bowl)
        let bands = FilledContours.bands(f, levels: [1, 2])
        XCTAssertEqual(bands.count, 3)
        // Band 0: the unit disc; band 1: the annulus 1 < r² ≤ 2, one polygon with one hole; band 2: the rest.
        XCTAssertEqual(bands[0].count, 1)
        XCTAssertEqual(bands[0][0].holes.count, 0)
        XCTAssertEqual(bands[1].count, 1)
        XCTAssertEqual(bands[1][0].holes.count, 1)
        let annulus = FilledContours.signedArea(bands[1][0].exterior) + FilledContours.signedArea(bands[1][0].holes[0])
        XCTAssertEqual(annulus, Double.pi, accuracy: 0.01)
        XCTAssertEqual(bands[2].count, 1)
        XCTAssertEqual(bands[2][0].holes.count, 1)
        // The bands tile the square.
        let total = bands.joined().reduce(0.0) { acc, p in acc + FilledContours.signedArea(p.exterior) + p.holes.reduce(0) { $0 + FilledContours.signedArea($1) } }
        XCTAssertEqual(total, 16, accuracy: 1e-9)
    }

    func testOutlinesFollowTheContourLinesExactly() throws {
        // Every crossing on a region's outline is a vertex of the level's contour line, and vice versa.
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: 90, ny: 70) { x, y in
            (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        }
        for level in [3.0, 50, 400] {
            let ring = Set(FilledContours.region(f, above: level).joined().filter { p in
                !(f.xs.contains(p.x) && f.ys.contains(p.y))
            })
            let line = Set(MarchingSquares.contours(f, levels: [level])[0].flatMap(\.points))
            XCTAssertEqual(ring, line, "level \(level)")
        }
    }

    func testSaddleCellsFollowTheCentreValue() throws {
        // SW = NE = 1, SE = NW = 0: a saddle whose centre value (the mean) is 0.5.
        let g = try ScalarField(xs: [0, 1], ys: [0, 1], z: [1, 0, 0, 1])
        // Level 0.45: the centre is above, the above corners join through it (one ring holding the centre).
        let joined = FilledContours.region(g, above: 0.45)
        XCTAssertEqual(joined.count, 1)
        XCTAssertTrue(FilledContours.contains(joined[0], Point(0.5, 0.5)))
        // Level 0.55: the centre is below, the above corners are two separate triangles.
        let apart = FilledContours.region(g, above: 0.55)
        XCTAssertEqual(apart.count, 2)
        XCTAssertFalse(apart.contains { FilledContours.contains($0, Point(0.5, 0.5)) })
        for rings in [joined, apart] { XCTAssertTrue(rings.allSatisfy { FilledContours.signedArea($0) > 0 }) }
        // The mirrored saddle (SE = NW = 1) and the lines agree with the same rule.
        let h = try ScalarField(xs: [0, 1], ys: [0, 1], z: [0, 1, 1, 0])
        XCTAssertEqual(FilledContours.region(h, above: 0.45).count, 1)
        XCTAssertEqual(FilledContours.region(h, above: 0.55).count, 2)
        for (field, level) in [(g, 0.45), (g, 0.55), (h, 0.45), (h, 0.55)] {
            let ring = Set(FilledContours.region(field, above: level).joined().filter { $0.x != $0.x.rounded() || $0.y != $0.y.rounded() })
            XCTAssertEqual(ring, Set(MarchingSquares.contours(field, levels: [level])[0].flatMap(\.points)))
        }
    }

    func testHolesLeaveTheirCellsOut() throws {
        let g = try FieldSampler.sample(x: Interval(0, 1), y: Interval(0, 1), nx: 11, ny: 11) { x, y in
            abs(x - 0.5) < 0.15 && abs(y - 0.5) < 0.15 ? .nan : y
        }
        // The NaN block at the samples 0.4…0.6 removes the cells 0.3…0.7 in each direction.
        XCTAssertEqual(area(FilledContours.region(g, above: nil)), 1 - 0.16, accuracy: 1e-9)
        XCTAssertEqual(area(FilledContours.region(g, above: 0.25)), 0.75 - 0.16, accuracy: 1e-9)
        let polygons = FilledContours.polygons(FilledContours.region(g, above: nil))
        XCTAssertEqual(polygons.count, 1)
        XCTAssertEqual(polygons[0].holes.count, 1, "the hole is a clockwise ring inside the border")
        // A band boundary through the hole: the region above 0.5 reaches the hole's border and stops there.
        XCTAssertEqual(area(FilledContours.region(g, above: 0.55)), 0.45 - 0.4 * 0.15, accuracy: 1e-9)
    }

    func testOneSweepMatchesLevelByLevel() throws {
        let f = try FieldSampler.sample(x: Interval(-3, 3), y: Interval(-3, 3), nx: 121, ny: 97) { x, y in
            Math.sin(x * 1.7) * Math.cos(y * 1.3) + 0.1 * x
        }
        let levels: [Double?] = [nil, -0.5, 0, 0.25, 0.8, -0.9]
        let all = FilledContours.regions(f, above: levels)
        for (k, l) in levels.enumerated() {
            XCTAssertEqual(area(all[k]), area(FilledContours.region(f, above: l)), accuracy: 1e-12)
        }
        // Regions shrink as the level rises.
        XCTAssertGreaterThan(area(all[1]), area(all[2]))
        XCTAssertGreaterThan(area(all[2]), area(all[3]))
        XCTAssertGreaterThan(area(all[5]), area(all[1]))
    }
}
