import Foundation
import XCTest
@testable import Optim

/// A long typed expression (up to the 10,000-character limit) costs a bounded amount: evaluating it
/// does no analysis at all, and its shape is found at fewer points the longer its tape is.
/// `LONG_EXPRESSION_TERMS` sets the number of terms of `x+x+…+x` (default 300; 5000 is the
/// 9,999-character case).
final class LongExpressionTests: XCTestCase {
    private var terms: Int { Int(ProcessInfo.processInfo.environment["LONG_EXPRESSION_TERMS"] ?? "") ?? 300 }

    func testMakingAnActivationDoesNotAnalyseIt() throws {
        let n = terms
        let e = try MathExpression(Array(repeating: "x", count: n).joined(separator: "+"))
        let a = try Activation(expression: e)
        guard case .expression(let typed) = a.function else { return XCTFail("not an expression") }
        XCTAssertFalse(typed.isAnalysed, "making the activation must not run the shape analysis")
        XCTAssertEqual(a.value(1), Double(n))
        XCTAssertEqual(a.derivative(1), Double(n))
        XCTAssertFalse(typed.isAnalysed, "evaluating must not run the shape analysis")
        XCTAssertTrue(a.isMonotonic)
        XCTAssertTrue(typed.isAnalysed)
    }

    func testAnalysisSamplesShrinkWithTheTape() throws {
        let short = try MathExpression("x*tanh(softplus(x))")
        XCTAssertEqual(short.analysisSamples, 8000)
        let long = try MathExpression(Array(repeating: "x", count: 5000).joined(separator: "+"))
        XCTAssertEqual(long.analysisSamples, 800)
        XCTAssertLessThanOrEqual(long.analysisSamples * long.tape.instructions.count, 8_000_000)
    }

    func testShapeOfALongSumIsRight() throws {
        let n = terms
        let shape = try MathExpression(Array(repeating: "x", count: n).joined(separator: "+")).shape
        XCTAssertTrue(shape.isMonotonic)
        XCTAssertEqual(shape.kinks, [])
        XCTAssertEqual(shape.poles, [])
        XCTAssertEqual(shape.outputRange.lower, -.infinity)
        XCTAssertEqual(shape.outputRange.upper, .infinity)
        XCTAssertEqual(shape.maxAbsDerivative, Double(n))
    }
}
