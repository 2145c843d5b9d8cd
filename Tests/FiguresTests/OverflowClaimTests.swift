import Optim
import Viz
import XCTest
@testable import Figures

/// Claims about float64 limits are said as such: f′ passing 1.8×10³⁰⁸ just before f does is an overflow,
/// not a pole (e^{e^{eˣ}} was said to have "f → ∞ as x → 1.88⁻ · f′ → ∞ as x → 1.88⁻"; it is finite and
/// smooth everywhere). A symmetric log axis says it is one, and ticks enough values to read off it.
final class OverflowClaimTests: XCTestCase {
    func testTripleExponentialOverflowsWithoutAPole() throws {
        let a = try Activation(expression: MathExpression("exp(exp(exp(x)))"))
        let d = ActivationDomain(value: a.value, derivative: a.derivative, over: -6...6, poles: a.poles)
        XCTAssertFalse(d.clauses.contains { $0.contains("→ ∞") || $0.contains("→ −∞") }, "\(d.clauses)")
        XCTAssertTrue(d.clauses.contains { $0.hasPrefix("f overflows float64 for x > 1.88") }, "\(d.clauses)")
        let said = try XCTUnwrap(d.clauses.first { $0.hasPrefix("f′ overflows float64 for x > ") })
        // f′ = f·e^{eˣ}·eˣ passes the largest double where that product does, before f itself (1.8817).
        let edge = try XCTUnwrap(Double(said.dropFirst("f′ overflows float64 for x > ".count)))
        XCTAssertTrue(a.derivative(edge - 1e-4).isFinite)
        XCTAssertTrue(a.derivative(edge + 1e-4).isInfinite)
        XCTAssertTrue(a.value(edge + 1e-4).isFinite)
        // A true singularity of f′ is still one.
        let root = try Activation(expression: MathExpression("sqrt(x)"))
        XCTAssertEqual(ActivationDomain(value: root.value, derivative: root.derivative, over: -6...6).clauses,
                       ["f undefined for x < 0", "f′ → ∞ as x → 0⁺"])
    }

    /// f from −1 to 4 on the saddle's loss axis had ticks at −1, 0 and 1 only.
    func testSymlogAxesTickEveryUnitOverAFewUnits() throws {
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(-1.2, 4.2)).ticks(count: 5), [-1, 0, 1, 2, 3, 4])
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(0, 900)).ticks(count: 5), [0, 1, 10, 100])
        XCTAssertEqual(CurvesFigure.lossAxisText(try Surface(named: "saddle")).label, "$f$ (symmetric log scale)")
        XCTAssertEqual(CurvesFigure.lossAxisText(try Surface(named: "bowl")).label, "$f$ (minimum 0)")
    }
}
