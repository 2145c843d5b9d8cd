import Foundation
import RunLogs
import Viz
import XCTest
@testable import Figures

/// A long log is drawn and tabulated from its own columns: thinning made point by point equals thinning
/// an array of points, x values are worked out when read, and the --data rows are made only when
/// written, equal to stored ones.
final class RunsStreamingTests: XCTestCase {
    func testThinningPointByPointEqualsThinningAnArray() {
        var state: UInt64 = 9
        let points = (0..<50_000).map { i -> Point in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let y = i % 997 == 0 ? Double.nan : Double(state >> 11) / Double(1 << 53)
            return Point(Double(i), y)
        }
        let thinned = CurvePoints.thinned(count: points.count, columns: 800) { points[$0] }
        XCTAssertEqual(thinned.count, CurvePoints.thin(points, columns: 800).count)
        XCTAssertLessThanOrEqual(thinned.count, 5 * 800 + 8)
        // Every bucket keeps its extremes: the overall minimum and maximum survive.
        let finite = points.map(\.y).filter { !$0.isNaN }
        XCTAssertEqual(thinned.map(\.y).filter { !$0.isNaN }.min(), finite.min())
        XCTAssertEqual(thinned.map(\.y).filter { !$0.isNaN }.max(), finite.max())
        XCTAssertTrue(thinned.contains { $0.y.isNaN }, "gaps stay gaps")
        XCTAssertEqual(zip(thinned, thinned.dropFirst()).allSatisfy { $0.x < $1.x }, true, "in order, no repeats")
        // Short series are drawn whole.
        let short = Array(points.prefix(100))
        XCTAssertEqual(CurvePoints.thinned(count: 100, columns: 800) { short[$0] }.count, 100)
    }

    func testGeneratedRowsEqualStoredOnes() {
        let steps: [Int64] = [0, 5, 10], values = [2.5, 1.25, 0.5]
        var lazy = DataTable(name: "t", columns: ["run", "step", "value"], cells: [[.text("a"), .integer(-1), .real(9)]])
        lazy.appendRows(count: 3) { i in [.text("b"), .integer(steps[i]), .real(values[i])] }
        let stored = DataTable(name: "t", columns: ["run", "step", "value"], cells: [[.text("a"), .integer(-1), .real(9)]]
            + (0..<3).map { [.text("b"), .integer(steps[$0]), .real(values[$0])] })
        XCTAssertEqual(lazy.rowCount, 4)
        XCTAssertEqual(lazy.csv, stored.csv)
        XCTAssertEqual(lazy.cells, stored.cells)
        XCTAssertEqual(lazy.csv, "run,step,value\na,-1,9.0\nb,0,2.5\nb,5,1.25\nb,10,0.5\n")
        // Changing the rows in place keeps the generated ones.
        lazy.cells.append([.text("c"), .integer(11), .real(0.25)])
        XCTAssertEqual(lazy.rowCount, 5)
        XCTAssertEqual(lazy.cells[3], [.text("b"), .integer(10), .real(0.5)])
    }

    func testXValuesAreWorkedOutFromTheLogsColumns() throws {
        var run = RunLog(name: "r", source: "r.csv", format: .lightningCSV,
                         metrics: [MetricSeries(name: "loss", steps: [0, 1, 2, 3], values: [4, 3, 2, 1], wallTimes: [10, 11, 12.5, 14])],
                         epochs: MetricSeries(name: "epoch", steps: [0, 1, 2, 3], values: [0, 0, 1, 1]))
        run.stepAxis = "step"
        let loss = run.metrics[0]
        XCTAssertEqual(Array(try RunCurves.xColumn(loss, of: run, axis: .step)), [0, 1, 2, 3])
        XCTAssertEqual(Array(try RunCurves.xColumn(loss, of: run, axis: .epoch)), [0.5, 1, 1.5, 2], "epochs completed")
        var keras = RunLog(name: "k", source: "k.csv", format: .kerasCSV, metrics: [MetricSeries(name: "loss", steps: [0, 1, 2], values: [3, 2, 1])])
        keras.stepAxis = "epoch"
        XCTAssertEqual(Array(try RunCurves.xColumn(keras.metrics[0], of: keras, axis: .epoch)), [1, 2, 3],
                       "Keras' epoch 0 is logged at the end of the first epoch")
        XCTAssertEqual(Array(try RunCurves.xColumn(keras.metrics[0], of: keras, axis: .step)), [0, 1, 2], "as logged")
        XCTAssertEqual(Array(try RunCurves.xColumn(loss, of: run, axis: .time)), [0, 1, 2.5, 4])
        XCTAssertEqual(XPlace.epoch(2.999), "2.99")
        XCTAssertEqual(XPlace.epoch(3), "3")
        XCTAssertEqual(XPlace.epoch(2.5), "2.5")
        XCTAssertEqual(XPlace.epoch(1 + 43.0 / 44), "1.97")
        XCTAssertEqual(XPlace.epoch(0.05), "0.05")
        XCTAssertEqual(XPlace(axis: .time, stepWord: "step").text(step: 7, x: 85.2), "85.2 s")
        XCTAssertEqual(XPlace(axis: .step, stepWord: "global_step").text(step: 7, x: 7), "global_step 7")
    }
}
