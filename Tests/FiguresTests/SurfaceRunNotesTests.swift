import Optim
import Viz
import XCTest
@testable import Figures

/// What a surface or curves legend says about a run beyond its end point: the extra function
/// evaluations of LBFGS (with a cross at each one) and the lr a schedule moved through.
final class SurfaceRunNotesTests: XCTestCase {
    private func plan(_ surface: Surface, start: Point2 = Point2(-1.5, 2), steps: Int) -> SurfacePlan {
        SurfacePlan(surface: surface, start: start, steps: steps, x: Interval(surface.viewBox.xmin, surface.viewBox.xmax),
                    y: Interval(surface.viewBox.ymin, surface.viewBox.ymax), seed: 0)
    }

    /// LBFGS with a strong-Wolfe line search on Rosenbrock: every evaluation inside a step besides its
    /// start is kept with its position, so their number is torch's count minus one per step. With
    /// max_iter=1 each call is one search along one direction, so every trial of step k lies on the line
    /// through θ_{k−1} and θ_k, and f there is finite.
    func testLBFGSExtraEvaluationsAreCountedAndPlaced() throws {
        let s = try Surface(named: "rosenbrock")
        let oneSearch = OptimizerRequest(name: "lbfgs", settings: ["lr": 1, "line_search_fn": true, "max_iter": 1])
        let single = try SurfaceRuns.run([oneSearch], plan: plan(s, steps: 12))[0].trajectory
        XCTAssertEqual(single.evaluationSteps.count, (single.functionEvaluations.last ?? 0) - (single.steps.last ?? 0))
        XCTAssertGreaterThan(single.evaluationSteps.count, 0)
        for (j, k) in single.evaluationSteps.enumerated() {
            let a = single.position(k - 1), b = single.position(k)
            let p = [single.evaluationPositions[2 * j], single.evaluationPositions[2 * j + 1]]
            let cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
            let scale = max(1e-300, hypot(b[0] - a[0], b[1] - a[1]) * hypot(p[0] - a[0], p[1] - a[1]))
            XCTAssertLessThan(abs(cross) / scale, 1e-9, "trial \(j) of step \(k) is off its search line")
            XCTAssertTrue(s.value(p[0], p[1]).isFinite)
        }

        let request = OptimizerRequest(name: "lbfgs", settings: ["lr": 1, "line_search_fn": true])
        let runs = try SurfaceRuns.run([request], plan: plan(s, steps: 12))
        let run = try XCTUnwrap(runs.first)
        let t = run.trajectory
        let total = try XCTUnwrap(t.functionEvaluations.last)
        let steps = try XCTUnwrap(t.steps.last)
        XCTAssertEqual(t.evaluationSteps.count, total - steps)
        XCTAssertEqual(t.evaluationPositions.count, 2 * t.evaluationSteps.count)
        XCTAssertEqual(run.evaluationNote, "\(total - steps) more evaluations of f in \(steps) steps")
        // The first trial of the first call is along −∇f(θ₀) (torch's first direction is −g).
        let g = s.gradient(t.position(0)[0], t.position(0)[1])
        let d = [t.evaluationPositions[0] - t.position(0)[0], t.evaluationPositions[1] - t.position(0)[1]]
        XCTAssertLessThan(abs(d[0] * -g.dy - d[1] * -g.dx) / (hypot(d[0], d[1]) * hypot(g.dx, g.dy)), 1e-9)
        XCTAssertLessThan(d[0] * g.dx + d[1] * g.dy, 0)
        // The figure draws a cross at each one inside the view and says how many there were.
        let figure = SurfaceFigure(plan: plan(s, steps: 12), runs: runs)
        let crosses = figure.evaluationMarkers(run, look: TrajectoryStyle(index: 0, theme: .light))
        XCTAssertEqual(crosses.shape, MarkerShape.circle)
        XCTAssertLessThan(crosses.zOrder, 3, "under the paths")
        XCTAssertEqual(crosses.points.count, run.extraEvaluations.filter { figure.plan.inView($0.x, $0.y) }.count)
        XCTAssertGreaterThan(crosses.points.count, 0)
    }

