import XCTest
@testable import Optim

/// Schedules against their closed forms and hand-computed values, and the call-syntax parser.
final class ScheduleTests: XCTestCase {
    func lrs(_ text: String, optimizer: String = "SGD(lr=0.1, momentum=0.9)", steps: Int) throws -> (lr: [Double], momentum: [Double]) {
        var opt = Optimizer(config: try OptimizerConfig(call: try TorchCall(parsing: optimizer)))
        var s = try LRScheduler(schedule: try LRSchedule(parsing: text), optimizer: &opt)
        var lr = [s.lastLR], momentum = [opt.cycledMomentum ?? .nan]
        for _ in 0..<steps {
            s.step(optimizer: &opt)
            lr.append(s.lastLR)
            momentum.append(opt.cycledMomentum ?? .nan)
        }
        return (lr, momentum)
    }

    func assertClose(_ got: [Double], _ want: [Double], _ what: String, tol: Double = 1e-12, line: UInt = #line) {
        XCTAssertEqual(got.count, want.count, what, line: line)
        for (k, (g, w)) in zip(got, want).enumerated() {
            XCTAssertLessThanOrEqual(abs(g - w), tol * max(abs(w), 1e-300), "\(what) at step \(k): \(g) vs \(w)", line: line)
        }
    }

    func testChainableFormsAgreeWithClosedForms() throws {
        let base = 0.1
        assertClose(try lrs("StepLR(step_size=7, gamma=0.5)", steps: 30).lr,
                    (0...30).map { base * pow(0.5, Double($0 / 7)) }, "StepLR")
        assertClose(try lrs("MultiStepLR(milestones=[5, 12, 12], gamma=0.1)", steps: 20).lr,
                    (0...20).map { (t: Int) -> Double in base * pow(0.1, Double([5, 12, 12].filter { $0 <= t }.count)) }, "MultiStepLR")
        assertClose(try lrs("ExponentialLR(0.9)", steps: 40).lr, (0...40).map { base * pow(0.9, Double($0)) }, "ExponentialLR")
        assertClose(try lrs("ConstantLR(factor=0.25, total_iters=4)", steps: 10).lr,
                    (0...10).map { $0 < 4 ? base * 0.25 : base }, "ConstantLR")
        assertClose(try lrs("LinearLR(start_factor=0.2, end_factor=0.9, total_iters=8)", steps: 15).lr,
                    (0...15).map { base * (0.2 + 0.7 * Double(min($0, 8)) / 8) }, "LinearLR")
        assertClose(try lrs("PolynomialLR(total_iters=10, power=2.0)", steps: 14).lr,
                    (0...14).map { base * pow(1 - Double(min($0, 10)) / 10, 2) }, "PolynomialLR")
        assertClose(try lrs("CosineAnnealingLR(T_max=10, eta_min=0.01)", steps: 10).lr,
                    (0...10).map { 0.01 + (base - 0.01) * (1 + cos(Double.pi * Double($0) / 10)) / 2 }, "CosineAnnealingLR", tol: 1e-11)
    }

    /// Past T_max torch's recursion climbs back up (a cosine of period 2·T_max), with the restart branch.
    func testCosineAnnealingContinuesPastTMax() throws {
        let got = try lrs("CosineAnnealingLR(T_max=5)", steps: 20).lr
        assertClose(got, (0...20).map { 0.1 * (1 + cos(Double.pi * Double($0) / 5)) / 2 }, "cosine past T_max", tol: 1e-9)
    }

    func testWarmRestarts() throws {
        let got = try lrs("CosineAnnealingWarmRestarts(T_0=3, T_mult=2, eta_min=0.0)", steps: 10).lr
        // cycles of 3, 6, 12 steps: T_cur = 0,1,2 | 0..5 | 0,1
        let tCur = [0, 1, 2, 0, 1, 2, 3, 4, 5, 0, 1], tI = [3, 3, 3, 6, 6, 6, 6, 6, 6, 12, 12]
        assertClose(got, (0...10).map { 0.1 * (1 + cos(Double.pi * Double(tCur[$0]) / Double(tI[$0]))) / 2 }, "warm restarts", tol: 1e-15)
    }

