import Optim
import Viz
import XCTest
@testable import Figures

/// X13-38: at a kink the ◆ of "max |f′| = 1 for x > 0" sat on the jump's open end, (0, 1), where f′(0) = 0.55
/// (torch's tie value): a reader saw f′ take 1 at the kink. The ◆ goes inside the interval it describes.
final class SteepestMarkerPlaceTests: XCTestCase {
    private func diamonds(_ formula: String, range: ClosedRange<Double> = -6...6) throws -> [Point] {
        let a = try Activation(expression: MathExpression(formula))
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [a], range: range).build(into: &figure)
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        return marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .diamond }.flatMap(\.points)
    }

    func testTheDiamondOfAnIntervalIsInsideIt() throws {
        let leaky = try diamonds("max(x, 0.1*x)")
        XCTAssertEqual(leaky.count, 1)
        let p = try XCTUnwrap(leaky.first)
        XCTAssertGreaterThan(p.x, 0.1, "right of the kink at 0, inside x > 0")
        XCTAssertLessThan(p.x, 1)
        XCTAssertEqual(p.y, 1, accuracy: 1e-12, "on f′ = 1, where f′ takes that value")
        let kinks = try diamonds("abs(x) + relu(x - 1)", range: -2...3)
        let q = try XCTUnwrap(kinks.first)
        XCTAssertGreaterThan(q.x, 1.05, "right of the kink at 1")
        XCTAssertEqual(q.y, 2, accuracy: 1e-12)
        // A maximum at a point (tanh at 0) stays where it is.
        XCTAssertEqual(try diamonds("tanh(x)").first?.x ?? .nan, 0, accuracy: 1e-9)
    }
}

/// X13-15: log1p(eˣ)/log 2 had its largest slope "1.443 attained at x = 36.6" (σ(36.6) rounds to 1), where the
/// built-in softplus says "1 as x → +∞": the same analysis for typed and built-in functions.
final class RoundedTailSlopeTests: XCTestCase {
    func testASlopeReachedOnlyByRoundingIsATailLimit() throws {
        for (formula, value) in [("log1p(exp(x))/log(2)", "1.443"), ("softplus(x)", "1")] {
            let a = try Activation(expression: MathExpression(formula))
            let p = ActivationTableFigure.properties(of: a)
            XCTAssertEqual(p.maxAbsDerivativeAt, .infinity, formula)
            XCTAssertEqual(ActivationTableFigure.peakText(p), value + " as $x \\to +\\infty$", formula)
        }
        // A plateau that starts at a kink is attained there: relu(x) has slope 1 for x > 0.
        let relu = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("relu(x)")))
        XCTAssertTrue(relu.maxAbsDerivativeAt.isFinite, "\(relu.maxAbsDerivativeAt)")
        XCTAssertEqual(relu.maxAbsDerivative, 1)
    }
}
