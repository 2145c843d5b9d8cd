import TestSupport
import XCTest
import Foundation
@testable import Viz

/// The layout report counts the curves an annotation's leader crosses as covered (sin(x): the leader of
/// "max |f′| = 1 at x = 0" lay along the crest of sin while the report said covers 0). Keeping clear of
/// curves: AnnotationClearanceTests.
final class AnnotationLeaderTests: XCTestCase {
    /// A point inside a closed curve larger than any spot for the text: the leader must cross it, and the
    /// report says so.
    func testTheReportCountsTheCurvesALeaderCrosses() throws {
        var a = bareAxes(xLimits: Interval(-1, 1), yLimits: Interval(-1, 1))
        let ring = (0...360).map { k in Point(0.3 * Foundation.cos(Double(k) * .pi / 180), 0.3 * Foundation.sin(Double(k) * .pi / 180)) }
        a.add(LineMark(points: ring, style: StrokeStyle(color: Color(hex: 0x0072B2), width: 2)))
        a.add(AnnotationMark("the centre of the ring", at: Point(0, 0), offset: Point(22, 30)))
        var f = try Figure(width: 400, height: 400, dpi: 72)
        f.add(a)
        let report = try f.layoutReport()
        let note = try XCTUnwrap(report.elements.first { $0.kind == .annotation })
        XCTAssertGreaterThan(note.covers, 0, "the leader crosses the ring")
        XCTAssertLessThan(note.covers, 10, "only where it crosses")
    }
}
