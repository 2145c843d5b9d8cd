import XCTest
@testable import RunLogs

/// A series past `RunLogBuilder.longSeriesPoints` keeps every point in a temporary file and only the points
/// a plot needs in memory: the kept points are real points, bounded in number, and the minimum, maximum,
/// final value, divergence, transient and smoothing read from them equal those of the whole series.
final class LongSeriesTests: XCTestCase {
    /// The same points into a builder that keeps everything and one that makes the series long at `longAt`.
    private func both(longAt: Int, time: Bool = true, _ feed: (inout RunLogBuilder) -> Void) -> (whole: MetricSeries, long: MetricSeries) {
        var whole = RunLogBuilder(recordsTime: time, longAt: .max)
        var long = RunLogBuilder(recordsTime: time, longAt: longAt)
        feed(&whole)
        feed(&long)
        let a = whole.build(name: "r", source: "r", format: .csv, notes: [])
        let b = long.build(name: "r", source: "r", format: .csv, notes: [])
        XCTAssertEqual(a.notes, b.notes, "the same notes (restarts counted alike)")
        return (a.metrics[0], b.metrics[0])
    }

    /// Every point of `full` as (step, value bits, time bits).
    private func rows(_ full: SpilledPoints?) -> [[UInt64]] {
        var out: [[UInt64]] = []
        full?.forEach { out.append([UInt64(bitPattern: $0.step), $0.value.bitPattern, $0.time.bitPattern]) }
        return out
    }

    private func rows(_ s: MetricSeries) -> [[UInt64]] {
        s.steps.indices.map { [UInt64(bitPattern: s.steps[$0]), s.values[$0].bitPattern, (s.wallTimes.isEmpty ? 0 : s.wallTimes[$0]).bitPattern] }
    }

    private func assertSameSummary(_ whole: MetricSeries, _ long: MetricSeries, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(whole.full)
        XCTAssertNotNil(long.full, "made long", file: file, line: line)
        let (all, logged) = (rows(long.full), rows(whole))
        XCTAssertEqual(all.count, logged.count, "every logged point kept", file: file, line: line)
        if let i = all.indices.first(where: { $0 < logged.count && all[$0] != logged[$0] }) {
            XCTFail("point \(i) kept as \(all[i]), logged as \(logged[i])", file: file, line: line)
        }
        XCTAssertEqual(long.loggedCount, whole.count, file: file, line: line)
        XCTAssertEqual(long.minimum?.step, whole.minimum?.step, file: file, line: line)
        XCTAssertEqual(long.minimum?.value, whole.minimum?.value, file: file, line: line)
        XCTAssertEqual(long.final?.step, whole.final?.step, file: file, line: line)
        XCTAssertEqual(long.final?.value.bitPattern, whole.final?.value.bitPattern, file: file, line: line)
        XCTAssertEqual(long.divergence?.step, whole.divergence?.step, file: file, line: line)
        XCTAssertEqual(long.transient.map { long.steps[$0.first] }, whole.transient.map { whole.steps[$0.first] }, file: file, line: line)
        XCTAssertEqual(long.transient?.count, whole.transient?.count, file: file, line: line)
        let largest = { (s: MetricSeries) in s.values.indices.filter { s.values[$0].isFinite }.max { s.values[$0] < s.values[$1] } }
        XCTAssertEqual(largest(long).map { long.values[$0] }, largest(whole).map { whole.values[$0] }, file: file, line: line)
        // Kept points are logged points.
        let byStep = Dictionary(rows(whole).map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        for r in rows(long) where byStep[r[0]] != r { XCTFail("kept point \(r) was not logged", file: file, line: line); break }
        // Smoothing over every point, read at the kept ones.
        let smoothWhole = Smoothing.debiasedEMA(whole.values, weight: 0.9)
        let at = Dictionary(zip(whole.steps, smoothWhole).map { ($0, $1.bitPattern) }, uniquingKeysWith: { a, _ in a })
        let smoothLong = Smoothing.debiasedEMA(long, weight: 0.9)
        XCTAssertEqual(smoothLong.count, long.count, file: file, line: line)
        for (s, v) in zip(long.steps, smoothLong) where at[s] != v.bitPattern {
            XCTFail("smoothed value at step \(s): \(v)", file: file, line: line); break
        }
        // Row by row, as --data reads them.
        if let full = long.full {
            let cursor = full.cursor(smoothing: 0.9)
            for i in stride(from: 0, to: full.count, by: 7) where cursor.smoothed(i).bitPattern != smoothWhole[i].bitPattern {
                XCTFail("cursor's smoothed value \(i)", file: file, line: line); break
            }
        }
    }

    func testANoisyRunWithGapsKeepsItsExtremesAndEveryPoint() {
        let (whole, long) = both(longAt: 500) { b in
            var state: UInt64 = 7
            for s in 0..<200_000 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                var v = 2 / (1 + Double(s) / 5000) + 0.1 * Double(state >> 11) / Double(1 << 53)
                if s == 777 || (s >= 90_000 && s < 90_004) { v = s == 777 ? .nan : .infinity }
                b.append("loss", step: Int64(s), value: v, time: 1.7e9 + Double(s) / 4)
            }
        }
        assertSameSummary(whole, long)
        XCTAssertLessThanOrEqual(long.count, LongSeries.headPoints + StepBuckets.capacity * 8, "the plot keeps a bounded number of points")
        XCTAssertEqual(long.transient?.count, 5)
    }

