import Foundation
import RunLogs
import Viz
import XCTest
@testable import Figures

/// Non-finite values in logs: a transient NaN or inf (finite values follow) is a gap marked with a ring,
/// never the end of the run; a divergence is the non-finite stretch that ends a run. A group's mean stops
/// where its first member diverged and says which; the legend's numbers are those of the bold line
/// (smoothed when smoothing, and then it says so).
final class RunsNonFiniteTests: XCTestCase {
    private func run(_ name: String, _ values: [Double]) -> RunLog {
        var r = RunLog(name: name, source: name + ".csv", format: .csv,
                       metrics: [MetricSeries(name: "loss", steps: values.indices.map(Int64.init), values: values)])
        r.stepAxis = "step"
        return r
    }

    private func build(_ recipe: RunsFigure) throws -> Figure {
        var figure = try Figure(width: 1280, height: 720)
        _ = try recipe.build(into: &figure)
        return figure
    }

    private func legendLines(_ f: Figure) -> [String] {
        // A lone run's numbers are the note beside its line (no legend).
        f.panels.flatMap { $0.axes.marks.compactMap { ($0 as? LegendLine)?.text ?? ($0 as? TextMark)?.text } }
    }

    private func scatter(_ f: Figure) -> [ScatterMark] {
        f.panels.flatMap { $0.axes.marks.compactMap { $0 as? ScatterMark } }
    }

    func testSeriesTellADivergenceFromATransient() {
        let transient = MetricSeries(name: "l", steps: [0, 1, 2, 3, 4], values: [1, .nan, .infinity, 0.5, 0.4])
        XCTAssertNil(transient.divergence)
        XCTAssertEqual(transient.transient?.first, 1)
        XCTAssertEqual(transient.transient?.count, 2)
        let diverged = MetricSeries(name: "l", steps: [0, 1, 2, 3, 4, 5], values: [1, .nan, 0.5, .infinity, .nan, .nan])
        XCTAssertEqual(diverged.divergence?.step, 3)
        XCTAssertEqual(diverged.divergenceIndex, 3)
        XCTAssertEqual(diverged.transient?.first, 1)
        XCTAssertEqual(diverged.transient?.count, 1)
        XCTAssertEqual(diverged.drawnCount, 3)
        XCTAssertNil(MetricSeries(name: "l", steps: [0, 1], values: [1, 2]).transient)
        XCTAssertEqual(MetricSeries(name: "l", steps: [0, 1], values: [.nan, .nan]).divergence?.step, 0)
    }

    func testATransientNaNLeavesAGapAndTheRestOfTheRunIsDrawn() throws {
        // An AMP-style skipped step: NaN at steps 40 and 41, finite again from 42 down to 1/100.
        let values: [Double] = (0..<100).map { (i: Int) -> Double in i == 40 || i == 41 ? Double.nan : 1 / Double(i + 1) }
        let f = try build(RunsFigure(runs: [run("amp", values)], metrics: ["loss"]))
        XCTAssertEqual(legendLines(f), ["2 non-finite points from step 40 (NaN) · min 0.01 at step 99 · final 0.01"])
        let line = try XCTUnwrap(f.panels[0].axes.marks.compactMap { $0 as? LineMark }.first)
        XCTAssertEqual(line.points.last?.x, 99, "drawn to the last step")
        XCTAssertEqual(line.points.filter { $0.y.isNaN }.map(\.x), [40, 41], "a gap where the values are not finite")
        // A ring where the gap starts (step 40), on the curve between the values either side of the gap
        // (1/40 at step 39, 1/43 at step 42), not on the frame's top edge, where it was taken for another
        // run's runaway; no cross (the run did not end).
        let marks = scatter(f)
        XCTAssertEqual(marks.count, 1)
        XCTAssertEqual(marks[0].shape, .circle)
        XCTAssertEqual(marks[0].points.map(\.x), [40])
        XCTAssertEqual(try XCTUnwrap(marks[0].points.first?.y), 1.0 / 40 + (1.0 / 43 - 1.0 / 40) / 3, accuracy: 1e-12)
    }

    func testADivergenceEndsTheLineWithACrossAndTransientsBeforeItAreNamed() throws {
        let f = try build(RunsFigure(runs: [run("d", [1, -.infinity, 0.5, 0.4, .infinity, .nan])], metrics: ["loss"]))
        XCTAssertEqual(legendLines(f), ["non-finite at step 1 (−∞) · diverged at step 4 (∞) · min 0.4 at step 3"])
        let shapes = scatter(f).map(\.shape)
        XCTAssertTrue(shapes.contains(.cross))
        let cross = try XCTUnwrap(scatter(f).first { $0.shape == .cross })
        XCTAssertEqual(cross.points, [Point(4, .infinity)], "the cross at the divergence, on the top edge (+∞), not at 0.4")
        XCTAssertTrue(cross.pinsNonFiniteY)
        let ring = try XCTUnwrap(scatter(f).first { $0.shape == .circle })
        XCTAssertEqual(ring.points, [Point(1, -.infinity)], "the gap's ring at step 1, on the bottom edge (−∞)")
        // A run that is non-finite at its first step and recovers: the drawn part from step 1 on, named.
        let first = try build(RunsFigure(runs: [run("f", [.infinity, 1, 0.5])], metrics: ["loss"]))
        XCTAssertEqual(legendLines(first), ["non-finite at step 0 (∞) · min 0.5 at step 2 · final 0.5"])
    }

