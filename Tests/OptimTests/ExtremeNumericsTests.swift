import XCTest
@testable import Optim

/// Extreme but valid inputs keep their answer (underflow, near-one-hot softmax), and the shape facts
/// figures print (zones, steepest slope, formulas, critical points) are computed, not assumed.
final class ExtremeNumericsTests: XCTestCase {
    func testAckleyGradientNearTheOriginKeepsItsSize() throws {
        let s = try Surface(named: "ackley")
        // Along the x axis the radial term tends to 2√2 as x → 0⁺; x² underflows for x = 1e-200.
        for x in [1e-20, 1e-200, Double.leastNonzeroMagnitude] {
            XCTAssertEqual(s.gradient(x, 0).dx, 2 * 2.0.squareRoot(), accuracy: 1e-12, "x = \(x)")
            XCTAssertEqual(s.gradient(x, 0).dy, 0)
        }
        XCTAssertEqual(s.gradient(-1e-200, 0).dx, -2 * 2.0.squareRoot(), accuracy: 1e-12)
        // Diagonal: each component 2√2·(1/√2) = 2.
        XCTAssertEqual(s.gradient(1e-200, 1e-200).dx, 2, accuracy: 1e-12)
        XCTAssertEqual(s.gradient(0, 0).dx, 0)
        // Huge arguments: no overflow in x² either.
        XCTAssertTrue(s.gradient(1e200, 1e200).dx.isFinite)
        XCTAssertEqual(s.value(1e-200, 0), 0, accuracy: 1e-15)
    }

    func testSoftmaxEntropyInLogSpace() {
        let h = Softmax.entropy([1000, 1001, 1002], temperature: 0.01)
        // H = log1p(S) − Σ sⱼzⱼ with S = e^{−100} + e^{−200}: ≈ 101·e^{−100}.
        let expected = 101 * Double.exp(-100.0)
        XCTAssertEqual(h, expected, accuracy: expected * 1e-12)
        XCTAssertEqual(String(format: "%.4g", h), "3.757e-42")
        // Ordinary cases agree with −Σ p log p.
        let p = Softmax.probabilities([2, 1, 0.1])
        let naive = -p.map { $0 * Double.log($0) }.reduce(0, +)
        XCTAssertEqual(Softmax.entropy([2, 1, 0.1]), naive, accuracy: 1e-15)
        XCTAssertEqual(Softmax.entropy([0, 0, 0, 0]), Double.log(4), accuracy: 1e-15)
        XCTAssertEqual(Softmax.entropy([5]), 0)
        XCTAssertEqual(Softmax.entropy([]), 0)
    }

    func testNearOneHotLogProbabilitiesAndJacobianKeepDigits() {
        let logs = Softmax.logProbabilities([1000, 1001, 1002], temperature: 0.01)
        XCTAssertEqual(logs[2], -Double.exp(-100.0), accuracy: 1e-58)
        let j = Softmax.jacobian([1000, 1001, 1002], temperature: 0.01)
        XCTAssertEqual(j[2][2], Double.exp(-100.0) / 0.01, accuracy: 1e-54)
        XCTAssertGreaterThan(j[2][2], 0)
    }

    func testSigmoidOverAWideRangeHasNoDeadZone() throws {
        let a = try Activation(name: "sigmoid")
        let zones = a.zones(over: -800...800, threshold: 0.05)
        XCTAssertFalse(zones.contains { $0.kind == .dead }, "σ′ underflows past |x| = 745 but is never 0")
        XCTAssertEqual(zones.count, 2)
        // σ′(x) = 0.05 at |x| = log((1 + √0.8)/(1 − √0.8))… solve σ(1−σ) = 0.05: σ = (1 + √0.8)/2.
        let edge = Double.log((1 + 0.8.squareRoot()) / (1 - 0.8.squareRoot()))
        XCTAssertEqual(zones[0].lower, -800); XCTAssertEqual(zones[0].upper, -edge, accuracy: 1e-9)
        XCTAssertEqual(zones[1].lower, edge, accuracy: 1e-9); XCTAssertEqual(zones[1].upper, 800)
    }

    func testLeakyReLUNegativeSideDoesNotSaturate() throws {
        for (name, params) in [("leaky_relu", [String: Double]()), ("prelu", [:]), ("leaky_relu", ["negative_slope": 0.001])] {
            let a = try Activation(name: name, parameters: params)
            XCTAssertEqual(a.zones(over: -6...6, threshold: 0.05), [], name)
            XCTAssertFalse(a.derivativeVanishes.left)
        }
        let flat = try Activation(name: "leaky_relu", parameters: ["negative_slope": 0])
        XCTAssertEqual(flat.zones(over: -6...6, threshold: 0.05), [ActivationZone(kind: .dead, lower: -6, upper: 0)])
    }

