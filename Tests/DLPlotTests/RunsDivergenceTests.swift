import Foundation
import Viz
import XCTest
@testable import dlplot

/// `runs`: a run's divergence cross sits at the step the legend names (it sat on the last finite step).
final class RunsDivergenceTests: XCTestCase {
    func testTheCrossIsAtTheDivergingStep() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("e.csv").path
        try Data("step,loss\n0,1\n100,0.5\n1000,nan\n".utf8).write(to: URL(fileURLWithPath: path))
        let figure = try DLPlot.RunsCommand.parse([path]).makeFigure().0
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        let crosses = axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .cross }.flatMap(\.points)
        // At step 1000 on the frame's top edge (NaN is off the scale), not level with step 100's 0.5.
        XCTAssertEqual(crosses.map(\.x), [1000])
        XCTAssertEqual(crosses.first?.y.isNaN, true)
        // A lone run's numbers: the note beside its line.
        let note = axes.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertTrue(note.contains { $0.hasPrefix("diverged at step 1000") }, "\(note)")
    }
}

/// `lr`: a verdict read off f = w² that underflows to 0 called a diverging rate "good".
final class LearningRateUnderflowVerdictTests: XCTestCase {
    func testVerdictsFollowWWhenFUnderflows() throws {
        // w_{k+1} = (1 − 2α)·w_k from w₀ = −10⁻³⁰⁰: α = 2 multiplies |w| by 3 a step (diverges); α = 10⁻³⁰⁰ never moves it.
        let f = try DLPlot.LearningRateCommand.parse(["--rates", "1e300,1e-300,2", "--start", "-1e-300", "--steps", "10"]).makeFigure().0
        let titles = f.panels.compactMap(\.axes.title)
        XCTAssertEqual(titles.count, 3)
        XCTAssertTrue(titles[1].hasSuffix(": too small"), titles[1])
        XCTAssertTrue(titles[2].hasSuffix(": diverges"), titles[2])
        // The same rates from w₀ = 10⁶, where f is representable, read the same.
        let g = try DLPlot.LearningRateCommand.parse(["--rates", "1e-300,2", "--start", "1e6", "--steps", "10"]).makeFigure().0
        XCTAssertEqual(g.panels.compactMap(\.axes.title).map { $0.split(separator: ":").last.map(String.init) ?? "" }, [" too small", " diverges"])
    }
}
