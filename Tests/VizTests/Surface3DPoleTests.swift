import XCTest
@testable import Viz

/// A 3-D surface over a line of poles is two sheets with a gap between them (tried as a new user would:
/// 1/(x − y) was drawn as a comb of ~40 teeth along x = y, each face across the pole joining a corner near
/// the top of the box to one near its bottom, in the colormap's middle colours; the footnote's "pale faces"
/// were nowhere).
final class Surface3DPoleTests: XCTestCase {
    /// 1/(x − y) on [−3, 3]², clamped to ±7.2 as the surface figure clamps it.
    private func poleField() throws -> ScalarField {
        let xs = (0...96).map { -3 + 6 * Double($0) / 96 }
        var z: [Double] = []
        for y in xs { for x in xs { let v = 1 / (x - y); z.append(v.isFinite ? min(max(v, -7.2), 7.2) : v) } }
        return try ScalarField(xs: xs, ys: xs, z: z)
    }

    func testNoFaceJoinsTheTwoSheetsOfAPole() throws {
        var mark = try SurfaceMark(field: poleField(), maxFaces: 24)
        mark.offScale = (-7.2, 7.2)
        // Corners as (normalised height, 0): the box's heights run from −0.7 to 0.7.
        let faces = mark.scene(projection: Projection3D(azimuth: -60, elevation: 30), dev: { Point($0.z, 0) }, theme: .light).faces
        XCTAssertGreaterThan(faces.count, 24 * 24 / 2, "the sheets are drawn")
        let joining = faces.filter { f in
            let zs = f.corners.map(\.x)
            return (zs.max() ?? 0) > 0.2 && (zs.min() ?? 0) < -0.2
        }
        XCTAssertEqual(joining.count, 0)
        // Faces that reach the cut are drawn pale, as the footnote says.
        XCTAssertTrue(faces.contains { min($0.color.r, $0.color.g, $0.color.b) > 0.5 }, "pale faces at the cut")
    }
}
