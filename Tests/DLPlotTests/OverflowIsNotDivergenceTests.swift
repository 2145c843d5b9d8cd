import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// f overflowing float64 at a finite point is not divergence: gd with lr 0.1 from (10²⁰⁰, 0) on x² + y²
/// converges, yet it was "diverged at step 0" with nothing drawn; a step to (−5×10³⁰⁰, −4×10³⁰⁰) was dropped
/// with a leader line to nothing; `curves --start=1e160,0` was an internal error, exit 1.
final class OverflowIsNotDivergenceTests: XCTestCase {
    func legend(_ figure: Figure) -> [String] {
        figure.panels.flatMap { $0.axes.marks.flatMap { $0.legendEntries.map(\.label) } }
    }

    /// The notes on the plot.
    func notes(_ figure: Figure) -> [String] { figure.panels[0].axes.marks.compactMap { ($0 as? AnnotationMark)?.text } }

    /// Every text of the laid-out figure.
    func texts(_ figure: Figure) throws -> [String] { try figure.layoutReport().elements.map(\.text) }


    func testARunWhoseFOverflowsGoesOnWhileItsParametersAreFinite() throws {
        let bowl = try Surface(named: "bowl")
        let far = try runTrajectory(objective: bowl, optimizer: try Optimizer(name: "gd", settings: ["lr": 0.1]), start: [1e200, 0],
                                    options: TrajectoryOptions(steps: 3))
        XCTAssertEqual(far.stop, .maxSteps)
        XCTAssertEqual(far.steps, [0, 1, 2, 3])
        XCTAssertEqual(far.values, [.infinity, .infinity, .infinity, .infinity])
        XCTAssertEqual(far.position(3)[0], 1e200 * 0.8 * 0.8 * 0.8, accuracy: 1e186)
        // lr 10³⁰⁰: step 1 is finite (f = ∞ there), step 2 is not: diverged at step 2, step 1 recorded.
        let huge = try runTrajectory(objective: bowl, optimizer: try Optimizer(name: "gd", settings: ["lr": 1e300]), start: [2.5, 2],
                                     options: TrajectoryOptions(steps: 5))
        XCTAssertEqual(huge.stop, .diverged(step: 2))
        XCTAssertEqual(huge.position(1), [2.5 - 1e300 * 5, 2 - 1e300 * 4])
        XCTAssertEqual(huge.values.last, .infinity)
        XCTAssertEqual(huge.stopWords, "diverged at step 2")
    }

