import Optim
import Viz
import XCTest
@testable import Figures

/// y limits near poles and huge values, tried as a new user would: `x/(2*x+1)/3` lost its branch
/// between −0.5 and 0, `exp(exp(x))` was a flat line (the axis went to 10¹⁷⁵), and
/// `pitfalls --function 'log(x)+1/x'` and `lr --function '1/x'` were squashed to ±10⁴.
final class RobustYLimitsTests: XCTestCase {
    func figure(_ text: String) throws -> (Figure, Axes) {
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [try Activation(expression: MathExpression(text))]).build(into: &figure)
        return (figure, try XCTUnwrap(figure.panels.first?.axes))
    }

    func testAShortBranchNextToAPoleIsShown() throws {
        let (_, axes) = try figure("x/(2*x+1)/3")
        let y = try XCTUnwrap(axes.yLimits)
        // f = x/(3(2x + 1)) falls from 0 at x = 0 to −∞ at −0.5: the axis goes well below 0 …
        XCTAssertLessThan(y.lower, -0.25)
        // … and stays on the scale of the rest (f → 1/6 in both tails, f ≈ 0.32 at x = −1).
        XCTAssertLessThan(y.upper, 1)
        let f = try XCTUnwrap(axes.marks.compactMap { $0 as? LineMark }.first { !$0.points.isEmpty })
        let shown = f.points.filter { $0.x > -0.5 && $0.x < 0 && $0.y > y.lower && $0.y < y.upper }
        let xs = shown.map(\.x)
        XCTAssertGreaterThan((xs.max() ?? 0) - (xs.min() ?? 0), 0.2, "the branch between −0.5 and 0 is drawn inside the view")
    }

    func testADoubleExponentialIsClippedWhereItsRiseIsSeen() throws {
        let (figure, axes) = try figure("exp(exp(x))")
        let y = try XCTUnwrap(axes.yLimits)
        // exp(exp(6)) ≈ 1.6×10¹⁷⁵; the view stops where the rise can still be seen.
        XCTAssertGreaterThan(y.upper, 10)
        XCTAssertLessThan(y.upper, 1000)
        XCTAssertEqual(y.lower, 0, accuracy: 0.1 * y.upper)
        XCTAssertTrue(figure.subtitle?.contains("y clipped above") == true, figure.subtitle ?? "nil")
        XCTAssertTrue(figure.subtitle?.contains("f reaches 1.61×10¹⁷⁵ at x = 6") == true, figure.subtitle ?? "nil")
        // A triangle where each curve leaves through the top.
        let marks = axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .triangle }
        XCTAssertEqual(marks.count, 2)
    }

    func testPlainDataKeepsItsLimits() throws {
        let xs = (0...100).map { -2 + 4 * Double($0) / 100 }
        let fit = try XCTUnwrap(RobustYLimits(xs: xs, series: [xs.map { $0 * $0 }, xs.map { 2 * $0 }], poles: []))
        XCTAssertEqual(fit.shownLower, -4)
        XCTAssertEqual(fit.shownUpper, 4)
        XCTAssertFalse(fit.clipped)
        XCTAssertFalse(fit.trimmed)
        // exp(x) on [−6, 6] keeps its whole hockey stick: nothing is trimmed.
        let e = try XCTUnwrap(RobustYLimits(xs: xs.map { 3 * $0 }, series: [xs.map { Foundation.exp(3 * $0) }], poles: []))
        XCTAssertFalse(e.trimmed)
        XCTAssertEqual(e.shownUpper, Foundation.exp(6), accuracy: 1e-9)
    }

    func testPitfallsOnLogPlusReciprocal() throws {
        let curve = try Curve1D(expression: MathExpression("log(x)+1/x"))
        // log is undefined for x ≤ 0: the view is where f is defined, with a small margin.
        XCTAssertGreaterThan(curve.viewRange.lowerBound, -0.2)
        XCTAssertLessThan(curve.viewRange.lowerBound, 0)
        XCTAssertEqual(curve.viewRange.upperBound, 3)
        var figure = try Figure(width: 1280, height: 720)
        _ = try PitfallsFigure(curve: curve, runs: [(2, 0.5)], steps: 10).build(into: &figure)
        let y = try XCTUnwrap(figure.panels.first?.axes.yLimits)
        // The minimum f(1) = 1 and the wall up from it are seen (f(0.3) ≈ 2.1), not a spike to 10⁴.
        XCTAssertLessThan(y.upper, 10)
        XCTAssertGreaterThan(y.upper, 2.5)
        XCTAssertGreaterThan(y.lower, -1)
    }

    func testLearningRatesOnAReciprocal() throws {
        let curve = try Curve1D(expression: MathExpression("1/x"))
        var figure = try Figure(width: 1280, height: 720)
        _ = try LearningRateFigure(curve: curve, rates: [0.1], start: 2.4, steps: 5).build(into: &figure)
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        let y = try XCTUnwrap(axes.yLimits)
        // Both branches are seen leaving the view towards x = 0, on the scale of 1/x away from it.
        XCTAssertLessThan(y.lower, -3)
        XCTAssertGreaterThan(y.lower, -15)
        XCTAssertGreaterThan(y.upper, 3)
        XCTAssertLessThan(y.upper, 15)
        XCTAssertTrue(axes.marks.contains { ($0 as? ReferenceLineMark).map { $0.orientation == .vertical && $0.value == 0 } ?? false })
    }
}

extension RobustYLimitsTests {
    /// y = 1/6 is the asymptote of x/(3(2x + 1)) in both tails: one line, its label off the curve
    /// (at the left end above the line it sat on the curve, which runs just above it there).
    func testAnAsymptoteLabelKeepsOffTheCurves() throws {
        let (_, axes) = try figure("x/(2*x+1)/3")
        let lines = axes.marks.compactMap { $0 as? ReferenceLineMark }.filter { $0.orientation == .horizontal }
        XCTAssertEqual(lines.count, 1)
        let line = try XCTUnwrap(lines.first)
        XCTAssertEqual(line.value, 1.0 / 6, accuracy: 1e-7)
        XCTAssertFalse(line.textAtStart && !line.textBelow, "not above the line at the left end, where f runs")
        // The curve near the chosen end stays out of the label's band (8 % of the shown span).
        let f = { (x: Double) in x / (2 * x + 1) / 3 }
        let y = try XCTUnwrap(axes.yLimits)
        let band = 0.08 * (y.upper - y.lower)
        for k in 0...20 {
            let x = line.textAtStart ? -6 + 0.12 * Double(k) : 6 - 0.12 * Double(k)
            let v = f(x)
            XCTAssertFalse(line.textBelow ? (v < 1.0 / 6 && v > 1.0 / 6 - band) : (v > 1.0 / 6 && v < 1.0 / 6 + band), "f(\(x)) = \(v)")
        }
    }
}
