import XCTest
@testable import Optim

/// `streamTrajectory` hands over exactly `runTrajectory`'s rows, in order, and keeps only the last one
/// (`dlplot trace --steps 10000000` held every row and aborted under a 1.5 GB limit).
final class StreamedTrajectoryTests: XCTestCase {
    private struct Row: Equatable {
        let step: Int, position: [Double], value: Double, lr: Double, evaluations: Int?
    }

    private func rows(_ t: Trajectory) -> [Row] {
        (0..<t.count).map { i in
            Row(step: t.steps[i], position: t.position(i), value: t.values[i], lr: t.learningRates[i],
                evaluations: t.functionEvaluations.isEmpty ? nil : t.functionEvaluations[i])
        }
    }

    /// Both runs on the same arguments: every streamed row equals the recorded one, the stop and the
    /// overflow step agree, and the streamed trajectory holds one row.
    private func assertSameRun(_ surface: String, _ optimizer: String, _ settings: [String: OptimizerSetting], start: [Double],
                               steps: Int, every: Int = 1, tolerance: Double? = nil, schedule: String? = nil,
                               file: StaticString = #filePath, line: UInt = #line) throws -> Trajectory {
        let objective = try Surface(named: surface)
        let options = TrajectoryOptions(steps: steps, tolerance: tolerance, recordEvery: every, recordGradients: false)
        let plan = try schedule.map { try LRSchedule(parsing: $0) }
        let full = try runTrajectory(objective: objective, optimizer: try Optimizer(name: optimizer, settings: settings),
                                     start: start, options: options, schedule: plan)
        var streamed: [Row] = []
        let kept = try streamTrajectory(objective: objective, optimizer: try Optimizer(name: optimizer, settings: settings),
                                        start: start, options: options, schedule: plan) { r in
            streamed.append(Row(step: r.step, position: r.position, value: r.value, lr: r.learningRate, evaluations: r.evaluations))
        }
        XCTAssertEqual(streamed, rows(full), file: file, line: line)
        XCTAssertEqual(kept.stop, full.stop, file: file, line: line)
        XCTAssertEqual(kept.overflowStep, full.overflowStep, file: file, line: line)
        XCTAssertEqual(kept.leftDomain, full.leftDomain, file: file, line: line)
        XCTAssertEqual(kept.divergedPosition, full.divergedPosition, file: file, line: line)
        XCTAssertEqual(kept.count, full.count == 0 ? 0 : 1, "the streamed run keeps only its last row", file: file, line: line)
        XCTAssertEqual(kept.steps.last, full.steps.last, file: file, line: line)
        XCTAssertEqual(kept.finalPosition, full.finalPosition, file: file, line: line)
        return kept
    }

    func testStreamedRowsAreTheRecordedRows() throws {
        _ = try assertSameRun("rosenbrock", "adam", ["lr": 0.02], start: [-1.5, 2], steps: 1000, every: 7,
                              schedule: "StepLR(step_size=100, gamma=0.5)")
        _ = try assertSameRun("himmelblau", "momentum", ["lr": 0.002], start: [0, 0], steps: 5000, tolerance: 1e-6)
        let lbfgs = try assertSameRun("rosenbrock", "lbfgs", [:], start: [-1.5, 2], steps: 40)
        XCTAssertNotNil(lbfgs.functionEvaluations.last)
    }

    /// gd at lr 1.5 on x² + y² from (1, 1): f overflows to ∞ at step 512 and x, y at step 1024; the
    /// streamed run, which kept one row, still says where f first overflowed.
    func testStreamedDivergenceKeepsTheOverflowStep() throws {
        let kept = try assertSameRun("bowl", "gd", ["lr": 1.5], start: [1, 1], steps: 5000)
        XCTAssertEqual(kept.stop, .diverged(step: 1024))
        XCTAssertEqual(kept.overflowStep, 512)
    }

    /// 200 000 steps keep one row: nothing grows with the steps.
    func testALongStreamedRunHoldsOneRow() throws {
        var count = 0
        let kept = try streamTrajectory(objective: try Surface(named: "rosenbrock"), optimizer: try Optimizer(name: "adam"),
                                        start: [-1.5, 2], options: TrajectoryOptions(steps: 200_000, recordGradients: false)) { _ in
            count += 1
        }
        XCTAssertEqual(count, 200_001)
        XCTAssertEqual(kept.steps, [200_000])
        XCTAssertEqual(kept.values.count, 1)
        XCTAssertEqual(kept.positionData.count, 2)
        XCTAssertEqual(kept.learningRates.count, 1)
    }
}
