import Foundation
import TestSupport
import XCTest
@testable import Figures
@testable import Viz
@testable import dlplot

/// Y14-13: an animation frame's "step 8" badge covered the contour label "12" in the view's top-left corner
/// (contour labels are placed once, for the still part of the frames): the badge's room is kept clear.
final class StepBadgeRoomTests: XCTestCase {
    func testTheStepBadgeCoversNoContourLabelInAnyFrame() throws {
        let command = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "0.1", "--steps", "20"])
        let animation = try command.makeAnimation(frames: 21, spacing: .even).0
        // The frames draw the still part's contour labels, placed once without any badge; the badge is the
        // frame's own. (The frame here is the still with the frame's marks added.)
        let still = try animation.still.layoutReport()
        let labels = still.elements.filter { $0.kind == .contourLabel }
        XCTAssertFalse(labels.isEmpty)
        var checked = 0
        for k in [0, 4, 8, 12, 19] {
            var frame = animation.still
            frame.modifyAxes(0) { $0.add(contentsOf: animation.moving(k)[0]) }
            let report = try frame.layoutReport()
            // The frames keep the still's plot; this figure's legend rows may move its plot sideways: the badge
            // is placed relative to the plot's corner, so it is moved with it.
            let (f, p) = (try XCTUnwrap(report.frames.first?.box), try XCTUnwrap(still.frames.first?.box))
            XCTAssertEqual(f.width, p.width, accuracy: 0.01); XCTAssertEqual(f.height, p.height, accuracy: 0.01)
            let drawn = try XCTUnwrap(report.elements.first { $0.text.hasPrefix("step ") }, "frame \(k + 1)")
            let badge = (text: drawn.text, box: Rect(x: drawn.box.x - f.x + p.x, y: drawn.box.y - f.y + p.y, width: drawn.box.width, height: drawn.box.height))
            for l in labels { XCTAssertEqual(l.box.overlapArea(badge.box), 0, "frame \(k + 1): '\(badge.text)' over contour label '\(l.text)'") }
            checked += 1
        }
        XCTAssertEqual(checked, 5)
    }
}
