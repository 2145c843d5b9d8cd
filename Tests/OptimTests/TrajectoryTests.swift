import XCTest
@testable import Optim

final class TrajectoryTests: XCTestCase {
    func testDivergenceKeepsEveryFiniteStep() throws {
        // GD on x² − y² with lr 10: y grows by 21× a step and overflows to inf after ~233 steps.
        let run = try runTrajectory(objective: try Surface(named: "saddle"), optimizer: try Optimizer(name: "gd", settings: ["lr": 10]),
                                    start: [1, 1], options: TrajectoryOptions(steps: 1000))
        guard case .diverged(let k) = run.stop else { return XCTFail("expected divergence, got \(run.stop)") }
        XCTAssertEqual(run.count, k)              // rows 0 ..< k, every position finite
        XCTAssertEqual(run.steps.last, k - 1)
        XCTAssertTrue(run.positionData.allSatisfy(\.isFinite))
        // f = x² − y² overflows to −∞ once y² does (|y| > 1.3×10¹⁵⁴), before y itself: those rows are kept with f = −∞.
        XCTAssertTrue(run.values.allSatisfy { $0.isFinite || $0 == -.infinity })
        let overflow = try XCTUnwrap(run.values.firstIndex(of: -.infinity))
        XCTAssertGreaterThan(abs(run.position(overflow)[1]), 1.3e154)
        XCTAssertLessThan(abs(run.position(overflow - 1)[1]), 1.35e154)
        // The diverging step really is non-finite.
        let last = try XCTUnwrap(run.finalPosition)
        let next = (x: -19 * last[0], y: 21 * last[1])
        XCTAssertFalse((next.x * next.x - next.y * next.y).isFinite && next.y.isFinite)
        XCTAssertEqual(run.stop.name, "diverged")
    }

    func testLargeButFiniteIsNotDivergence() throws {
        let run = try runTrajectory(objective: try Surface(named: "saddle"), optimizer: try Optimizer(name: "gd", settings: ["lr": 0.1]),
                                    start: [2, 3], options: TrajectoryOptions(steps: 1000))
        // y ≈ 3·1.2^1000 ≈ 4e79 is finite, f = −y² ≈ −1.6e159 is finite too.
        XCTAssertEqual(run.stop, .maxSteps)
        XCTAssertEqual(run.count, 1001)
    }

    func testGradientNormConvergence() throws {
        let tol = 1e-6
        let run = try runTrajectory(objective: try Surface(named: "bowl"), optimizer: try Optimizer(name: "gd", settings: ["lr": 0.1]),
                                    start: [3, -4], options: TrajectoryOptions(steps: 10_000, tolerance: tol))
        guard case .converged(let k) = run.stop else { return XCTFail("\(run.stop)") }
        let g = run.gradient(run.count - 1)
        XCTAssertLessThanOrEqual((g[0] * g[0] + g[1] * g[1]).squareRoot(), tol)
        let before = run.gradient(run.count - 2)
        XCTAssertGreaterThan((before[0] * before[0] + before[1] * before[1]).squareRoot(), tol)
        XCTAssertEqual(run.steps.last, k)
        // ‖∇f‖ = 2·0.8^k·5 ≤ 1e-6 first at k = ⌈log(1e-7)/log(0.8)⌉.
        XCTAssertEqual(k, Int((log(1e-7) / log(0.8)).rounded(.up)))
        // Value-change test.
        let v = try runTrajectory(objective: try Surface(named: "bowl"), optimizer: try Optimizer(name: "gd", settings: ["lr": 0.1]),
                                  start: [3, -4], options: TrajectoryOptions(steps: 10_000, tolerance: 1e-9, convergence: .valueChange))
        guard case .converged(let kv) = v.stop else { return XCTFail("\(v.stop)") }
        XCTAssertLessThanOrEqual(abs(v.values[kv] - v.values[kv - 1]), 1e-9)
        XCTAssertGreaterThan(abs(v.values[kv - 1] - v.values[kv - 2]), 1e-9)
    }

