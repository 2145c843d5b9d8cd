import Foundation
import Optim
import Viz
import XCTest
@testable import Figures

/// Every claim of `activations --table` about a typed function is computed from it: checked here on
/// functions with a pole, a restricted domain, unbounded slopes, oscillation and a small scale.
final class ActivationTableClaimsTests: XCTestCase {
    func row(_ text: String) throws -> ActivationTableFigure.Properties {
        ActivationTableFigure.properties(of: try Activation(expression: MathExpression(text)))
    }

    func testReciprocal() throws {
        let p = try row("1/x")
        XCTAssertTrue(p.zeroCentred, "odd, range (−∞, ∞); undefined at 0")
        XCTAssertEqual(p.saturation, .both, "|f′| = 1/x² → 0 at both ends")
        XCTAssertFalse(p.monotonic); XCTAssertFalse(p.bounded)
        XCTAssertEqual(p.maxAbsDerivative, .infinity)
        XCTAssertEqual(ActivationTableFigure.peakText(p), "∞ as $x \\to 0$", "from both sides, not 0⁻")
        XCTAssertEqual(ActivationTableFigure.peakText(try row("log(x)")), "∞ as $x \\to 0^{+}$")
        XCTAssertEqual(ActivationTableFigure.peakText(try row("tan(x)")), "∞ at each pole")
    }

    func testSelfPower() throws {
        let p = try row("x^x")
        // Defined for x > 0 (and at isolated negative integers, which are not a curve): min e^(−1/e) at 1/e.
        XCTAssertEqual(p.range.lower, exp(-1 / M_E), accuracy: 1e-9)
        XCTAssertTrue(p.range.lowerAttained)
        XCTAssertEqual(p.range.upper, .infinity)
        XCTAssertFalse(p.zeroCentred); XCTAssertFalse(p.monotonic)
        XCTAssertEqual(p.maxAbsDerivative, .infinity)
        XCTAssertEqual(p.saturation, ActivationTableFigure.Saturation.none)
        let shape = try XCTUnwrap(try Activation(expression: MathExpression("x^x")).typedShape)
        XCTAssertTrue(shape.asymptotes.isEmpty, "no y = 0 from the values at negative integers")
    }

    func testExponentialSineAndCube() throws {
        let e = try row("exp(x)")
        XCTAssertEqual(e.saturation, .left)
        XCTAssertTrue(e.monotonic); XCTAssertFalse(e.zeroCentred)
        XCTAssertEqual(e.range.lower, 0); XCTAssertFalse(e.range.lowerAttained)
        XCTAssertEqual(e.maxAbsDerivative, .infinity)
        let s = try row("sin(x)")
        XCTAssertTrue(s.zeroCentred, "range [−1, 1] found numerically, f(0) = 0")
        XCTAssertEqual(s.range.upper, 1, accuracy: 1e-12); XCTAssertEqual(s.range.lower, -1, accuracy: 1e-12)
        XCTAssertEqual(s.saturation, ActivationTableFigure.Saturation.none)
        XCTAssertEqual(s.maxAbsDerivative, 1, accuracy: 1e-12)
        let c = try row("x^3")
        XCTAssertTrue(c.zeroCentred); XCTAssertTrue(c.monotonic)
        XCTAssertEqual(c.maxAbsDerivative, .infinity, "3x² grows without bound (was 1.92·10⁶, its value at 800)")
        XCTAssertEqual(c.saturation, ActivationTableFigure.Saturation.none)
    }

