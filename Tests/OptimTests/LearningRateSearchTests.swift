import Foundation
import XCTest
@testable import Optim

/// The learning-rate search a figure uses when none is given.
final class LearningRateSearchTests: XCTestCase {
    /// The candidates are exactly the decimals 1, 2, 5 × 10ᵏ (so labels read lr=0.0005, not 0.0005000000000001).
    func testCandidatesAreTheDecimalsTheyName() {
        XCTAssertEqual(LearningRateSearch.candidates,
                       [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50])
    }

    /// On f = x² + y² plain gradient descent contracts by |1 − 2·lr| per step: lr = 0.5 reaches the minimum in
    /// one step, so it is the smallest rate with "enough" progress unless a smaller one already has it.
    /// Every rate ≥ 1 diverges or oscillates outwards; the choice is never one of them.
    func testChoosesASmallRateThatGetsThereOnABowl() throws {
        let bowl = try Surface(named: "bowl")
        let lr = try LearningRateSearch.choose(
            objective: bowl, start: [1.5, -1], minima: [[0, 0]], steps: 100,
            staysInView: { p in p.allSatisfy { abs($0) <= 3 } },
            config: { try OptimizerConfig(name: "sgd", settings: ["lr": .number($0)]) })
        // 100 steps at lr shrink the distance by (1 − 2 lr)^100: 3 decades needs lr ≥ 0.0334, so 0.05.
        XCTAssertEqual(lr, 0.05)
    }

    /// The "stays in view" test is the caller's: when nothing passes it, not even below 10⁻⁴, the start's
    /// Armijo rate: on x² + y² the step θ(1 − 2 lr) lowers f by at least ½·lr·|∇f|² exactly for lr ≤ 0.5.
    func testNoRunInViewGivesTheArmijoRateOfTheStart() throws {
        let lr = try LearningRateSearch.choose(
            objective: try Surface(named: "bowl"), start: [1.5, -1], minima: [[0, 0]], steps: 100,
            staysInView: { _ in false },
            config: { try OptimizerConfig(name: "sgd", settings: ["lr": .number($0)]) })
        XCTAssertEqual(lr, 0.5)
        // 40x² + 40y²: the gradient step scales θ by 1 − 80 lr; Armijo holds for lr ≤ 1/80, so 0.01.
        let steep = Surface(expression: try MathExpression("40*x^2 + 40*y^2", dimension: 2))
        XCTAssertEqual(LearningRateSearch.armijoRate(objective: steep, start: [1, 2]), 0.01)
    }

    /// A steep start, tried as a new user would: on exp(x² + y²) from (2.4, 2.4) (f ≈ 10⁵, |∇f| ≈ 7·10⁵)
    /// every candidate from 10⁻⁴ up leaves the view at once, and the search fell back to 10⁻⁴, which
    /// does too. It now goes below 10⁻⁴ to the largest rate whose run stays in view.
    func testASteepStartGetsARateThatStaysInView() throws {
        let s = Surface(expression: try MathExpression("exp(x^2 + y^2)", dimension: 2))
        let inView = { (p: [Double]) in p.allSatisfy { abs($0) <= 3 } }
        let config = { (lr: Double) in try OptimizerConfig(name: "sgd", settings: ["lr": .number(lr)]) }
        let lr = try LearningRateSearch.choose(objective: s, start: [2.4, 2.4], minima: [[0, 0]], steps: 200,
                                               staysInView: inView, config: config)
        XCTAssertLessThan(lr, 1e-4)
        let t = try runTrajectory(objective: s, optimizer: Optimizer(config: try config(lr)), start: [2.4, 2.4],
                                  options: TrajectoryOptions(steps: 200, recordGradients: false))
        XCTAssertEqual(t.stop, .maxSteps)
        XCTAssertTrue((0..<t.count).allSatisfy { inView(t.position($0)) })
        XCTAssertLessThan(try XCTUnwrap(t.finalValue), s.value(2.4, 2.4) * 1e-3, "and it descends")
        // The next larger rate leaves the view: this is the largest that stays.
        let grid = (-8...1).flatMap { e in [1.0, 2, 5].map { $0 * Foundation.pow(10, Double(e)) } }
        let next = try XCTUnwrap(grid.first { $0 > lr * 1.0001 })
        let bigger = try runTrajectory(objective: s, optimizer: Optimizer(config: try config(next)), start: [2.4, 2.4],
                                       options: TrajectoryOptions(steps: 200, recordGradients: false))
        XCTAssertFalse(bigger.stop == .maxSteps && (0..<bigger.count).allSatisfy { inView(bigger.position($0)) }, "\(next)")
    }

