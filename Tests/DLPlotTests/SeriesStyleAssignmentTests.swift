import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Optimizers and activations keep one style in every figure, and one figure never draws two series alike.
final class SeriesStyleAssignmentTests: XCTestCase {
    /// (colour, dash, marker) of every legend line sample with a marker or a label, in legend order.
    func lineStyles(_ figure: Figure) -> [(label: String, style: StrokeStyle, marker: MarkerShape?)] {
        figure.panels.flatMap { $0.axes.marks.flatMap(\.legendEntries) }.compactMap { e in
            if case let .line(style, marker) = e.sample { return (e.label, style, marker) }
            return nil
        }
    }

    func testElevenOptimizersOnRosenbrockDrawElevenDistinctStyles() throws {
        let names = "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax"
        let command = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--optimizers", names, "--steps", "50"])
        let styles = lineStyles(try command.makeFigure().0)
        XCTAssertEqual(styles.count, 11)
        for i in styles.indices {
            for j in styles.indices where j > i {
                XCTAssertNotEqual(styles[i].style.color, styles[j].style.color, "\(styles[i].label) and \(styles[j].label)")
                XCTAssertNotEqual(styles[i].style.dash, styles[j].style.dash, "\(styles[i].label) and \(styles[j].label)")
                XCTAssertNotEqual(styles[i].marker, styles[j].marker, "\(styles[i].label) and \(styles[j].label)")
            }
        }
    }

    func testAnOptimizerKeepsItsStyleWhateverElseIsDrawn() throws {
        func adamStyle(_ list: String) throws -> (Color, MarkerShape?) {
            let command = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", list, "--steps", "5"])
            let s = try XCTUnwrap(lineStyles(try command.makeFigure().0).first { $0.label.hasPrefix("adam ") })
            return (s.style.color, s.marker)
        }
        let alone = try adamStyle("adam"), third = try adamStyle("gd,rmsprop,adam")
        XCTAssertEqual(alone.0, third.0)
        XCTAssertEqual(alone.1, third.1)
        // By catalogue order: adam is the 8th name of `dlplot list optimizers`.
        let index = try XCTUnwrap(OptimizerConfig.allNames.firstIndex(of: "adam"))
        XCTAssertEqual(alone.0, Theme.light.color(index))
    }

    func testCollidingCatalogueSlotsTakeTheNextFreeStyle() {
        XCTAssertEqual(SeriesStyles.indices(for: ["b", "a"], catalogue: ["a", "b"]), [1, 0])
        // The same name twice (other settings): the second moves on.
        XCTAssertEqual(SeriesStyles.indices(for: ["a", "a", "b"], catalogue: ["a", "b"]), [0, 1, 2])
        // Names 12 apart share a slot; the later one moves on.
        let catalogue = (0..<14).map { "n\($0)" }
        XCTAssertEqual(SeriesStyles.indices(for: ["n0", "n12", "n1"], catalogue: catalogue), [0, 1, 2])
    }

    func testActivationKeepsItsColourAcrossFigures() throws {
        func colour(_ args: [String], _ label: String) throws -> Color {
            let (figure, _) = try DLPlot.ActivationCommand.parse(args).makeFigure()
            return try XCTUnwrap(lineStyles(figure).first { $0.label == label }).style.color
        }
        let a = try colour(["relu", "gelu", "--no-derivative"], "GELU"), b = try colour(["gelu", "tanh", "--no-derivative"], "GELU")
        XCTAssertEqual(a, b)
    }
}
