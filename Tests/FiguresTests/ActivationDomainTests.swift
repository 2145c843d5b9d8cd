import Optim
import Viz
import XCTest
@testable import Figures

/// A typed activation that is undefined somewhere or unbounded at a point says so, and its y axis is
/// not set by the unbounded derivative (tried as a new user would: `sqrt(x)` drew nothing for x < 0,
/// said nothing, and f′ → ∞ at 0 stretched the y axis to about 35).
final class ActivationDomainTests: XCTestCase {
    func domain(_ text: String) throws -> ActivationDomain {
        let a = try Activation(expression: MathExpression(text))
        return ActivationDomain(value: a.value, derivative: a.derivative, over: -6...6)
    }

    func testSqrtIsUndefinedBelowZeroWithAnInfiniteSlopeAtZero() throws {
        let d = try domain("sqrt(x)")
        XCTAssertEqual(d.clauses, ["f undefined for x < 0", "f′ → ∞ at x = 0"])
        // f spans [0, √6]; f′ ≤ 1/(2√0.6) ≈ 0.65 away from 0, so the axis is f's range padded by 5 %.
        let y = try XCTUnwrap(d.yLimits)
        XCTAssertEqual(y.lower, -0.05 * 6.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(y.upper, 1.05 * 6.0.squareRoot(), accuracy: 1e-12)
    }

    func testLogIsUndefinedAtAndBelowZero() throws {
        let d = try domain("log(x)")
        XCTAssertEqual(d.clauses, ["f undefined for x ≤ 0", "f → −∞ at x = 0", "f′ → ∞ at x = 0"])
        let y = try XCTUnwrap(d.yLimits)
        // From x ≈ 0.6 (5 % of the range from 0) to 6: log 0.6 ≈ −0.51 up to log 6 ≈ 1.79.
        XCTAssertEqual(y.upper, log(6) + 0.05 * (log(6) - log(0.6)), accuracy: 0.02)
        XCTAssertEqual(y.lower, log(0.6) - 0.05 * (log(6) - log(0.6)), accuracy: 0.02)
    }

    func testBoundaryIsFoundFromTheSamplesAndRounded() throws {
        XCTAssertEqual(try domain("sqrt(x - 1.5)").clauses, ["f undefined for x < 1.5", "f′ → ∞ at x = 1.5"])
        XCTAssertEqual(try domain("sqrt(2 - x)").clauses, ["f undefined for x > 2", "f′ → −∞ at x = 2"])
        XCTAssertEqual(try domain("1/x").clauses.first, "f undefined at x = 0")
    }

    func testEverywhereDefinedFunctionsSayNothingAndKeepAutomaticLimits() throws {
        for text in ["x*tanh(softplus(x))", "abs(x)", "relu(x)", "tanh(x)"] {
            let d = try domain(text)
            XCTAssertEqual(d.clauses, [], text)
            XCTAssertNil(d.yLimits, text)
        }
    }

    func testTheFigureSubtitleNamesTheUndefinedRegion() throws {
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [try Activation(expression: MathExpression("sqrt(x)"))]).build(into: &figure)
        XCTAssertTrue(figure.subtitle?.hasSuffix(" · f undefined for x < 0 · f′ → ∞ at x = 0") == true, figure.subtitle ?? "nil")
    }
}
