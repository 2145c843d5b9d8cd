import XCTest
// Unit-tests the internal legend layout (LegendLayout line splitting, AxisLayout).
@testable import Viz

/// A legend right of a plot may split its entries' further lines at their " · " separators (and a closing
/// parenthesis onto a line of its own) to stay within half its panel's width.
final class LegendLineSplitTests: XCTestCase {
    func testFurtherLinesSplitAtSeparatorsAndFirstLinesStayWhole() {
        let sample = LegendEntry.Sample.line(StrokeStyle(color: .black, width: 1), marker: nil)
        let entries = [
            LegendEntry(label: "adam · lr 0.1 (mean of 3 runs)", sample: sample),
            LegendEntry(label: "min 0.19 at step 642 · final 0.335 (runs 0.287–0.424)", sample: .patch(.clear, edge: nil), continuesPrevious: true),
            LegendEntry(label: "$a \\cdot b$ · c", sample: .patch(.clear, edge: nil), continuesPrevious: true),
            LegendEntry(label: "diverged at step 3 (NaN) · min 0.3", sample: .patch(.clear, edge: nil), continuesPrevious: true),
        ]
        let split = LegendLayout.splittingFurtherLines(entries)
        XCTAssertEqual(split.map(\.label), ["adam · lr 0.1 (mean of 3 runs)", "min 0.19 at step 642", "final 0.335",
                                            "(runs 0.287–0.424)", "$a \\cdot b$ · c",
                                            "diverged at step 3 (NaN)", "min 0.3"])
        XCTAssertEqual(split.map(\.continuesPrevious), [false, true, true, true, true, true, true])
    }

    func testASplitLegendIsNarrowerAndTaller() throws {
        let canvas = try CairoBackend(size: Size(400, 300), kind: .measuring(pixelsPerPoint: 1))
        let sample = LegendEntry.Sample.line(StrokeStyle(color: .black, width: 1), marker: nil)
        let entries = [LegendEntry(label: "adam", sample: sample),
                       LegendEntry(label: "min 0.19 at step 642 · final 0.335 (runs 0.287–0.424)", sample: .patch(.clear, edge: nil),
                                   continuesPrevious: true)]
        let whole = LegendLayout(entries: entries, theme: .light, canvas: canvas, maxHeight: 300, maxWidth: 400)
        let split = LegendLayout(entries: entries, theme: .light, canvas: canvas, maxHeight: 300, maxWidth: 400, split: true)
        XCTAssertTrue(split.split)
        XCTAssertEqual(split.entries.count, 4)
        XCTAssertLessThan(split.size.width, whole.size.width * 0.6)
        XCTAssertGreaterThan(split.size.height, whole.size.height * 1.5)
    }

    /// Below a plot, a legend taller than its room (a third of the cell) joins each entry's two lines into one
    /// before its type shrinks: 12 runs' legends below two panels on a 16:9 slide.
    func testABelowLegendTooTallJoinsItsLinesFirst() throws {
        let canvas = try CairoBackend(size: Size(600, 300), kind: .measuring(pixelsPerPoint: 1))
        let sample = LegendEntry.Sample.line(StrokeStyle(color: .black, width: 1), marker: nil)
        let entries = (0..<12).flatMap { k in
            [LegendEntry(label: "run\(k)", sample: sample),
             LegendEntry(label: "min 0.\(k) at step 297 · final 0.\(k)", sample: .patch(.clear, edge: nil), continuesPrevious: true)]
        }
        let rect = Rect(x: 0, y: 0, width: 300, height: 600)
        let below = AxisLayout.measuredLegend(.below, entries: entries, rect: rect, insets: Insets(), theme: .light, canvas: canvas)
        XCTAssertTrue(below.joined)
        XCTAssertEqual(below.entries.count, 12)
        XCTAssertEqual(below.entries.first?.label, "run0  min 0.0 at step 297 · final 0.0")
        XCTAssertEqual(below.font.size, Theme.light.legendFont.size, "joined before a smaller type")
        XCTAssertLessThanOrEqual(below.size.height, 600 * 0.35)
    }
}
