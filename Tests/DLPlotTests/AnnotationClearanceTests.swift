import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// The "max |f′|" label of a typed function and its leader keep clear of every curve drawn: sin(x)'s label
/// notched the blue curve with its left edge and its leader lay along the crest of sin for 150 pixels.
final class AnnotationClearanceTests: XCTestCase {
    /// The distance from `p` to the polyline `line` (device points).
    private func distance(_ p: Point, _ line: [Point]) -> Double {
        zip(line, line.dropFirst()).map { a, b in
            let d = b - a, l2 = d.x * d.x + d.y * d.y
            let t = l2 > 0 ? min(1, max(0, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / l2)) : 0
            return (p - (a + d * t)).length
        }.min() ?? .infinity
    }

    private func check(_ formula: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse([formula]).makeFigure()
        let rec = try figure.record()
        let index = rec.elements.firstIndex { $0.element.kind == .annotation && $0.element.text.hasPrefix("max") }
        let note = try XCTUnwrap(index.flatMap { rec.elements[$0].box }, "the label is in the plot", file: file, line: line)
        // The curves: thick strokes of data ink (f solid, f′ dashed); the leader: the thin stroke of the annotation.
        func kindOf(_ r: RecordingBackend.Record) -> FigureElement.Kind? { r.element.map { rec.elements[$0].element.kind } }
        let curves = rec.records.compactMap { r -> [Point]? in
            if case let .stroke(pts, s) = r.primitive, s.width > 1.5, pts.count > 50, kindOf(r) == .dataInk { pts } else { nil }
        }
        XCTAssertGreaterThanOrEqual(curves.count, 2, file: file, line: line)
        var edge: [Point] = []
        for k in 0...200 {
            let t = Double(k) / 200
            let x = note.minX + t * note.width, y = note.minY + t * note.height
            edge += [Point(x, note.minY), Point(x, note.maxY), Point(note.minX, y), Point(note.maxX, y)]
        }
        for c in curves { XCTAssertGreaterThan(edge.map { distance($0, c) }.min() ?? 0, 2.5, "label \(note)", file: file, line: line) }
        let leader = try XCTUnwrap(rec.records.compactMap { r -> [Point]? in
            if case let .stroke(pts, s) = r.primitive, s.width == 0.8, pts.count == 2 { pts } else { nil }
        }.first, file: file, line: line)
        // Its last 10 points meet the ◆ on f′; the rest touches no curve.
        let d = leader[1] - leader[0], n = Int(d.length)
        let free = (0...max(1, n)).map { leader[0] + d * (Double($0) / Double(max(1, n))) }.filter { ($0 - leader[1]).length > 10 }
        for c in curves { XCTAssertGreaterThan(free.map { distance($0, c) }.min() ?? .infinity, 1.5, "leader \(leader)", file: file, line: line) }
    }

    func testTheSteepestSlopeLabelAndItsLeaderClearEveryCurve() throws {
        try check("sin(x)")
        try check("sin(x)/x")
    }
}
