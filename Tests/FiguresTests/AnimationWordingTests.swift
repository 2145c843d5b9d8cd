import Optim
import RunLogs
import Viz
import XCTest
@testable import Figures

/// What an animation says while it plays: the legend rows keep one wording from the first frame to the
/// last (which is the still figure's), lr's panel titles keep their verdict for the last frame, a
/// divergence's cross is drawn whole on the edge of the view, and a group of runs is named by what its
/// names share, never by a file extension.
final class AnimationWordingTests: XCTestCase {
    private func plan(_ surface: Surface, start: Point2 = Point2(1, 1.5), steps: Int) -> SurfacePlan {
        SurfacePlan(surface: surface, start: start, steps: steps, x: Interval(surface.viewBox.xmin, surface.viewBox.xmax),
                    y: Interval(surface.viewBox.ymin, surface.viewBox.ymax), seed: 0)
    }

    func testLegendRowsKeepTheStillFiguresWording() throws {
        let s = try Surface(named: "beale")
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "adam", settings: ["lr": 0.1])], plan: plan(s, steps: 40))
        let run = try XCTUnwrap(runs.first)
        let t = run.trajectory
        for step in [0, 7, 20, 40] {
            let j = run.index(atStep: step)
            let expected = "→ (\(SurfaceRun.coordinate(run.points[j].x)), \(SurfaceRun.coordinate(run.points[j].y))), f = \(SurfaceRun.value(t.values[j]))"
            XCTAssertEqual(SurfaceAnimation.progress(run, step: step, surface: s), expected)
        }
        // The still figure's row is the last frame's, in the same words.
        XCTAssertEqual(run.outcome(surface: s), SurfaceAnimation.progress(run, step: 40, surface: s))
        XCTAssertTrue(run.outcome(surface: s).hasPrefix("→ ("), run.outcome(surface: s))
        // The step is shown in the view's corner in every frame but the last (the still figure).
        let figure = SurfaceFigure(plan: plan(s, steps: 40), runs: runs)
        let marks = SurfaceAnimation.frameMarks(figure, step: 7, every: 10, theme: .light)
        XCTAssertEqual(marks.compactMap { ($0 as? AnnotationMark)?.text }.filter { $0.hasPrefix("step") }, ["step 7"])
        // A run that diverges says so from its step on, in the frames and in the still figure alike.
        let wild = try SurfaceRuns.run([OptimizerRequest(name: "sgd", settings: ["lr": 5])], plan: plan(try Surface(named: "bowl"), start: Point2(1, 1), steps: 30))[0]
        let k = try XCTUnwrap(wild.diverged ?? wild.leavesView)
        XCTAssertTrue(SurfaceAnimation.progress(wild, step: k - 1, surface: try Surface(named: "bowl")).hasPrefix("→ ("))
        // Out of the view, a frame says the loss (the still figure also says where the run ended, far away:
        // that row widened every frame's legend, Z7-2).
        XCTAssertEqual(SurfaceAnimation.progress(wild, step: 30, surface: try Surface(named: "bowl")), "leaves the view at step 1; f = 3.59×10⁵⁷")
        XCTAssertEqual(wild.outcome(surface: try Surface(named: "bowl")), "leaves the view at step 1; → (4.24×10²⁸, 4.24×10²⁸), f = 3.59×10⁵⁷")
    }

    /// The 3-D view says which step each frame shows, as the plane does: "step k" in the panel's top-left
    /// corner, drawn (dark pixels appear there) in every frame but the last, which is the still figure.
    func testThreeDFramesShowTheirStep() throws {
        let s = try Surface(named: "himmelblau")
        let p = SurfacePlan(surface: s, start: Point2(0, 0), steps: 30, x: Interval(-5, 5), y: Interval(-5, 5), seed: 0)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "adam", settings: ["lr": 0.1])], plan: p)
        let recipe = SurfaceFigure(plan: p, runs: runs, grid: 30, view3D: (azimuth: -60, elevation: 30))
        let figure = try Figure(width: 640, height: 360)
        let (animation, _) = try SurfaceAnimation(recipe: recipe, frames: 4).build(into: figure)
        func labels(_ k: Int) -> [AnnotationMark] { animation.moving(k).flatMap { $0 }.compactMap { $0 as? AnnotationMark } }
        XCTAssertEqual(labels(0).map(\.text), ["step 0"])
        XCTAssertEqual(labels(1).map(\.text), ["step 10"])
        XCTAssertEqual(labels(2).map(\.text), ["step 20"])
        XCTAssertEqual(labels(3).map(\.text), [], "the last frame is the still figure")
        XCTAssertEqual(labels(1).first?.showsLeader, false, "a corner label, no line to the corner")
        let renderer = try AnimationRenderer(animation)
        let first = try renderer.frameWords(1), last = try renderer.frameWords(3)
        let w = renderer.width
        // The label sits in the top-left of the panel (under the titles, left of the 3-D box).
        let changed = (0..<first.count).filter { first[$0] != last[$0] && ($0 % w) < w / 5 && ($0 / w) < renderer.height / 2 }
        XCTAssertGreaterThan(changed.count, 20, "text drawn in the top-left corner")
    }

    func testLearningRateTitlesKeepTheirVerdictForTheEnd() throws {
        var recipe = LearningRateFigure(curve: Curve1D(.square), rates: [0.05, 1.1], start: 2.5, steps: 6)
        recipe.animated = true
        var figure = try Figure(width: 1280, height: 600)
        _ = try recipe.build(into: &figure)
        let animation = Animation(revealing: figure, frames: 7, timing: .even)
        let titles = try XCTUnwrap(animation.panelTitles)
        XCTAssertEqual(titles(0), ["$\\alpha$ = 0.05", "$\\alpha$ = 1.1"])
        XCTAssertEqual(titles(5), ["$\\alpha$ = 0.05", "$\\alpha$ = 1.1"])
        XCTAssertEqual(titles(6), figure.panels.map(\.axes.title), "the last frame is the still figure")
        XCTAssertEqual(titles(6), ["$\\alpha$ = 0.05: too small", "$\\alpha$ = 1.1: diverges"])
        // The frames draw their own titles: the first differs from the last above the plots, not elsewhere.
        let renderer = try AnimationRenderer(animation)
        let first = try renderer.frameWords(0), last = try renderer.frameWords(6)
        let w = renderer.width
        let changedRows = Set((0..<first.count).filter { first[$0] != last[$0] }.map { $0 / w })
        XCTAssertFalse(changedRows.isEmpty)
        // The still figure made without animation has the same titles and none that move.
        recipe.animated = false
        var still = try Figure(width: 1280, height: 600)
        _ = try recipe.build(into: &still)
        XCTAssertNil(Animation(revealing: still, frames: 7, timing: .even).panelTitles)
        XCTAssertEqual(still.panels.map(\.axes.title), figure.panels.map(\.axes.title))
    }

    func testDivergenceCrossIsDrawnWholeOnTheEdge() throws {
        let s = try Surface(named: "bowl")
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "sgd", settings: ["lr": 1.5])], plan: plan(s, start: Point2(1, 1), steps: 2000))
        XCTAssertNotNil(runs[0].diverged)
        for animated in [false, true] {
            let (axes, _) = CurvesFigure.lossAxes(runs: runs, surface: s, fromHistory: false, animated: animated, theme: .light)
            let crosses = axes.marks.filter { (($0 as? TimedMark)?.mark ?? $0) is ScatterMark }
            XCTAssertEqual(crosses.count, 1)
            XCTAssertEqual(crosses.first?.clipsToPlot, false, "animated: \(animated)")
        }
    }

    func testGroupNamesLeaveOutTheFileExtension() throws {
        let seed = try Regex("seed[0-9]+")
        XCTAssertEqual(RunCurves.groupKey("adam-seed2.csv", pattern: seed), "adam")
        XCTAssertEqual(RunCurves.groupKey("adam_seed12.jsonl", pattern: seed), "adam")
        XCTAssertEqual(RunCurves.groupKey("seed1.csv", pattern: seed, source: "seed[0-9]+"), "seed[0-9]+")
        XCTAssertEqual(RunCurves.groups(["seed1.csv", "seed2.csv"], pattern: seed, source: "seed[0-9]+").map(\.key), ["seed[0-9]+"])
        XCTAssertEqual(RunCurves.groupKey("runs/sgd-seed3", pattern: seed), "runs/sgd")
        XCTAssertEqual(RunCurves.groupKey("nomatch.csv", pattern: seed), "nomatch.csv")
    }

    /// A group's band grows with its mean: it is a moving mark, never drawn whole into the background of
    /// the first frame (which would show the final losses and a divergence before the curves get there).
    func testAGroupsBandGrowsWithItsMean() throws {
        func run(_ name: String, _ v: [Double]) -> RunLog {
            RunLog(name: name, source: name, format: .csv, metrics: [MetricSeries(name: "loss", steps: v.indices.map(Int64.init), values: v)])
        }
        var recipe = RunsFigure(runs: [run("a-seed0", [3, 2, 1, 0.5]), run("a-seed1", [4, 3, 2, 1])], metrics: ["loss"],
                                groupPattern: ("seed[0-9]+", try Regex("seed[0-9]+")))
        recipe.animated = true
        var figure = try Figure(width: 640, height: 360)
        _ = try recipe.build(into: &figure)
        let band = try XCTUnwrap(figure.panels[0].axes.marks.compactMap { $0 as? TimedMark }.first { $0.mark is AreaMark })
        let animation = Animation(revealing: figure, frames: 4, timing: .even)
        XCTAssertLessThanOrEqual(animation.stillBelow, band.zOrder, "the band is drawn with the moving marks")
        let early = try XCTUnwrap(band.at(1).first as? AreaMark)
        XCTAssertEqual(early.x, [0, 1], "at step 1 the band reaches step 1")
    }
}

/// A training run's legend row while it grows has the still figure's form: the best value so far and where,
/// then the latest value ("now") where the still figure says "final".
final class RunsProgressWordingTests: XCTestCase {
    func testRunsRowsKeepTheStillFiguresForm() {
        let series = MetricSeries(name: "loss", steps: [0, 10, 20, 30], values: [1.0, 0.5, 0.6, 0.4])
        let x = [0.0, 10, 20, 30]
        let place = XPlace(axis: .step, stepWord: "step")
        XCTAssertEqual(RunCurve.progress(series, x: x, count: 1, best: .min, place: place), "now 1")
        XCTAssertEqual(RunCurve.progress(series, x: x, count: 3, best: .min, place: place), "min 0.5 at step 10 · now 0.6")
        XCTAssertEqual(RunCurve.annotation(series, best: .min) { place.text(step: series.steps[$0], x: x[$0]) }, "min 0.4 at step 30 · final 0.4")
    }
}
