import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// A family's zones keep their meaning at any size and read as nested: x·σ(βx) for β = 0.5, 1, 2 is saturated
/// on −6…−4.08 (β = 1) and −6…−2.04 (β = 2), which two adjacent bands labelled "saturated for β = 1" and
/// "saturated for β = 2" showed as β = 2 saturated only between −4.1 and −2; at --font-scale 2 the labels
/// shrank to "β = 1", "β = 2" and nothing said what the bands were.
final class FamilyZoneExtentTests: XCTestCase {
    private let family = ["x*sigmoid(beta*x)", "--param", "beta=0.5,1,2"]

    func testEachMembersZoneIsDrawnOverItsWholeExtentInItsColour() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(family).makeFigure()
        let marks = try XCTUnwrap(figure.panels.first?.axes.marks)
        let colour = { (label: String) in marks.compactMap { $0 as? LineMark }.first { $0.label == label }?.style.color }
        let bars = marks.compactMap { $0 as? EdgeSpanMark }
        XCTAssertEqual(bars.count, 2, "β = 0.5 has no zone in view")
        let two = try XCTUnwrap(bars.first { $0.color == colour("$\\beta = 2$") })
        let one = try XCTUnwrap(bars.first { $0.color == colour("$\\beta = 1$") })
        XCTAssertEqual(two.lower, -6); XCTAssertEqual(two.upper, -2.04, accuracy: 0.01)
        XCTAssertEqual(one.lower, -6); XCTAssertEqual(one.upper, -4.08, accuracy: 0.01)
        XCTAssertNotEqual(one.row, two.row, "nested bars side by side, not on top of each other")
        XCTAssertEqual(two.color.a, 1, "opaque, the series colour itself")
        // Drawn: each a thin bar on the plot's bottom edge from the left frame to its end (the widest thin fill in
        // its colour there: the members' markers are filled in the same colour and may be drawn first).
        let rec = try figure.record()
        let plot = try XCTUnwrap(rec.elements.first { $0.element.kind == .plotArea }?.box)
        for bar in [one, two] {
            let rect = try XCTUnwrap(rec.records.compactMap { r -> Rect? in
                if case let .fill(pts, c) = r.primitive, c == bar.color { Rect.bounding(pts) } else { nil }
            }.filter { $0.height < 6 && $0.maxY > plot.maxY - 12 }.max { $0.width < $1.width }, "bar drawn")
            XCTAssertEqual(rect.minX, plot.minX, accuracy: 0.5)
            XCTAssertEqual(rect.maxX, plot.minX + (bar.upper + 6) / 12 * plot.width, accuracy: 0.5)
        }
        // The labels state the extents.
        let labels = try figure.layoutReport().elements.filter { $0.kind == .bandLabel }.map(\.text)
        XCTAssertTrue(labels.contains("$\\beta = 2$: $x$ < −2.04"), "\(labels)")
        XCTAssertTrue(labels.contains("$\\beta = 1$: $x$ < −4.08"), "\(labels)")
    }

    func testTheShadingIsExplainedWhenItsLabelsAreShort() throws {
        let command = try DLPlot.ActivationCommand.parse(family + ["--font-scale", "2"])
        // As the command draws it: the default page grown to fit the larger text.
        let figure = command.figureOptions.grownToFit(try command.makeFigure().0, format: .png)
        let report = try figure.layoutReport()
        XCTAssertEqual(Set(report.elements.filter { $0.kind == .bandLabel }.map(\.text)), ["$\\beta = 1$", "$\\beta = 2$"], "shortened")
        let legend = report.elements.filter { $0.kind == .legend }.map(\.text).joined(separator: "; ")
        XCTAssertTrue(legend.contains("shaded: saturated, $|f'|$ < 0.05"), legend)
    }
}
