import XCTest
// Unit-tests the internal tick formatter (ScalarLabels, longestLabel).
@testable import Viz

/// Far from the origin, contour levels took 13 digits to tell apart ("2000001500000" written on the lines) and the
/// colour bar's offset read "− 2000000000000": the labels are left off the lines and the offset is 2×10¹².
final class LongLevelLabelTests: XCTestCase {
    func testALongOffsetIsWrittenAsAPowerOfTen() {
        let far = ScalarLabels(labels: ["1", "2"], offset: 2e12, exponent: 6)
        XCTAssertEqual(far.axisTitle("f"), "f − 2×10¹² (×10⁶)")
        XCTAssertEqual(ScalarLabels(labels: ["1", "2"], offset: 1e6, exponent: 0).axisTitle("x"), "x − 1000000")
        XCTAssertEqual(ScalarLabels(labels: ["1", "2"], offset: 2000001e6, exponent: 0).axisTitle("x"), "x − 2.000001×10¹²")
    }

    func testContourLabelsLongerThanNineCharactersAreNotWritten() throws {
        let xs = (0..<21).map { 1e6 + Double($0) / 20 }
        let values = xs.flatMap { y in xs.map { x in x * x + y * y } }
        let field = try ScalarField(xs: xs, ys: xs, z: values)
        let mark = try ContourMark(field: field, levels: .count(6), showLabels: true)
        XCTAssertTrue(mark.levelLabels.allSatisfy { $0.count > ContourMark.longestLabel }, "\(mark.levelLabels)")
        var axes = Axes()
        axes.add(mark)
        var figure = try Figure(width: 640, height: 480)
        figure.add(axes)
        let report = try figure.layoutReport()
        XCTAssertFalse(report.elements.contains { $0.kind == .contourLabel }, "\(report.elements.map(\.text))")
        // Short levels near the origin keep their labels.
        let near = try ScalarField(xs: xs.map { $0 - 1e6 }, ys: xs.map { $0 - 1e6 }, z: xs.flatMap { y in xs.map { x in (x - 1e6) * (x - 1e6) + (y - 1e6) * (y - 1e6) } })
        var axes2 = Axes()
        axes2.add(try ContourMark(field: near, levels: .count(6), showLabels: true))
        var figure2 = try Figure(width: 640, height: 480)
        figure2.add(axes2)
        XCTAssertTrue(try figure2.layoutReport().elements.contains { $0.kind == .contourLabel })
    }
}
