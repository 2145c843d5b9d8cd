import Optim
import Viz
import XCTest
@testable import Figures

/// A `curves` animation of a long run whose curves end early (the loss reaches the minimum to machine
/// precision long before the last step) spreads its frames over the steps the axis shows, not over every
/// step: the curves grow through the whole animation instead of being finished by the second frame.
final class CurvesPacingTests: XCTestCase {
    func testFramesSpreadOverTheStepsTheAxisShows() throws {
        let s = try Surface(named: "ellipse")
        let plan = SurfacePlan(surface: s, start: Point2(-4, 1.5), steps: 200_000, x: Interval(s.viewBox.xmin, s.viewBox.xmax),
                               y: Interval(s.viewBox.ymin, s.viewBox.ymax), seed: 0)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "gd", settings: ["lr": 0.1]), OptimizerRequest(name: "momentum", settings: ["lr": 0.1])],
                                       plan: plan, recordEvery: 10, everyValue: true)
        var recipe = CurvesFigure(plan: plan, runs: runs)
        recipe.animated = true
        var figure = try Figure(width: 640, height: 400, rows: 2)
        _ = try recipe.build(into: &figure)
        // The axis runs on to where the distance curves end (892d431): they fall to 10⁻³⁰⁰ at about twice
        // the steps the loss gap (a square of the distance) takes, so the loss curves end halfway along.
        func lastDrawn(_ p: Int) -> Double {
            figure.panels[p].axes.marks.compactMap { (($0 as? TimedMark)?.mark as? LineMark)?.points.last(where: \.isFinite)?.x }.max() ?? 0
        }
        let axisEnd = try XCTUnwrap(figure.panels.first?.axes.xLimits?.upper)
        let curvesEnd = max(lastDrawn(0), lastDrawn(1))
        XCTAssertGreaterThan(lastDrawn(1), 30_000, "the distance curves run past step 30000")
        XCTAssertLessThan(lastDrawn(0), 0.6 * lastDrawn(1), "the loss curves end about halfway")
        XCTAssertGreaterThanOrEqual(axisEnd, curvesEnd, "the axis reaches the end of the curves")
        XCTAssertLessThanOrEqual(axisEnd, 1.25 * curvesEnd, "the axis ends where the curves do, not at step 200000")
        let times = Animation.revealTimes(figure, frames: 10, timing: .even)
        XCTAssertEqual(times.first, 0)
        let last = try XCTUnwrap(times.last)
        XCTAssertEqual(last, curvesEnd, accuracy: 10, "the frames run to where the last curve ends, none past it")
        // Evenly spread: frame 2 shows a ninth of the way, and each frame's curves are longer than the last's.
        XCTAssertEqual(times[1], last / 9, accuracy: 1)
        let animation = Animation(revealing: figure, frames: 10, timing: .even)
        func drawn(_ k: Int, panel p: Int) -> Int {
            animation.moving(k)[p].compactMap { $0 as? LineMark ?? ($0 as? TimedMark)?.mark as? LineMark }.map { $0.points.filter(\.isFinite).count }.reduce(0, +)
        }
        // The distance panel grows in every frame up to the last; the loss panel until its curves end.
        let distance = (0..<10).map { drawn($0, panel: 1) }, loss = (0..<10).map { drawn($0, panel: 0) }
        XCTAssertEqual(distance, distance.sorted())
        XCTAssertEqual(Set(distance).count, 10, "every frame shows more of the distance curves: \(distance)")
        XCTAssertLessThan(Double(distance[1]), 0.3 * Double(distance[8]), "frame 2 is far from finished: \(distance)")
        XCTAssertEqual(loss, loss.sorted())
        XCTAssertEqual(Set(loss.prefix(5)).count, 5, "the loss curves grow while they last: \(loss)")
        XCTAssertEqual(loss[9], loss[5], "the loss curves are whole from the frame past their end: \(loss)")
        // Without an early end the frames run to the last step.
        var short = CurvesFigure(plan: SurfacePlan(surface: s, start: Point2(-4, 1.5), steps: 50, x: plan.x, y: plan.y, seed: 0),
                                 runs: try SurfaceRuns.run([OptimizerRequest(name: "gd", settings: ["lr": 0.01])],
                                                           plan: SurfacePlan(surface: s, start: Point2(-4, 1.5), steps: 50, x: plan.x, y: plan.y, seed: 0),
                                                           everyValue: true))
        short.animated = true
        var f2 = try Figure(width: 640, height: 400, rows: 2)
        _ = try short.build(into: &f2)
        XCTAssertNil(f2.revealSpan)
        XCTAssertEqual(Animation.revealTimes(f2, frames: 5, timing: .even).last, 50)
    }
}
