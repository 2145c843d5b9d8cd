import Foundation
import RunLogs
import Viz
import XCTest
@testable import Figures

/// A log y axis and a group's end, said as they are: a panel with no positive value keeps a linear axis, a
/// ±1 sd band whose lower edge reaches ≤ 0 is cut at the axis (and not called "values ≤ 0"), and a mean that
/// stops at a seed's divergence ends in a bare cross, never in a ring that reads as a gap.
final class RunsLogAxisTests: XCTestCase {
    private func run(_ name: String, _ metrics: [String: [Double]]) -> RunLog {
        var r = RunLog(name: name, source: name + ".csv", format: .csv, metrics: metrics.keys.sorted().map { m in
            MetricSeries(name: m, steps: (metrics[m] ?? []).indices.map(Int64.init), values: metrics[m] ?? [])
        })
        r.stepAxis = "step"
        return r
    }

    private func build(_ recipe: RunsFigure) throws -> Figure {
        var figure = try Figure(width: 1280, height: 720)
        _ = try recipe.build(into: &figure)
        return figure
    }

    private func seeds() throws -> (String, Regex<AnyRegexOutput>) { ("seed[0-9]+", try Regex("seed[0-9]+")) }

    /// W14-15: the cross of lr-seed1's NaN at step 8 was drawn inside a ring (⊗) that nothing explained.
    func testAMeanThatStopsAtADivergenceEndsInABareCross() throws {
        let decay = (0..<12).map { 1 / Double($0 + 1) }
        var diverging = decay
        for i in 8..<12 { diverging[i] = .nan }
        let runs = [run("lr-seed0", ["loss": decay]), run("lr-seed1", ["loss": diverging]), run("lr-seed2", ["loss": decay.map { $0 * 1.1 }])]
        let f = try build(RunsFigure(runs: runs, metrics: ["loss"], groupPattern: try seeds()))
        let marks = f.panels[0].axes.marks.compactMap { $0 as? ScatterMark }
        let cross = try XCTUnwrap(marks.first { $0.shape == .cross })
        XCTAssertEqual(cross.points.first?.x, 8, "the cross at the divergence")
        let rings = marks.filter { $0.shape == .circle }.flatMap(\.points)
        XCTAssertTrue(rings.isEmpty, "no ring where only the cross belongs: \(rings)")
        let legend = f.panels[0].axes.marks.compactMap { ($0 as? LegendLine)?.text }.joined(separator: " ")
        XCTAssertTrue(legend.contains("lr-seed1 diverged at step 8 (NaN)"), legend)
    }

    /// W14-17: every logged value is positive, but mean − sd ≤ 0 from step 5: the band is drawn to below the
    /// axis there (as matplotlib clips it), and the footnote says so instead of "Values ≤ 0 …".
    func testAnSdBandReachingZeroIsCutAtTheLogAxisAndSaidSo() throws {
        let low = (0..<10).map { 1 / Double($0 + 1) }
        let high = (0..<10).map { $0 < 5 ? 1 / Double($0 + 1) : 40.0 }
        let runs = [run("lr-seed0", ["loss": low]), run("lr-seed1", ["loss": low]), run("lr-seed2", ["loss": high])]
        var recipe = RunsFigure(runs: runs, metrics: ["loss"], logY: true, groupPattern: try seeds(), band: .sd)
        recipe.animated = false
        let f = try build(recipe)
        let note = f.footnote ?? ""
        XCTAssertTrue(note.contains("The ±1 sd band of lr reaches ≤ 0 from step 5 and is cut at the bottom of the log y axis."), note)
        XCTAssertFalse(note.contains("Values ≤ 0"), "no logged value is ≤ 0: \(note)")
        let band = try XCTUnwrap(f.panels[0].axes.marks.compactMap { $0 as? AreaMark }.first)
        XCTAssertEqual(band.x.count, 10, "the band is drawn at every step, not left out where its edge is ≤ 0")
        let limits = try XCTUnwrap(f.panels[0].axes.yLimits)
        for (x, y) in zip(band.x, band.y1) where x >= 5 { XCTAssertTrue(y > 0 && y < limits.lower, "cut below the axis at step \(x): \(y)") }
    }

    /// S16-9: a metric with no positive value had an empty panel with an invented 0.1–1 log axis; it keeps a
    /// linear axis, said in the footnote, and the other panel's numbers that a log axis cannot show say so.
    func testAPanelWithNoPositiveValueKeepsALinearAxis() throws {
        let loss = (0..<20).map { Double(10 - $0) * 0.1 }, score = (0..<20).map { -Double($0) }
        let f = try build(RunsFigure(runs: [run("negs", ["loss": loss, "score": score])], metrics: ["loss", "score"], logY: true))
        XCTAssertEqual(f.panels.map(\.axes.yScale), [.log, .linear])
        let scoreLimits = try XCTUnwrap(f.panels[1].axes.yLimits)
        XCTAssertTrue(scoreLimits.lower < -19 && scoreLimits.upper > 0, "the values' own range: \(scoreLimits)")
        let note = f.footnote ?? ""
        XCTAssertTrue(note.contains("score has no positive value to draw on a log axis: its panel keeps a linear y axis."), note)
        let texts = f.panels[0].axes.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertTrue(texts.contains { $0.contains("min −0.9 at step 19") && $0.contains("(≤ 0: not on the log axis)") }, "\(texts)")
        let scoreTexts = f.panels[1].axes.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertFalse(scoreTexts.contains { $0.contains("log axis") }, "drawn on a linear axis: \(scoreTexts)")
    }
}
