import Optim
import Viz
import XCTest
@testable import Figures

/// `dlplot pitfalls`: the title names the loss that was drawn.
final class PitfallsFigureTests: XCTestCase {
    func testTitleNamesATypedLoss() throws {
        let typed = try Curve1D(expression: MathExpression("x^4 - 3*x^2 + x"))
        var figure = try Figure(width: 1280, height: 720)
        _ = try PitfallsFigure(curve: typed, runs: [(start: 2, rate: 0.01)], steps: 10).build(into: &figure)
        XCTAssertEqual(figure.title, "Gradient descent from several starts on " + typed.formula)
        XCTAssertTrue(typed.formula.contains("x^{4}") || typed.formula.contains("x^4"), typed.formula)

        var builtIn = try Figure(width: 1280, height: 720)
        _ = try PitfallsFigure(curve: Curve1D(named: "pitfalls"), runs: [(start: 2, rate: 0.01)], steps: 10).build(into: &builtIn)
        XCTAssertEqual(builtIn.title, "Pitfalls of gradient descent on a non-convex loss")
    }
}
