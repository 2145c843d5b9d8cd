import Optim
import Viz
import XCTest
@testable import Figures

/// `dlplot steps`: the arrows are the parts of the step the optimizer took.
final class StepsFigureTests: XCTestCase {
    func testMomentumVelocityPlusGradientPartIsTheStep() throws {
        // Heavy ball on 0.1x² + 2y², lr 0.1: b₁ = g₁, so step 1 is −lr·g₁ with no velocity; from step 2 on,
        // the velocity carried over is −lr·μ·b_{k−1} (μ = 0.9), computed here by hand.
        let s = try Surface(named: "ellipse")
        let recipe = StepsFigure(surface: s, config: try OptimizerConfig(name: "momentum", settings: ["lr": 0.1]),
                                 start: Point2(-4, 1.5), panels: 3, every: 1)
        let steps = try recipe.steps()
        XCTAssertEqual(steps.count, 3)
        var theta = Point(-4, 1.5), b = Point(0, 0)
        for (k, step) in steps.enumerated() {
            let g = s.gradient(theta.x, theta.y)
            let gp = Point(g.dx, g.dy)
            let carried = k == 0 ? Point(0, 0) : b * (-0.1 * 0.9)
            b = k == 0 ? gp : b * 0.9 + gp
            let arrows = recipe.arrows(step)
            let velocity = try XCTUnwrap(arrows.first { $0.2 == 1 }).1
            let gradientPart = try XCTUnwrap(arrows.first { $0.2 == 0 }).1
            XCTAssertEqual(velocity.x, carried.x, accuracy: 1e-12); XCTAssertEqual(velocity.y, carried.y, accuracy: 1e-12)
            XCTAssertEqual(gradientPart.x, -0.1 * g.dx, accuracy: 1e-12)
            XCTAssertEqual(step.state["momentum_buffer"]?[1] ?? .nan, b.y, accuracy: 1e-12)
            theta = theta + b * -0.1
            XCTAssertEqual(step.to.x, theta.x, accuracy: 1e-12); XCTAssertEqual(step.to.y, theta.y, accuracy: 1e-12)
        }
    }

    func testEachPanelRingsItsOwnStepsStartAndDotsItsEnd() throws {
        // The hollow ring sat on the run's start (−4, 1.5) in every panel; step 2 starts at (−3.984, 1.38).
        let s = try Surface(named: "ellipse")
        let recipe = StepsFigure(surface: s, config: try OptimizerConfig(name: "momentum", settings: ["lr": 0.1]),
                                 start: Point2(-4, 1.5), panels: 4, every: 1)
        let all = try recipe.steps()
        // Step 2 starts where step 1 ended: (−4, 1.5) − 0.1·(0.2·(−4), 4·1.5) = (−3.92, 0.9).
        XCTAssertEqual(all[1].from.x, -3.92, accuracy: 1e-12)
        XCTAssertEqual(all[1].from.y, 0.9, accuracy: 1e-12)
        for p in 0..<4 {
            let ax = try recipe.panel(p, all[p], all: all, accMax: 0, theme: Theme.light)
            let rings = ax.marks.compactMap { $0 as? ScatterMark }.filter { $0.edgeWidth == 1.5 }
            XCTAssertEqual(rings.map(\.points), [[all[p].from]], "panel \(p + 1)")
            let dots = ax.marks.compactMap { $0 as? ScatterMark }.filter { $0.edgeWidth == 1 && $0.shape == .circle }
            XCTAssertEqual(dots.map(\.points), [[all[p].to]], "panel \(p + 1)")
            let history = try XCTUnwrap(ax.marks.compactMap { $0 as? PathMark }.first)
            XCTAssertFalse(history.marksEnds, "the path so far has no ring at the run's start")
            XCTAssertEqual(history.points.last, all[p].from, "the path so far ends where this step starts")
            XCTAssertEqual(history.points.count, p + 1)
        }
    }