    func testALonePointIsDrawnAsADot() throws {
        let f = try build(RunsFigure(runs: [run("one", [1.5])], metrics: ["loss"]))
        let dots = scatter(f)
        XCTAssertEqual(dots.count, 1)
        XCTAssertEqual(dots[0].points, [Point(0, 1.5)])
        // On a log axis, values ≤ 0 leave a positive point between gaps: it gets a dot.
        var log = RunsFigure(runs: [run("neg", [1, 0, -0.5, 0.4])], metrics: ["loss"])
        log.logY = true
        XCTAssertEqual(scatter(try build(log)).flatMap(\.points), [Point(0, 1), Point(3, 0.4)])
    }

    /// With smoothing the legend keeps the logged minimum and final value and says where the smoothed line
    /// ends: 1, 0.2, 0.9, 0.1, 0.8 at w = 0.6 ends at 0.8 after debiasing (by TensorBoard's formula).
    func testTheSmoothedLegendKeepsTheLoggedValuesAndGivesTheSmoothedEnd() throws {
        let values = [1.0, 0.2, 0.9, 0.1, 0.8]
        let smoothed = Smoothing.debiasedEMA(values, weight: 0.6)
        let f = try build(RunsFigure(runs: [run("s", values)], metrics: ["loss"], smoothing: 0.6))
        XCTAssertEqual(legendLines(f), ["min 0.1 at step 3 · final 0.8 · smoothed final \(CurvePoints.value(smoothed[4]))"])
        // By hand: last = 0.4, 0.6·0.4 + 0.08 = 0.32, 0.552, 0.3712, 0.54272; n = 5 → 0.54272 / (1 − 0.6⁵) = 0.5883…
        XCTAssertEqual(CurvePoints.value(smoothed[4]), "0.588")
        // A group: the mean of the logged values, then where the smoothed mean ends.
        let group = try build(RunsFigure(runs: [run("g-seed0", values), run("g-seed1", values.map { $0 + 1 })], metrics: ["loss"],
                                         smoothing: 0.6, groupPattern: ("seed[0-9]+", try Regex("seed[0-9]+"))))
        XCTAssertEqual(legendLines(group), ["min 0.6 at step 3 · final 1.3 (runs 0.8–1.8) · smoothed final 1.09"])
    }

    func testAGroupMeanStopsWhereAMemberDivergedAndSaysWhich() throws {
        let base = (0..<10).map { 2 - 0.1 * Double($0) }
        var diverging = base.map { $0 + 0.2 }
        for i in 6..<10 { diverging[i] = i == 6 ? .infinity : .nan }
        let runs = [run("adam-seed0", base), run("adam-seed1", diverging)]
        let pattern = try Regex("seed[0-9]+")
        let f = try build(RunsFigure(runs: runs, metrics: ["loss"], groupPattern: ("seed[0-9]+", pattern)))
        let lines = legendLines(f)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("adam-seed1 diverged at step 6 (∞) · min 1.6 at step 5"), lines[0])
        let mean = try XCTUnwrap(f.panels[0].axes.marks.compactMap { $0 as? LineMark }.first { $0.label?.hasPrefix("adam") == true })
        XCTAssertEqual(mean.points.filter { $0.y.isFinite }.last?.x, 5, "the mean is not drawn past the divergence")
        XCTAssertFalse(mean.points.contains { $0.x > 6 })
        // The cross at the divergence's step, on the frame's top edge (the mean there is not finite).
        let cross = try XCTUnwrap(scatter(f).first { $0.shape == .cross })
        XCTAssertEqual(cross.points.first?.x, 6)
        XCTAssertEqual(cross.points.first?.y.isFinite, false)
        XCTAssertTrue(cross.pinsNonFiniteY)

        // A seed that stops early: the footnote says from where fewer runs enter the mean, a ring marks it.
        let short = Array(base.prefix(6)).map { $0 + 0.1 }
        let g = try build(RunsFigure(runs: [run("sgd-seed0", base), run("sgd-seed1", short)], metrics: ["loss"],
                                     groupPattern: ("seed[0-9]+", pattern)))
        XCTAssertEqual(g.footnote?.contains("Rings on a mean mark where fewer runs than all enter it: sgd: 1 run after step 5."), true, g.footnote ?? "")
        XCTAssertEqual(scatter(g).first?.points.first?.x, 5)
    }

    func testAGroupOnATimeAxisSaysWhereItsPointsAre() throws {
        var a = run("a-seed0", [1, 0.5]), b = run("a-seed1", [1, 0.7])
        a.metrics[0].wallTimes = [100, 101]
        b.metrics[0].wallTimes = [500, 510]
        let pattern = try Regex("seed[0-9]+")
        let f = try build(RunsFigure(runs: [a, b], metrics: ["loss"], x: .time, groupPattern: ("seed[0-9]+", pattern)))
        XCTAssertEqual(f.subtitle, "runs grouped by /seed[0-9]+/: mean, band min–max by each run's time since its own first record")
        let mean = try XCTUnwrap(f.panels[0].axes.marks.compactMap { $0 as? LineMark }.first)
        // Each run's time from its own start (0, 1 s and 0, 10 s), never a mean of times no run had; at 1 s
        // b is interpolated: 1 − 0.3 · 1/10 = 0.97, the mean (0.5 + 0.97) / 2; at 10 s b alone.
        XCTAssertEqual(mean.points.map(\.x), [0, 1, 10])
        XCTAssertEqual(mean.points.map(\.y), [1, 0.735, 0.7])
    }
}
