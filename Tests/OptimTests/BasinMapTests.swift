import XCTest
@testable import Optim

final class BasinMapTests: XCTestCase {
    func himmelblau(_ name: String, _ settings: [String: OptimizerSetting], grid: Int = 41) throws -> BasinMap {
        try BasinMap(surface: try Surface(named: "himmelblau"), optimizer: try OptimizerConfig(name: name, settings: settings),
                     x: -5...5, y: -5...5, grid: grid, steps: 500)
    }

    /// GD at lr 0.01 on Himmelblau: every start converges, all four minima have a basin, shares sum to 1.
    func testGradientDescentFindsAllFourMinimaOfHimmelblau() throws {
        let map = try himmelblau("gd", ["lr": 0.01])
        let shares = map.shares
        XCTAssertEqual(shares.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(map.targets.count, 4)
        for i in 0..<4 { XCTAssertGreaterThan(shares[i], 0.1, "basin \(i)") }
        XCTAssertEqual(shares[4], 0, "no start diverges at lr 0.01")
        // Each start's basin is the one its own (unvectorised) run reaches.
        for s in stride(from: 0, to: map.outcomes.count, by: 97) {
            let start = [map.xs[s % 41], map.ys[s / 41]]
            let run = try runTrajectory(objective: try Surface(named: "himmelblau"),
                                        optimizer: try Optimizer(name: "gd", settings: ["lr": 0.01]), start: start,
                                        options: TrajectoryOptions(steps: 500))
            let end = try XCTUnwrap(run.finalPosition)
            XCTAssertEqual(map.outcomes[s], BasinMap.classify(end[0], end[1], targets: map.targets, radius: map.radius, span: 1e7), "start \(start)")
        }
    }

    func testLargeLearningRateDivergesAndVectorisedAdamMatchesSingleRuns() throws {
        let wild = try himmelblau("gd", ["lr": 0.05], grid: 21)
        XCTAssertGreaterThan(wild.shares[4], 0.5)
        XCTAssertEqual(wild.shares.reduce(0, +), 1, accuracy: 1e-12)
        let adam = try himmelblau("adam", ["lr": 0.1], grid: 11)
        for s in adam.outcomes.indices {
            let run = try runTrajectory(objective: try Surface(named: "himmelblau"), optimizer: try Optimizer(name: "adam", settings: ["lr": 0.1]),
                                        start: [adam.xs[s % 11], adam.ys[s / 11]], options: TrajectoryOptions(steps: 500))
            let end = try XCTUnwrap(run.finalPosition)
            XCTAssertEqual(adam.outcomes[s], BasinMap.classify(end[0], end[1], targets: adam.targets, radius: adam.radius, span: 1e7))
        }
    }

    func testBadSizesAreErrors() {
        XCTAssertThrowsError(try himmelblau("gd", ["lr": 0.01], grid: 1))
        XCTAssertThrowsError(try BasinMap(surface: try Surface(named: "bowl"), optimizer: try OptimizerConfig(name: "gd"),
                                          x: 1...1, y: 0...1, grid: 5, steps: 5))
    }
}

extension BasinMapTests {
    /// A typed surface runs its starts through one pass of the compiled tape per step (it set up an
    /// evaluator per point, and `basins` on an expression took minutes): each start still ends where
    /// its own single run does, exactly.
    func testTypedSurfaceBatchesMatchSingleRuns() throws {
        let typed = Surface(expression: try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2))
        let map = try BasinMap(surface: typed, optimizer: try OptimizerConfig(name: "momentum", settings: ["lr": 0.002]),
                               x: -5...5, y: -5...5, grid: 15, steps: 200)
        XCTAssertEqual(map.targets.count, 4)
        for s in stride(from: 0, to: map.outcomes.count, by: 7) {
            let start = [map.xs[s % 15], map.ys[s / 15]]
            let run = try runTrajectory(objective: typed, optimizer: try Optimizer(name: "momentum", settings: ["lr": 0.002]),
                                        start: start, options: TrajectoryOptions(steps: 200))
            let end = try XCTUnwrap(run.finalPosition)
            XCTAssertEqual(map.outcomes[s], BasinMap.classify(end[0], end[1], targets: map.targets, radius: map.radius, span: 1e7), "start \(start)")
        }
    }
}
