import XCTest
@testable import Optim

/// Poles of typed functions (tried as a new user would: `1/x` claimed the range [−3.52×10¹⁴, ∞), a
/// steepest slope of 10¹⁶ and saturated tails).
final class FunctionPoleTests: XCTestCase {
    func shape(_ text: String) throws -> Activation { try Activation(expression: MathExpression(text)) }

    func testReciprocalHasAPoleAtZeroAndAnUnboundedRange() throws {
        let a = try shape("1/x")
        XCTAssertEqual(a.poles, [Pole(at: 0, left: -1, right: 1)])
        XCTAssertEqual(a.outputRange, OutputRange(lower: -.infinity, upper: .infinity, lowerAttained: false, upperAttained: false))
        XCTAssertFalse(a.isBounded)
        XCTAssertEqual(a.maxAbsDerivative.value, .infinity)
        // The tails tend to 0 only because the function lives on its pole: no saturation.
        XCTAssertEqual(a.zones(over: -6...6, threshold: 0.05), [])
    }

    func testPoleBetweenSamplesIsFoundToRounding() throws {
        let a = try shape("1/(x - 0.31)")
        let p = try XCTUnwrap(a.poles.first)
        XCTAssertEqual(a.poles.count, 1)
        XCTAssertEqual(p.at, 0.31, accuracy: 1e-12)
        XCTAssertEqual([p.left, p.right], [-1, 1])
        XCTAssertEqual(a.outputRange.lower, -.infinity)
        XCTAssertEqual(a.outputRange.upper, .infinity)
    }

    func testEvenPoleAndLogarithmicEnd() throws {
        let square = try shape("1/(x - 1)^2")
        XCTAssertEqual(square.poles.count, 1)
        XCTAssertEqual(square.poles.first?.at ?? .nan, 1, accuracy: 1e-9)
        XCTAssertEqual([square.poles.first?.left, square.poles.first?.right], [1, 1])
        XCTAssertEqual(square.outputRange.lower, 0, accuracy: 1e-9)
        XCTAssertEqual(square.outputRange.upper, .infinity)
        let log = try shape("log(x - 0.3)")
        XCTAssertEqual(log.poles.count, 1)
        XCTAssertEqual(log.poles.first?.at ?? .nan, 0.3, accuracy: 1e-12)
        XCTAssertEqual([log.poles.first?.left, log.poles.first?.right], [0, -1])
        XCTAssertEqual(log.outputRange.lower, -.infinity)
        let tan = try shape("tan(x)")
        // π/2 + kπ on the scan [−50, 50]: 32 poles.
        XCTAssertEqual(tan.poles.count, 32)
        XCTAssertEqual(tan.poles.map(\.at).min { abs($0 - 1.5) < abs($1 - 1.5) } ?? .nan, Double.pi / 2, accuracy: 1e-12)
    }

    func testBoundedPeaksAndOverflowAreNotPoles() throws {
        for text in ["1 - abs(x)", "sqrt(x)", "x*log(x)", "tanh(1/x)", "exp(exp(x))", "sin(x)", "1/(1 + x^2)", "2", "exp(-1/x^2)"] {
            XCTAssertEqual(try shape(text).poles, [], text)
        }
    }
}
