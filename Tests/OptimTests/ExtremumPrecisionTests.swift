import Foundation
import XCTest
@testable import Optim

/// Where a maximum or minimum is claimed to lie carries no digits of float noise: the sigmoid
/// written out, e/(1 + e), had "max |f′| = 0.25 at x = −1.37×10⁻⁹" (golden-section search stops where
/// f′'s values differ only by rounding); the built-in sigmoid says x = 0.
final class ExtremumPrecisionTests: XCTestCase {
    func testTheSimplestDecimalInARange() {
        XCTAssertEqual(ExtremumPrecision.simplestDecimal(in: -2e-5...2e-5, near: -1.37e-9), 0)
        XCTAssertEqual(ExtremumPrecision.simplestDecimal(in: 0.29999...0.30001, near: 0.3000004), 0.3)
        XCTAssertEqual(ExtremumPrecision.simplestDecimal(in: 0.31224...0.31244, near: 0.31234), 0.3123)
        XCTAssertEqual(ExtremumPrecision.simplestDecimal(in: 1199.5...1200.2, near: 1199.9), 1200)
        XCTAssertEqual(ExtremumPrecision.simplestDecimal(in: -2.39937 ... -2.39933, near: -2.39935), -2.39935)
        // Nothing shorter inside: the point itself.
        XCTAssertEqual(ExtremumPrecision.simplestDecimal(in: 0.123456789...0.123456789, near: 0.123456789), 0.123456789)
    }

    func testASmoothPeakSnapsToTheDecimalTheValuesSupport() {
        // σ′ peaks at 0; a search ending at 10⁻⁹ is at 0 to the precision of σ′'s values.
        let sigmoidSlope = { (x: Double) in 1 / (2 + 2 * Foundation.cosh(x)) }
        XCTAssertEqual(ExtremumPrecision.snap(sigmoidSlope, maximiserAt: -1.37e-9, reach: 0.0125), 0)
        // A peak at 0.3 found as 0.3 + 4×10⁻⁹.
        XCTAssertEqual(ExtremumPrecision.snap({ 5 - ($0 - 0.3) * ($0 - 0.3) }, maximiserAt: 0.300000004, reach: 0.0125), 0.3)
        // A peak at 1/√2 keeps the digits that are true: within 10⁻⁴ of it, and no more than 6 of them.
        let at = ExtremumPrecision.snap({ x in 2 * x * Foundation.exp(-x * x) }, maximiserAt: 0.7071067762579997, reach: 0.0125)
        XCTAssertEqual(at, 0.5.squareRoot(), accuracy: 1e-4)
        XCTAssertLessThanOrEqual("\(at)".count, "0.70711".count, "\(at)")
        // A minimum of value 0 (relative tolerance from the fall over the bracket): (x − 0.3)² at 0.3.
        XCTAssertEqual(ExtremumPrecision.snap({ -($0 - 0.3) * ($0 - 0.3) }, maximiserAt: 0.3 + 3e-12, reach: 0.0125), 0.3)
    }

    func testTypedFunctionsReportTheirExtremaWithoutNoise() throws {
        for written in ["exp(x)/(1+exp(x))", "1/(1+exp(-x))"] {
            let a = try Activation(expression: MathExpression(written))
            XCTAssertEqual(a.maxAbsDerivative.at, 0, written)
            XCTAssertEqual(a.maxAbsDerivative.value, 0.25, accuracy: 1e-12, written)
            XCTAssertEqual(a.steepestSlope.at, 0, written)
            XCTAssertEqual(a.steepestSlope.approach, 0, written)
        }
        let gaussian = try Activation(expression: MathExpression("exp(-(x-0.1)^2)"))
        // |f′| peaks at 0.1 ± 1/√2; the search finds one of them.
        XCTAssertEqual(abs(gaussian.maxAbsDerivative.at - 0.1), 0.5.squareRoot(), accuracy: 1e-4)
        XCTAssertLessThanOrEqual("\(gaussian.maxAbsDerivative.at)".count, "-0.60711".count)
        let shifted = try XCTUnwrap(try Activation(expression: MathExpression("(x-0.3)^2 + 1")).typedShape)
        XCTAssertEqual(shifted.minimumAt, 0.3)
        XCTAssertEqual(shifted.minimum, 1)
        // The built-ins found by search (SiLU's steepest slope near 2.3994) print as few digits.
        let silu = try Activation(name: "silu")
        XCTAssertEqual(silu.maxAbsDerivative.at, 2.39936, accuracy: 1e-4)
        XCTAssertLessThanOrEqual("\(silu.maxAbsDerivative.at)".count, "2.39936".count)
        XCTAssertEqual(try Activation(name: "sigmoid").maxAbsDerivative.at, 0)
    }
}
