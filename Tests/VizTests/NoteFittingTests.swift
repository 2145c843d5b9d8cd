import XCTest
import Viz

/// A note wider than its plot is never cut off at the frame: it goes on two lines, then shrinks.
final class NoteFittingTests: XCTestCase {
    private func noteReport(plotWidth: Double, text: String) throws -> (LayoutReport.Element, Rect) {
        var fig = try Figure(width: plotWidth, height: 200, dpi: 72)
        var a = Axes()
        a.add(LineMark(x: [0, 1], y: [0, 0.1], style: StrokeStyle(color: Color(hex: 0x1F77B4), width: 2)))
        a.add(TextMark(text, at: Point(0.5, 0.8), anchor: .center, font: Font(size: 10)))
        a.yLimits = Interval(0, 1)
        fig.add(a)
        let r = try fig.layoutReport()
        return (try XCTUnwrap(r.elements.first { $0.kind == .note }), r.frames[0].box)
    }

    func testANoteWiderThanThePlotWrapsInsideIt() throws {
        let (note, frame) = try noteReport(plotWidth: 150, text: "leaves the view at step 1, diverges at step 4")
        XCTAssertFalse(note.truncated)
        XCTAssertGreaterThanOrEqual(note.box.minX, frame.minX - 0.5)
        XCTAssertLessThanOrEqual(note.box.maxX, frame.maxX + 0.5)
        XCTAssertGreaterThan(note.box.height, 18, "two lines of a 10-point font")
    }

    func testANoteThatFitsStaysOnOneLine() throws {
        let (note, _) = try noteReport(plotWidth: 600, text: "leaves the view at step 1, diverges at step 4")
        XCTAssertLessThan(note.box.height, 16)
    }
}
