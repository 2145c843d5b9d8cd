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

    /// A 20-hour run is drawn in hours ("at 20 h"), its table keeps seconds.
    func testTimeIsDrawnInTheUnitItsSpanReadsIn() throws {
        XCTAssertEqual(TimeUnit.pick(span: 300), .seconds)
        XCTAssertEqual(TimeUnit.pick(span: 301), .minutes)
        XCTAssertEqual(TimeUnit.pick(span: 5 * 3600 + 1), .hours)
        XCTAssertEqual(TimeUnit.pick(span: 257_400), .hours, "71.5 h")
        XCTAssertEqual(TimeUnit.pick(span: 4 * 86400), .days)
        var timed = run(["loss": [1, 0.5, 0.3]])
        timed.metrics[0].wallTimes = [1_714_564_800, 1_714_564_800 + 36_000, 1_714_564_800 + 72_000]
        var figure = try Figure(width: 1280, height: 720)
        let tables = try RunsFigure(runs: [timed], metrics: ["loss"], x: .time).build(into: &figure)
        let axes = figure.panels[0].axes
        XCTAssertEqual(axes.xLabel, "time since the first record (h)")
        // A lone run's numbers: the note beside its line (no legend).
        let note = axes.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertEqual(note, ["min 0.3 at 20 h · final 0.3"])
        XCTAssertEqual(tables[0].cells.map { $0.last }, [.real(0), .real(36_000), .real(72_000)], "seconds in the table")
    }
}
