import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// `dlplot curves` and the rendering of every figure of the family in every format.
final class CurvesFigureTests: XCTestCase {
    func testAMillionStepsCompleteAndKeepEveryLossValue() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd", "--lr", "0.1", "--steps", "1000000"])
        let (figure, tables) = try command.makeFigure()
        let loss = try XCTUnwrap(figure.panels.first?.axes.marks.compactMap { $0 as? LineMark }.first)
        XCTAssertEqual(loss.points.count, 1_000_001)
        // Positions are thinned to every 50th step (10⁶ / 20000), start and end included.
        XCTAssertEqual(tables.first?.rows.count, 20_001)
        _ = try figure.render(as: .png)
    }

    func testLossGapUsesTheKnownMinimumValue() throws {
        // Six-hump camel's minimum value is −1.0316: the panel plots f − f* and says so.
        let text = CurvesFigure.lossAxisText(try Surface(named: "six_hump_camel"))
        XCTAssertEqual(text.offset, try XCTUnwrap(try Surface(named: "six_hump_camel").minimumValue))
        XCTAssertTrue(text.label.contains("f^{*}"))
        XCTAssertTrue(text.log)
        XCTAssertEqual(CurvesFigure.lossAxisText(try Surface(named: "rosenbrock")).offset, 0)
    }

    func testEveryFigureRendersInAllThreeFormats() throws {
        let commands: [[String]] = [
            ["surface", "himmelblau", "--optimizers", "gd,adam", "--steps", "30", "--grid", "60"],
            ["surface", "beale", "--style", "heatmap", "--arrows", "--with-curves", "--steps", "30", "--grid", "60"],
            ["surface", "saddle", "--style", "lines", "--streamlines", "--optimizers", "gd", "--lr", "0.1", "--start=2,3", "--grid", "60"],
            ["surface", "rosenbrock", "--view", "3d", "--optimizers", "gd,adam", "--steps", "30", "--grid", "60"],
            ["surface", "logreg_bce", "--optimizers", "sgd", "--batch-size", "1", "--steps", "30", "--grid", "60"],
            ["curves", "--surface", "rosenbrock", "--optimizers", "gd,momentum", "--steps", "200"],
            ["curves", "--surface", "saddle", "--optimizers", "gd", "--lr", "0.1", "--start=2,0.01", "--steps", "50"],
            ["steps", "--optimizer", "momentum", "--lr", "0.1"],
            ["steps", "--optimizer", "adagrad", "--panels", "3", "--every", "2"],
            ["steps", "--optimizer", "adam", "--surface", "rosenbrock", "--start=-1.5,2"],
        ]
        let dir = try makeTemporaryDirectory()
        for (i, args) in commands.enumerated() {
            for ext in ["png", "svg", "pdf"] {
                let run = try runDLPlot(args + ["-o", "f\(i).\(ext)"], in: dir)
                XCTAssertEqual(run.status, 0, "\(args) \(ext): \(run.stderr)")
                let bytes = try Data(contentsOf: dir.appendingPathComponent("f\(i).\(ext)"))
                let head = String(decoding: bytes.prefix(5), as: UTF8.self)
                switch ext {
                case "png": XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
                case "svg": XCTAssertTrue(String(decoding: bytes.prefix(200), as: UTF8.self).contains("<svg"))
                default: XCTAssertEqual(head, "%PDF-")
                }
            }
        }
    }
}
