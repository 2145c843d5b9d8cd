import Foundation
import Optim
import Viz
import XCTest
@testable import Figures

/// A typed function that overflows float64 inside the range (eˣ beyond x = 709.78) is a number too large
/// for a double there, not undefined: the figure draws what is finite, clips the axis and says where f
/// overflows; it used to exit 1 with "invalid y limits '-8.9e306:inf'" or claim "f undefined for x ≥ 710".
final class OverflowRangeTests: XCTestCase {
    func figure(_ text: String, _ range: ClosedRange<Double>) throws -> Figure {
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [try Activation(expression: MathExpression(text))], range: range).build(into: &figure)
        return figure
    }

    func testExpOverflowIsNamedAndTheFigureRenders() throws {
        for range: ClosedRange<Double> in [-10...710, -800...800] {
            let f = try figure("exp(x)", range)
            let sub = try XCTUnwrap(f.subtitle)
            XCTAssertTrue(sub.contains("f overflows float64 for x > 709.78"), sub)
            XCTAssertFalse(sub.contains("undefined"), sub)
            XCTAssertFalse(sub.contains("→ ∞ at x = 710"), sub)
            let y = try XCTUnwrap(f.panels.first?.axes.yLimits)
            XCTAssertTrue(y.lower.isFinite && y.upper.isFinite && y.upper > y.lower, "\(y)")
            // Not zoomed onto float underflow: the shown top is of order 1 or more.
            XCTAssertGreaterThan(y.upper, 1, "\(range)")
            let png = try f.render(as: .png)
            XCTAssertGreaterThan(png.count, 1000)
        }
        // A pole is not an overflow, even where f is huge on both sides.
        XCTAssertFalse(try figure("1/x^2", -1...1).subtitle?.contains("overflows") == true)
        XCTAssertFalse(try figure("1/x", -1...1).subtitle?.contains("overflows") == true)
        // The mirror image: e^(−x) overflows to the left.
        XCTAssertTrue(try figure("exp(-x)", -710...10).subtitle?.contains("f overflows float64 for x < −709.78") == true)
    }

    func testAFunctionThatOnlyUnderflowsKeepsItsWholeRise() throws {
        // eˣ on [−710, 10]: 10⁻³⁰⁸ … 22026; the view was cut to "y clipped above 4.75×10⁻²⁹³".
        let f = try figure("exp(x)", -710...10)
        // Either the data set the limits (nothing fixed) or the fixed ones reach e¹⁰.
        if let y = f.panels.first?.axes.yLimits { XCTAssertGreaterThanOrEqual(y.upper, Foundation.exp(10)) }
        XCTAssertFalse(f.subtitle?.contains("clipped") == true, f.subtitle ?? "")
        let xs = (0...100).map { -710 + 720 * Double($0) / 100 }
        let fit = try XCTUnwrap(RobustYLimits(xs: xs, series: [xs.map(Foundation.exp)], poles: []))
        XCTAssertFalse(fit.trimmed)
        XCTAssertEqual(fit.shownUpper, Foundation.exp(10), accuracy: 1e-9)
    }

    func testPaddingNearTheLargestDoubleStaysFinite() {
        let p = ActivationDomain.padded(-1e308, 1.7e308)
        XCTAssertTrue(p.lower.isFinite && p.upper.isFinite)
        XCTAssertEqual(p.upper, Double.greatestFiniteMagnitude)
    }
}
