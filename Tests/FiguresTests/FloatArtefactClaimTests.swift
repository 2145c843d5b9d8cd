import Foundation
import Viz
import XCTest
@testable import Figures

/// Float artefacts of a typed formula are not stated as mathematics: exp(x)/(1 + exp(x)) (the sigmoid,
/// defined everywhere) was "f undefined for x ≥ 710" and "oscillates faster than the pixels" (rounding to 1),
/// and log(sigmoid(x)) had "f′ → ∞ at 54 points". True domain edges and poles keep their words.
final class FloatArtefactClaimTests: XCTestCase {
    private let range = -800.0...800.0

    func testAnOverflowingFormulaIsSaidToOverflowNotToBeUndefined() {
        let sigmoid = ActivationDomain(value: { Foundation.exp($0) / (1 + Foundation.exp($0)) },
                                       derivative: { Foundation.exp($0) / ((1 + Foundation.exp($0)) * (1 + Foundation.exp($0))) },
                                       over: range, overflowProne: true)
        XCTAssertFalse(sigmoid.clauses.contains { $0.contains("undefined") }, "\(sigmoid.clauses)")
        XCTAssertTrue(sigmoid.clauses.contains { $0 == "float64 over/underflow in the formula for x > 709.78 (f = NaN there)" },
                      "\(sigmoid.clauses)")
        XCTAssertEqual(sigmoid.undefined, [], "no hatched 'f undefined' band")
        // log(1/(1 + e^(−x))): 1/∞ = 0 below x = −709.78, and log(0) = −∞ there, though f ≈ x is tame next to it.
        let logSigmoid = ActivationDomain(value: { Foundation.log(1 / (1 + Foundation.exp(-$0))) },
                                          derivative: { Foundation.exp(-$0) / (1 + Foundation.exp(-$0)) },
                                          over: range, overflowProne: true)
        XCTAssertFalse(logSigmoid.clauses.contains { $0.contains("undefined") || $0.contains("→") }, "\(logSigmoid.clauses)")
        XCTAssertTrue(logSigmoid.clauses.contains { $0 == "float64 over/underflow in the formula for x < −709.78 (f = −∞ there)" },
                      "\(logSigmoid.clauses)")
    }

    func testAFiniteFWithANonFiniteDerivativeIsLostPrecisionNotAPole() {
        // f′ computed as ∞ where f is smooth (as the chain rule through an underflowed σ gives it).
        let d = ActivationDomain(value: { $0 }, derivative: { $0 < -700 ? .infinity : 1 }, over: range)
        XCTAssertFalse(d.clauses.contains { $0.contains("f′ → ∞") }, "\(d.clauses)")
        XCTAssertTrue(d.clauses.contains { $0.hasPrefix("f′ loses float64 precision for −800 ≤ x ≤ −70") }, "\(d.clauses)")
        XCTAssertEqual(d.unbounded, [])
    }

    func testTrueDomainEdgesAndPolesKeepTheirWords() {
        let sqrt = ActivationDomain(value: { $0.squareRoot() }, derivative: { 0.5 / $0.squareRoot() }, over: -2...2, overflowProne: true)
        XCTAssertTrue(sqrt.clauses.contains("f undefined for x < 0"), "\(sqrt.clauses)")
        XCTAssertTrue(sqrt.clauses.contains { $0.hasPrefix("f′ → ∞") }, "\(sqrt.clauses)")
        // x^1.5 below 0 is NaN with a tame edge: undefined, as its edge is at 0 (not out where exponentials overflow).
        let power = ActivationDomain(value: { Foundation.pow($0, 1.5) }, derivative: { 1.5 * Foundation.pow($0, 0.5) }, over: -2...2)
        XCTAssertTrue(power.clauses.contains { $0.hasPrefix("f undefined for x < 0") }, "\(power.clauses)")
        // exp(x) itself: a value too large for a double (already said as an overflow).
        let exp = ActivationDomain(value: { Foundation.exp($0) }, derivative: { Foundation.exp($0) }, over: range, overflowProne: true)
        XCTAssertTrue(exp.clauses.contains { $0.hasPrefix("f overflows float64 for x > 709.78") }, "\(exp.clauses)")
    }

    func testRoundingNoiseIsNoOscillation() {
        let noise = OscillationEnvelope(0...100, columns: 800) { Foundation.exp($0) / (1 + Foundation.exp($0)) }
        XCTAssertTrue(noise.isEmpty, "\(noise.intervals)")
        // A real fast wave is still found.
        let wave = OscillationEnvelope(0...100, columns: 800) { Foundation.sin(40 * $0) }
        XCTAssertFalse(wave.isEmpty)
    }
}
