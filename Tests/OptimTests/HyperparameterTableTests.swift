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

/// The table drives `OptimizerConfig`: the settings an optimizer has, their order and their defaults
/// come from the entries alone, and the state buffers carry torch's names.
final class HyperparameterTableDrivesConfigTests: XCTestCase {
    /// Every optimizer named in an entry's defaults exists (a misspelt name would silently drop a setting).
    func testEveryEntryNamesKnownOptimizers() {
        for p in Hyperparameter.table {
            for group in p.defaults {
                for name in group.optimizers.split(separator: " ") {
                    XCTAssertTrue(OptimizerConfig.allNames.contains(String(name)), "\(p.key) names '\(name)'")
                }
            }
        }
        XCTAssertEqual(HyperparameterKey.allCases.map(\.name), Hyperparameter.table.map(\.key))
    }

    /// A config's settings are the table's entries that name it, in table order, at their defaults.
    func testConfigSettingsComeFromTheTable() throws {
        for name in OptimizerConfig.allNames {
            let c = try OptimizerConfig(name: name)
            let expected = HyperparameterKey.allCases.compactMap { k in k.entry.defaultValue(for: name).map { (k.name, $0) } }
            XCTAssertEqual(c.settingNames, expected.map(\.0), name)
            XCTAssertEqual(c.settings.map(\.value), expected.map(\.1), name)
        }
        let adamw = try OptimizerConfig(name: "adamw")
        XCTAssertEqual(adamw.weightDecay, 0.01)
        XCTAssertTrue(adamw.decoupledWeightDecay)
        XCTAssertEqual(try OptimizerConfig(name: "nesterov").settings.first { $0.name == "nesterov" }?.value, .flag(true))
        XCTAssertEqual(try OptimizerConfig(name: "rmsprop").settingNames,
                       ["lr", "alpha", "eps", "momentum", "weight_decay", "centered", "maximize"])
        XCTAssertEqual(try OptimizerConfig(name: "lbfgs", settings: ["max_iter": 40]).maxEval, 50)
    }

    /// Typed accessors read the values by key; a schedule's writes go through the same storage.
    func testTypedAccessorsReadTheStoredValues() throws {
        var c = try OptimizerConfig(name: "adam", settings: ["lr": 0.05, "beta1": 0.8, "amsgrad": true])
        XCTAssertEqual(c.lr, 0.05)
        XCTAssertEqual(c[.beta1], 0.8)
        XCTAssertEqual(c.beta2, 0.999)
        XCTAssertTrue(c.amsgrad)
        XCTAssertEqual(c.label, "adam lr=0.05 beta1=0.8 amsgrad")
        c.lr = 0.5
        XCTAssertEqual(c[.lr], 0.5)
        XCTAssertEqual(c.momentum, 0, "a setting adam does not have reads 0")
    }

    /// Each algorithm's state is kept under torch's names, with the values of one known step.
    func testStateBuffersHaveTorchNames() throws {
        var adam = try Optimizer(name: "adam", settings: ["amsgrad": true])
        var theta = [1.0]
        adam.step(parameters: &theta, gradient: [2.0])
        XCTAssertEqual(Set(adam.stateVectors.keys), ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"])
        XCTAssertEqual(try XCTUnwrap(adam.stateVectors["exp_avg"]?.first), 0.2, accuracy: 1e-15, "m = (1 − 0.9)·2")
        XCTAssertEqual(try XCTUnwrap(adam.stateVectors["exp_avg_sq"]?.first), 0.004, accuracy: 1e-15, "v = (1 − 0.999)·2²")
        var rprop = try Optimizer(name: "rprop", settings: ["lr": 0.1])
        theta = [1.0]
        rprop.step(parameters: &theta, gradient: [3.0])
        XCTAssertEqual(rprop.stateVectors["step_size"], [0.1])
        XCTAssertEqual(rprop.stateVectors["prev"], [3.0])
        var adagrad = try Optimizer(name: "adagrad", settings: ["initial_accumulator_value": 0.5])
        theta = [1.0]
        adagrad.step(parameters: &theta, gradient: [2.0])
        XCTAssertEqual(adagrad.stateVectors["sum"], [4.5])
        adagrad.reset()
        XCTAssertEqual(adagrad.stateVectors, [:])
    }
}
