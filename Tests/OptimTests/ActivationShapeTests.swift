import XCTest
@testable import Optim

/// The plotting metadata of every activation, checked against the functions themselves on a grid.
final class ActivationShapeTests: XCTestCase {
    let grid = stride(from: -12.0, through: 12.0, by: 1.0 / 256).map { $0 }

    func testNamesAndErrors() throws {
        XCTAssertEqual(Activation.allNames.count, 24)
        XCTAssertEqual(Set(Activation.allNames).count, 24)
        for name in Activation.allNames {
            let f = try Activation(name: name)
            XCTAssertEqual(f.name, name)
            XCTAssertTrue(f.formula.hasPrefix("$") && f.formula.hasSuffix("$"), f.formula)
            XCTAssertFalse(f.summary.isEmpty)
            XCTAssertFalse(f.displayName.isEmpty)
        }
        XCTAssertThrowsError(try Activation(name: "rleu")) { error in
            let m = "\(error)"
            XCTAssertTrue(m.contains("'rleu'") && m.contains("did you mean 'relu'") && m.contains("sigmoid"), m)
        }
        XCTAssertThrowsError(try Activation(name: "leaky_relu", parameters: ["negative_slop": 0.1])) { error in
            let m = "\(error)"
            XCTAssertTrue(m.contains("'negative_slop'") && m.contains("did you mean 'negative_slope'"), m)
        }
        XCTAssertThrowsError(try Activation(name: "relu", parameters: ["alpha": 1])) { error in
            XCTAssertTrue("\(error)".contains("takes no parameters"), "\(error)")
        }
        XCTAssertThrowsError(try Activation(name: "hardtanh", parameters: ["min_val": 2, "max_val": 1]))
        XCTAssertThrowsError(try Activation(name: "softplus", parameters: ["beta": 0]))
        XCTAssertThrowsError(try Activation(name: "elu", parameters: ["alpha": .infinity]))
        XCTAssertEqual(try Activation(name: "swish", parameters: ["beta": 1]).value(1.3),
                       try Activation(name: "silu").value(1.3))
    }

    func testDerivativesMatchFiniteDifferencesAwayFromKinks() throws {
        for name in Activation.allNames {
            let f = try Activation(name: name)
            for x in [-4.3, -1.7, -0.6, 0.35, 0.9, 2.2, 4.1, 7.3] {
                let fd = centralDifference(f.value, at: x)
                XCTAssertEqual(f.derivative(x), fd, accuracy: 1e-7 * max(1, abs(fd)), "\(name)'(\(x))")
            }
        }
    }

    func testFiniteEverywhere() throws {
        let extremes = [-Double.greatestFiniteMagnitude, -1e300, -1e10, -745, -710, -1e-300, 0, 1e-300, 710, 745, 1e10, 1e300,
                        Double.greatestFiniteMagnitude]
        for name in Activation.allNames {
            let f = try Activation(name: name)
            for x in extremes {
                XCTAssertFalse(f.value(x).isNaN, "\(name)(\(x))")
                XCTAssertTrue(f.derivative(x).isFinite, "\(name)'(\(x))")
            }
        }
        XCTAssertEqual(try Activation(name: "sigmoid").value(-1000), 0)
        XCTAssertEqual(try Activation(name: "softplus").value(1000), 1000)
        XCTAssertEqual(try Activation(name: "log_sigmoid").value(-1000), -1000)
    }

