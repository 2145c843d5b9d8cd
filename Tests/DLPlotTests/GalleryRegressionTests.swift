@testable import Viz
import XCTest
@testable import dlplot

/// Gallery figures that broke when tick thinning, outside legends and page layout met: each asserts
/// the geometry of its layout report.
final class GalleryRegressionTests: XCTestCase {
    /// `curves-ellipse-long`: the step axis is shortened to where the curves end and shares its width
    /// with the panel above, whose legend sits outside; its tick labels must still keep apart, and each
    /// legend entry's two lines must stay in one column.
    func testLongCurvesStepTicksKeepApartAndLegendEntriesStayWhole() throws {
        let args = ["curves", "--surface", "ellipse", "--optimizers", "gd,momentum,adadelta", "--lr", "0.05", "--steps", "1000000"]
        let report = try LayoutSweepTests.report(args)
        let xTicks = report.elements.filter { $0.kind == .tickLabel && $0.panel == 1 && $0.box.height < $0.box.width * 3 }
            .filter { $0.text.allSatisfy { $0.isNumber } }.sorted { $0.box.minX < $1.box.minX }
        XCTAssertGreaterThanOrEqual(xTicks.count, 3)
        for (a, b) in zip(xTicks, xTicks.dropFirst()) {
            XCTAssertLessThan(a.box.maxX, b.box.minX, "x tick labels '\(a.text)' and '\(b.text)' overlap")
        }
        let entries = [LegendEntry(label: "gd", sample: .patch(.clear, edge: nil)),
                       LegendEntry(label: "→ 0", sample: .patch(.clear, edge: nil), continuesPrevious: true),
                       LegendEntry(label: "momentum", sample: .patch(.clear, edge: nil)),
                       LegendEntry(label: "→ 0", sample: .patch(.clear, edge: nil), continuesPrevious: true),
                       LegendEntry(label: "adadelta", sample: .patch(.clear, edge: nil)),
                       LegendEntry(label: "→ 0", sample: .patch(.clear, edge: nil), continuesPrevious: true)]
        XCTAssertEqual(LegendLayout.rows(entries, columns: 2), 4, "two columns of 3 rows would start one with a second line")
        XCTAssertEqual(LegendLayout.rows(entries, columns: 3), 2)
        XCTAssertEqual(LegendLayout.rows(entries, columns: 1), 6)
    }
}
