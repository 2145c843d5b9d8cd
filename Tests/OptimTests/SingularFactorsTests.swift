import XCTest
@testable import Optim

/// The subexpressions at whose zeros a typed f may be unbounded along a curve: divisors, log's
/// arguments, bases of negative powers, split into factors whose sign changes across the curve.
final class SingularFactorsTests: XCTestCase {
    private func factors(_ source: String, dimension: Int = 2) throws -> [String] {
        try MathExpression(source, dimension: dimension).singularFactors.map(\.source)
    }

    func testFactorsOfDivisorsLogsAndNegativePowers() throws {
        XCTAssertEqual(try factors("1/(x-y)"), ["x - y"])
        XCTAssertEqual(try factors("log(x*y)"), ["x", "y"])
        XCTAssertEqual(try factors("1/(x-y)^2"), ["x - y"])
        XCTAssertEqual(try factors("(x^2 + y^2 - 1)^-2"), ["x^{2} + y^{2} - 1"])
        XCTAssertEqual(try factors("x/(2*x+1)", dimension: 1), ["2x + 1"])
        XCTAssertEqual(try factors("log(sqrt(x - y)) + 1/(-(x-y))"), ["x - y"], "repeats are left out")
        // Constants and positive powers are not singular.
        XCTAssertEqual(try factors("exp(x)/3 + log(2) + x^2 + y^-0"), [])
    }

    func testAFactorEvaluatesAsItsSubexpression() throws {
        let g = try XCTUnwrap(try MathExpression("3 + 1/(a*x - y)", dimension: 2, parameters: ["a": 2]).singularFactors.first)
        XCTAssertEqual(g.value(1.5, 0.5), 2.5)
        XCTAssertEqual(g.gradient(1.5, 0.5).dx, 2)
        XCTAssertEqual(g.gradient(1.5, 0.5).dy, -1)
        XCTAssertEqual(g.dimension, 2)
    }
}
