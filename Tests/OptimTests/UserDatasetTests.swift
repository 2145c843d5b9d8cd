import Foundation
import XCTest
@testable import Optim

/// `linreg_mse` and `logreg_bce` over the user's examples: the same losses and model as over the
/// built-in data, values checked against hand computations, the minimum against the normal
/// equations, and data that cannot define the surface refused.
final class UserDatasetTests: XCTestCase {
    private func surface(_ name: String, _ x: [Double], _ y: [Double], x2: [Double]? = nil) throws -> Surface {
        try Surface(named: name, examples: ToyDataset(inputs: x, secondInputs: x2, labels: y, source: "t.csv"))
    }

    func testLinearRegressionLossAndGradientByHand() throws {
        // x = 1, 2, 3; y = 2, 3, 5; at w = 1, b = 0.5 the residuals are −0.5, −0.5, −1.5.
        let s = try surface("linreg_mse", [1, 2, 3], [2, 3, 5])
        XCTAssertEqual(s.value(1, 0.5), (0.25 + 0.25 + 2.25) / 3)
        let g = s.gradient(1, 0.5)
        XCTAssertEqual(g.dx, 2.0 / 3 * (-0.5 * 1 - 0.5 * 2 - 1.5 * 3))   // (2/n)Σ rᵢxᵢ = −4
        XCTAssertEqual(g.dy, 2.0 / 3 * (-2.5))                             // (2/n)Σ rᵢ
        XCTAssertEqual(g.dx, -4)
        // One example (a mini-batch of index 2): r = −1.5.
        let one = s.gradient(1, 0.5, indices: [2])
        XCTAssertEqual(one.dx, 2 * -1.5 * 3)
        XCTAssertEqual(one.dy, 2 * -1.5)
        XCTAssertEqual(s.parameterNames.0, "w")
        XCTAssertEqual(s.parameterNames.1, "b")
    }

    func testTwoFeaturesHaveTwoWeightsAndNoBias() throws {
        // z = w1·x1 + w2·x2 at (1, 1): 1, 1, 3 against y = 1, 2, 4: residuals 0, −1, −1.
        let s = try surface("linreg_mse", [1, 0, 2], [1, 2, 4], x2: [0, 1, 1])
        XCTAssertEqual(s.value(1, 1), 2.0 / 3)
        let g = s.gradient(1, 1)
        let twoThirds = 2.0 / 3
        XCTAssertEqual(g.dx, twoThirds * -2.0, "(2/n)Σ rᵢx₁ᵢ = (2/3)(0·1 − 1·0 − 1·2)")
        XCTAssertEqual(g.dy, twoThirds * -2.0, "(2/n)Σ rᵢx₂ᵢ = (2/3)(0·0 − 1·1 − 1·1)")
        XCTAssertEqual(s.value(0, 0), (1.0 + 4 + 16) / 3, "no bias: L(0, 0) is the mean of y²")
        XCTAssertEqual(s.parameterNames.0, "w1")
        XCTAssertEqual(s.parameterNames.1, "w2")
        // Least squares by hand: A = (1/3)[[5, 2], [2, 2]], c = (1/3)[9, 6] → w = (1/6)[[2, −2], [−2, 5]]·[9, 6] = (1, 2).
        let m = try XCTUnwrap(s.minima.first)
        XCTAssertEqual(m.x, 1, accuracy: 1e-14)
        XCTAssertEqual(m.y, 2, accuracy: 1e-14)
    }

    func testLogisticRegressionLossByHand() throws {
        // x = 1, −1 with labels 1, 0 at w = 2, b = 0: both logits are ±2 on the right side, each loss
        // is ln(1 + e⁻²) (BCE with logits: max(z, 0) − z·y + ln(1 + e^−|z|)).
        let s = try surface("logreg_bce", [1, -1], [1, 0])
        XCTAssertEqual(s.value(2, 0), 0.1269280110429725, accuracy: 1e-16)   // Python: math.log1p(math.exp(-2))
        XCTAssertEqual(s.value(0, 0), Foundation.log(2.0), accuracy: 1e-16, "σ(0) = ½ for every example")
        let g = s.gradient(2, 0)
        let e = 1 / (1 + Foundation.exp(2.0))                // σ(2) − 1 = −σ(−2); σ(−2) − 0 = σ(−2)
        XCTAssertEqual(g.dx, (-e * 1 + e * -1) / 2, accuracy: 1e-16)
        XCTAssertEqual(g.dy, (-e + e) / 2, accuracy: 1e-16)
        XCTAssertTrue(s.minima.isEmpty, "separable: no finite minimum")
    }

