import XCTest
@testable import Optim

/// The numerically found shape of an expression agrees with the catalogue's for every built-in
/// activation written as an expression.
final class ExpressionShapeTests: XCTestCase {
    func testShapeMatchesTheCatalogue() throws {
        for name in Activation.allNames {
            let builtIn = try Activation(name: name)
            // 1/(1 + exp(−x)) overflows to NaN far left, where the zones look for a vanishing f′.
            let source = name == "sigmoid" ? "sigmoid(x)" : try XCTUnwrap(ExpressionCatalogueTests.activations[name])
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
            XCTAssertEqual(typed.deadIntervals, builtIn.deadIntervals, "\(name) dead intervals")
            XCTAssertEqual(typed.derivativeVanishes.left, builtIn.derivativeVanishes.left, "\(name) f' vanishes left")
            XCTAssertEqual(typed.derivativeVanishes.right, builtIn.derivativeVanishes.right, "\(name) f' vanishes right")
            let zones = typed.zones(over: -6...6, threshold: 0.05), expected = builtIn.zones(over: -6...6, threshold: 0.05)
            XCTAssertEqual(zones.map(\.kind), expected.map(\.kind), "\(name) zones \(zones) vs \(expected)")
            for (z, e) in zip(zones, expected) {
                XCTAssertEqual(z.lower, e.lower, accuracy: 1e-12, "\(name) zone")
                XCTAssertEqual(z.upper, e.upper, accuracy: 1e-12, "\(name) zone")
            }
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


/// A function undefined on part of the scan (NaN there) is judged on where it is defined.
final class ExpressionShapeDomainTests: XCTestCase {
    func testIncreasingFunctionsUndefinedLeftOfZeroAreMonotonic() throws {
        XCTAssertTrue(try Activation(expression: MathExpression("sqrt(x)")).isMonotonic)
        XCTAssertTrue(try Activation(expression: MathExpression("log(x)")).isMonotonic)
        XCTAssertFalse(try Activation(expression: MathExpression("-sqrt(x)")).isMonotonic)
        XCTAssertFalse(try Activation(expression: MathExpression("abs(x)")).isMonotonic)
    }
}