    func testDecimatedMillionStepRun() throws {
        let steps = 1_000_000
        let run = try runTrajectory(objective: try Surface(named: "rosenbrock"),
                                    optimizer: try Optimizer(name: "adam", settings: ["lr": 1e-3]), start: [-1.5, 2],
                                    options: TrajectoryOptions(steps: steps, recordEvery: 10_000, recordGradients: false,
                                                               everyValue: true))
        XCTAssertEqual(run.stop, .maxSteps)
        XCTAssertEqual(run.valueHistory.count, steps + 1)
        XCTAssertEqual(run.count, 101)
        XCTAssertEqual(run.steps.last, steps)
        XCTAssertTrue(run.gradientData.isEmpty)
        XCTAssertEqual(run.values.last, run.valueHistory.last)
        // Adam reaches the Rosenbrock minimum.
        let end = try XCTUnwrap(run.finalPosition)
        XCTAssertEqual(end[0], 1, accuracy: 1e-3)
        XCTAssertEqual(end[1], 1, accuracy: 1e-3)
    }

    func testOneDimensionalFunction() throws {
        let square = FunctionObjective(dimension: 1, value: { $0[0] * $0[0] }, gradient: { [2 * $0[0]] })
        let run = try runTrajectory(objective: square, optimizer: try Optimizer(name: "gd", settings: ["lr": 0.25]),
                                    start: [4], options: TrajectoryOptions(steps: 3))
        XCTAssertEqual(run.positions, [[4], [2], [1], [0.5]])
        XCTAssertEqual(run.values, [16, 4, 1, 0.25])
        XCTAssertThrowsError(try runTrajectory(objective: square, optimizer: try Optimizer(name: "gd"), start: [1, 2],
                                               options: TrajectoryOptions(steps: 3)))
        XCTAssertThrowsError(try runTrajectory(objective: square, optimizer: try Optimizer(name: "gd"), start: [1],
                                               options: TrajectoryOptions(steps: -1)))
    }

    func testMinibatchPathsAreSeeded() throws {
        let surface = try Surface(named: "linreg_mse")
        let sgd = try Optimizer(name: "sgd", settings: ["lr": 0.01])
        func path(_ batch: Int, _ seed: UInt64) throws -> [Double] {
            try runTrajectory(objective: try MinibatchObjective(surface: surface, batchSize: batch, seed: seed),
                              optimizer: sgd, start: [-0.3, 1.5], options: TrajectoryOptions(steps: 200)).positionData
        }
        XCTAssertEqual(try path(1, 7), try path(1, 7))
        XCTAssertNotEqual(try path(1, 7), try path(1, 8))
        XCTAssertNotEqual(try path(4, 7), try path(1, 7))
        // Batch size ≥ 12 is exactly batch gradient descent on the surface.
        let full = try runTrajectory(objective: surface, optimizer: sgd, start: [-0.3, 1.5],
                                     options: TrajectoryOptions(steps: 200)).positionData
        XCTAssertEqual(try path(12, 7), full)
        // Mini-batch gradients average to the full gradient over an epoch of size-1 batches.
        var objective = try MinibatchObjective(surface: surface, batchSize: 1, seed: 3)
        var sum = [0.0, 0.0], g = [0.0, 0.0]
        for _ in 0..<12 {
            objective.stepGradient([0.2, -0.1], into: &g)
            sum[0] += g[0] / 12
            sum[1] += g[1] / 12
        }
        let exact = surface.gradient(0.2, -0.1)
        XCTAssertEqual(sum[0], exact.dx, accuracy: 1e-12)
        XCTAssertEqual(sum[1], exact.dy, accuracy: 1e-12)
        // Batch GD converges to the least-squares solution (6/53, 1/53).
        let fit = try runTrajectory(objective: surface, optimizer: try Optimizer(name: "sgd", settings: ["lr": 0.02]),
                                    start: [0, 0], options: TrajectoryOptions(steps: 20_000))
        let end = try XCTUnwrap(fit.finalPosition)
        XCTAssertEqual(end[0], 6.0 / 53, accuracy: 1e-9)
        XCTAssertEqual(end[1], 1.0 / 53, accuracy: 1e-9)
        XCTAssertThrowsError(try MinibatchObjective(surface: try Surface(named: "bowl"), batchSize: 1, seed: 0))
        XCTAssertThrowsError(try MinibatchObjective(surface: surface, batchSize: 0, seed: 0))
    }

    func testSplitMix64IsTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 1234567 (Vigna's reference C implementation).
        var g = SplitMix64(seed: 1234567)
        XCTAssertEqual(g.next(), 6457827717110365317)
        XCTAssertEqual(g.next(), 3203168211198807973)
        XCTAssertEqual(g.next(), 9817491932198370423)
        var u = SplitMix64(seed: 9)
        for _ in 0..<1000 {
            let x = u.nextUnit()
            XCTAssertTrue(x >= 0 && x < 1)
            XCTAssertTrue((0..<7).contains(u.nextInt(below: 7)))
        }
    }
}
