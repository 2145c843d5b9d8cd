import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

final class ActivationsGridTests: XCTestCase {
    /// All 24 on the default 3:2 page: 4 rows of 6, every panel on the same x and y limits, titled by
    /// display name.
    func testAllActivationsShareAxesInASixByFourGrid() throws {
        let (figure, _) = try DLPlot.ActivationsCommand.parse([]).makeFigure()
        XCTAssertEqual(figure.pixelSize.width, 1920)
        XCTAssertEqual(figure.pixelSize.height, 1280)
        XCTAssertEqual(figure.panels.count, Activation.allNames.count)
        XCTAssertEqual(figure.rows, 4)
        XCTAssertEqual(figure.columns, 6)
        let xs = Set(figure.panels.map { "\($0.axes.xLimits.map { [$0.lower, $0.upper] } ?? [])" })
        let ys = Set(figure.panels.map { "\($0.axes.yLimits.map { [$0.lower, $0.upper] } ?? [])" })
        XCTAssertEqual(xs.count, 1)
        XCTAssertEqual(ys.count, 1)
        XCTAssertEqual(figure.panels.map(\.axes.title), try Activation.allNames.map { try Activation(name: $0).displayName })
        // ReLU6's cap at 6 is inside the shared x range, with room.
        let x = try XCTUnwrap(figure.panels[0].axes.xLimits)
        XCTAssertGreaterThanOrEqual(x.upper, 7)
        let y = try XCTUnwrap(figure.panels[0].axes.yLimits)
        XCTAssertGreaterThan(y.upper, 6)
    }

    /// A subset picks its own tighter shared range: sigmoid and tanh fit in about [−1, 1].
    func testSubsetRangeAndGrid() throws {
        let (figure, _) = try DLPlot.ActivationsCommand.parse(["--names", "sigmoid,tanh,softsign,hardtanh"]).makeFigure()
        XCTAssertEqual(figure.panels.count, 4)
        XCTAssertEqual(figure.rows * figure.columns >= 4, true)
        let y = try XCTUnwrap(figure.panels[0].axes.yLimits)
        XCTAssertLessThan(y.upper, 1.2)
        XCTAssertGreaterThan(y.lower, -1.2)
        XCTAssertEqual(ActivationGridFigure.grid(count: 24, width: 1920, height: 1280).columns, 6)
    }

    /// The CSV holds each function exactly (the jump of binary step, ReLU's kink).
    func testDataIsTheKernels() throws {
        let (_, tables) = try DLPlot.ActivationsCommand.parse(["--names", "relu,binary_step"]).makeFigure()
        let relu = try Activation(name: "relu")
        XCTAssertEqual(tables[0].columns, ["activation", "x", "f", "df"])
        let rows = tables[0].cells.filter { $0[0] == .text("relu") }.map { $0.dropFirst().map(\.number) }
        XCTAssertEqual(rows.count, 241)
        for r in rows { XCTAssertEqual(r[1], relu.value(r[0])); XCTAssertEqual(r[2], relu.derivative(r[0])) }
    }
}

final class ActivationTableTests: XCTestCase {
    func testPropertiesEqualOptims() throws {
        let sigmoid = ActivationTableFigure.properties(of: try Activation(name: "sigmoid"))
        XCTAssertEqual(sigmoid.maxAbsDerivative, 0.25)
        XCTAssertEqual(sigmoid.derivativeAtZero, 0.25)
        XCTAssertTrue(sigmoid.bounded)
        XCTAssertFalse(sigmoid.zeroCentred)
        XCTAssertEqual(sigmoid.saturation, .both)
        let relu = ActivationTableFigure.properties(of: try Activation(name: "relu"))
        XCTAssertFalse(relu.zeroCentred)
        XCTAssertEqual(relu.derivativeAtZero, 0)
        XCTAssertEqual(relu.saturation, .left)
        let tanh = ActivationTableFigure.properties(of: try Activation(name: "tanh"))
        XCTAssertTrue(tanh.zeroCentred)
        XCTAssertEqual(tanh.maxAbsDerivative, 1)
        // Leaky ReLU's slope stays 0.01 on the left: it does not saturate.
        XCTAssertEqual(ActivationTableFigure.properties(of: try Activation(name: "leaky_relu")).saturation, .none)
        XCTAssertEqual(ActivationTableFigure.properties(of: try Activation(name: "log_sigmoid")).saturation, .right)
        XCTAssertEqual(ActivationTableFigure.properties(of: try Activation(name: "identity")).saturation, .none)
    }

    /// The table figure holds one row per activation, with the header.
    func testTableFigureRows() throws {
        let (figure, tables) = try DLPlot.ActivationsCommand.parse(["--table"]).makeFigure()
        let mark = try XCTUnwrap(figure.panels.first?.axes.marks.compactMap { $0 as? TableMark }.first)
        XCTAssertEqual(mark.rows.count, Activation.allNames.count)
        XCTAssertEqual(mark.header.count, 8)
        XCTAssertEqual(mark.rows.first { $0[0] == "Sigmoid" }?[5], "0.25")
        XCTAssertEqual(mark.rows.first { $0[0] == "ReLU" }?[3], "✗")
        XCTAssertEqual(tables[0].rows.count, Activation.allNames.count)
    }
}
