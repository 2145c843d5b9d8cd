import XCTest
// Unit-tests the internal surface path pieces (SurfacePathScene, FaceCover).
@testable import Viz

/// A path on a 3-D surface is drawn in pieces (half a face each, some hidden behind nearer faces).
/// Each piece's dash pattern continues where the previous piece's ended — the screen distance
/// travelled along the path — so a dashed path keeps even dashes instead of restarting at every piece.
final class SurfacePathDashTests: XCTestCase {
    private let dashed = StrokeStyle(color: Color(r: 0, g: 0, b: 1), width: 2, dash: [6, 4])

    /// A bent path on an empty scene (nothing hides it), seen from above: x and y scaled by 100.
    private func scene(cover: FaceCover = FaceCover(faces: [])) -> SurfacePathScene {
        let points = [Point3(0, 0, 0), Point3(1, 0, 0), Point3(1, 0.7, 0), Point3(0.2, 1.3, 0)]
        return SurfacePathScene(paths: [(points, dashed, false, false)], normalized: { $0 }, faceSize: 0.1,
                                dev: { Point($0.x * 100, $0.y * 100) }, depth: { _ in 0 }, cover: cover)
    }

    func testVisiblePiecesContinueOneDashPattern() {
        var travelled = 0.0
        var pieces = 0
        for (_, item) in scene().items {
            guard case let .segment(a, b, style, _) = item else { continue }
            XCTAssertEqual(style.dash, [6, 4])
            XCTAssertEqual(style.dashOffset, travelled.truncatingRemainder(dividingBy: 10), accuracy: 1e-9, "piece \(pieces)")
            travelled += (b - a).length
            pieces += 1
        }
        XCTAssertGreaterThan(pieces, 30, "the path is cut into many pieces")
        XCTAssertEqual(travelled, 100 + 70 + 100, accuracy: 1e-9)
    }

    /// A face in front of the middle of the first leg hides it: the hidden run starts its dots at the
    /// distance travelled so far, and the visible pieces after it continue from its end.
    func testHiddenRunsStartWhereThePathHasGot() {
        let front = [Point(30, -10), Point(60, -10), Point(60, 10), Point(30, 10)]
        let s = scene(cover: FaceCover(faces: [(depth: 10, corners: front)]))
        XCTAssertEqual(s.hiddenRuns.count, 1)
        let run = s.hiddenRuns[0]
        XCTAssertEqual(run.start, run.points[0].x, accuracy: 1e-9, "the run starts as far along as its first point")
        XCTAssertGreaterThan(run.start, 25)
        let hidden = SurfacePathScene.hiddenStyle(dashed).continuing(at: run.start)
        XCTAssertEqual(hidden.dashOffset, run.start.truncatingRemainder(dividingBy: hidden.dashPeriod), accuracy: 1e-9)
        let after = s.items.compactMap { item -> (Point, StrokeStyle)? in
            if case let .segment(a, _, style, _) = item.1, a.y == 0, a.x >= run.points.last?.x ?? 0 { return (a, style) }
            return nil
        }.min { $0.0.x < $1.0.x }
        XCTAssertEqual(after?.1.dashOffset ?? -1, (after?.0.x ?? 0).truncatingRemainder(dividingBy: 10), accuracy: 1e-9)
    }

    func testOffsetsWrapIntoOnePeriodAndSolidLinesHaveNone() {
        XCTAssertEqual(dashed.continuing(at: 1234.5).dashOffset, 4.5, accuracy: 1e-9)
        XCTAssertEqual(StrokeStyle(color: Color(r: 0, g: 0, b: 0), dash: [3]).dashPeriod, 6)
        XCTAssertEqual(StrokeStyle(color: Color(r: 0, g: 0, b: 0)).continuing(at: 17).dashOffset, 0)
    }
}
