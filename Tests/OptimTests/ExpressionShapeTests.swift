import XCTest
@testable import Optim

/// The numerically found shape of an expression agrees with the catalogue's for every built-in
/// activation written as an expression.
final class ExpressionShapeTests: XCTestCase {
    func testShapeMatchesTheCatalogue() throws {
        for name in Activation.allNames {
            let builtIn = try Activation(name: name)
            let source = try XCTUnwrap(ExpressionCatalogueTests.activations[name])
            let typed = try Activation(expression: MathExpression(source, parameters: name == "swish" ? ["beta": 1] : [:]))
            XCTAssertEqual(typed.kinks, builtIn.kinks, "\(name) kinks")
            XCTAssertEqual(typed.jumps, builtIn.jumps, "\(name) jumps")
            XCTAssertEqual(typed.asymptoteDetails.map(\.side), builtIn.asymptoteDetails.map(\.side), "\(name) asymptote sides")
            for (a, b) in zip(typed.asymptoteDetails, builtIn.asymptoteDetails) {
                XCTAssertEqual(a.y, b.y, accuracy: 1e-9, "\(name) asymptote")
            }
            XCTAssertEqual(typed.isMonotonic, builtIn.isMonotonic, "\(name) monotonic")
            let r = typed.outputRange, e = builtIn.outputRange
            XCTAssertEqual(r.lower, e.lower, accuracy: 1e-9, "\(name) lower bound")
            XCTAssertEqual(r.upper, e.upper, accuracy: 1e-9, "\(name) upper bound")
            XCTAssertEqual(r.lowerAttained, e.lowerAttained, "\(name) lower attained")
            XCTAssertEqual(r.upperAttained, e.upperAttained, "\(name) upper attained")
            XCTAssertEqual(typed.maxAbsDerivative.value, builtIn.maxAbsDerivative.value, accuracy: 1e-9, "\(name) max |f'|")
        }
    }

    func testBranchPoints() throws {
        XCTAssertEqual(try MathExpression("abs(x) + relu(x - 1)").branchPoints(), [0, 1])
        let roots = try MathExpression("max(x^2, 2)").branchPoints()
        XCTAssertEqual(roots.count, 2)
        for r in roots { XCTAssertEqual(r * r, 2, accuracy: 1e-15) }
        XCTAssertEqual(try MathExpression("relu6(x + 1)").branchPoints(), [-1, 5])
        XCTAssertEqual(try MathExpression("x^2").branchPoints(), [])
        let a = try Activation(expression: MathExpression("abs(x) + relu(x - 1)"))
        XCTAssertEqual(a.kinks, [0, 1])
        XCTAssertEqual(a.outputRange.lower, 0)
        XCTAssertTrue(a.outputRange.lowerAttained)
        XCTAssertEqual(a.outputRange.upper, .infinity)
    }
}