    /// A start so steep that even 10⁻⁸ leaves the view (tried as a new user would: `surface '1e10*(x^2+y^2)'` got
    /// gd lr=10⁻⁸, "diverged at step 1"): the Armijo rate of the start, found below 10⁻⁸, and its run converges.
    func testTheArmijoFallbackGoesBelowTheLadder() throws {
        let s = Surface(expression: try MathExpression("1e10*(x^2 + y^2)", dimension: 2))
        let inView = { (p: [Double]) in p.allSatisfy { abs($0) <= 3 } }
        let config = { (lr: Double) in try OptimizerConfig(name: "sgd", settings: ["lr": .number(lr)]) }
        let lr = try LearningRateSearch.choose(objective: s, start: [2.4, 2.4], minima: [[0, 0]], steps: 200,
                                               staysInView: inView, config: config)
        // θ ← θ(1 − 2·10¹⁰ lr): Armijo holds for lr ≤ 5×10⁻¹¹.
        XCTAssertEqual(lr, 5e-11, accuracy: 1e-24)
        let t = try runTrajectory(objective: s, optimizer: Optimizer(config: try config(lr)), start: [2.4, 2.4],
                                  options: TrajectoryOptions(steps: 200, recordGradients: false))
        XCTAssertEqual(t.stop, .maxSteps)
        XCTAssertTrue((0..<t.count).allSatisfy { inView(t.position($0)) })
    }

}

/// The search runs each rate without recording it (`runEndInView`), stopping a run as soon as it leaves
/// the view or diverges; it must agree with a recorded run on which runs count and where they end.
final class RunEndInViewTests: XCTestCase {
    func testAgreesWithARecordedRun() throws {
        let s = try Surface(named: "rosenbrock")
        let inView = { (p: [Double]) in abs(p[0]) <= 2 && p[1] >= -1 && p[1] <= 3 }
        var counted = 0
        for name in ["sgd", "adam", "rmsprop", "adagrad"] {
            for lr in LearningRateSearch.candidates {
                let optimizer = Optimizer(config: try OptimizerConfig(name: name, settings: ["lr": .number(lr)]))
                let t = try runTrajectory(objective: s, optimizer: optimizer, start: [-1.5, 2.5],
                                          options: TrajectoryOptions(steps: 300, recordGradients: false))
                let kept = t.stop == .maxSteps && (0..<t.count).allSatisfy { inView(t.position($0)) }
                let end = try runEndInView(objective: s, optimizer: optimizer, start: [-1.5, 2.5], steps: 300, staysInView: inView)
                XCTAssertEqual(end != nil, kept, "\(name) lr=\(lr)")
                if let end {
                    counted += 1
                    XCTAssertEqual(end.value, t.finalValue, "\(name) lr=\(lr)")
                    XCTAssertEqual(end.position, t.finalPosition, "\(name) lr=\(lr)")
                }
            }
        }
        XCTAssertGreaterThan(counted, 10, "some runs stay in view")
        XCTAssertLessThan(counted, 4 * LearningRateSearch.candidates.count, "some leave it")
        XCTAssertThrowsError(try runEndInView(objective: s, optimizer: Optimizer(config: try OptimizerConfig(name: "sgd", settings: [:])),
                                              start: [1], steps: 3, staysInView: inView))
    }
}