    func testCyclicLRTriangularWithMomentum() throws {
        let run = try lrs("CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4)", steps: 8)
        assertClose(run.lr, [0.01, 0.0325, 0.055, 0.0775, 0.1, 0.0775, 0.055, 0.0325, 0.01], "CyclicLR lr", tol: 1e-12)
        assertClose(run.momentum, [0.9, 0.875, 0.85, 0.825, 0.8, 0.825, 0.85, 0.875, 0.9], "CyclicLR momentum", tol: 1e-12)
        let halved = try lrs("CyclicLR(0.0, 1.0, step_size_up=2, mode='triangular2')", steps: 6).lr
        assertClose(halved, [0, 0.5, 1, 0.5, 0, 0.25, 0.5], "triangular2", tol: 1e-15)
    }

    func testOneCycleCyclesBeta1OfAdam() throws {
        let run = try lrs("OneCycleLR(max_lr=1.0, total_steps=10, anneal_strategy='linear')", optimizer: "Adam(lr=0.5)", steps: 10)
        // warm-up phase ends at step 0.3·10 − 1 = 2: lr 0.04 → 1, β₁ 0.95 → 0.85
        XCTAssertEqual(run.lr[0], 0.04, accuracy: 1e-15)
        XCTAssertEqual(run.lr[2], 1.0, accuracy: 1e-15)
        XCTAssertEqual(run.momentum[0], 0.95, accuracy: 1e-15)
        XCTAssertEqual(run.momentum[2], 0.85, accuracy: 1e-15)
        XCTAssertEqual(run.lr[9], 0.04 / 1e4, accuracy: 1e-17 + 1e-15)
        XCTAssertEqual(run.momentum[9], 0.95, accuracy: 1e-15)
    }

    func testSequentialRestartsEachScheduleAtItsMilestone() throws {
        let got = try lrs("SequentialLR([ConstantLR(factor=0.5, total_iters=2), ExponentialLR(gamma=0.9)], milestones=[3])", steps: 6).lr
        assertClose(got, [0.05, 0.05, 0.1, 0.1, 0.09, 0.081, 0.0729], "SequentialLR", tol: 1e-12)
    }