    func testTheSurfaceSaysWhereTheRunIsAndThatFOverflows() throws {
        let far = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "0.1", "--start=1e200,0", "--steps", "300"]).makeFigure()
        XCTAssertTrue(legend(far.0).contains { $0.hasPrefix("outside the view throughout; → (8.45×10¹⁷⁰, 0), f overflows float64") },
                      "\(legend(far.0))")
        XCTAssertEqual(far.1.first?.rows.count, 301, "every finite step is in --data")
        let huge = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "1e300"]).makeFigure().0
        XCTAssertTrue(legend(huge).contains("leaves the view at step 1, diverged at step 2"), "\(legend(huge))")
        XCTAssertTrue(notes(huge).contains("gd: leaves the view at step 1, diverged at step 2"), "\(notes(huge))")
        // A step out of a typed f's domain: trace's words, in the legend and on the plot.
        let domain = try DLPlot.SurfaceCommand.parse(["log(x)+y^2", "--optimizers", "gd", "--lr", "1", "--start=0.5,1", "--steps", "3"])
            .makeFigure().0
        XCTAssertTrue(legend(domain).contains("left the domain of f at step 1"), "\(legend(domain))")
        XCTAssertTrue(notes(domain).contains("gd: left the domain of f at step 1"), "\(notes(domain))")
        // A run that leaves and keeps growing says where it ended.
        let grows = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "1.5"]).makeFigure().0
        XCTAssertTrue(legend(grows).contains { $0.hasPrefix("leaves the view at step 1; → (") && $0.hasSuffix("f = 4.25×10¹⁸¹") },
                      "\(legend(grows))")
    }

    func testCurvesFromAStartWhereFOverflowsDrawAndSaySo() throws {
        for steps in ["10", "1000"] {
            let command = try DLPlot.CurvesCommand.parse(["--surface", "bowl", "--optimizers", "gd", "--lr", "0.1", "--start=1e160,0",
                                                          "--steps", steps])
            let figure = try command.makeFigure().0
            XCTAssertTrue(figure.footnote?.contains("gd lr=0.1: f overflows float64 (∞) at steps 0–") == true, figure.footnote ?? "")
            XCTAssertFalse(try figure.render(as: .png).isEmpty)
        }
        // The cross of a run that blows up sits on the frame's top edge at its step, not level with step 0's loss.
        let figure = try DLPlot.CurvesCommand.parse(["--surface", "bowl", "--optimizers", "gd", "--lr", "1e300"]).makeFigure().0
        let crosses = figure.panels[0].axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .cross }
        XCTAssertEqual(crosses.first?.points, [Point(2, .infinity)])
        XCTAssertEqual(crosses.first?.pinsNonFiniteY, true)
    }

    func testOneDimensionalStepsOutOfTheViewEndOnItsEdgeWithAnArrow() throws {
        let lr = try DLPlot.LearningRateCommand.parse(["--rates", "1e-300,1,1e300"]).makeFigure().0
        let arrows = lr.panels[2].axes.marks.compactMap { $0 as? ArrowMark }
        XCTAssertEqual(arrows.count, 1)
        let limits = try XCTUnwrap(lr.panels[2].axes.yLimits)
        XCTAssertEqual(arrows.first?.from, Point(2.5, 6.25))
        XCTAssertEqual(try XCTUnwrap(arrows.first?.to.y), limits.upper, accuracy: 1e-9)
        // In the panel, or (no spot there free of the curve) as the footnote's line for its rate.
        let said = try texts(lr)
        XCTAssertTrue(said.contains { $0.hasSuffix("leaves the view at step 1 (to w = −5×10³⁰⁰), diverged at step 2") }, "\(said)")
        // pitfalls: no chord across the curve to a point 10²⁹⁹ away; the path ends on the frame.
        let pitfalls = try DLPlot.PitfallsCommand.parse(["--starts=-4.2,0,3.2", "--rates", "1e300"]).makeFigure().0
        let x = try XCTUnwrap(pitfalls.panels[0].axes.xLimits)
        let lines = pitfalls.panels[0].axes.marks.compactMap { $0 as? LineMark }.filter { $0.label != nil }
        XCTAssertEqual(lines.count, 3)
        for line in lines {
            XCTAssertTrue(line.points.allSatisfy { $0.x >= x.lower - 1e-9 && $0.x <= x.upper + 1e-9 }, "\(line.points)")
        }
        XCTAssertEqual(pitfalls.panels[0].axes.marks.compactMap { $0 as? ArrowMark }.count, 3)
    }

    func testALandscapeWhoseWeightsBlowUpSaysSoInsteadOfFailing() throws {
        // lr 10³⁰⁰: the weights reach 10³⁰⁰ while the sigmoid's loss stays finite; once "the field's x coordinates
        // must be finite", exit 1.
        let figure = try DLPlot.LandscapeCommand.parse(["--task", "xor", "--sgd-lr", "1e300", "--adam-lr", "1e300", "--steps", "2",
                                                        "--grid", "11"]).makeFigure().0
        let notes = figure.panels.flatMap { $0.axes.marks.compactMap { ($0 as? TextMark)?.text } }
        XCTAssertEqual(notes.filter { $0.hasPrefix("diverged by step") }.count, 2, "\(notes)")
        XCTAssertFalse(try figure.render(as: .png).isEmpty)
    }

    func testAStabilityRangeTorchRejectsIsNamedAsTyped() throws {
        XCTAssertThrowsError(try DLPlot.StabilityCommand.parse(["bowl", "--x-range=-1:1"]).makeFigure()) { error in
            XCTAssertTrue("\(error)".contains("invalid --x-range '-1:1'"), "\(error)")
        }
    }

    func testLegendNumbersKeepTheirDigits() {
        XCTAssertEqual(SurfaceRun.coordinate(3.158e-10, span: 6), "3.2×10⁻¹⁰")
        XCTAssertEqual(SurfaceRun.coordinate(-0.012297, span: 6), "−0.012")
        XCTAssertEqual(SurfaceRun.coordinate(0, span: 6), "0")
        // Rounding noise beside a coordinate a billion times larger is 0; a small value beside a small one is not.
        XCTAssertEqual(SurfaceRun.coordinate(1.7e-18, span: 6, beside: 0.89), "0")
        XCTAssertEqual(SurfaceRun.coordinate(3.158e-10, span: 6, beside: 1.0113e-6), "3.2×10⁻¹⁰")
        XCTAssertEqual(SurfaceRun.coordinate(-1.5, span: 6), "−1.50")
        XCTAssertEqual(SurfaceRun.value(12.5), "12.5")
        XCTAssertEqual(SurfaceRun.legendRow(name: "f", value: .infinity, at: Point(1e200, 0), spans: (6, 6)), "→ (1×10²⁰⁰, 0), f overflows float64")
    }
}
