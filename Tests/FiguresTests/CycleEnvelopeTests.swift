import Optim
import Viz
import XCTest
@testable import Figures

/// S16-10: Lion on x² + 10y² at lr 0.05 ends in a 4-step cycle, (0.05, 0.05) → (0, 0) → (−0.05, −0.05) → (0, 0),
/// with f = 0.0275 and 1.7×10⁻³¹ by turns. Its legend called it converged ("→ (1.2×10⁻¹⁶, 1.2×10⁻¹⁶), f =
/// 1.72×10⁻³¹", the last even step), and its loss curve filled a block 30 decades high from step 130 to 300 that
/// hid every other run.
final class CycleEnvelopeTests: XCTestCase {
    private func lion() throws -> (Surface, SurfacePlan, [SurfaceRun]) {
        let s = Surface(expression: try MathExpression("x^2 + 10*y^2", dimension: 2))
        let plan = SurfacePlan(surface: s, start: Point2(2.4, 2.4), steps: 300, x: Interval(s.viewBox.xmin, s.viewBox.xmax),
                               y: Interval(s.viewBox.ymin, s.viewBox.ymax), seed: 0)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "lion", settings: ["lr": 0.05]),
                                        OptimizerRequest(name: "adam", settings: ["lr": 0.05])], plan: plan)
        return (s, plan, runs)
    }

    func testAFourStepCycleIsToldAsOscillating() throws {
        let (s, _, runs) = try lion()
        let run = runs[0]
        let cycle = try XCTUnwrap(run.endCycle)
        XCTAssertEqual(cycle.period, 4)
        // The cycle holds from its start to the end, and not one step earlier.
        XCTAssertEqual(run.trajectory.values[cycle.start], run.trajectory.values[cycle.start + 4], accuracy: 1e-12)
        let (a, b) = (run.points[cycle.start - 1], run.points[cycle.start + 3])
        XCTAssertGreaterThan(max(abs(a.x - b.x), abs(a.y - b.y)), 1e-9 * 6)
        XCTAssertEqual(run.trajectory.steps[cycle.start], 144)  // the points repeat to 10⁻⁹ of the view from here
        XCTAssertEqual(run.endsInCycle, 300)
        XCTAssertTrue(run.outcome(surface: s).hasPrefix("oscillates: ("), run.outcome(surface: s))
        XCTAssertEqual(run.cycleNote(surface: s), "↔ (−0.05, −0.05), f = 0.0275 (a 4-step cycle)")
        // Adam settles: no cycle.
        XCTAssertNil(runs[1].endCycle)
    }

    func testTheCyclingLossIsDrawnAsItsBoundsNotABlock() throws {
        let (s, _, runs) = try lion()
        let start = try XCTUnwrap(runs[0].endCycle).start
        let (ax, note) = CurvesFigure.lossAxes(runs: runs, surface: s, fromHistory: false, theme: .light)
        let lines = ax.marks.compactMap { $0 as? LineMark }
        let lion = try XCTUnwrap(lines.first { $0.label == runs[0].config.displayLabel })
        // Up to the cycle, then its upper bound: two points to step 300 instead of 170 alternating ones.
        XCTAssertEqual(lion.points.count, start + 2)
        XCTAssertEqual(lion.points.last?.x, 300)
        XCTAssertEqual(lion.points.last?.y ?? 0, 0.0275, accuracy: 1e-12)
        // The lower bound, unlabelled, at 1.7×10⁻³¹.
        let lower = try XCTUnwrap(lines.first { $0.label == nil && $0.points.count == 2 })
        XCTAssertEqual(lower.points.map(\.y)[0], 1.716e-31, accuracy: 1e-33)
        XCTAssertEqual(lower.points.map(\.x), [Double(runs[0].trajectory.steps[start]), 300])
        XCTAssertTrue(note?.contains("lion lr=0.05 cycles every 4 steps from step 144: drawn as the cycle's highest and lowest values.") ?? false,
                      note ?? "no note")
        // The distance panel the same way: up to the cycle, then its bounds √2·0.05 and √2·1.2×10⁻¹⁶.
        let distances = CurvesFigure.distanceAxes(runs: runs, surface: s, theme: .light).marks.compactMap { $0 as? LineMark }
        XCTAssertEqual(distances[0].points.count, start + 2)
        XCTAssertEqual(distances[0].points.last?.y ?? 0, 0.05 * 2.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(distances[1].points.map(\.y)[0], 1.249e-16 * 2.0.squareRoot(), accuracy: 1e-18)
        // Adam's curve is drawn whole.
        let adam = try XCTUnwrap(lines.first { $0.label == runs[1].config.displayLabel })
        XCTAssertEqual(adam.points.count, runs[1].trajectory.values.count)
    }
}