    func testSaturationThresholdScalesWithATypedFunction() throws {
        let small = try Activation(expression: MathExpression("0.001*tanh(x)"))
        let recipe = ActivationFigure(activations: [small])
        // τ = 0.05 · max|f′|/0.25 = 2·10⁻⁴ (scaled against sigmoid's steepest slope): the same zones as tanh's with τ = 0.2.
        XCTAssertEqual(try XCTUnwrap(recipe.tau(for: small)), 2e-4, accuracy: 1e-15)
        let zones = small.zones(over: -6...6, threshold: 2e-4), tanh = try Activation(name: "tanh").zones(over: -6...6, threshold: 0.2)
        XCTAssertEqual(zones.count, 2)
        for (a, b) in zip(zones, tanh) { XCTAssertEqual(a.lower, b.lower, accuracy: 1e-6); XCTAssertEqual(a.upper, b.upper, accuracy: 1e-6) }
        // Built-ins keep the absolute 0.05 (sigmoid's own peak is 0.25), as does a threshold the user gives.
        XCTAssertEqual(recipe.tau(for: try Activation(name: "sigmoid")), 0.05)
        var given = recipe
        given.saturationScalesTypedFunctions = false
        XCTAssertEqual(given.tau(for: small), 0.05)
        // An unbounded f′ has no scale, and a steep one never raises τ: the absolute threshold stays.
        XCTAssertEqual(recipe.tau(for: try Activation(expression: MathExpression("exp(x)"))), 0.05)
        XCTAssertEqual(recipe.tau(for: try Activation(expression: MathExpression("sin(1/x)"))), 0.05)
        XCTAssertEqual(try XCTUnwrap(recipe.tau(for: try Activation(expression: MathExpression("gelu(x) - mish(x)")))), 0.05 * 0.161 / 0.25, accuracy: 0.004)
        // A typed sigmoid has the built-in's threshold (it had 0.0125).
        XCTAssertEqual(recipe.tau(for: try Activation(expression: MathExpression("exp(x)/(1+exp(x))"))) ?? 0, 0.05, accuracy: 1e-9)
    }
}

/// A family's legend: one row per member and one key for the dashes (it had a row per member's f′ too,
/// over half the page at --font-scale 2).
final class FamilyLegendTests: XCTestCase {
    func testOneRowPerMemberAndOneDashKey() throws {
        let family = try [0.5, 1, 2].map { try Activation(expression: MathExpression("x*sigmoid(beta*x)", parameters: ["beta": $0])) }
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: family).build(into: &figure)
        let labels = figure.panels[0].axes.marks.flatMap(\.legendEntries).map(\.label)
        // Three members, the key for the shaded zones and the bars (their labels may shorten to "β = 1"), the dash key.
        XCTAssertEqual(labels, ["$\\beta = 0.5$", "$\\beta = 1$", "$\\beta = 2$",
                                "shaded: saturated, $|f'|$ < 0.05 (bars: each member's zone)", "dashed: derivative $f'$"])
        XCTAssertFalse(labels.contains { $0.contains("(dashed)") })
        // f′ alone keeps one row per member, and the zones' key.
        var only = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: family, curves: .derivativeOnly).build(into: &only)
        let onlyLabels = only.panels[0].axes.marks.flatMap(\.legendEntries).map(\.label)
        XCTAssertEqual(onlyLabels.filter { $0.hasPrefix("$\\beta") }.count, 3, "\(onlyLabels)")
        XCTAssertFalse(onlyLabels.contains { $0.hasPrefix("dashed") }, "\(onlyLabels)")
    }
}

/// Claims about the tails come from the tails, not from the ±50 the shape scan samples.
final class TailClaimsTests: XCTestCase {
    func testGrowingOscillationIsUnbounded() throws {
        let p = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("x*sin(x)")))
        XCTAssertEqual(p.range.lower, -.infinity); XCTAssertEqual(p.range.upper, .infinity)
        XCTAssertFalse(p.bounded, "was 'bounded' with range [−48.7, 45.6]")
        let s = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("sin(x)")))
        XCTAssertTrue(s.bounded)
        let damped = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("sin(x)/x")))
        XCTAssertTrue(damped.bounded)
    }

    func testSteepInBothTails() throws {
        let cubic = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("x^3-x")))
        XCTAssertEqual(ActivationTableFigure.peakText(cubic), "∞ as $x \\to \\pm\\infty$")
        let exp = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("exp(x)")))
        XCTAssertEqual(ActivationTableFigure.peakText(exp), "∞ as $x \\to +\\infty$")
    }
}
