import Optim
import Viz
import XCTest
@testable import Figures

/// An animation tells what happens in the frame where it happens, never earlier: the notes of a legend or
/// a footnote appear from the frame whose step reached the event.
final class AnimationNoteTimingTests: XCTestCase {
    /// The legend lines among `marks` (the last frame's marks are the still figure's, timed marks finished).
    private func legendTexts(_ marks: [any Mark]) -> [String] {
        marks.compactMap { (($0 as? TimedMark)?.mark ?? $0) as? LegendLine }.map(\.text)
    }

    /// `curves`: Lion on Rosenbrock (lr 0.005, 1000 steps) ends hopping between (1.09, 1.18) and (1.08, 1.19);
    /// the legend's "↔ (1.08, 1.19), f = 0.0133" under "oscillates: …" showed from frame 1, while Lion was
    /// still at the start with f = 12.5.
    func testCurvesCycleNoteAppearsWithTheOscillation() throws {
        let s = try Surface(named: "rosenbrock")
        let plan = SurfacePlan(surface: s, start: Point2(-1.5, 2), steps: 1000, x: Interval(s.viewBox.xmin, s.viewBox.xmax),
                               y: Interval(s.viewBox.ymin, s.viewBox.ymax), seed: 0)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "lion", settings: ["lr": 0.005])], plan: plan, everyValue: true)
        let run = try XCTUnwrap(runs.first)
        XCTAssertNotNil(run.endsInCycle, "Lion ends in a two-point cycle here")
        let note = try XCTUnwrap(run.cycleNote(surface: s))
        XCTAssertEqual(note, "↔ (1.08, 1.19), f = 0.0133")
        var recipe = CurvesFigure(plan: plan, runs: runs)
        recipe.animated = true
        var figure = try Figure(width: 1280, height: 720, rows: 2)
        _ = try recipe.build(into: &figure)
        let animation = Animation(revealing: figure, frames: 12, timing: .even)
        for k in 0..<11 {
            let texts = legendTexts(animation.moving(k).flatMap { $0 })
            XCTAssertFalse(texts.contains(note), "frame \(k + 1): \(texts)")
            XCTAssertFalse(texts.contains { $0.hasPrefix("oscillates") }, "frame \(k + 1): \(texts)")
        }
        XCTAssertTrue(legendTexts(animation.moving(0).flatMap { $0 }).contains("→ (−1.50, 2.00), f = 12.5"))
        let last = legendTexts(animation.moving(11).flatMap { $0 })
        XCTAssertTrue(last.contains(note), "the last frame (the still figure) has it: \(last)")
        XCTAssertTrue(last.contains { $0.hasPrefix("oscillates: (1.09, 1.18)") }, "\(last)")
    }

    /// The dot where a run is now is drawn over the point labels ("start", "saddle", "min"): it passed under
    /// their boxes, washed out (gd's dot under "saddle" at step 158 on the saddle).
    func testCurrentDotsAreDrawnOverThePointLabels() throws {
        let s = try Surface(named: "saddle")
        let plan = SurfacePlan(surface: s, start: Point2(2, 0.01), steps: 300, x: Interval(s.viewBox.xmin, s.viewBox.xmax),
                               y: Interval(s.viewBox.ymin, s.viewBox.ymax), seed: 0)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "gd", settings: ["lr": 0.005])], plan: plan)
        let recipe = SurfaceFigure(plan: plan, runs: runs)
        var figure = try Figure(width: 800, height: 450)
        _ = try recipe.build(into: &figure)
        let labels = try XCTUnwrap(figure.panels.first?.axes.marks.compactMap { $0 as? PointLabelMark }.first)
        let run = try XCTUnwrap(runs.first)
        let j = run.index(atStep: 158)
        let marks = SurfaceAnimation.frameMarks(recipe, step: 158, every: 50, theme: .light)
        let dot = try XCTUnwrap(marks.compactMap { $0 as? ScatterMark }.first { $0.points == [run.points[j]] })
        XCTAssertGreaterThan(dot.zOrder, labels.zOrder, "the dot over the labels' boxes")
        let notes = marks.compactMap { $0 as? AnnotationMark }.map(\.zOrder)
        XCTAssertTrue(notes.allSatisfy { dot.zOrder < $0 }, "under the notes and the step tag")
    }
}
