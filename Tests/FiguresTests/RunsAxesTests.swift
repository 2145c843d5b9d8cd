import Foundation
import RunLogs
import Viz
import XCTest
@testable import Figures

/// The axes of run panels: a constant metric gets a view around its value, short logs of whole steps get
/// whole-number ticks.
final class RunsAxesTests: XCTestCase {
    private func run(_ metrics: [String: [Double]]) -> RunLog {
        RunLog(name: "r", source: "r.csv", format: .csv, metrics: metrics.keys.sorted().map {
            MetricSeries(name: $0, steps: (metrics[$0] ?? []).indices.map(Int64.init), values: metrics[$0] ?? [])
        })
    }

    /// lr = 1e-4 throughout: the view is 1e-4 ± 5 % (0.95e-4 … 1.05e-4), never −0.5 … 0.5 with the line on 0.
    func testAConstantMetricIsDrawnAroundItsValue() throws {
        let lr = try XCTUnwrap(PanelLimits.y([[1e-4, 1e-4, 1e-4][...]], log: false))
        XCTAssertEqual(lr.lower, 0.95e-4, accuracy: 1e-18)
        XCTAssertEqual(lr.upper, 1.05e-4, accuracy: 1e-18)
        let negative = try XCTUnwrap(PanelLimits.y([[-2, -2][...]], log: false))
        XCTAssertEqual(negative.lower, -2.1, accuracy: 1e-12)
        XCTAssertEqual(negative.upper, -1.9, accuracy: 1e-12)
        let zero = try XCTUnwrap(PanelLimits.y([[0, 0][...]], log: false))
        XCTAssertEqual([zero.lower, zero.upper], [-0.5, 0.5])

        var figure = try Figure(width: 1280, height: 720)
        _ = try RunsFigure(runs: [run(["lr": [1e-4, 1e-4, 1e-4, 1e-4], "loss": [1, 0.5, 0.3, 0.2]])], metrics: ["lr", "loss"])
            .build(into: &figure)
        let limits = try XCTUnwrap(figure.panels[0].axes.yLimits)
        XCTAssertGreaterThan(limits.lower, 0, "a learning rate's axis holds no negative values")
        XCTAssertEqual(limits.lower, 0.95e-4, accuracy: 1e-18)
    }

    /// Steps 0…2 (a Keras log of three epochs): ticks 0, 1, 2, not 0.0, 0.5, … 2.0; 0…10: every second step.
    func testShortLogsOfWholeStepsGetWholeTicks() throws {
        XCTAssertEqual(PanelLimits.integerTicks((0, 2))?.map(\.label), ["0", "1", "2"])
        XCTAssertEqual(PanelLimits.integerTicks((0, 10))?.map(\.value), [0, 2, 4, 6, 8, 10])
        XCTAssertEqual(PanelLimits.integerTicks((-3, 1))?.map(\.label), ["−3", "−2", "−1", "0", "1"])
        XCTAssertNil(PanelLimits.integerTicks((0, 800)), "long axes keep their nice ticks")
        var figure = try Figure(width: 1280, height: 720)
        _ = try RunsFigure(runs: [run(["loss": [1, 0.5, 0.3]])], metrics: ["loss"]).build(into: &figure)
        XCTAssertEqual(figure.panels[0].axes.xTickLabels?.map(\.label), ["0", "1", "2"])
        var time = try Figure(width: 1280, height: 720)
        var timed = run(["loss": [1, 0.5, 0.3]])
        timed.metrics[0].wallTimes = [0, 0.5, 1]
        _ = try RunsFigure(runs: [timed], metrics: ["loss"], x: .time).build(into: &time)
        XCTAssertNil(time.panels[0].axes.xTickLabels, "seconds are not whole steps")
    }
}
