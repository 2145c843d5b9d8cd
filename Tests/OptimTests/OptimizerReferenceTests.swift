import XCTest
@testable import Optim

/// All 26 torch.optim trajectories of optimizers.json, step by step, with the README's relative
/// criterion max_k ‖got_k − ref_k‖∞ / ‖ref_k‖∞ ≤ 1e-9.
final class OptimizerReferenceTests: XCTestCase {
    /// Builds our settings from torch's complete param_group.
    static func settings(from hyper: [String: Any]) -> [String: OptimizerSetting] {
        var out: [String: OptimizerSetting] = [:]
        let skip: Set = ["foreach", "differentiable", "fused", "capturable"]
        let flags: Set = ["nesterov", "amsgrad", "centered", "maximize", "decoupled_weight_decay"]
        for (key, value) in hyper where !skip.contains(key) {
            if key == "betas", let b = value as? [NSNumber] {
                out["beta1"] = .number(b[0].doubleValue)
                out["beta2"] = .number(b[1].doubleValue)
            } else if flags.contains(key), let flag = value as? Bool {
                out[key] = .flag(flag)
            } else if let n = value as? NSNumber {
                out[key] = .number(n.doubleValue)
            }
        }
        return out
    }

    func testEveryReferenceTrajectory() throws {
        let root = try Reference.load("optimizers")
        let cases = try XCTUnwrap(root.objects("cases"))
        XCTAssertEqual(cases.count, 26)
        var kinds = Set<String>()
        for c in cases {
            let id = c["id"] as? String ?? "?"
            let surface = try Surface(named: try XCTUnwrap(c["surface"] as? String))
            let torchName = try XCTUnwrap(c["optimizer"] as? String).lowercased()
            var settings = Self.settings(from: try XCTUnwrap(c.object("hyperparameters")))
            if torchName == "adamw" { settings["decoupled_weight_decay"] = nil }
            let optimizer = try Optimizer(name: torchName, settings: settings)
            kinds.insert(torchName)
            let steps = try XCTUnwrap(c["steps"] as? Int)
            let reference = try XCTUnwrap(c.matrix("trajectory"))
            XCTAssertEqual(reference.count, steps + 1)
            let run = try runTrajectory(objective: surface, optimizer: optimizer, start: try XCTUnwrap(c.doubles("start")),
                                        options: TrajectoryOptions(steps: steps))
            XCTAssertEqual(run.stop, .maxSteps, id)
            XCTAssertEqual(run.count, steps + 1, id)
            var worst = 0.0
            for k in 0...steps {
                let got = run.position(k)
                let ref = reference[k]
                let scale = max(abs(ref[0]), abs(ref[1]))
                let err = max(abs(got[0] - ref[0]), abs(got[1] - ref[1])) / (scale > 0 ? scale : 1)
                worst = max(worst, err)
            }
            XCTAssertLessThanOrEqual(worst, 1e-9, "\(id): relative error \(worst)")
        }
        XCTAssertEqual(kinds, ["sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "radam", "adamax"])
    }

    /// The textbook run: plain GD on x² − y² from (2, 3), lr 0.1, 100 steps.
    func testTextbookSaddleRun() throws {
        let run = try runTrajectory(objective: try Surface(named: "saddle"),
                                    optimizer: try Optimizer(name: "gd", settings: ["lr": 0.1]),
                                    start: [2, 3], options: TrajectoryOptions(steps: 100))
        XCTAssertEqual(run.stop, .maxSteps)
        let end = try XCTUnwrap(run.finalPosition)
        XCTAssertEqual(end[0], 4.074e-10, accuracy: 1e-13)
        XCTAssertEqual(end[1], 248453923.566, accuracy: 1e-3)
        // x shrinks by 0.8 and y grows by 1.2 each step.
        XCTAssertEqual(end[0], 2 * pow(0.8, 100), accuracy: 1e-12 * end[0])
        XCTAssertEqual(end[1], 3 * pow(1.2, 100), accuracy: 1e-12 * end[1])
        // And torch's exact final point.
        XCTAssertEqual(end, [4.074071952668972e-10, 248453923.5660437])
        XCTAssertEqual(run.count, 101)
        XCTAssertEqual(run.values[0], -5)
    }
}
