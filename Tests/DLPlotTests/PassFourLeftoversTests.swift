import Foundation
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Leftovers of the fourth new-user pass, each checked against what the figure must say.
final class PassFourLeftoversTests: XCTestCase {
    /// P4-16: a formula typed in x is drawn against w; the title names the same variable as the axes.
    func testA1DFormulaIsTitledInW() throws {
        let (lr, _) = try DLPlot.LearningRateCommand.parse(["--function", "-x^2", "--rates", "0.1"]).makeFigure()
        XCTAssertEqual(lr.title, "Gradient descent on $f(w) = -w^{2}$ with different learning rates")
        let (pitfalls, _) = try DLPlot.PitfallsCommand.parse(["--function", "x^4 - x^2"]).makeFigure()
        XCTAssertEqual(pitfalls.title, "Gradient descent from several starts on $f(w) = w^{4} - w^{2}$")
        XCTAssertEqual(pitfalls.panels[0].axes.xLabel, "$w$")
    }

    /// P4-4: a 10⁻³⁰⁰-wide view where f underflows to 0: the colorbar of the constant field has its one
    /// tick (0), and the arrow towards the start outside the view says what it points to.
    func testAConstantFieldHasItsTickAndTheOutsideArrowItsWords() throws {
        let command = try DLPlot.SurfaceCommand.parse(["bowl", "--xrange", "0:1e-300", "--yrange", "0:1e-300", "--optimizers", "gd", "--lr", "0.1"])
        let (figure, _) = try command.makeFigure()
        let axes = figure.panels[0].axes
        let bar = try XCTUnwrap(axes.sideGuides.first as? Colorbar)
        XCTAssertEqual(bar.tickValues(), [0])
        XCTAssertEqual(bar.constantValue, 0)
        let texts = axes.marks.compactMap { $0 as? TextMark }.map(\.text)
        XCTAssertTrue(texts.contains("to the start (2.5, 2)"), "\(texts)")
        XCTAssertEqual(axes.marks.compactMap { $0 as? ArrowMark }.count, 1)
        // A run that comes into the view gets the inward arrow and no such words (its path says it).
        let enters = try DLPlot.SurfaceCommand.parse(["bowl", "--xrange=-3:3", "--yrange=-3:3", "--start=10,10", "--optimizers", "gd", "--lr", "0.1"])
        let texts2 = try enters.makeFigure().0.panels[0].axes.marks.compactMap { $0 as? TextMark }.map(\.text)
        XCTAssertFalse(texts2.contains { $0.hasPrefix("to the start") }, "\(texts2)")
    }
}

/// P4-21: seen from below (`--elevation -90`) the paths on a bowl's upper side were drawn solid, as if on top.
final class SurfaceFromBelowTests: XCTestCase {
    func testPathsOnTheUpperSideAreHiddenFromBelow() throws {
        let below = try DLPlot.SurfaceCommand.parse(["bowl", "--view", "3d", "--elevation=-90", "--optimizers", "gd", "--lr", "0.1"]).makeFigure().0
        XCTAssertTrue(below.subtitle?.contains("faint where the surface hides a path") == true, below.subtitle ?? "")
        let above = try DLPlot.SurfaceCommand.parse(["bowl", "--view", "3d", "--elevation", "90", "--optimizers", "gd", "--lr", "0.1"]).makeFigure().0
        XCTAssertFalse(above.subtitle?.contains("dotted") == true, above.subtitle ?? "")
    }
}

/// P4-39: a path that does not move has no variance to share out: its axes said "PC 1 (0.0 % of variance)".
final class LandscapeStillPathTests: XCTestCase {
    func testAStillPathSaysItDoesNotMove() throws {
        let (figure, _) = try DLPlot.LandscapeCommand.parse(["--task", "regression", "--sgd-lr", "1e-300", "--steps", "2"]).makeFigure()
        let labels = figure.panels.compactMap(\.axes.xLabel)
        XCTAssertTrue(labels.contains("direction 1 (the path does not move)"), "\(labels)")
        XCTAssertFalse(labels.contains { $0.contains("0.0 % of variance") }, "\(labels)")
    }
}
