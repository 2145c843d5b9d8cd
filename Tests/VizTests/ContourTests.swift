import Foundation
import XCTest
// Unit-tests the internal contour label placement (ContourLabeler and its label positions).
@testable import Viz

final class ContourTests: XCTestCase {
    private let bowl: @Sendable (Double, Double) -> Double = { x, y in x * x + y * y }
    private let rosenbrock: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

    func testLevelCountsAreAsAsked() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 50, ny: 50, bowl)
        for n in [1, 5, 12] {
            let r = try ContourLevels.exactly(n).resolve(for: f)
            XCTAssertEqual(r.values.count, n)
            XCTAssertTrue(r.values.allSatisfy { $0 > 0 && $0 < 8 })
        }
        XCTAssertEqual(try ContourLevels.values([3, 1, 2]).resolve(for: f).values, [1, 2, 3])
        // Nice linear levels: x² + y² ∈ [0.0017, 8] with 7 asked → 1, 2, …, 7 (step 1 strictly inside).
        let nice = try ContourLevels.count(7).resolve(for: f)
        XCTAssertFalse(nice.isLog, "\(nice)")
        XCTAssertEqual(nice.values, [1, 2, 3, 4, 5, 6, 7])
        let c = try ContourMark(field: f, levels: .exactly(6))
        XCTAssertEqual(c.lines.count, 6)
        for (level, lines) in zip(c.levels.values, c.lines) {
            // Circles of radius < 2 fit in the box; larger ones are cut into four open arcs by its sides.
            if level < 4 { XCTAssertTrue(lines.count == 1 && lines[0].isClosed, "level \(level)") }
            else { XCTAssertTrue(lines.count == 4 && lines.allSatisfy { !$0.isClosed }, "level \(level)") }
        }
    }

    /// A field whose values near its minimum differ by little (so they "span decades" above it) but
    /// which lies within one decade overall, 0.2 to 1.6, gets linear levels: log ones would be 0.5 and 1 only.
    func testAFieldWithinOneDecadeGetsEnoughLevels() throws {
        let f = try FieldSampler.sample(x: Interval(-1, 3), y: Interval(-3, 1), nx: 80, ny: 80) { x, y in
            0.2 + 1.4 * (1 - Foundation.exp(-((x - 2.4) * (x - 2.4) + (y + 2.5) * (y + 2.5)) / 8))
        }
        let r = try ContourLevels.count(12).resolve(for: f)
        XCTAssertFalse(r.isLog, "\(r.values)")
        XCTAssertGreaterThanOrEqual(r.values.count, 8, "\(r.values)")
    }

    func testLogLevelsForRosenbrock() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: 120, ny: 120, rosenbrock)
        let r = try ContourLevels.count(8).resolve(for: f)
        XCTAssertTrue(r.isLog)
        // Consecutive levels grow by constant-ish ratios (1-2-5 or 1-3 or decades), never by a constant step.
        for k in 2..<r.values.count {
            let ratio = r.values[k] / r.values[k - 1]
            XCTAssertTrue(ratio >= 2 - 1e-9 && ratio <= 10 + 1e-9, "ratio \(ratio)")
        }
        // Every level is a nice number m·10^e with m ∈ {1, 2, 3, 5}.
        for v in r.values {
            let e = Math.log10(v).rounded(.down)
            let m = (v / Math.exp10(e) * 1000).rounded() / 1000
            XCTAssertTrue([1, 2, 3, 5].contains(m), "level \(v)")
        }
        XCTAssertTrue(abs(r.values.count - 8) <= 3)
        XCTAssertFalse(try ContourLevels.count(8, spacing: .linear).resolve(for: f).isLog)
    }

    /// Levels resolved once and handed on (`.resolved`) draw what the request itself draws: the same levels,
    /// spacing and note, the same lines and bands (a surface figure resolves once for both marks).
    func testResolvedLevelsDrawWhatTheRequestDraws() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: 120, ny: 120, rosenbrock)
        for request in [ContourLevels.count(20), .count(6, spacing: .linear), .exactly(4), .values([1, 10, 100])] {
            let r = try request.resolve(for: f)
            XCTAssertEqual(try ContourLevels.resolved(r).resolve(for: f), r)
            let a = try ContourMark(field: f, levels: request), b = try ContourMark(field: f, levels: .resolved(r))
            XCTAssertEqual(a.levels, b.levels)
            XCTAssertEqual(a.lines.map { $0.map(\.points) }, b.lines.map { $0.map(\.points) })
            let fa = try FilledContourMark(field: f, levels: request), fb = try FilledContourMark(field: f, levels: .resolved(r))
            XCTAssertEqual(fa.levels, fb.levels)
            XCTAssertEqual(fa.regions, fb.regions)
        }
        XCTAssertTrue(try ContourLevels.count(20).resolve(for: f).isLog, "Rosenbrock's levels are log-spaced")
    }

    func testColorbarTicks() throws {
        let lin = Colorbar(colormap: .viridis, content: .continuous(try Normalization(.linear, lower: 0, upper: 1)), tickCount: 10)
        XCTAssertEqual(lin.tickValues(), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        let five = Colorbar(colormap: .viridis, content: .continuous(try Normalization(.linear, lower: -3.7, upper: 12.2)), tickCount: 5)
        XCTAssertEqual(five.tickValues(), [0, 5, 10])
        let log = Colorbar(colormap: .viridis, content: .continuous(try Normalization(.log, lower: 0.01, upper: 1000)), tickCount: 6)
        XCTAssertEqual(log.tickValues(), [0.01, 0.1, 1, 10, 100, 1000])
        let bands = Colorbar(colormap: .viridis, content: .bands(levels: [1, 10, 100]))
        XCTAssertEqual(bands.tickValues(), [1, 10, 100])
        XCTAssertEqual(bands.position(10), 0.5)
        XCTAssertEqual(bands.position(1), 0.25)
    }

    func testInlineLabelsDoNotOverlapAndBreakTheLine() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 101, ny: 101, bowl)
        let runs: [[[Point]]] = MarchingSquares.contours(f, levels: [0.5, 1, 2, 3]).map { lines in
            lines.map { l in (l.points + [l.points[0]]).map { Point(300 + $0.x * 100, 300 - $0.y * 100) } }
        }
        var labeler = ContourLabeler(runs: runs, plot: Rect(x: 100, y: 100, width: 400, height: 400))
        for k in 0..<4 { labeler.place(level: k, text: "x", size: Size(24, 10)) }
        XCTAssertGreaterThanOrEqual(labeler.placed.count, 4)
        for a in 0..<labeler.placed.count {
            for b in (a + 1)..<labeler.placed.count { XCTAssertFalse(ContourLabeler.overlap(labeler.placed[a].box, labeler.placed[b].box)) }
            // No remaining line vertex lies under a label.
            for run in labeler.runs.flatMap({ $0 }) { for p in run.dropFirst().dropLast() {
                XCTAssertFalse(ContourLabeler.inside(p, labeler.placed[a].box))
            } }
        }
        XCTAssertGreaterThan(labeler.runs.flatMap { $0 }.count, 4, "lines were broken under labels")
    }
}
