import Viz
import XCTest
@testable import dlplot

/// Panel titles too wide for their panels were shrunk one by one with no floor: xor's 'trained by
/// backpropagation (seed 1)' came out in 4-pixel letters at 848x478 and at a third of its neighbours' size
/// at --font-scale 1.5; basins, curves and landscape each had one tiny title. A figure's panel titles now
/// share one size, never under the tick labels' (nor 8 pixels): two lines first, else the page is too small.
final class PanelTitleSizeTests: XCTestCase {
    private func report(_ line: String) throws -> LayoutReport {
        try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
    }

    private func assertOneLegibleSize(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let r = try report(line)
        let titles = r.elements.filter { $0.kind == .panelTitle }
        let ticks = r.elements.filter { $0.kind == .tickLabel }.map(\.fontSize)
        XCTAssertGreaterThan(titles.count, 1, line, file: file, line: lineNumber)
        let sizes = titles.map(\.fontSize)
        let smallest = try XCTUnwrap(sizes.min()), largest = try XCTUnwrap(sizes.max())
        XCTAssertEqual(smallest, largest, accuracy: 0.01, "\(line): panel titles in sizes \(sizes)", file: file, line: lineNumber)
        XCTAssertGreaterThanOrEqual(smallest, Figure.minimumTextPixels, line, file: file, line: lineNumber)
        XCTAssertGreaterThanOrEqual(smallest, (ticks.max() ?? 0) - 0.01, "\(line): panel titles smaller than the tick labels", file: file, line: lineNumber)
        XCTAssertEqual(LayoutChecks.problems(r), [], line, file: file, line: lineNumber)
    }

    func testPanelTitlesOfAFigureShareOneLegibleSize() throws {
        try assertOneLegibleSize("xor --size 1280x720")
        try assertOneLegibleSize("xor --font-scale 1.5 --theme print")
        try assertOneLegibleSize("basins himmelblau --optimizers gd,momentum,adam --lr 0.01 --font-scale 1.5")
        try assertOneLegibleSize("curves --surface rosenbrock --optimizers gd,adam --font-scale 2.5")
        try assertOneLegibleSize("landscape --task xor --theme print --font-scale 1.3")
    }

    /// At 1280x720 xor's titles are one size, and nearly the full one: 'trained by backpropagation (seed 1)'
    /// was set at 60 % (12.2-pixel box beside 20.2).
    func testXorTitlesKeepTheirFullSizeAt1280x720() throws {
        let r = try report("xor --size 1280x720")
        let full = r.elements.filter { $0.kind == .panelTitle }.map(\.fontSize)
        let axis = try XCTUnwrap(r.elements.first { $0.kind == .axisLabel }?.fontSize)
        // The title font is 1.12 × the axis labels' (see `Theme.titleFont`).
        for s in full {
            XCTAssertGreaterThanOrEqual(s, axis * 1.12 * 0.85)
            XCTAssertLessThanOrEqual(s, axis * 1.12 + 0.01)
        }
    }

    /// A page with no room for a panel title at the tick labels' size is too small (it was drawn in 4-pixel
    /// letters), and the size the refusal names renders it legibly.
    func testAPageTooSmallForAPanelTitleIsRefused() throws {
        XCTAssertThrowsError(try report("xor --size 848x478")) { error in
            guard case VizError.pageTooSmall = error else { return XCTFail("\(error)") }
        }
        try assertOneLegibleSize("xor --size 1143x645")
    }
}