    func testRangeFlagsAndAsymptotesAgreeWithSamples() throws {
        for name in Activation.allNames {
            let f = try Activation(name: name)
            let ys = grid.map(f.value)
            let r = f.outputRange
            let lo = ys.min() ?? 0, hi = ys.max() ?? 0
            XCTAssertGreaterThanOrEqual(lo, r.lower - 1e-12, "\(name): sample below the range")
            XCTAssertLessThanOrEqual(hi, r.upper + 1e-12, "\(name): sample above the range")
            if r.lowerAttained { XCTAssertEqual(lo, r.lower, accuracy: 1e-6, "\(name): lower bound not reached") }
            if r.upperAttained { XCTAssertEqual(hi, r.upper, accuracy: 1e-6, "\(name): upper bound not reached") }
            XCTAssertEqual(f.isBounded, r.lower.isFinite && r.upper.isFinite)
            // Monotonic ⇔ no sampled decrease.
            let decreases = zip(ys, ys.dropFirst()).contains { $1 < $0 - 1e-15 }
            XCTAssertEqual(f.isMonotonic, !decreases, "\(name): monotonic flag")
            for a in f.asymptoteDetails {
                let far = f.value(Double(a.side) * 1e8)
                XCTAssertEqual(far, a.y, accuracy: 1e-6, "\(name): asymptote \(a)")
            }
            // Jumps: f differs on either side; kinks: f continuous, derivative differs on either side.
            for j in f.jumps { XCTAssertGreaterThan(abs(f.value(j + 1e-9) - f.value(j - 1e-9)), 0.1, name) }
            for k in f.kinks {
                XCTAssertEqual(f.value(k + 1e-9), f.value(k - 1e-9), accuracy: 1e-6, "\(name): f jumps at kink \(k)")
                XCTAssertGreaterThan(abs(f.derivative(k + 1e-9) - f.derivative(k - 1e-9)), 1e-3, "\(name): no kink at \(k)")
            }
        }
        XCTAssertTrue(try Activation(name: "tanh").isZeroCentred)
        XCTAssertFalse(try Activation(name: "sigmoid").isZeroCentred)
        XCTAssertFalse(try Activation(name: "relu").isZeroCentred)
        XCTAssertEqual(try Activation(name: "sigmoid").asymptotes, [0, 1])
        XCTAssertEqual(try Activation(name: "elu", parameters: ["alpha": 2]).asymptotes, [-2])
        XCTAssertEqual(try Activation(name: "binary_step").jumps, [0])
    }

    func testMaxAbsDerivativeIsTheLargestSampledSlope() throws {
        for name in Activation.allNames {
            let f = try Activation(name: name)
            let (value, at) = f.maxAbsDerivative
            let sampled = grid.map { abs(f.derivative($0)) }.max() ?? 0
            XCTAssertGreaterThanOrEqual(value, sampled - 1e-12, "\(name): a sampled slope exceeds the reported maximum")
            XCTAssertEqual(value, sampled, accuracy: 2e-3 * max(1, value), "\(name): reported max \(value), sampled \(sampled)")
            if at.isFinite {
                // |f′| reaches the value at `at`, or approaches it there from one side.
                let nearby = [at, at - 1e-9, at + 1e-9].map { abs(f.derivative($0)) }
                XCTAssertTrue(nearby.contains { abs($0 - value) <= 1e-6 * max(1, value) }, "\(name): |f'| near \(at) is \(nearby), not \(value)")
            }
        }
        XCTAssertEqual(try Activation(name: "sigmoid").maxAbsDerivative.value, 0.25)
        XCTAssertEqual(try Activation(name: "sigmoid").maxAbsDerivative.at, 0)
        XCTAssertEqual(try Activation(name: "relu").maxAbsDerivative.value, 1)
        let swish = try Activation(name: "swish", parameters: ["beta": 0.5])
        XCTAssertEqual(abs(swish.derivative(swish.maxAbsDerivative.at)), swish.maxAbsDerivative.value, accuracy: 1e-12)
    }

    func testBatchEvaluationMatchesScalar() throws {
        let xs = grid
        var ys: [Double] = []
        var ds = [Double](repeating: 0, count: 3)
        for name in Activation.allNames {
            let f = try Activation(name: name)
            f.values(xs, into: &ys)
            f.derivatives(xs, into: &ds)
            XCTAssertEqual(ys, xs.map(f.value))
            XCTAssertEqual(ds, xs.map(f.derivative))
        }
    }
}