    func testErrorsNameTheKeywordAndListTheAllowedOnes() {
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return "\(error)" }
        }
        let unknown = message { _ = try OptimizerConfig(call: try TorchCall(parsing: "Adam(lr=0.1, beta=(0.8, 0.99))")) }
        XCTAssertTrue(unknown.contains("Adam has no keyword 'beta'") && unknown.contains("did you mean 'betas'")
                      && unknown.contains("Allowed: lr, betas, eps, weight_decay, amsgrad"), unknown)
        let schedule = message { _ = try LRSchedule(parsing: "StepLR(step_size=10, gama=0.5)") }
        XCTAssertTrue(schedule.contains("StepLR has no keyword 'gama'") && schedule.contains("Allowed: step_size, gamma"), schedule)
        XCTAssertTrue(message { _ = try LRSchedule(parsing: "CosineAnnealingLR(eta_min=0.1)") }.contains("needs T_max"))
        XCTAssertTrue(message { _ = try LRSchedule(parsing: "CosineLR(T_max=3)") }.contains("did you mean 'CyclicLR'")
                      || message { _ = try LRSchedule(parsing: "CosineLR(T_max=3)") }.contains("Allowed: StepLR"))
        XCTAssertTrue(message { _ = try TorchCall(parsing: "Adam(lr=0.1") }.contains("column 12"))
        XCTAssertTrue(message { _ = try LRSchedule(parsing: "SequentialLR([StepLR(5), StepLR(5)], milestones=[])") }
                        .contains("2 schedulers need 1 milestone, got 0"))
        var rprop = Optimizer(config: try! OptimizerConfig(name: "rprop"))
        XCTAssertTrue(message { _ = try LRScheduler(schedule: try LRSchedule(parsing: "OneCycleLR(max_lr=1, total_steps=9)"),
                                                    optimizer: &rprop) }.contains("cycle_momentum=False"))
        XCTAssertTrue(message {
            _ = try runTrajectory(objective: try Surface(named: "bowl"), optimizer: try Optimizer(name: "sgd"), start: [1, 1],
                                  options: TrajectoryOptions(steps: 20), schedule: try LRSchedule(parsing: "OneCycleLR(max_lr=1, total_steps=10)"))
        }.contains("at most 10 steps"))
    }

    func testCallSyntaxForOptimizers() throws {
        let adam = try OptimizerConfig(call: try TorchCall(parsing: "Adam(lr=0.1, betas=(0.8, 0.99))"))
        XCTAssertEqual([adam.lr, adam.beta1, adam.beta2], [0.1, 0.8, 0.99])
        let list = try TorchCall.list(parsing: "SGD(lr=0.01, momentum=0.9), Adam(0.1), LBFGS(line_search_fn='strong_wolfe')")
        XCTAssertEqual(list.map(\.name), ["SGD", "Adam", "LBFGS"])
        XCTAssertEqual(try OptimizerConfig(call: list[1]).lr, 0.1)
        XCTAssertTrue(try OptimizerConfig(call: list[2]).strongWolfe)
        XCTAssertEqual(try OptimizerConfig(call: list[2]).maxEval, 25)
        let rprop = try OptimizerConfig(call: try TorchCall(parsing: "Rprop(lr=0.02, etas=(0.4, 1.5), step_sizes=(1e-5, 10), foreach=None)"))
        XCTAssertEqual([rprop.etaMinus, rprop.etaPlus, rprop.stepSizeMin, rprop.stepSizeMax], [0.4, 1.5, 1e-5, 10])
        let adafactor = try OptimizerConfig(call: try TorchCall(parsing: "Adafactor(eps=(None, 1e-3))"))
        XCTAssertEqual(adafactor.eps1, Double.ulpOfOne)
        XCTAssertTrue(TorchCall.looksLikeCall(" Adam(lr=1)"))
        XCTAssertFalse(TorchCall.looksLikeCall("adam"))
    }

    /// Lion moves every coordinate by exactly lr per step when weight decay is 0 (hand check of
    /// Algorithm 2: sign(c) with c = β₁m + (1 − β₁)g).
    func testLionStepIsSignTimesLR() throws {
        var lion = try Optimizer(name: "lion", settings: ["lr": 0.01])
        var theta = [1.0, -2.0, 3.0]
        lion.step(parameters: &theta, gradient: [5, -0.001, 0])
        XCTAssertEqual(theta, [0.99, -1.99, 3.0])
        XCTAssertEqual(lion.stateVectors["exp_avg"], [(1 - 0.99) * 5, (1 - 0.99) * -0.001, 0])
    }

    /// Hostile nesting is an error, not a stack overflow: 100,000 open brackets after a class name, in an
    /// argument list and in a schedule list, each stop at 64 levels.
    func testDeepNestingIsRefusedNotACrash() throws {
        for text in ["SGD(" + String(repeating: "(", count: 100_000), "SGD(lr=" + String(repeating: "[", count: 100_000),
                     "SequentialLR(" + String(repeating: "StepLR(", count: 100_000)] {
            XCTAssertThrowsError(try TorchCall(parsing: text)) { error in
                XCTAssertTrue(String(describing: error).contains("nested more than 64 deep"), String(describing: error).suffix(80).description)
            }
        }
        // Ordinary nesting (SequentialLR of calls, tuples) still parses.
        XCTAssertNoThrow(try TorchCall(parsing: "SequentialLR([LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90)], milestones=[10])"))
    }
}
