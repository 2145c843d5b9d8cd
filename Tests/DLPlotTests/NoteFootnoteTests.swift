import Viz
import XCTest
@testable import dlplot

/// A note that would cover data wherever it went in its plot is said in the footnote instead (tried as a
/// new user would: "leaves the view at step 3" lay across the parabola on a 640×480 page, and the max-|f′|
/// note filled a plot at --font-scale 2.5).
final class NoteFootnoteTests: XCTestCase {
    private func texts(_ r: LayoutReport, _ kinds: Set<FigureElement.Kind>) -> [String] {
        r.elements.filter { kinds.contains($0.kind) }.map(\.text)
    }

    func testALearningRatePanelsCrowdedNoteGoesToTheFootnoteNamingItsRate() throws {
        let r = try LayoutSweepTests.report(["lr", "--rates", "0.05,0.2,1.1", "--size", "640x480"])
        XCTAssertEqual(texts(r, [.footnote]), ["$\\alpha$ = 1.1: leaves the view at step 3 (to w = −4.32)"])
        XCTAssertFalse(texts(r, [.note, .annotation]).contains { $0.contains("leaves the view") })
        XCTAssertEqual(LayoutChecks.problems(r), [])
    }

    func testTheSteepestSlopeNoteGoesToTheFootnoteWhenNoSpotIsFree() throws {
        let r = try LayoutSweepTests.report(["activation", "sigmoid", "--font-scale", "2.5"])
        XCTAssertEqual(texts(r, [.footnote]), ["◆ max $|f'|$ = 0.25 at $x$ = 0"])
        XCTAssertFalse(texts(r, [.annotation]).contains { $0.hasPrefix("max") })
        // At the default size it stays by its point.
        let d = try LayoutSweepTests.report(["activation", "sigmoid"])
        XCTAssertEqual(texts(d, [.footnote]), [])
        XCTAssertTrue(texts(d, [.annotation]).contains { $0.hasPrefix("max") })
    }

    func testAFootnoteOfSeveralLinesKeepsEachLineWholeAndOnThePage() throws {
        var theme = Theme.light
        theme.fontScale = 1
        var f = try Figure(width: 640, height: 360, dpi: 72, theme: theme)
        f.footnote = "first line of the footnote\nsecond line, said on its own"
        var axes = Axes(title: nil, xLabel: "x", yLabel: "y")
        axes.add(LineMark(points: [Point(0, 0), Point(1, 1)], style: StrokeStyle(color: theme.foreground, width: 1)))
        f.add(axes)
        let r = try f.layoutReport()
        let feet = r.elements.filter { $0.kind == .footnote }
        XCTAssertEqual(feet.map(\.text), ["second line, said on its own", "first line of the footnote"])
        XCTAssertLessThan(feet[1].box.maxY, feet[0].box.minY + 0.5, "the first line above the second")
        XCTAssertEqual(LayoutChecks.problems(r), [])
    }
}
