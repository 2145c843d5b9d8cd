import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// A run that starts outside the view and comes into it: it was labelled "leaves the view at step 0",
/// with no start marker and no step markers.
final class OutsideStartTests: XCTestCase {
    func testAStartOutsideTheViewIsSaidAndPointedAt() throws {
        // GD at lr 0.1 on x² + y² from (10, 10): x_k = 10·0.8^k, inside the [−3, 3]² view from step 6 (2.62).
        let command = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "0.1", "--start=10,10"])
        let figure = try command.makeFigure().0
        let axes = figure.panels[0].axes
        let legend = axes.marks.flatMap { $0.legendEntries.map(\.label) }
        XCTAssertTrue(legend.contains { $0.hasPrefix("starts outside the view, enters at step 6; → (8.5×10⁻²⁹, 8.5×10⁻²⁹), f = ") }, "\(legend)")
        XCTAssertFalse(legend.contains { $0.contains("leaves the view") }, "\(legend)")
        // A short arrow from the view's edge towards (10, 10), pointing in: the run comes in there (an
        // outward head read as the run leaving).
        let arrow = try XCTUnwrap(axes.marks.compactMap { $0 as? ArrowMark }.first)
        XCTAssertEqual(arrow.from.x, 3, accuracy: 1e-12)
        XCTAssertEqual(arrow.from.y, 3, accuracy: 1e-12)
        XCTAssertEqual(arrow.to.x, 0.82 * 3, accuracy: 1e-12)
        XCTAssertTrue(figure.subtitle?.contains("from (10, 10)") == true, figure.subtitle ?? "")
        // Step markers from where the run is inside the view.
        let markers = axes.marks.compactMap { $0 as? ScatterMark }.flatMap(\.points)
        XCTAssertTrue(markers.allSatisfy { abs($0.x) <= 3 && abs($0.y) <= 3 }, "\(markers.prefix(4))")
        _ = try figure.render(as: .png)
    }

    func testARunThatNeverComesInIsSaidToStayOutside() throws {
        let figure = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "1e-6", "--start=10,10", "--steps", "20"])
            .makeFigure().0
        let legend = figure.panels[0].axes.marks.flatMap { $0.legendEntries.map(\.label) }
        XCTAssertTrue(legend.contains { $0.hasPrefix("outside the view throughout; → (10.00, 10.00), f = ") }, "\(legend)")
        // No run comes in: the arrow points out, towards the start.
        let arrow = try XCTUnwrap(figure.panels[0].axes.marks.compactMap { $0 as? ArrowMark }.first)
        XCTAssertEqual(arrow.to.x, 3, accuracy: 1e-12)
        XCTAssertEqual(arrow.from.x, 0.82 * 3, accuracy: 1e-12)
    }
}
