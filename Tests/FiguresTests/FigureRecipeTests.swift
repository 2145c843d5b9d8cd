import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures

/// The recipes used as a library, without the command line: plain values in, a figure and its data out.
final class FigureRecipeTests: XCTestCase {
    /// Every recipe builds into a figure that renders to a PNG that decodes, and returns its data tables.
    func testEveryRecipeBuildsAndRendersWithoutTheCLI() throws {
        let surface = try Surface(named: "ellipse")
        let box = surface.viewBox
        let plan = SurfacePlan(surface: surface, start: surface.suggestedStart, steps: 40,
                               x: Interval(box.xmin, box.xmax), y: Interval(box.ymin, box.ymax), batchSize: nil, seed: 0)
        let adam = [OptimizerRequest(name: "adam", settings: ["lr": 0.1])]
        let runs = try SurfaceRuns.run(adam, plan: plan)
        let everyStep = try SurfaceRuns.run(adam, plan: plan, everyValue: true)
        let sigmoid = try Activation(name: "sigmoid")
        let recipes: [(any FigureRecipe, rows: Int, columns: Int)] = [
            (ActivationFigure(activations: [sigmoid]), 1, 1),
            (ActivationGridFigure(activations: [sigmoid, try Activation(name: "relu")]), 1, 2),
            (ActivationTableFigure(activations: [sigmoid]), 1, 1),
            (SurfaceFigure(plan: plan, runs: runs), 1, 1),
            (CurvesFigure(plan: plan, runs: everyStep), 2, 1),
            (XORFigure(epochs: 50), 2, 3),
        ]
        for (recipe, rows, columns) in recipes {
            var figure = try Figure(width: 1280, height: 960, rows: rows, columns: columns)
            let tables = try recipe.build(into: &figure)
            XCTAssertFalse(tables.isEmpty, "\(type(of: recipe)) returns the numbers it drew")
            XCTAssertTrue(tables.allSatisfy { t in t.rows.allSatisfy { $0.count == t.columns.count } })
            let png = try DecodedPNG(try figure.render(as: .png))
            XCTAssertEqual(png.width, 1280, "\(type(of: recipe))")
        }
    }

    /// A request without lr gets one of the search's candidates, the same every time; a given lr is kept.
    func testRequestsWithoutLearningRateGetTheSearchedRate() throws {
        let surface = try Surface(named: "rosenbrock")
        let box = surface.viewBox
        let plan = SurfacePlan(surface: surface, start: surface.suggestedStart, steps: 300,
                               x: Interval(box.xmin, box.xmax), y: Interval(box.ymin, box.ymax), batchSize: nil, seed: 0)
        let requests = [OptimizerRequest(name: "momentum"), OptimizerRequest(name: "sgd", settings: ["lr": 1e-3])]
        let a = try SurfaceRuns.run(requests, plan: plan), b = try SurfaceRuns.run(requests, plan: plan)
        XCTAssertTrue(a[0].chosenRate)
        XCTAssertTrue(LearningRateSearch.candidates.contains(a[0].config.lr))
        XCTAssertEqual(a[0].config.lr, b[0].config.lr)
        XCTAssertNil(a[0].leavesView)
        XCTAssertFalse(a[1].chosenRate)
        XCTAssertEqual(a[1].config.lr, 1e-3)
    }

    /// A request PyTorch rejects is a typed `OptimError`, not a command-line error.
    func testBadRequestThrowsOptimError() {
        XCTAssertThrowsError(try OptimizerRequest(name: "adam", settings: ["rho": 0.9]).config()) { error in
            XCTAssertTrue(error is OptimError)
            XCTAssertTrue("\(error)".contains("rho"))
        }
    }
}
