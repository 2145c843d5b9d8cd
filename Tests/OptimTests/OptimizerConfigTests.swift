import XCTest
@testable import Optim

final class OptimizerConfigTests: XCTestCase {
    func testDefaultsAreTorchsAndAliasesResolve() throws {
        let expectedLR: [String: Double] = ["sgd": 1e-3, "adagrad": 1e-2, "rmsprop": 1e-2, "adadelta": 1, "adam": 1e-3,
                                            "adamw": 1e-3, "nadam": 2e-3, "radam": 1e-3, "adamax": 2e-3]
        for (name, lr) in expectedLR { XCTAssertEqual(try OptimizerConfig(name: name).lr, lr, name) }
        XCTAssertEqual(try OptimizerConfig(name: "adamw").weightDecay, 0.01)
        XCTAssertTrue(try OptimizerConfig(name: "adamw").decoupledWeightDecay)
        XCTAssertEqual(try OptimizerConfig(name: "adagrad").eps, 1e-10)
        XCTAssertEqual(try OptimizerConfig(name: "adadelta").eps, 1e-6)
        XCTAssertEqual(try OptimizerConfig(name: "nadam").momentumDecay, 4e-3)
        let momentum = try OptimizerConfig(name: "momentum")
        XCTAssertEqual(momentum.kind, .sgd)
        XCTAssertEqual(momentum.momentum, 0.9)
        XCTAssertFalse(momentum.nesterov)
        let nesterov = try OptimizerConfig(name: "nesterov")
        XCTAssertTrue(nesterov.nesterov)
        XCTAssertEqual(nesterov.momentum, 0.9)
        XCTAssertEqual(try OptimizerConfig(name: "gd").kind, .sgd)
        XCTAssertEqual(try OptimizerConfig(name: "adam", settings: ["lr": 0.01]).label, "adam lr=0.01")
        XCTAssertEqual(try OptimizerConfig(name: "sgd", settings: ["lr": 0.1, "momentum": 0.5, "nesterov": true]).label,
                       "sgd lr=0.1 momentum=0.5 nesterov")
    }

    func testTorchArgumentChecks() {
        func message(_ name: String, _ settings: [String: OptimizerSetting]) -> String {
            do {
                _ = try OptimizerConfig(name: name, settings: settings)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(message("adam", ["rho": 0.9]).contains("no setting 'rho'"))
        XCTAssertTrue(message("adam", ["rho": 0.9]).contains("beta1"))
        XCTAssertTrue(message("adam", ["betta1": 0.9]).contains("did you mean 'beta1'"))
        XCTAssertTrue(message("adam", ["beta1": 1]).contains("beta1 = 1.0"))
        XCTAssertTrue(message("adam", ["beta2": -0.1]).contains("beta2 = -0.1"))
        XCTAssertTrue(message("sgd", ["lr": -1]).contains("lr = -1.0"))
        XCTAssertTrue(message("sgd", ["nesterov": true]).contains("nesterov requires momentum > 0"))
        XCTAssertTrue(message("nesterov", ["dampening": 0.1]).contains("dampening = 0.1"))
        XCTAssertTrue(message("adadelta", ["rho": 1.5]).contains("rho = 1.5"))
        XCTAssertTrue(message("rmsprop", ["alpha": -1]).contains("alpha = -1.0"))
        XCTAssertTrue(message("adagrad", ["eps": -1]).contains("eps = -1.0"))
        XCTAssertTrue(message("adam", ["lr": .number(.nan)]).contains("finite"))
        XCTAssertTrue(message("adam", ["amsgrad": 1]).contains("flag"))
        XCTAssertTrue(message("adamm", [:]).contains("did you mean 'adam'"))
        XCTAssertEqual(message("adam", ["lr": 0]), "no error")  // torch allows lr = 0
    }

    /// Hand-computed first steps (independent of the implementation's code path).
    func testFirstStepsByHand() throws {
        // Adam: the first step moves every coordinate by lr·sign(g) (up to eps).
        var adam = try Optimizer(name: "adam", settings: ["lr": 0.1])
        var theta = [1.0, -2.0]
        adam.step(parameters: &theta, gradient: [3, -0.5])
        XCTAssertEqual(theta[0], 0.9, accuracy: 1e-8)
        XCTAssertEqual(theta[1], -1.9, accuracy: 1e-8)
        // RMSprop: the first step is lr·g/(√(0.01 g²) + eps) ≈ 10·lr·sign(g).
        var rms = try Optimizer(name: "rmsprop", settings: ["lr": 0.01])
        theta = [0, 0]
        rms.step(parameters: &theta, gradient: [2, -3])
        XCTAssertEqual(theta[0], -0.1, accuracy: 1e-8)
        XCTAssertEqual(theta[1], 0.1, accuracy: 1e-8)
        // SGD momentum: b₁ = g₁, b₂ = μb₁ + g₂.
        var sgd = try Optimizer(name: "momentum", settings: ["lr": 0.1])
        theta = [0]
        sgd.step(parameters: &theta, gradient: [1])
        XCTAssertEqual(theta, [-0.1])
        sgd.step(parameters: &theta, gradient: [1])
        XCTAssertEqual(theta[0], -0.1 - 0.1 * 1.9, accuracy: 1e-15)
        // maximize ascends.
        var up = try Optimizer(name: "sgd", settings: ["lr": 0.5, "maximize": true])
        theta = [1]
        up.step(parameters: &theta, gradient: [2])
        XCTAssertEqual(theta, [2])
        // Works in any dimension: 1-D and 5-D.
        var five = try Optimizer(name: "adamax")
        var p5 = [Double](repeating: 1, count: 5)
        five.step(parameters: &p5, gradient: [1, 2, 3, 4, 5])
        XCTAssertEqual(five.stepCount, 1)
        XCTAssertTrue(p5.allSatisfy { abs($0 - (1 - 2e-3)) < 1e-9 })
    }
}
