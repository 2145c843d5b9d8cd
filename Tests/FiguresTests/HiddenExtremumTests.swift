import Optim
import Viz
import XCTest
@testable import Figures

/// x^x on the default view was drawn to its tail (f 4.7×10⁴ and f′ 1.3×10⁵ at x = 6, the axis "×10⁵"), so
/// its minimum e^(−1/e) ≈ 0.692 at x = 1/e — the one thing worth seeing — was a flat line on 0, though
/// the subtitle stated "range [0.692, ∞)". The view is now cut where that minimum shows.
final class HiddenExtremumTests: XCTestCase {
    private func figure(_ text: String) throws -> (Figure, Axes) {
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [try Activation(expression: MathExpression(text))]).build(into: &figure)
        return (figure, try XCTUnwrap(figure.panels.first?.axes))
    }

    func testTheMinimumOfXToTheXShows() throws {
        let (figure, axes) = try figure("x^x")
        let y = try XCTUnwrap(axes.yLimits)
        // Relief 1 − 0.692 = 0.308 on its left (f(0) = 1): the cut is at 0.692 + 20 × 0.308 ≈ 6.85.
        XCTAssertGreaterThan(y.upper, 6.5)
        XCTAssertLessThan(y.upper, 8)
        XCTAssertLessThan(y.lower, 0, "f′ = xˣ(ln x + 1) is negative left of 1/e")
        let subtitle = figure.subtitle ?? ""
        XCTAssertTrue(subtitle.contains("y clipped above 6.8"), subtitle)
        XCTAssertTrue(subtitle.contains("(f reaches 46656 at x = 6)"), subtitle)
        // Both curves leave through the top, each marked where it does.
        XCTAssertEqual(axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .triangle }.count, 2)
        // The same for a maximum: −x^x is cut below.
        let (_, negative) = try self.figure("-x^x")
        let ny = try XCTUnwrap(negative.yLimits)
        XCTAssertGreaterThan(ny.lower, -8)
        XCTAssertLessThan(ny.lower, -6)
    }

    /// x·eˣ has its minimum −1/e at x = −1 (relief 0.35 up to its left end), its tail 2420 at x = 6.
    func testAMinimumBesideAnExponentialTailShows() throws {
        let (_, axes) = try figure("x*exp(x)")
        let y = try XCTUnwrap(axes.yLimits)
        XCTAssertLessThan(y.upper, 8)
        XCTAssertGreaterThan(y.upper, 6)
    }

    /// Curves whose extremum is already visible keep the view their data give: mish (a minimum 0.29 deep
    /// under a rise to 6), eˣ − x (a minimum of 1 with its left side rising to 6, tail 397: cut only
    /// fourfold), x², cosh, and the built-in activations.
    func testVisibleExtremaKeepTheirView() throws {
        for text in ["x*tanh(softplus(x))", "exp(x) - x", "x^2", "cosh(x)", "x^4 - 3*x^2 + x", "sin(x)/x"] {
            let xs = (0...2400).map { -6 + 12 * Double($0) / 2400 }
            let f = try MathExpression(text)
            let fit = try XCTUnwrap(RobustYLimits(xs: xs, series: [xs.map(f.value), xs.map(f.derivative)], poles: []))
            XCTAssertFalse(fit.trimmed, text)
            XCTAssertFalse(fit.clipped, text)
        }
        for name in Activation.allNames {
            let a = try Activation(name: name)
            let xs = (0...2400).map { -6 + 12 * Double($0) / 2400 }
            let fit = try XCTUnwrap(RobustYLimits(xs: xs, series: [xs.map(a.value), xs.map(a.derivative)], poles: []))
            XCTAssertFalse(fit.trimmed, name)
        }
    }
}
