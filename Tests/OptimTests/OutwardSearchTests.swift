import XCTest
@testable import Optim

/// The analysis of a typed function does not stop at a fixed window: a minimum, a peak or a kink beyond it is
/// found by searching outwards, and the range, monotonicity and minima are those of the function (tried as a
/// new user would: `lr --function '(x-10)^2'` said "no minimum" in every panel; `(x-100)^2` had "range
/// [2499, ∞)", the value at the window's edge; |x + 100| was called monotonic).
final class OutwardSearchTests: XCTestCase {
    func shape(_ text: String) throws -> FunctionShape { try MathExpression(text).shape }

    func testALossCurvesMinimumBeyondTheWindowIsFound() throws {
        for (text, at) in [("(x-10)^2", 10.0), ("x^2-20*x", 10), ("(x+37)^2", -37), ("(x-1000)^2 + 3", 1000)] {
            let c = try Curve1D(expression: MathExpression(text))
            let m = try XCTUnwrap(c.minima.first, text)
            XCTAssertEqual(m, at, accuracy: 1e-6, text)
            XCTAssertTrue(c.viewRange.contains(at) && c.viewRange.contains(c.suggestedStart), "\(text): \(c.viewRange)")
            XCTAssertEqual(c.globalMinima(view: c.viewRange).count, 1, text)
        }
        // Falling for ever: no minimum, however far the search goes.
        XCTAssertEqual(try Curve1D(expression: MathExpression("x")).minima, [])
        XCTAssertEqual(try Curve1D(expression: MathExpression("-x^2")).minima, [])
    }

    func testRangeAndMonotonicityAreOfTheWholeLine() throws {
        let far = try shape("(x-100)^2")
        XCTAssertEqual(far.outputRange, OutputRange(lower: 0, upper: .infinity, lowerAttained: true, upperAttained: false))
        XCTAssertFalse(far.isMonotonic)
        XCTAssertEqual(try XCTUnwrap(far.minimumAt), 100, accuracy: 1e-6)
        let shifted = try shape("x^2-200*x")
        XCTAssertEqual(shifted.outputRange.lower, -10000, accuracy: 1e-6)
        XCTAssertEqual(try shape("(x-60)^2+1").outputRange.lower, 1, accuracy: 1e-9)
        let bump = try shape("exp(-(x-60)^2)")
        XCTAssertEqual(bump.outputRange.upper, 1, accuracy: 1e-9)
        XCTAssertTrue(bump.outputRange.upperAttained)
        XCTAssertFalse(bump.outputRange.lowerAttained)
        XCTAssertFalse(bump.isMonotonic)
        // Its steepest slope √2·e^{−1/2} ≈ 0.858 at 60 ± 1/√2, not the 10⁻⁴³ of the window.
        XCTAssertEqual(bump.maxAbsDerivative, 2.0.squareRoot() * Double.exp(-0.5), accuracy: 1e-6)
        // A shifted exponential underflows to 0 far left: that is no value it takes.
        XCTAssertEqual(try shape("exp(x+60)").outputRange, OutputRange(lower: 0, upper: .infinity, lowerAttained: false, upperAttained: false))
        XCTAssertTrue(try shape("exp(x+60)").isMonotonic)
        // Unbounded growth stays unbounded (not the value at the last far sample).
        XCTAssertEqual(try shape("x^2").maxAbsDerivative, .infinity)
    }

    func testAnIsolatedKinkBeyondTheWindowIsAKink() throws {
        let v = try shape("abs(x+100)")
        XCTAssertEqual(v.kinks, [-100])
        XCTAssertEqual(v.outputRange, OutputRange(lower: 0, upper: .infinity, lowerAttained: true, upperAttained: false))
        XCTAssertFalse(v.isMonotonic)
        let hinge = try shape("relu(x-1e6)")
        XCTAssertEqual(hinge.kinks, [1e6])
        XCTAssertEqual(hinge.outputRange, OutputRange(lower: 0, upper: .infinity, lowerAttained: true, upperAttained: false))
        XCTAssertTrue(hinge.isMonotonic)
        // A repeating pattern is not chased outwards: |sin x| keeps the kinks of the window.
        XCTAssertTrue(try shape("abs(sin(x))").kinks.allSatisfy { abs($0) <= 50 })
    }

    func testALimitAlsoTakenInsideClosesTheRange() throws {
        // x²e^{−x²} → 0 in both tails and is 0 at 0: [0, 1/e], not (0, 1/e].
        let r = try shape("x^2*exp(-x^2)").outputRange
        XCTAssertEqual(r.lower, 0)
        XCTAssertTrue(r.lowerAttained)
        XCTAssertEqual(r.upper, 1 / Double.exp(1), accuracy: 1e-9)
        XCTAssertTrue(r.upperAttained)
        XCTAssertTrue(try shape("(x-0.3)^2*exp(-x^2)").outputRange.lowerAttained)
        XCTAssertTrue(try shape("x^2/(1+x^2)^(3/2)").outputRange.lowerAttained)
        // Limits only approached stay open.
        XCTAssertEqual(try shape("x^2/(1+x^2)").outputRange, OutputRange(lower: 0, upper: 1, lowerAttained: true, upperAttained: false))
        XCTAssertEqual(try shape("tanh(x)").outputRange, OutputRange(lower: -1, upper: 1, lowerAttained: false, upperAttained: false))
        XCTAssertEqual(try shape("1/(1+exp(-x))").outputRange, OutputRange(lower: 0, upper: 1, lowerAttained: false, upperAttained: false))
        XCTAssertEqual(try shape("exp(-x^2)").outputRange, OutputRange(lower: 0, upper: 1, lowerAttained: false, upperAttained: true))
    }
}