    func testAdagradAccumulatorIsTheSumOfSquaredGradients() throws {
        let s = try Surface(named: "ellipse")
        let recipe = StepsFigure(surface: s, config: try OptimizerConfig(name: "adagrad", settings: ["lr": 0.5]),
                                 start: Point2(-4, 1.5), panels: 2, every: 2)
        var sum = [0.0, 0.0]
        for step in try recipe.steps() {
            sum[0] += step.gradient.x * step.gradient.x; sum[1] += step.gradient.y * step.gradient.y
            XCTAssertEqual(step.state["sum"]?[0] ?? .nan, sum[0], accuracy: 1e-12 * sum[0])
            XCTAssertEqual(step.state["sum"]?[1] ?? .nan, sum[1], accuracy: 1e-12 * sum[1])
        }
        var figure = try Figure()
        _ = try recipe.build(into: &figure)
        // Panels "step 1" and "step 3", then the legend strip.
        XCTAssertEqual(figure.panels.prefix(2).map(\.axes.title), ["step 1", "step 3"])
    }

    /// With StepLR(step_size=2, gamma=0.5) on SGD lr 0.4, steps 1–2 use 0.4, steps 3–4 use 0.2 and step 5
    /// uses 0.1 (torch's get_last_lr() before each step); the gradient part is −lr·∇f with that lr and
    /// the panels name it.
    func testScheduledStepsUseAndNameTheScheduledLearningRate() throws {
        let s = try Surface(named: "ellipse")
        let recipe = StepsFigure(surface: s, config: try OptimizerConfig(name: "sgd", settings: ["lr": 0.4]),
                                 start: Point2(-4, 1.5), panels: 5, every: 1,
                                 schedule: try LRSchedule(parsing: "StepLR(step_size=2, gamma=0.5)"))
        let steps = try recipe.steps()
        XCTAssertEqual(steps.map(\.lr), [0.4, 0.4, 0.2, 0.2, 0.1])
        for step in steps {
            let part = try XCTUnwrap(recipe.arrows(step).first { $0.2 == 0 }).1
            XCTAssertEqual(part.x, -step.lr * step.gradient.x, accuracy: 1e-12)
            XCTAssertEqual(step.to.x, step.from.x - step.lr * step.gradient.x, accuracy: 1e-12)
        }
        var figure = try Figure()
        _ = try recipe.build(into: &figure)
        XCTAssertEqual(figure.panels.prefix(5).map(\.axes.title), ["step 1\nlr 0.4", "step 2\nlr 0.4", "step 3\nlr 0.2", "step 4\nlr 0.2", "step 5\nlr 0.1"])
        XCTAssertTrue(figure.subtitle?.contains("StepLR(step_size=2, gamma=0.5)") ?? false, figure.subtitle ?? "")
    }

    func testOptimizerStateIsEmptyBeforeTheFirstStep() throws {
        XCTAssertEqual(try Optimizer(name: "adam").stateVectors, [:])
        var opt = try Optimizer(name: "rmsprop", settings: ["momentum": 0.5, "centered": true])
        var theta = [1.0]
        opt.step(parameters: &theta, gradient: [2])
        XCTAssertEqual(Set(opt.stateVectors.keys), ["square_avg", "grad_avg", "momentum_buffer"])
        XCTAssertEqual(opt.stateVectors["square_avg"]?[0] ?? .nan, 0.01 * 4, accuracy: 1e-15)
    }
}

extension StepsFigureTests {
    func testTypedSurfaceShowsItsFormulaOnce() throws {
        // Tried as a new user would: the formula stood in both the title and the subtitle.
        let s = try Surface(expression: MathExpression("x^2 + 3*y^2", dimension: 2))
        let recipe = StepsFigure(surface: s, config: try OptimizerConfig(name: "gd", settings: ["lr": 0.1]),
                                 start: Point2(2, 1), panels: 2, every: 1)
        var figure = try Figure()
        _ = try recipe.build(into: &figure)
        XCTAssertTrue(figure.title?.contains(s.displayName) ?? false)
        XCTAssertEqual(figure.subtitle, "start (2, 1)")
        let builtIn = StepsFigure(surface: try Surface(named: "ellipse"), config: try OptimizerConfig(name: "gd", settings: ["lr": 0.1]),
                                  start: Point2(2, 1), panels: 2, every: 1)
        var other = try Figure()
        _ = try builtIn.build(into: &other)
        XCTAssertEqual(other.subtitle, try Surface(named: "ellipse").formula + ", start (2, 1)")
    }
}
