import XCTest
@testable import Optim

/// The one table of hyper-parameters: every setting of every optimizer is in it, and its ranges are the checks.
final class HyperparameterTableTests: XCTestCase {
    func testEveryOptimizerSettingHasOneEntry() {
        let keys = OptimizerConfig.hyperparameters.map(\.key)
        XCTAssertEqual(Set(keys).count, keys.count, "one entry per key")
        for name in OptimizerConfig.allNames {
            for (key, value) in (try? OptimizerConfig.defaults(for: name)) ?? [] {
                let entry = OptimizerConfig.hyperparameter(key)
                XCTAssertNotNil(entry, "\(name).\(key) has a table entry")
                if case .flag = value { XCTAssertEqual(entry?.range, .flag, "\(name).\(key) is a flag") }
                if case .number(let v) = value, let r = entry?.range {
                    XCTAssertTrue(r.contains(v), "\(name)'s default \(key) = \(v) is in its own range \(r.text(key))")
                }
            }
        }
    }

    /// Values just outside a range are rejected with the range in words; values on a closed edge are accepted.
    func testRangesAreTheChecks() throws {
        let cases: [(String, String, Double, String)] = [
            ("adam", "beta1", 1, "adam: beta1 = 1.0 is not allowed; expected 0 <= beta1 < 1"),
            ("adadelta", "rho", 1.5, "adadelta: rho = 1.5 is not allowed; expected 0 <= rho <= 1"),
            ("sgd", "momentum", -0.1, "sgd: momentum = -0.1 is not allowed; expected momentum >= 0"),
            ("rprop", "etaplus", 1, "rprop: etaplus = 1.0 is not allowed; expected etaplus > 1"),
            ("lbfgs", "max_iter", 2.5, "lbfgs: max_iter = 2.5 is not allowed; expected a whole number from 1 to 10000"),
            ("adafactor", "d", 0.5, "adafactor: d = 0.5 is not allowed; expected d >= 1 (the clipping threshold)"),
        ]
        for (name, key, value, message) in cases {
            XCTAssertThrowsError(try OptimizerConfig(name: name, settings: [key: .number(value)])) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        XCTAssertNoThrow(try OptimizerConfig(name: "adadelta", settings: ["rho": 1]))
        XCTAssertNoThrow(try OptimizerConfig(name: "adam", settings: ["beta1": 0]))
        XCTAssertThrowsError(try OptimizerConfig(name: "rprop", settings: ["step_size_min": 2, "step_size_max": 1]))
    }

    /// The defaults of one key across optimizers, as the help shows them.
    func testDefaultsOfAKeyAcrossOptimizers() {
        let momentum = Dictionary(uniqueKeysWithValues: OptimizerConfig.defaults(of: "momentum").map { ($0.optimizer, $0.value) })
        XCTAssertEqual(momentum["momentum"], .number(0.9))
        XCTAssertEqual(momentum["sgd"], .number(0))
        XCTAssertNil(momentum["adam"])
        XCTAssertEqual(OptimizerConfig.hyperparameter("weight_decay")?.optionName, "--weight-decay")
    }
}
