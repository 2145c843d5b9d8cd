import Optim
import Viz
import XCTest
@testable import Figures

/// Runs that leave the view keep their look, and verdicts follow from where a run ends (issue 17).
final class ExitsAndVerdictsTests: XCTestCase {
    /// Y8-20: `pitfalls --starts -4.2,-1.8,3.2 --rates 1.5`: the orange w₀ = −1.8 run was dashed up to
    /// (2.82, 1.62) and then solid to the edge, the exit arrow's shaft drawn over its dashed segment; in
    /// greyscale nothing said which run left. The line runs dashed to the edge; the arrow is its head alone.
    func testPitfallsExitKeepsTheRunsDashPattern() throws {
        var figure = try Figure(width: 1280, height: 720)
        let runs = [-4.2, -1.8, 3.2].map { (start: $0, rate: 1.5) }
        _ = try PitfallsFigure(curve: Curve1D(named: "pitfalls"), runs: runs, steps: 12).build(into: &figure)
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        let arrows = axes.marks.compactMap { $0 as? ArrowMark }
        XCTAssertFalse(arrows.isEmpty)
        let paths = axes.marks.compactMap { $0 as? LineMark }.filter { $0.label?.hasPrefix("$w_0$") == true }
        XCTAssertEqual(paths.count, 3)
        for a in arrows {
            XCTAssertFalse(a.showsShaft, "a solid shaft over the dashed exit segment")
            // The run's own line reaches the arrow's tip, in its dash pattern.
            let owner = paths.first { p in p.points.contains { $0.x == a.to.x && $0.y == a.to.y } }
            let path = try XCTUnwrap(owner, "no path ends at the arrow at \(a.to)")
            XCTAssertTrue(path.points.contains { $0.x == a.from.x && $0.y == a.from.y })
            if paths.firstIndex(where: { $0.label == path.label }) != 0 { XCTAssertFalse(path.style.dash.isEmpty, path.label ?? "") }
        }
    }

    private func verdict(start: Double, rate: Double, steps: Int) throws -> String {
        let curve = Curve1D(.square)
        let run = try runTrajectory(objective: FunctionObjective(dimension: 1, value: { curve.value($0[0]) }, gradient: { [curve.derivative($0[0])] }),
                                    optimizer: Optimizer(name: "gd", settings: ["lr": .number(rate)]), start: [start],
                                    options: TrajectoryOptions(steps: steps, recordGradients: false))
        return LearningRateFigure.verdict(run.coordinates(0), curve: curve, stop: run.stop)
    }

    /// Y8-6: α = 0.05 on w² ended at w = −0.851 (f = 0.72) from −7 and was "good", and at 0.706 (f = 0.50)
    /// from the default 2.5 and was "too small": its share of f₀ decided. Now where the run ends does: within
    /// 2.5 % of the curve's view width (0.2 on −4…4) of the minimum is good, else too small.
    func testTheSameEndingGetsTheSameVerdictFromAnyStart() throws {
        XCTAssertEqual(try verdict(start: -7, rate: 0.05, steps: 20), "too small")
        XCTAssertEqual(try verdict(start: 2.5, rate: 0.05, steps: 12), "too small")
        // 2.5·0.9⁴⁰ = 0.037: near the minimum, good from a start of either size.
        XCTAssertEqual(try verdict(start: 2.5, rate: 0.05, steps: 40), "good")
        XCTAssertEqual(try verdict(start: -7, rate: 0.05, steps: 60), "good")  // 7·0.9⁶⁰ = 0.013
        // Just either side of the line: 0.19 is good, 0.21 too small (w² at α = 0.05 shrinks w by 0.9 a step).
        XCTAssertEqual(try verdict(start: 0.19 / pow(0.9, 10), rate: 0.05, steps: 10), "good")
        XCTAssertEqual(try verdict(start: 0.21 / pow(0.9, 10), rate: 0.05, steps: 10), "too small")
        XCTAssertEqual(try verdict(start: 2.5, rate: 0.2, steps: 12), "good")
    }

    /// Y8-25: `lr --rates 0.5,1.0,1.01,3 --start 10`: every panel ran from −4 to 10.4, so α = 1 (10, −10,
    /// 10, …) was an arrow to the left edge, "outside the view 6 times", its oscillation never drawn. A start
    /// outside the curve's view brings its mirror image about the minimum into the view.
    func testAFarStartsMirrorIsInTheView() throws {
        let view = LearningRateFigure.view(of: Curve1D(.square), start: 10)
        XCTAssertEqual(view.lowerBound, -10.4, accuracy: 1e-12)
        XCTAssertEqual(view.upperBound, 10.4, accuracy: 1e-12)
        // A start inside the curve's view keeps the view.
        XCTAssertEqual(LearningRateFigure.view(of: Curve1D(.square), start: 2.5), -4...4)
        var figure = try Figure(width: 1280, height: 720)
        _ = try LearningRateFigure(curve: Curve1D(.square), rates: [1, 1.01], start: 10, steps: 12).build(into: &figure)
        let oscillating = try XCTUnwrap(figure.panels.first?.axes)
        XCTAssertEqual(oscillating.title, "$\\alpha$ = 1: oscillates")
        XCTAssertTrue(oscillating.marks.compactMap { $0 as? ArrowMark }.isEmpty, "α = 1 stays at ±10, inside the view")
        let notes = oscillating.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertFalse(notes.contains { $0.contains("outside the view") }, "\(notes)")
        // α = 1.01 grows by 1.02 a step: 10·1.02¹ = 10.2 is inside, and it leaves only later.
        let slow = try XCTUnwrap(figure.panels.last?.axes)
        let slowNotes = slow.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertFalse(slowNotes.contains { $0.contains("step 1 ") || $0.hasSuffix("step 1") }, "\(slowNotes)")
    }
}