    /// Optimizers that evaluate f once per step have no note and no crosses; neither has LBFGS with
    /// max_iter=1 and no line search (one evaluation per call).
    func testOneEvaluationPerStepHasNoNote() throws {
        let s = try Surface(named: "rosenbrock")
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "adam", settings: ["lr": 0.1]),
                                        OptimizerRequest(name: "lbfgs", settings: ["lr": 0.01, "max_iter": 1])],
                                       plan: plan(s, steps: 10))
        for run in runs {
            XCTAssertNil(run.evaluationNote, run.config.label)
            XCTAssertTrue(run.extraEvaluations.isEmpty, run.config.label)
        }
        XCTAssertEqual(runs[1].trajectory.functionEvaluations.last, 10)
    }

    /// StepLR(step_size=2, gamma=0.5) from lr 0.4 over 20 steps ends at 0.4·0.5¹⁰ = 3.90625×10⁻⁴;
    /// OneCycleLR rises to max_lr and falls; without a schedule there is no lr note.
    func testLearningRateNoteFollowsTheSchedule() throws {
        let s = try Surface(named: "ellipse")
        let stepLR = try LRSchedule(parsing: "StepLR(step_size=2, gamma=0.5)")
        let p = plan(s, start: Point2(-4, 1.5), steps: 20)
        let scheduled = try SurfaceRuns.run([OptimizerRequest(name: "sgd", settings: ["lr": 0.4], schedule: stepLR)], plan: p)
        XCTAssertEqual(scheduled[0].trajectory.learningRates.last ?? .nan, 0.4 * pow(0.5, 10), accuracy: 1e-18)
        XCTAssertEqual(scheduled[0].learningRateNote, "lr 0.4 → 3.9×10⁻⁴")
        XCTAssertTrue(SurfaceFigure(plan: p, runs: scheduled).subtitle(every: 2).hasSuffix("; lr schedule: StepLR(step_size=2, gamma=0.5)"))
        let cycle = try LRSchedule(parsing: "OneCycleLR(max_lr=0.5, total_steps=30)")
        let cycled = try SurfaceRuns.run([OptimizerRequest(name: "sgd", settings: ["lr": 0.4, "momentum": 0.9], schedule: cycle)], plan: p)
        let note = try XCTUnwrap(cycled[0].learningRateNote)
        XCTAssertTrue(note.hasPrefix("lr 0.02 ↗ 0.5 ↘ "), note)
        XCTAssertTrue(note.hasSuffix("; momentum cycled"), note)
        let plain = try SurfaceRuns.run([OptimizerRequest(name: "sgd", settings: ["lr": 0.4])], plan: p)
        XCTAssertNil(plain[0].learningRateNote)
    }
}

/// The basins share table: a column per optimizer headed by its number and name, a row per basin, and
/// diverged / not converged only when some map has such starts; centred at its natural width.
final class BasinsShareTableTests: XCTestCase {
    func testShareTableNamesItsColumnsAndSkipsEmptyRows() throws {
        let s = try Surface(named: "himmelblau")
        func map(_ name: String, _ lr: Double) throws -> BasinMap {
            try BasinMap(surface: s, optimizer: try OptimizerConfig(name: name, settings: ["lr": .number(lr)]), x: -5...5, y: -5...5,
                         grid: 21, steps: 500)
        }
        let maps = [("(1) gd lr=0.01", try map("gd", 0.01)), ("(2) adam lr=0.1", try map("adam", 0.1))]
        let recipe = BasinsFigure(surface: s, maps: maps, steps: 500, x: Interval(-5, 5), y: Interval(-5, 5))
        let colors = CategoryColors.basins(4, theme: .light) + [CategoryColors.diverged, CategoryColors.notConverged]
        let ax = recipe.shareTable(colors: colors, targets: maps[0].1.targets, theme: .light)
        let table = try XCTUnwrap(ax.marks.compactMap { $0 as? TableMark }.first)
        XCTAssertEqual(table.header, ["share of starts", "(1) gd", "(2) adam"])
        XCTAssertFalse(table.fillsWidth)
        let diverged = maps.contains { $0.1.shares[4] > 0 }, stuck = maps.contains { $0.1.shares[5] > 0 }
        XCTAssertEqual(table.rows.count, 4 + (diverged ? 1 : 0) + (stuck ? 1 : 0))
        XCTAssertEqual(table.rows.contains { $0[0].hasSuffix("diverged") }, diverged)
        // Each column's shares add up to 100 % (to the rounding of one decimal per row).
        for c in 1...2 {
            let total = table.rows.compactMap { Double($0[c].replacingOccurrences(of: " %", with: "")) }.reduce(0, +)
            XCTAssertEqual(total, 100, accuracy: 0.05 * Double(table.rows.count))
        }
    }
}

