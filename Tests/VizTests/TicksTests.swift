import XCTest
@testable import Viz

/// Tick vectors from d3-array's `ticks` (STYLE.md §A1): the values d3 itself returns.
final class TicksTests: XCTestCase {
    private func assertTicks(_ a: Double, _ b: Double, _ n: Int, _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        let got = Ticks.values(a, b, count: n)
        XCTAssertEqual(got.count, expected.count, "ticks(\(a), \(b), \(n)) = \(got)", file: file, line: line)
        // Exact equality: the integer-then-divide scheme must give the same doubles as the literals.
        XCTAssertEqual(got, expected, file: file, line: line)
    }

    func testD3Vectors() {
        assertTicks(0, 1, 10, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        assertTicks(0, 10, 5, [0, 2, 4, 6, 8, 10])
        assertTicks(-3.7, 12.2, 5, [0, 5, 10])
        assertTicks(0.001, 0.0097, 5, [0.002, 0.004, 0.006, 0.008])
        assertTicks(-1, 1, 5, [-1, -0.5, 0, 0.5, 1])
        assertTicks(0, 2.2, 3, [0, 1, 2])
        assertTicks(1e6, 1.00004e6, 5, [1_000_000, 1_000_010, 1_000_020, 1_000_030, 1_000_040])
    }

    func testEdgeCases() {
        XCTAssertEqual(Ticks.values(1, 1, count: 5), [1], "a single value")
        XCTAssertEqual(Ticks.values(0, 1, count: 0), [], "no ticks asked for")
        XCTAssertEqual(Ticks.values(.nan, 1, count: 5), [])
        XCTAssertEqual(Ticks.values(10, 0, count: 5), [10, 8, 6, 4, 2, 0], "reversed domains give descending ticks")
        XCTAssertFalse(Ticks.values(-1, 0, count: 5).contains { $0 == 0 && $0.sign == .minus }, "no negative zero")
    }

    func testNiceExtendsToTicks() {
        let (a, b) = Ticks.nice(0.13, 9.7, count: 5)
        XCTAssertEqual(a, 0); XCTAssertEqual(b, 10)
        let (c, d) = Ticks.nice(-3.7, 12.2, count: 5)
        XCTAssertEqual(c, -5); XCTAssertEqual(d, 15)
    }

    func testTicksStayInsideTheDomain() {
        for (a, b) in [(0.3, 7.9), (-123.4, 5.6), (1e-7, 3e-7), (42.0, 42.5)] {
            for n in 2...10 {
                for t in Ticks.values(a, b, count: n) { XCTAssert(t >= a && t <= b, "\(t) outside [\(a), \(b)]") }
            }
        }
    }

    func testLogScaleTicksAreDecades() {
        let s = Scale(.log, domain: Interval(1e-3, 1e2))
        XCTAssertEqual(s.ticks(count: 6), [1e-3, 1e-2, 1e-1, 1, 10, 100])
    }

    /// A symlog domain entirely below 0 and within one magnitude (f of −x² − y² running from −11.5 to −17.1)
    /// once got ticks at −1 and −10, outside the frame (labels drawn off the page); ticks stay inside and
    /// there are at least two of them.
    func testSymlogTicksStayInsideOneSidedDomains() {
        for (a, b) in [(-17.1, -11.5), (11.5, 17.1), (-0.5, -0.2), (-250.0, -3.0), (2.0, 900.0), (-5.0, 40.0)] {
            let s = Scale(.symlog(threshold: 1), domain: Interval(a, b))
            for n in [3, 5, 8] {
                let ticks = s.ticks(count: n)
                XCTAssertGreaterThanOrEqual(ticks.count, 2, "\(a)…\(b)")
                for t in ticks { XCTAssert(t >= a && t <= b, "\(t) outside [\(a), \(b)]") }
            }
        }
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(-17.1, -11.5)).ticks(count: 5), [-17, -16, -15, -14, -13, -12])
    }
    /// A symlog axis over many decades (f along a saddle run, from 0 down to −9×10¹⁷) gets a tick every few
    /// decades, counted from its ends, with 0 in place of ±1 (0.3 decade from it): only "−1" was kept, as 0, −1
    /// and 1 could never be labelled apart and every other tick was thinned away with them.
    func testSymlogTicksOverManyDecadesReachTheEnds() {
        let saddle = Scale(.symlog(threshold: 1), domain: Interval(-7.2e18, 6.9))
        XCTAssertEqual(saddle.ticks(count: 8), [-1e18, -1e15, -1e12, -1e9, -1e6, -1e3, 0])
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(-1e6, 1e6)).ticks(count: 5), [-1e6, -1e3, 0, 1e3, 1e6])
        // The far ends are ticks however many decades a tick stands for (10¹⁷ is a tick, not only 10¹⁶).
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(-2e17, -3)).ticks(count: 6), [-1e17, -1e13, -1e9, -1e5, -10])
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(-7.2e18, 6.9)).labels(for: saddle.ticks(count: 8)).first, "\u{2212}10¹⁸")
        // Evenly spread: neighbouring ticks are whole strides apart, save the last one before 0.
        for n in 2...9 {
            let t = saddle.ticks(count: n).map(saddle.transform)
            XCTAssertGreaterThanOrEqual(t.count, 2, "count \(n)")
            let gaps = zip(t.dropFirst(), t).map { $0 - $1 }
            XCTAssertGreaterThanOrEqual(gaps.min() ?? 0, 0.5 * (gaps.max() ?? 0), "count \(n): \(saddle.ticks(count: n))")
        }
    }

    /// A symlog axis is padded in its own space, as a log axis is: a linear 5 % of 0…−9×10¹⁷ put the top at
    /// +4.6×10¹⁶, half the plot above 0 with nothing in it.
    func testSymlogLimitsArePaddedInTheirOwnSpace() throws {
        let ax = Axes()
        let lim = try ax.limits(nil, data: Interval(-9.14e17, 0), kind: .symlog(threshold: 1), padding: 0.05, inverted: false, axis: "y")
        let s = Scale(.symlog(threshold: 1), domain: lim)
        XCTAssertEqual(s.normalize(0), 1 - 0.05 / 1.1, accuracy: 1e-9)
        XCTAssertLessThan(lim.upper, 10)
        XCTAssertEqual(s.normalize(-9.14e17), 0.05 / 1.1, accuracy: 1e-9)
    }

    /// X13-35: a symlog axis over data far below its threshold (±6×10⁻²⁰ with threshold 1) keeps the data apart:
    /// log10(1 + v) put every value at 0.
    func testSymlogKeepsTinyValuesApart() {
        let s = Scale(.symlog(threshold: 1), domain: Interval(-6e-20, 6e-20))
        XCTAssertEqual(s.normalize(0), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.normalize(3e-20), 0.75, accuracy: 1e-9)
        XCTAssertEqual(s.value(atNormalized: 0.75), 3e-20, accuracy: 1e-29)
        XCTAssertGreaterThanOrEqual(s.ticks(count: 5).count, 3)
        // Powers of ten stay whole decades.
        XCTAssertEqual(Scale(.symlog(threshold: 1), domain: Interval(0, 999)).transform(999), 3)
    }
}
