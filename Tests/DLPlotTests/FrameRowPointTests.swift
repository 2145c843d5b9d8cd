import Foundation
import TestSupport
import XCTest
@testable import Figures
@testable import Viz
@testable import dlplot

/// Y14-17: `surface bowl --optimizers gd --lr 1.5 --steps 10 --animate --frames 11`: once the run had left the
/// view, the frame's legend row gave only its loss ("leaves the view at step 1; f = 164"), while in-view frames
/// and the still figure give the point too. A frame's row gives the point while it is within ten view widths
/// (its row no wider than an in-view one); farther out (×2 a step) the loss only, as AnimationLegendRoomTests asks.
final class FrameRowPointTests: XCTestCase {
    func testAFrameRowGivesTheStepsPointJustOutsideTheView() throws {
        let command = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "1.5", "--steps", "10"])
        let animation = try command.makeAnimation(frames: 11, spacing: .even).0
        func rows(_ k: Int) -> [String] {
            animation.moving(k)[0].flatMap { $0.legendEntries(theme: animation.still.theme) }.map(\.label)
        }
        // Frame 3 shows step 2: the run at (10, 8), f = 164 (the bowl's view is −3…3 by −3…3).
        XCTAssertTrue(rows(2).contains("leaves the view at step 1; → (10.00, 8.00), f = 164"), "\(rows(2))")
        XCTAssertTrue(rows(3).contains { $0.hasPrefix("leaves the view at step 1; → (") }, "\(rows(3))")
        // Step 6: (160, 128), beyond ten view widths: the loss only.
        XCTAssertTrue(rows(6).contains { $0.hasPrefix("leaves the view at step 1; f = ") }, "\(rows(6))")
    }
}