extension SurfaceRunNotesTests {
    /// gd on |x| + |y| at lr 0.01 ends hopping between (6.8×10⁻¹⁵, 6.8×10⁻¹⁵) and (−0.01, −0.01); the legend
    /// said "f = 1.4×10⁻¹⁴" because 300 is even (with 301 steps it would have said 0.02). Both phases are named.
    func testATwoCycleAtTheEndIsNamedAsOne() throws {
        let s = Surface(expression: try MathExpression("abs(x)+abs(y)", dimension: 2))
        let gd = OptimizerRequest(name: "gd", settings: ["lr": 0.01])
        let even = try XCTUnwrap(SurfaceRuns.run([gd], plan: plan(s, start: Point2(2.4, 2.4), steps: 300)).first)
        XCTAssertEqual(even.endsInCycle, 300)
        XCTAssertEqual(even.trajectory.values[300], 2 * (2.4 - 240 * 0.01), accuracy: 1e-13)
        XCTAssertEqual(even.outcome(surface: s), "oscillates: (6.8×10⁻¹⁵, 6.8×10⁻¹⁵), f = \(SurfaceRun.value(even.trajectory.values[300]))")
        XCTAssertEqual(even.cycleNote(surface: s), "↔ (−0.01, −0.01), f = 0.02")
        let odd = try XCTUnwrap(SurfaceRuns.run([gd], plan: plan(s, start: Point2(2.4, 2.4), steps: 301)).first)
        XCTAssertEqual(odd.outcome(surface: s), "oscillates: (−0.01, −0.01), f = 0.02")
        XCTAssertTrue(odd.cycleNote(surface: s)?.hasPrefix("↔ (6.8×10⁻¹⁵, 6.8×10⁻¹⁵), f = ") ?? false)
        // Before the end (an animation's frames) and for a run that converges: where it is.
        XCTAssertTrue(even.legendRow(atStep: 150, surface: s).hasPrefix("→ ("))
        let bowl = Surface(expression: try MathExpression("x^2+y^2", dimension: 2))
        let settled = try XCTUnwrap(SurfaceRuns.run([gd], plan: plan(bowl, start: Point2(2.4, 2.4), steps: 300)).first)
        XCTAssertNil(settled.endsInCycle)
        XCTAssertNil(settled.cycleNote(surface: bowl))
        XCTAssertTrue(settled.outcome(surface: bowl).hasPrefix("→ ("))
    }
}

extension SurfaceRunNotesTests {
    /// On log(x·y) Adam jumped from near (0, 0) over the origin into the third quadrant, and its end
    /// "f = −6.9" looked like a result: the footnote says which step crossed the singular axes.
    func testAStepAcrossASingularAxisIsNoted() throws {
        let s = Surface(expression: try MathExpression("log(x*y)", dimension: 2))
        let p = plan(s, start: Point2(2.4, 2.4), steps: 300)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "adam", settings: ["lr": 0.01]),
                                        OptimizerRequest(name: "gd", settings: ["lr": 0.005])], plan: p)
        // Where Adam's x first changes sign, found here from its path.
        let points = runs[0].points
        let k = try XCTUnwrap(points.indices.dropFirst().first { points[$0 - 1].x * points[$0].x < 0 })
        XCTAssertLessThan(points[k].y, 0, "y changes sign at the same step")
        var figure = try Figure(width: 1280, height: 720)
        _ = try SurfaceFigure(plan: p, runs: runs).build(into: &figure)
        let footnote = try XCTUnwrap(figure.footnote)
        XCTAssertTrue(footnote.contains("adam lr=0.01 steps across x = 0 and y = 0 (f → −∞ there) at step \(runs[0].trajectory.steps[k])"), footnote)
        XCTAssertFalse(footnote.contains("gd lr=0.005 steps across"), footnote)
    }
}
