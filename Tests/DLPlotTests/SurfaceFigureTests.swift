import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// `dlplot surface`: outcomes named at the right step, overrides reaching the optimizer, bad input refused.
final class SurfaceFigureTests: XCTestCase {
    /// Every legend label of every panel.
    func legendLabels(_ figure: Figure) -> [String] {
        figure.panels.flatMap { $0.axes.marks.flatMap { $0.legendEntries.map(\.label) } }
    }

    func testDivergedRunIsReportedAtTheStepTheRunnerStops() throws {
        // Independently: gradient descent with lr 10 on x² + y² multiplies each coordinate by −19 a step and
        // overflows after a few hundred steps; the runner says at which.
        let t = try runTrajectory(objective: try Surface(named: "bowl"), optimizer: try Optimizer(name: "gd", settings: ["lr": 10]),
                                  start: [1, 1], options: TrajectoryOptions(steps: 1000))
        guard case let .diverged(k) = t.stop else { return XCTFail("expected divergence, got \(t.stop)") }
        XCTAssertGreaterThan(k, 100)
        let command = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "10", "--start=1,1", "--steps", "1000"])
        let (figure, tables) = try command.makeFigure()
        // It leaves the view at step 1 first; the legend says both, in order.
        XCTAssertTrue(legendLabels(figure).contains("leaves the view at step 1, diverged at step \(k)"), "\(legendLabels(figure))")
        // The data stops at the last finite step.
        XCTAssertEqual(tables.first?.columns, ["run", "step", "x", "y", "f"])
        XCTAssertEqual(tables.first?.rows.last?[1], Double(k - 1))
    }

    func testTextbookSaddleRunLeavesTheViewAtStepTwo() throws {
        // From (2, 3) with lr 0.1 on x² − y²: y ← 1.2 y, so y = 3.6, 4.32, …; x ← 0.8 x stays inside.
        // In the view [−4, 4]² the first point outside is step 2; in the default [−3, 3]² it is step 1.
        let wide = try DLPlot.SurfaceCommand.parse(["saddle", "--optimizers", "gd", "--lr", "0.1", "--start=2,3", "--xrange=-4:4", "--yrange=-4:4"])
        XCTAssertTrue(legendLabels(try wide.makeFigure().0).contains { $0.hasPrefix("leaves the view at step 2; → (") })
        let standard = try DLPlot.SurfaceCommand.parse(["saddle", "--optimizers", "gd", "--lr", "0.1", "--start", "2,3"])
        let (figure, _) = try standard.makeFigure()
        XCTAssertTrue(legendLabels(figure).contains { $0.hasPrefix("leaves the view at step 1; → (") })
        // The note in the plot names the run and the step.
        let notes = figure.panels[0].axes.marks.compactMap { ($0 as? AnnotationMark)?.text }
        XCTAssertEqual(notes, ["gd: leaves the view at step 1"])
    }

    func testNegativeStartsParseInBothSpellings() throws {
        for args in [["rosenbrock", "--start=-1.5,2"], ["rosenbrock", "--start", "-1.5,2"]] {
            let p = try DLPlot.SurfaceCommand.parse(args).plan()
            XCTAssertEqual(p.start, Point2(-1.5, 2))
        }
    }

    func testOptOverridesReachTheOptimizerAsInTrace() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["surface", "rosenbrock", "--optimizers", "gd,adam", "--opt", "adam:lr=0.05,beta1=0.8,amsgrad",
                                 "--steps", "25", "-o", "s.png", "--data", "s.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let table = try TidyTable(dir.appendingPathComponent("s.csv"))
        XCTAssertEqual(table.columns, ["run", "step", "x", "y", "f"])
        let adam = try XCTUnwrap(table.groups.first { $0.key.hasPrefix("adam") })
        XCTAssertEqual(adam.key, "adam lr=0.05 beta1=0.8 amsgrad")
        let trace = try runDLPlot(["trace", "--surface", "rosenbrock", "--optimizer", "adam", "--lr", "0.05", "--beta1", "0.8",
                                   "--amsgrad", "--steps", "25"])
        XCTAssertEqual(trace.status, 0, trace.stderr)
        let traced = trace.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("step") }
            .map { $0.split(separator: ",").compactMap { Double($0) } }
        XCTAssertEqual(adam.rows, traced)
        XCTAssertEqual(adam.rows.count, 26)
    }

    func testDefaultLearningRateIsACandidateAndDeterministic() throws {
        let command = try DLPlot.SurfaceCommand.parse(["ellipse", "--optimizers", "gd,adam"])
        let a = try command.makeFigure().1.map(\.name), b = try command.makeFigure().1.map(\.name)
        XCTAssertEqual(a, b)
        let runs = try SurfaceRuns.run(try command.optimizerOptions.choices(default: []), plan: try command.plan())
        for r in runs {
            XCTAssertTrue(r.chosenRate)
            XCTAssertTrue(LearningRateSearch.candidates.contains(r.config.lr))
            XCTAssertNil(r.leavesView, "a chosen rate keeps the run in the view")
        }
    }

    func testBadInputExits64NamingTheValueAndWritesNothing() throws {
        let cases: [([String], String)] = [
            (["surface", "rosenbrock", "--optimizers", "adma"], "adma"),
            (["surface", "rosenbruck"], "rosenbruck"),
            (["surface", "rosenbrock", "--opt", "adam:rho=0.9"], "rho"),
            (["surface", "rosenbrock", "--steps", "-1"], "-1"),
            (["surface", "rosenbrock", "--grid", "1"], "1"),
            (["surface", "rosenbrock", "--xrange", "3:1"], "3:1"),
            (["surface", "rosenbrock", "--start", "a,2"], "a"),
            (["surface", "rosenbrock", "--style", "wire"], "wire"),
            (["surface", "rosenbrock", "--lr", "0"], "0"),
            (["surface", "bowl", "--batch-size", "2"], "bowl"),
            (["curves", "--surface", "bowl", "--steps", "0"], "0"),
            (["steps", "--optimizer", "adam", "--opt", "gd:lr=0.1"], "gd"),
            (["steps", "--panels", "0"], "0"),
        ]
        for (args, bad) in cases {
            let dir = try makeTemporaryDirectory()
            let run = try runDLPlot(args + ["-o", "x.png"], in: dir)
            XCTAssertEqual(run.status, 64, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(bad), "\(args): \(run.stderr)")
            XCTAssertEqual(listing(dir), [], "\(args) wrote a file")
        }
    }
}
