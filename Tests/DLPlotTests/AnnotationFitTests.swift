import Viz
import XCTest
@testable import dlplot

/// Notes stay whole inside the figure at every font scale (tried as a new user would:
/// `dlplot activation '1/(1+exp(-x))^2' --font-scale 2` cut "max |f′| = 0.296 at x = 0.693" off at
/// the plot's right edge).
final class AnnotationFitTests: XCTestCase {
    func testSteepestSlopeNoteIsWrappedInsideThePlot() throws {
        var drawn = 0
        for extra in [["--font-scale", "2"], ["--font-scale", "2", "--size", "480x270"], ["--size", "480x270"], ["--size", "640x360"], []] {
            let report: LayoutReport
            do {
                report = try LayoutSweepTests.report(["activation", "1/(1+exp(-x))^2", "-o", "/tmp/unused.png"] + extra)
            } catch VizError.pageTooSmall {
                // A page whose plot would be under four tick labels high is refused, not drawn cramped.
                XCTAssertTrue(extra.contains("480x270"), "\(extra): refused")
                continue
            }
            drawn += 1
            let frame = try XCTUnwrap(report.frames.first?.box)
            let notes = report.elements.filter { $0.text.hasPrefix("max") || $0.text.hasPrefix("at") || $0.text.contains("0.693") }
            XCTAssertFalse(notes.isEmpty, "\(extra): the note is drawn")
            for e in report.elements {
                XCTAssertFalse(e.truncated, "\(extra): '\(e.text)' is cut off")
                XCTAssertGreaterThanOrEqual(e.box.minX, -0.5, "\(extra): '\(e.text)' leaves the page")
                XCTAssertLessThanOrEqual(e.box.maxX, report.width + 0.5, "\(extra): '\(e.text)' leaves the page")
                XCTAssertGreaterThanOrEqual(e.box.minY, -0.5, "\(extra): '\(e.text)' leaves the page")
                XCTAssertLessThanOrEqual(e.box.maxY, report.height + 0.5, "\(extra): '\(e.text)' leaves the page")
            }
            // Inside the plot, or (where no spot there is free) a line of the footnote.
            for e in notes where e.kind != .footnote {
                let f = frame.expanded(by: 0.5)
                XCTAssertTrue(e.box.minX >= f.minX && e.box.maxX <= f.maxX && e.box.minY >= f.minY && e.box.maxY <= f.maxY,
                              "\(extra): note '\(e.text)' \(e.box) outside the plot \(frame)")
            }
            // Every part of the note is drawn: its words all appear across its lines.
            let words = notes.map(\.text).joined(separator: " ")
            XCTAssertTrue(words.contains("0.296") && words.contains("0.693"), "\(extra): \(words)")
        }
        XCTAssertGreaterThanOrEqual(drawn, 3)
    }
}
