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
        let axisEnd = try XCTUnwrap(figure.panels.first?.axes.xLimits?.upper)
        XCTAssertLessThan(axisEnd, 40_000, "the axis ends where the curves do")
        let times = Animation.revealTimes(figure, frames: 10, timing: .even)
        XCTAssertEqual(times.first, 0)
        let last = try XCTUnwrap(times.last)
        XCTAssertLessThanOrEqual(last, axisEnd, "no frame past the axis end")
        XCTAssertGreaterThan(last, axisEnd * 0.7, "the frames reach where the curves end")
        // Evenly spread: frame 2 shows a ninth of the way, and each frame's curves are longer than the last's.
        XCTAssertEqual(times[1], last / 9, accuracy: 1)
        let animation = Animation(revealing: figure, frames: 10, timing: .even)
        func drawn(_ k: Int) -> Int {
            animation.moving(k)[0].compactMap { $0 as? LineMark }.map { $0.points.filter(\.isFinite).count }.reduce(0, +)
        }
        let counts = (0..<9).map(drawn)
        XCTAssertEqual(counts, counts.sorted())
        XCTAssertEqual(Set(counts).count, 9, "every frame before the last shows more of the curves: \(counts)")
        XCTAssertLessThan(Double(counts[1]), 0.3 * Double(counts[8]), "frame 2 is far from finished: \(counts)")
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
