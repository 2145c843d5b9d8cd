import Foundation
import Optim
import XCTest
@testable import Figures
@testable import dlplot

final class LossFigureTests: XCTestCase {
    /// The marked BCE points are −log p and −log(1 − p): y = 1, p = 0.9 → 0.105; p = 0.5 → log 2; p = 0.1 → 2.303.
    func testMarkedPointsAreTheTextbookValues() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["loss", "-o", "l.png", "--data", "l.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let marked = try XCTUnwrap(try readDataCSV(dir.appendingPathComponent("l.csv"))["y,p,value"])
        func value(y: Double, p: Double) -> Double? { marked.first { $0[0] == y && $0[1] == p }?[2] }
        XCTAssertEqual(try XCTUnwrap(value(y: 1, p: 0.9)), 0.10536, accuracy: 1e-5)
        XCTAssertEqual(try XCTUnwrap(value(y: 1, p: 0.5)), Foundation.log(2), accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(value(y: 1, p: 0.1)), 2.302585, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(value(y: 0, p: 0.9)), 2.302585, accuracy: 1e-6)
    }

    /// The regression table: MSE e², MAE |e|, Huber (δ = 1) ½e² inside, |e| − ½ outside; gradients 2e, sign e, clip.
    func testRegressionValues() throws {
        let dir = try makeTemporaryDirectory()
        XCTAssertEqual(try runDLPlot(["loss", "--gradients", "-o", "l.png", "--data", "l.csv"], in: dir).status, 0)
        let table = try TidyTable(dir.appendingPathComponent("l-3.csv"))
        XCTAssertEqual(table.columns, ["loss", "error", "value", "gradient"])
        let groups = Dictionary(uniqueKeysWithValues: table.groups.map { ($0.key, $0.rows) })
        XCTAssertEqual(groups.keys.sorted(), ["huber", "mae", "mse"])
        for (name, rows) in groups {
            XCTAssertEqual(rows.count, 121, name)
            for r in rows {
                let e = r[0]
                switch name {
                case "mse": XCTAssertEqual(r[1], e * e, accuracy: 1e-12); XCTAssertEqual(r[2], 2 * e, accuracy: 1e-12)
                case "mae": XCTAssertEqual(r[1], abs(e), accuracy: 1e-12); XCTAssertEqual(r[2], e > 0 ? 1 : e < 0 ? -1 : 0)
                default:
                    XCTAssertEqual(r[1], abs(e) < 1 ? 0.5 * e * e : abs(e) - 0.5, accuracy: 1e-12)
                    XCTAssertEqual(r[2], min(1, max(-1, e)), accuracy: 1e-12)
                }
            }
        }
    }

    func testGradientsAddARow() throws {
        XCTAssertEqual(try DLPlot.LossCommand.parse([]).makeFigure().0.panels.count, 2)
        let (figure, _) = try DLPlot.LossCommand.parse(["--gradients"]).makeFigure()
        XCTAssertEqual(figure.panels.count, 4)
        XCTAssertEqual(figure.rows, 2)
    }
}
