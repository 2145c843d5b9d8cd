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

    /// The "stays in view" test is the caller's: when nothing passes it, the smallest candidate.
    func testNoRunInViewGivesTheSmallestCandidate() throws {
        let lr = try LearningRateSearch.choose(
            objective: try Surface(named: "bowl"), start: [1.5, -1], minima: [[0, 0]], steps: 100,
            staysInView: { _ in false },
            config: { try OptimizerConfig(name: "sgd", settings: ["lr": .number($0)]) })
        XCTAssertEqual(lr, LearningRateSearch.candidates[0])
    }
}