    func testOverlappingClassesHaveTheMinimumWhereTheGradientVanishes() throws {
        // (2, −1) appears with both labels: no line through the origin separates the classes.
        let s = try surface("logreg_bce", [1, 2, -1, -2, 0.5, -0.5, 2], [1, 1, 0, 0, 0, 1, 0], x2: [1, -1, 0.5, 1, 2, -2, -1])
        let m = try XCTUnwrap(s.minima.first)
        let g = s.gradient(m.x, m.y)
        XCTAssertLessThan(abs(g.dx) + abs(g.dy), 1e-12)
        XCTAssertTrue(s.viewBox.xmin < min(0, m.x) && s.viewBox.xmax > max(0, m.x))
        XCTAssertTrue(s.viewBox.ymin < min(0, m.y) && s.viewBox.ymax > max(0, m.y))
        XCTAssertEqual(s.suggestedStart, Point2(0, 0))
    }

    func testAnscombeLeastSquaresMinimum() throws {
        // Anscombe's set I: the fitted line y = 3.0001 + 0.5001 x (slope cov/var, intercept ȳ − slope·x̄).
        let x: [Double] = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
        let y: [Double] = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
        let s = try surface("linreg_mse", x, y)
        let mx = x.reduce(0, +) / 11, my = y.reduce(0, +) / 11
        var sxy = 0.0, sxx = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
        }
        let slope = sxy / sxx
        let m = try XCTUnwrap(s.minima.first)
        XCTAssertEqual(m.x, slope, accuracy: 1e-12)
        XCTAssertEqual(m.y, my - slope * mx, accuracy: 1e-11)
        XCTAssertEqual(m.x, 0.5000909090909091, accuracy: 1e-12)
        let box = s.viewBox
        XCTAssertTrue(box.xmin < 0 && box.xmax > m.x && box.ymin < 0 && box.ymax > m.y, "start and minimum in view: \(box)")
    }

    /// The built-in data given as the user's examples is the same surface, run for run.
    func testBuiltInDataAsUserDataGivesTheSameRuns() throws {
        let data = ToyDataset.standard
        for name in ["linreg_mse", "logreg_bce"] {
            let builtIn = try Surface(named: name)
            let mine = try surface(name, data.inputs, data.labels)
            for (w, b) in [(0.3, -1.0), (-0.2, 1.5), (2, -7)] {
                XCTAssertEqual(mine.value(w, b), builtIn.value(w, b), name)
                XCTAssertEqual(mine.gradient(w, b).dx, builtIn.gradient(w, b).dx, name)
                XCTAssertEqual(mine.gradient(w, b).dy, builtIn.gradient(w, b).dy, name)
            }
            let sgd = try Optimizer(name: "sgd", settings: ["lr": 0.01])
            let a = try runTrajectory(objective: try MinibatchObjective(surface: builtIn, batchSize: 3, seed: 5),
                                      optimizer: sgd, start: [0, 0], options: TrajectoryOptions(steps: 50))
            let b = try runTrajectory(objective: try MinibatchObjective(surface: mine, batchSize: 3, seed: 5),
                                      optimizer: sgd, start: [0, 0], options: TrajectoryOptions(steps: 50))
            XCTAssertEqual(a.positionData, b.positionData, name)
            XCTAssertEqual(a.values, b.values, name)
        }
    }

    func testDataThatCannotDefineTheSurfaceIsRefused() {
        typealias Case = (name: String, x: [Double], y: [Double], x2: [Double]?, message: String)
        let cases: [Case] = [
            ("linreg_mse", [1], [2], nil, "1 example; expected at least 2"),
            ("logreg_bce", [1, 2, 3], [0, 1, 2], nil, "label 2.0 is not allowed; expected 0 or 1"),
            ("linreg_mse", [1, 2], [0, .nan], nil, "a value is not finite; expected finite numbers"),
            ("linreg_mse", [3, 3, 3], [1, 2, 3], nil,
             "every x is the same (3.0): w and b cannot be told apart, so the loss has no single minimum; expected at least two different x"),
            ("logreg_bce", [1, 2, 3], [0, 1, 1], [2, 4, 6],
             "x2 is a multiple of x1 (or one of them is all zeros): w1 and w2 cannot be told apart, so the loss has no single minimum; expected two independent features"),
            // x = 10²⁰⁰ and 2×10²⁰⁰ differ; their squares overflow (it said "every x is the same").
            ("linreg_mse", [1e200, 2e200], [1, 2], nil, "x reaches 2e+200: its square overflows float64 (above 1.3e+154); expected the data rescaled"),
            ("linreg_mse", [1, 2], [1, -3e160], nil, "y reaches -3e+160: its square overflows float64 (above 1.3e+154); expected the data rescaled"),
        ]
        let many = (0...10_000).map(Double.init)
        XCTAssertThrowsError(try surface("linreg_mse", many, many)) { error in
            XCTAssertEqual("\(error)", "10001 examples; expected at most 10000 (a random sample draws the same surface)")
        }
        for (name, x, y, x2, message) in cases {
            XCTAssertThrowsError(try surface(name, x, y, x2: x2), message) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        XCTAssertThrowsError(try Surface(named: "rosenbrock", examples: .standard)) { error in
            XCTAssertEqual("\(error)", "a dataset applies only to the dataset surfaces linreg_mse and logreg_bce, not rosenbrock")
        }
    }
}
