import Foundation
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// A gradient step in `lr` and `pitfalls` is the chord from (w_t, f(w_t)) to (w_{t+1}, f(w_{t+1})). When
/// w_{t+1} lies beyond the side of the view and f there is far above it, that chord is near vertical
/// (x⁴ − x² from 2.4 to −25.4 rises 4.1×10⁵ over Δw = −27.8) and reads as "f grew at the same w": a
/// label at the arrow's tip says which way w went and where it landed.
final class SteepChordLabelTests: XCTestCase {
    private func labels(_ figure: Figure, panel: Int) -> [String] {
        figure.panels[panel].axes.marks.compactMap { $0 as? TextMark }.filter { $0.textKind == .annotation }.map(\.text)
    }

    func testANearVerticalChordSaysWhereWLanded() throws {
        // The rates are given: the default rates for a typed function are chosen by running them (X13-2), and
        // these three were the defaults this case was found with.
        let command = try DLPlot.LearningRateCommand.parse(["--function", "x^4 - x^2", "--rates", "0.0015,0.015,0.55"])
        let (figure, tables) = try command.makeFigure()
        let rows = tables[0].rows.filter { $0[0] == 0.55 && $0[1] == 1 }
        XCTAssertEqual(rows.first?[2] ?? 0, -25.3728, accuracy: 1e-9, "w₁ = 2.4 − 0.55·(4·2.4³ − 2·2.4)")
        XCTAssertEqual(labels(figure, panel: 2), ["← $w_{1}$ = −25.4, $f$ = 4.1×10⁵"])
        // The chord really is near vertical: it leaves the top of the view within 1 % of the width of w₀.
        let arrow = try XCTUnwrap(figure.panels[2].axes.marks.compactMap { $0 as? ArrowMark }.first)
        XCTAssertEqual(arrow.to.x, 2.4, accuracy: 0.06)
        XCTAssertEqual(arrow.to.y, figure.panels[2].axes.yLimits?.upper ?? 0, accuracy: 1e-9)
        // The panels whose runs stay in view have no such label.
        XCTAssertEqual(labels(figure, panel: 0), [])
        XCTAssertEqual(labels(figure, panel: 1), [])
    }

    func testAChordThatVisiblyHeadsSidewaysHasNoLabel() throws {
        // w² with α = 1.1: the leaving step goes from 3.6 to −4.32, its arrow heads left across the panel.
        let (figure, _) = try DLPlot.LearningRateCommand.parse(["--rates", "0.05,0.2,1.1"]).makeFigure()
        XCTAssertEqual(labels(figure, panel: 2), [])
    }

    func testPitfallsSaysWhereAnOverflowingStepWent() throws {
        let (figure, tables) = try DLPlot.PitfallsCommand.parse(["--starts=-4.2,0,3.2", "--rates", "1e300"]).makeFigure()
        // From −4.2 the step goes right, to 4.18×10²⁹⁸, where f overflows: the arrow goes straight up.
        let row = try XCTUnwrap(tables[0].rows.first { $0[0] == -4.2 && $0[2] == 1 })
        XCTAssertEqual(row[3], 4.1812940847663173e+298, accuracy: 1e285)
        XCTAssertEqual(labels(figure, panel: 0), ["$w_{1}$ = 4.18×10²⁹⁸, $f$ overflows →"])
    }
}
