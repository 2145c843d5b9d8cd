import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// A 1-D step to a finite w where f overflows to NaN (w⁴ − w² at w = −5×10³⁰¹ is ∞ − ∞) is a divergence to
/// show: `lr --rates 1e300 --function 'x^4-x^2'` drew nothing but its start. The step is drawn as a chord
/// off the view to f = ±∞ with its landing said, is in `--data`, and the run is "diverged at step 1".
final class OverflowStepTests: XCTestCase {
    private func texts(_ figure: Figure, panel: Int) -> [String] {
        figure.panels[panel].axes.marks.compactMap { $0 as? TextMark }.map(\.text)
    }

    func testLrDrawsTheStepOnWhichFOverflowed() throws {
        let (figure, tables) = try DLPlot.LearningRateCommand.parse(["--rates", "1e300", "--function", "x^4-x^2"]).makeFigure()
        // w₁ = 2.4 − 10³⁰⁰ · (4·2.4³ − 2·2.4) = 2.4 − 10³⁰⁰ · 50.496.
        let rows = tables[0].rows
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[1][1], 1, "step")
        XCTAssertEqual(rows[1][2], -5.0496e301, accuracy: 1e287)
        XCTAssertTrue(rows[1][3].isNaN, "f as float64 gives it: ∞ − ∞")
        let axes = figure.panels[0].axes
        XCTAssertTrue(axes.title?.hasSuffix(": diverges") ?? false, axes.title ?? "")
        // The arrow goes from the start straight up to the top edge: f ran off to +∞.
        let arrow = try XCTUnwrap(axes.marks.compactMap { $0 as? ArrowMark }.first)
        XCTAssertEqual(arrow.from.x, 2.4, accuracy: 1e-12)
        XCTAssertEqual(arrow.to.y, axes.yLimits?.upper ?? .nan, accuracy: 1e-9)
        let said = texts(figure, panel: 0)
        XCTAssertTrue(said.contains("← $w_{1}$ = −5.05×10³⁰¹, $f$ overflows"), "\(said)")
        XCTAssertTrue(said.contains("leaves the view at step 1 (to w = −5.05×10³⁰¹), diverged at step 1"), "\(said)")
    }

    func testAnOverflowTowardsMinusInfinityGoesDown() throws {
        let (figure, tables) = try DLPlot.LearningRateCommand.parse(["--rates", "0.2,1e300", "--function", "x^2-x^4", "--start", "0.9"]).makeFigure()
        let axes = figure.panels[1].axes
        let arrow = try XCTUnwrap(axes.marks.compactMap { $0 as? ArrowMark }.first)
        XCTAssertEqual(arrow.to.y, axes.yLimits?.lower ?? .nan, accuracy: 1e-9, "x² − x⁴ runs off to −∞")
        XCTAssertTrue(texts(figure, panel: 1).contains("$w_{1}$ = 1.12×10³⁰⁰, $f$ overflows →"), "\(texts(figure, panel: 1))")
        // α = 0.2: finite values to step 7 (f = −1.2×10²³³), then w₈ = 5.27×10¹⁷⁴ where f is ∞ − ∞.
        let run = tables[0].rows.filter { $0[0] == 0.2 }
        XCTAssertEqual(run.map { $0[1] }, Array(0...8).map(Double.init))
        XCTAssertEqual(run[7][3], -1.2345506962670246e+233, accuracy: 1e220)
        XCTAssertTrue(run[8][3].isNaN)
        XCTAssertEqual(OverflowStep.overflowSign(towards: 5.268920958217864e+174, curve: try Curve1D(expression: MathExpression("x^2-x^4"))), -1)
        XCTAssertEqual(OverflowStep.overflowSign(towards: -5e301, curve: try Curve1D(expression: MathExpression("x^4-x^2"))), 1)
    }

    func testPitfallsDrawsEveryOverflowingStep() throws {
        let (figure, tables) = try DLPlot.PitfallsCommand.parse(["--function", "x^4-x^2", "--rates", "1e300"]).makeFigure()
        let firstSteps = tables[0].rows.filter { $0[2] == 1 && $0[3] != 0 }
        XCTAssertEqual(firstSteps.count, 4, "the four starts off w = 0 each take one step")
        XCTAssertTrue(firstSteps.allSatisfy { abs($0[3]) > 1e300 && $0[4].isNaN })
        XCTAssertEqual(figure.panels[0].axes.marks.compactMap { $0 as? ArrowMark }.count, 4)
    }

    /// A step out of f's domain is not an overflow: √w from 0.5 with α = 4 goes to w = −1.33, said as before.
    func testADomainStepIsNotAnOverflow() throws {
        let (figure, tables) = try DLPlot.LearningRateCommand.parse(["--rates", "4", "--function", "sqrt(x)", "--start", "0.5"]).makeFigure()
        XCTAssertEqual(tables[0].rows.count, 2)
        XCTAssertEqual(tables[0].rows[1][2], 0.5 - 4 / (2 * 0.5.squareRoot()), accuracy: 1e-12)
        XCTAssertFalse(texts(figure, panel: 0).contains { $0.contains("overflows") }, "\(texts(figure, panel: 0))")
        XCTAssertTrue(texts(figure, panel: 0).contains { $0.hasPrefix("leaves f's domain at step 1") }, "\(texts(figure, panel: 0))")
    }
}
