import XCTest
@testable import Optim

/// The 12 cases of schedules.json (torch 2.15 float64; Lion per its paper): trajectories within
/// 1e-9 normalised per step, lr lists within 1e-12 relative.
final class ScheduleReferenceTests: XCTestCase {
    /// The optimizer of a case written as a torch call, e.g. `Adam(lr=0.1)`.
    static func torchCall(_ c: [String: Any]) throws -> String {
        let name = try XCTUnwrap(c["optimizer"] as? String)
        let hyper = try XCTUnwrap(c.object("hyperparameters"))
        let args = hyper.keys.sorted().map { key -> String in
            let value = hyper[key]
            if let list = value as? [NSNumber] { return "\(key)=(" + list.map { "\($0.doubleValue)" }.joined(separator: ", ") + ")" }
            if let text = value as? String { return "\(key)='\(text)'" }
            return "\(key)=\((value as? NSNumber)?.doubleValue ?? .nan)"
        }
        return name + "(" + args.joined(separator: ", ") + ")"
    }

    func run(_ c: [String: Any]) throws -> (Trajectory, [[Double]], [Double]?) {
        let id = c["id"] as? String ?? "?"
        let config = try OptimizerConfig(call: try TorchCall(parsing: try Self.torchCall(c)))
        XCTAssertEqual(config.name, c["cli_optimizer"] as? String, id)
        let schedule = try (c["schedule"] as? String).map { try LRSchedule(parsing: $0) }
        let reference = try XCTUnwrap(c.matrix("trajectory"))
        let steps = try XCTUnwrap(c["steps"] as? Int)
        let run = try runTrajectory(objective: try Surface(named: try XCTUnwrap(c["surface"] as? String)),
                                    optimizer: Optimizer(config: config), start: try XCTUnwrap(c.doubles("start")),
                                    options: TrajectoryOptions(steps: steps), schedule: schedule)
        return (run, reference, c.doubles("lr"))
    }

    func testEveryCase() throws {
        let cases = try XCTUnwrap(try Reference.load("schedules").objects("cases"))
        XCTAssertEqual(cases.count, 12)
        for c in cases {
            let id = c["id"] as? String ?? "?"
            let (run, reference, lrs) = try run(c)
            XCTAssertEqual(run.count, reference.count, id)
            var worst = 0.0
            for k in 0..<min(run.count, reference.count) {
                let got = run.position(k), ref = reference[k]
                let scale = max(abs(ref[0]), abs(ref[1]))
                worst = max(worst, max(abs(got[0] - ref[0]), abs(got[1] - ref[1])) / (scale > 0 ? scale : 1))
            }
            XCTAssertLessThanOrEqual(worst, 1e-9, "\(id): trajectory relative error \(worst)")
            if let lrs {
                XCTAssertEqual(run.learningRates.count, lrs.count, id)
                var lrWorst = 0.0
                for (got, ref) in zip(run.learningRates, lrs) { lrWorst = max(lrWorst, abs(got - ref) / abs(ref)) }
                XCTAssertLessThanOrEqual(lrWorst, 1e-12, "\(id): lr relative error \(lrWorst)")
            }
        }
    }
}
