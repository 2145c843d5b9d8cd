import XCTest
@testable import RunLogs

/// Group statistics on a common grid: runs logged at different steps are interpolated, never averaged
/// only where their steps happen to meet.
final class RunGroupSummaryTests: XCTestCase {
    /// By hand: a = (0, 1), (10, 2), (20, 3); b = (0, 4), (15, 1); c = (5, 0), (20, 6).
    /// Grid 0, 5, 10, 15, 20. At 0: a 1, b 4 (c starts at 5) → mean 2.5, sd 1.5, 2 runs.
    /// At 5: a 1.5, b 4 − 3·5/15 = 3, c 0 → mean 1.5, sd √1.5. At 10: a 2, b 2, c 6·5/15 = 2 → 2, sd 0.
    /// At 15: a 2.5, b 1, c 4 → 2.5, sd √1.5. At 20: a 3, c 6 (b ended at 15) → 4.5, sd 1.5, 2 runs.
    func testRunsLoggedAtDifferentStepsAreInterpolatedOntoTheUnionOfSteps() {
        let a = MetricSeries(name: "loss", steps: [0, 10, 20], values: [1, 2, 3])
        let b = MetricSeries(name: "loss", steps: [0, 15], values: [4, 1])
        let c = MetricSeries(name: "loss", steps: [5, 20], values: [0, 6])
        let g = RunGroupSummary([a, b, c])
        XCTAssertEqual(g.x, [0, 5, 10, 15, 20])
        XCTAssertEqual(g.steps, [0, 5, 10, 15, 20])
        XCTAssertEqual(g.count, [2, 3, 3, 3, 2])
        for (got, want) in zip(g.mean, [2.5, 1.5, 2, 2.5, 4.5]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(g.minimum, [1, 0, 2, 1, 3])
        XCTAssertEqual(g.maximum, [4, 3, 2, 4, 6])
        for (got, want) in zip(g.standardDeviation, [1.5, 1.5.squareRoot(), 0, 1.5.squareRoot(), 1.5]) {
            XCTAssertEqual(got, want, accuracy: 1e-12)
        }
        XCTAssertEqual(g.interpolated, 3, "5, 10 and 15 hold interpolated values; 0 and 20 only logged ones")
    }

    func testRunsLoggedAtTheSameStepsGetTheStatisticsOfTheirLoggedValues() {
        let a = MetricSeries(name: "loss", steps: [0, 1, 2], values: [1, 2, 3])
        let b = MetricSeries(name: "loss", steps: [0, 1, 2], values: [3, 2, 5])
        let g = RunGroupSummary([a, b])
        XCTAssertEqual(g.mean, [2, 2, 4])
        XCTAssertEqual(g.standardDeviation, [1, 0, 1])
        XCTAssertEqual(g.interpolated, 0)
    }

    /// Interpolating towards a NaN is no number; a logged inf stays inf where it was logged.
    func testANonFiniteNeighbourMakesTheInterpolatedValueNaN() {
        let a = MetricSeries(name: "loss", steps: [0, 10], values: [1, .nan])
        let b = MetricSeries(name: "loss", steps: [0, 5, 10], values: [1, 1, .infinity])
        let g = RunGroupSummary([a, b])
        XCTAssertEqual(g.x, [0, 5, 10])
        XCTAssertEqual(g.mean[0], 1)
        XCTAssertTrue(g.mean[1].isNaN && g.minimum[1].isNaN)
        XCTAssertTrue(g.mean[2].isNaN, "NaN and inf at 10")
    }

    /// x that go back (wall clocks) are read in order of x; the later point at one x replaces the earlier.
    func testPointsAreOrderedByX() {
        let run = RunGroupSummary.ordered(x: [2, 0, 1, 1, .nan], values: [20, 0, 10, 11, 99])
        XCTAssertEqual(run.x, [0, 1, 2])
        XCTAssertEqual(run.values, [0, 11, 20])
        let g = RunGroupSummary(x: [[2, 0], [1]], values: [[4, 0], [5]])
        XCTAssertEqual(g.x, [0, 1, 2])
        XCTAssertEqual(g.mean, [0, 3.5, 4], "at 1: (2 + 5) / 2")
    }
}