    func testADivergedRunEndsAtItsFirstNonFiniteValue() {
        let (whole, long) = both(longAt: 300) { b in
            for s in 0..<50_000 {
                let v: Double = s >= 41_234 ? .nan : (s % 1000 == 999 ? .infinity : 1 / Double(s + 1))
                b.append("loss", step: Int64(s * 10), value: v, time: Double(s))
            }
        }
        assertSameSummary(whole, long)
        XCTAssertEqual(long.divergence?.step, 412_340)
        XCTAssertEqual(long.transient?.count, 41)
    }

    func testResumedRunsAndRepeatedStepsReplaceThePointsAsInMemory() {
        let (whole, long) = both(longAt: 200) { b in
            for s in 0..<30_000 { b.append("loss", step: Int64(s), value: Double(30_000 - s), time: Double(s)) }
            // Resumed from a checkpoint at step 12 345 (inside a bucket), with other values; a step logged twice.
            for s in 12_345..<40_000 {
                b.append("loss", step: Int64(s), value: 0.5 + Double(s % 97), time: Double(s) + 1e5)
                if s % 5000 == 0 { b.append("loss", step: Int64(s), value: -1, time: 0) }
            }
            // And once more, before the first bucket's end.
            for s in 3..<9_000 { b.append("loss", step: Int64(s), value: Double(s) / 7, time: 2e5) }
        }
        assertSameSummary(whole, long)
        XCTAssertEqual(whole.final?.step, 8_999)
    }

    /// The first `LongSeries.headPoints` points are kept whole (a log-step axis gives the first steps half its
    /// width), and a resumed run that goes back into them keeps them exact.
    func testTheFirstPointsAreKeptWhole() {
        let (whole, long) = both(longAt: 5000) { b in
            for s in 0..<100_000 { b.append("loss", step: Int64(s), value: 1 / Double(s + 1), time: 0) }
            for s in 1000..<60_000 { b.append("loss", step: Int64(s), value: 2 / Double(s + 1), time: 0) }
        }
        assertSameSummary(whole, long)
        XCTAssertEqual(Array(long.steps.prefix(LongSeries.headPoints)), (0..<Int64(LongSeries.headPoints)).map { $0 })
        XCTAssertEqual(Array(long.values.prefix(1000)), Array(whole.values.prefix(1000)))
        XCTAssertEqual(long.values[1000], 2 / 1001.0, "the resumed run's value, in the head")
    }

    func testShortSeriesStayInMemory() {
        var b = RunLogBuilder(recordsTime: false, longAt: 100)
        for s in 0..<100 { b.append("loss", step: Int64(s), value: Double(s)) }
        let run = b.build(name: "r", source: "r", format: .csv, notes: [])
        XCTAssertNil(run.metrics[0].full)
        XCTAssertEqual(run.metrics[0].values, (0..<100).map(Double.init))
    }

    func testBucketsMergeAsStepsGrow() {
        var buckets = StepBuckets(origin: 0, width: 1)
        for s in 0..<(StepBuckets.capacity * 5) { buckets.add(SpillFile.Point(step: Int64(s), value: Double(s % 3), time: 0)) }
        XCTAssertEqual(buckets.width, 8, "doubled three times: 5 × capacity steps in fewer than capacity buckets")
        XCTAssertEqual(buckets.points.first?.step, 0)
        XCTAssertEqual(buckets.points.last?.step, Int64(StepBuckets.capacity * 5 - 1))
    }
}
