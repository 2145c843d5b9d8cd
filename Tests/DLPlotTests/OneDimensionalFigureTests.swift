import Foundation
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// The learning-rate, pitfalls and vanishing-gradient figures say what the maths says.
final class OneDimensionalFigureTests: XCTestCase {
    func testLearningRateVerdictsAndTheStepThatLeavesTheView() throws {
        let command = try DLPlot.LearningRateCommand.parse(["--rates", "0.05,0.2,1.1", "--start", "2.5", "--steps", "12"])
        let (figure, tables) = try command.makeFigure()
        let titles = figure.panels.compactMap(\.axes.title)
        XCTAssertEqual(titles.count, 3)
        XCTAssertTrue(titles[0].hasSuffix("too small"), titles[0])
        XCTAssertTrue(titles[1].hasSuffix("good"), titles[1])
        XCTAssertTrue(titles[2].hasSuffix("diverges"), titles[2])
        // GD on w² multiplies w by (1 − 2α): with α = 1.1 from 2.5, |w_k| = 2.5·1.2ᵏ first exceeds the view's 4 at k = 3.
        let k = (0...12).first { 2.5 * Foundation.pow(1.2, Double($0)) > 4 }
        let notes = figure.panels[2].axes.marks.compactMap { $0 as? TextMark }.map(\.text)
        // The note says where w went (off the view sideways: w₃ = 2.5·(−1.2)³ = −4.32).
        XCTAssertTrue(notes.contains("leaves the view at step \(k ?? -1) (to w = −4.32)"), "\(notes)")
        // Every panel keeps the same view: the divergent one is not rescaled.
        XCTAssertEqual(figure.panels[0].axes.yLimits, figure.panels[2].axes.yLimits)
        XCTAssertEqual(figure.panels[0].axes.xLimits, figure.panels[2].axes.xLimits)
        // The data: w_k = 2.5·(1 − 2α)ᵏ exactly as gradient descent computes it.
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables[0].columns, ["lr", "step", "w", "f"])
        let rows = tables[0].rows.filter { $0[0] == 1.1 }.map { Array($0.dropFirst()) }
        XCTAssertEqual(rows.count, 13)
        for r in rows { XCTAssertEqual(r[1], 2.5 * Foundation.pow(-1.2, r[0]), accuracy: 1e-12 * max(1, abs(r[1]))) }
    }

    func testPitfallsOutcomes() throws {
        let command = try DLPlot.PitfallsCommand.parse([])
        let (figure, _) = try command.makeFigure()
        let labels = figure.panels[0].axes.marks.flatMap(\.legendEntries).map(\.label)
        XCTAssertTrue(labels.contains { $0.hasSuffix("stuck on a plateau") }, "\(labels)")
        XCTAssertTrue(labels.contains { $0.hasSuffix("local minimum") }, "\(labels)")
        XCTAssertTrue(labels.contains { $0.hasSuffix("global minimum") }, "\(labels)")
    }

    func testVanishingGradientsShrinkForSigmoidButNotForReLU() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["vanishing", "--activations", "sigmoid,relu", "--depth", "20", "-o", "v.png", "--data", "v.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let measured = try TidyTable(dir.appendingPathComponent("v-2.csv"))
        XCTAssertEqual(measured.columns, ["activation", "layer", "mean_abs_dL_dW"])
        func table(_ name: String) -> [Double] { measured.groups.first { $0.key == name }?.rows.map { $0[1] } ?? [] }
        let sigmoid = table("sigmoid"), relu = table("relu")
        XCTAssertEqual(sigmoid.count, 20)
        XCTAssertEqual(relu.count, 20)
        // Sigmoid: the input-side layers get orders of magnitude less gradient than the output side.
        XCTAssertLessThan(sigmoid[0], sigmoid[18] * 1e-6)
        // ReLU with He initialisation: hidden layers within a factor of 10 of each other.
        let hidden = relu[0..<19]
        XCTAssertLessThan((hidden.max() ?? 0) / (hidden.min() ?? 1), 10)
    }

    func testBadOptionsAreUsageErrors() throws {
        let dir = try makeTemporaryDirectory()
        for (args, needle) in [(["lr", "--rates", "0.1,-2"], "-2"), (["lr", "--function", "cubic"], "cubic"),
                               (["pitfalls", "--starts", "1,2", "--rates", "0.1,0.2,0.3"], "--rates"),
                               (["vanishing", "--depth", "3"], "3"), (["vanishing", "--init", "lecun"], "lecun")] {
            let run = try runDLPlot(args + ["-o", "x.png"], in: dir)
            XCTAssertEqual(run.status, 64, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(needle), "\(args): \(run.stderr)")
        }
        XCTAssertEqual(listing(dir), [])
    }
}
