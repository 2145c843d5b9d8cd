// Unit-tests the internal legend row count (LegendLayout.rows).
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

    /// `runs-digits-sgd-vs-adam`: two panels side by side of the same groups. Each had its own long legend
    /// below it; they share one now, under both plots, on the page and off every plot.
    func testSideBySideBelowLegendsDoNotMeet() throws {
        let report = try LayoutSweepTests.report(["runs", "Tests/RunLogsTests/Fixtures/tensorboard/digits", "--label", "digits",
                                                  "--y", "val/*", "--group", "seed[0-9]+"])
        let legends = report.elements.filter { $0.kind == .legend }
        XCTAssertEqual(legends.count, 1, "one legend for both panels")
        for l in legends {
            XCTAssertLessThanOrEqual(l.box.maxX, report.width); XCTAssertGreaterThanOrEqual(l.box.minX, 0)
            XCTAssertFalse(report.frames.contains { $0.box.intersects(l.box) }, "the legend lies on a plot")
        }
    }

    /// `vanishing`: the right panel's legend must not take most of its width; both plots keep a
    /// comparable width and the right panel title stays at a readable size.
    func testVanishingPanelsKeepTheirWidth() throws {
        let report = try LayoutSweepTests.report(["vanishing", "--depth", "20", "--width", "64"])
        let frames = report.frames.sorted { $0.box.minX < $1.box.minX }
        XCTAssertEqual(frames.count, 2)
        guard frames.count == 2 else { return }
        XCTAssertGreaterThan(frames[1].box.width, frames[0].box.width * 0.8, "the right plot lost its width to its legend")
        let titles = report.elements.filter { $0.kind == .panelTitle }.sorted { $0.box.minX < $1.box.minX }
        XCTAssertEqual(titles.count, 2)
        // Line height of each title (the right one may wrap to two lines, not shrink to a third).
        if titles.count == 2 {
            let lines = (titles[1].box.height / titles[0].box.height).rounded()
            XCTAssertGreaterThan(titles[1].box.height / max(lines, 1), titles[0].box.height * 0.8, "the right panel title shrank")
        }
    }

    /// `landscape-spirals`: the plane panel carries a colorbar; its plot must not be squeezed to a
    /// sliver beside the two path panels, nor its title shrunk to unreadable text.
    func testLandscapePlanePanelKeepsItsWidth() throws {
        let report = try LayoutSweepTests.report(["landscape", "--task", "spirals", "--steps", "200", "--grid", "31"])
        let frames = report.frames.sorted { $0.panel < $1.panel }
        XCTAssertEqual(frames.count, 3)
        guard frames.count == 3 else { return }
        XCTAssertGreaterThan(frames[0].box.width, frames[1].box.width * 0.8, "the plane plot is much narrower than the path plots")
        let titles = report.elements.filter { $0.kind == .panelTitle }.sorted { ($0.panel ?? 0) < ($1.panel ?? 0) }
        XCTAssertEqual(titles.count, 3)
        // The three are set at one size (the plane's may fit on one line where the others wrap).
        if titles.count == 3 {
            XCTAssertEqual(titles[0].fontSize, titles[1].fontSize, accuracy: 0.01, "the plane's title shrank")
            XCTAssertEqual(titles[2].fontSize, titles[1].fontSize, accuracy: 0.01)
        }
    }
}