    func testInteriorZerosOfTheDerivativeAreNotSaturation() throws {
        for name in ["gelu", "gelu_tanh", "silu", "swish", "mish", "gelu_sigmoid"] {
            let a = try Activation(name: name)
            // Only the left tail: one zone, touching the left end, none around f′'s interior zero.
            let zones = a.zones(over: -6...6, threshold: 0.05)
            XCTAssertEqual(zones.count, 1, name)
            XCTAssertEqual(zones.first?.kind, .saturated, name)
            XCTAssertEqual(zones.first?.lower, -6, name)
            XCTAssertLessThan(zones.first?.upper ?? 0, -1.5, name)
            // A window around the interior zero alone: |f′| < τ there, but it rises above τ further
            // left, so it is a dip, not a tail.
            var lo = -3.0, hi = -0.3
            for _ in 0..<100 { let m = (lo + hi) / 2; if a.derivative(m) < 0 { lo = m } else { hi = m } }
            XCTAssertLessThan(abs(a.derivative(lo - 0.02)), 0.05, name)
            XCTAssertEqual(a.zones(over: (lo - 0.02)...(lo + 0.02), threshold: 0.05), [], name)
            // With τ above |min f′| the whole left side is a tail again.
            XCTAssertEqual(a.zones(over: -3...0, threshold: 0.2).count, 1, name)
        }
    }

    func testHardswishZonesAndSteepestSlope() throws {
        let a = try Activation(name: "hardswish")
        // Dead for x ≤ −3; nothing around the zero of f′ at −1.5; no second "saturated" zone.
        XCTAssertEqual(a.zones(over: -6...6, threshold: 0.05), [ActivationZone(kind: .dead, lower: -6, upper: -3)])
        let s = a.steepestSlope
        XCTAssertEqual(s.magnitude, 1.5); XCTAssertEqual(s.at, 3)
        XCTAssertEqual(s.slope, 1.5, "the marker sits at the end of the branch that reaches 1.5")
        XCTAssertEqual(s.approach, -1)
        XCTAssertEqual(a.derivative(3), 1, "PyTorch's f′(3)")
        let sig = try Activation(name: "sigmoid").steepestSlope
        XCTAssertEqual(sig.slope, 0.25); XCTAssertEqual(sig.approach, 0)
    }

    func testDeadZonesAreExactIntervals() throws {
        XCTAssertEqual(try Activation(name: "relu").zones(over: -3...3, threshold: 0.05),
                       [ActivationZone(kind: .dead, lower: -3, upper: 0)])
        XCTAssertEqual(try Activation(name: "relu6").zones(over: -3...9, threshold: 0.05),
                       [ActivationZone(kind: .dead, lower: -3, upper: 0), ActivationZone(kind: .dead, lower: 6, upper: 9)])
        XCTAssertEqual(try Activation(name: "binary_step").zones(over: -1...1, threshold: 0.05),
                       [ActivationZone(kind: .dead, lower: -1, upper: 1)])
        XCTAssertEqual(try Activation(name: "tanh").zones(over: -1...1, threshold: 0.05), [])
        let elu = try Activation(name: "elu").zones(over: -6...6, threshold: 0.05)
        XCTAssertEqual(elu.count, 1)
        XCTAssertEqual(elu[0].upper, Double.log(0.05), accuracy: 1e-9)
    }

    func testFormulasOmitParametersEqualToOne() throws {
        XCTAssertEqual(try Activation(name: "elu").formula, "$f(x) = x$ if $x > 0$, else $(e^{x} - 1)$")
        XCTAssertEqual(try Activation(name: "celu").formula, "$f(x) = \\max(0, x) + \\min(0, e^{x} - 1)$")
        XCTAssertEqual(try Activation(name: "swish").formula, "$f(x) = x \\cdot \\sigma(x)$")
        XCTAssertEqual(try Activation(name: "elu", parameters: ["alpha": 0.5]).formula,
                       "$f(x) = x$ if $x > 0$, else $0.5(e^{x} - 1)$")
        XCTAssertEqual(try Activation(name: "celu", parameters: ["alpha": 2]).formula,
                       "$f(x) = \\max(0, x) + \\min(0, 2(e^{x/2} - 1))$")
        for name in Activation.allNames {
            let f = try Activation(name: name).formula
            XCTAssertFalse(f.contains("$1(") || f.contains("{x/1}") || f.contains("(1x)"), "\(name): \(f)")
        }
    }

    func testListedLocalMinimaAreLocalMinima() throws {
        for name in ["six_hump_camel", "styblinski_tang"] {
            let s = try Surface(named: name)
            XCTAssertEqual(s.localMinima.count, name == "six_hump_camel" ? 4 : 3)
            let global = try XCTUnwrap(s.minimumValue)
            for m in s.localMinima {
                let g = s.gradient(m.x, m.y)
                XCTAssertLessThan(abs(g.dx) + abs(g.dy), 1e-9, "\(name) \(m)")
                // Positive definite Hessian by central differences of the gradient.
                let h = 1e-5
                let hxx = (s.gradient(m.x + h, m.y).dx - s.gradient(m.x - h, m.y).dx) / (2 * h)
                let hyy = (s.gradient(m.x, m.y + h).dy - s.gradient(m.x, m.y - h).dy) / (2 * h)
                let hxy = (s.gradient(m.x, m.y + h).dx - s.gradient(m.x, m.y - h).dx) / (2 * h)
                XCTAssertGreaterThan(hxx, 0); XCTAssertGreaterThan(hxx * hyy - hxy * hxy, 0, "\(name) \(m)")
                XCTAssertGreaterThan(s.value(m), global, "a local minimum is above the global one")
            }
        }
    }
}
