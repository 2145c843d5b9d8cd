import Foundation
import Viz
import XCTest
@testable import Figures
@testable import dlplot
import Optim

/// `pitfalls --starts=-10,0.5,20`: w₀ = 20 (f = 35715) starts above the view and its first step throws it to
/// w = −348.535 on the left plateau, where it stays. The legend said only "leaves the view" and nothing marked
/// the start: it now says where the run stuck, and a triangle inside the top edge at w = 20 marks the start.
final class PitfallsOffViewTests: XCTestCase {
    func testARunThrownOffTheViewSaysWhereItStuckAndItsStartIsMarked() throws {
        let (figure, tables) = try DLPlot.PitfallsCommand.parse(["--starts=-10,0.5,20"]).makeFigure()
        let rows = tables[0].rows.filter { $0[0] == 20 }
        XCTAssertEqual(rows.count, 41)
        XCTAssertEqual(rows[1][3], -348.535, accuracy: 1e-9, "w₁ = 20 − 0.05 · f′(20)")
        XCTAssertEqual(rows[40][3], rows[1][3], "stuck on the plateau from step 1")
        let axes = figure.panels[0].axes
        let labels = axes.marks.compactMap { ($0 as? LineMark)?.label }
        XCTAssertTrue(labels.contains("$w_0$ = 20, $\\alpha$ = 0.05: starts above the view ($f$ = 35715), leaves the view, "
                                      + "stuck on a plateau at w = −348.5"), "\(labels)")
        let top = try XCTUnwrap(axes.yLimits?.upper), bottom = try XCTUnwrap(axes.yLimits?.lower)
        let triangles = axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .triangle }
        XCTAssertEqual(triangles.count, 1)
        XCTAssertEqual(triangles.first?.points.first?.x, 20)
        let y = try XCTUnwrap(triangles.first?.points.first?.y)
        XCTAssertTrue(y < top && y > top - 0.05 * (top - bottom), "inside the top edge: \(y) in \(bottom)…\(top)")
        // A start inside the view gets no triangle; its run is judged as before.
        let (inView, _) = try DLPlot.PitfallsCommand.parse(["--starts=-10,0.5"]).makeFigure()
        XCTAssertTrue(inView.panels[0].axes.marks.compactMap { $0 as? ScatterMark }.allSatisfy { $0.shape != .triangle })
    }

    func testARunThatEndsOffTheViewStillMovingSaysWhere() {
        // x² from 1 with α = 1.05 grows by 1.1 a step: after 3 steps it is at −1.331, beyond a view of ±1.2.
        let outcome = PitfallsFigure.outcome([1, -1.1, 1.21, -1.331], curve: Curve1D(.square), stop: .maxSteps, view: -1.2...1.2)
        XCTAssertEqual(outcome, "leaves the view, at w = −1.331 after the last step")
    }
}
