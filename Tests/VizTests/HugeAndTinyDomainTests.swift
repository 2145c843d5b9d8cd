import XCTest
import Viz

/// Axes whose data reach ±1.8×10³⁰⁸ or shrink to subnormal numbers: limits, ticks and positions stay finite.
final class HugeAndTinyDomainTests: XCTestCase {
    func testAScaleSpanningMoreThanTheLargestDoubleMapsFinitely() {
        let big = Double.greatestFiniteMagnitude
        let s = Scale(.linear, domain: Interval(-big, big))
        XCTAssertEqual(s.normalize(0), 0.5)
        XCTAssertEqual(s.normalize(big), 1)
        XCTAssertEqual(s.normalize(-big), 0)
        XCTAssertEqual(s.normalize(big / 2), 0.75)
        XCTAssertEqual(s.value(atNormalized: 0.5), 0)
        XCTAssertEqual(s.value(atNormalized: 1), big)
        // An ordinary domain is unchanged: a value beyond it still maps linearly.
        XCTAssertEqual(Scale(.linear, domain: Interval(0, 10)).normalize(25), 2.5)
    }

    func testTicksOfAHugeDomainAreFiniteAndNice() {
        let t = Ticks.values(-1.7e308, 1.7e308, count: 6)
        XCTAssertEqual(t, [-1.5e308, -1e308, -5e307, 0, 5e307, 1e308, 1.5e308])
        // Rounding outwards would leave the doubles: the last finite limits are kept.
        let (lo, hi) = Ticks.nice(-1.75e308, 1.75e308, count: 6)
        XCTAssertTrue(lo.isFinite && hi.isFinite && lo < hi, "\(lo) \(hi)")
        XCTAssertLessThanOrEqual(lo, -1.75e308)
        XCTAssertEqual(Ticks.count(forLength: .nan, fontSize: 10, horizontal: true), 2)
        XCTAssertEqual(Ticks.count(forLength: .infinity, fontSize: 10, horizontal: false), 2)
    }

    func testAutomaticLimitsOfExtremeDataAreTwoDifferentFiniteNumbers() throws {
        let big = Double.greatestFiniteMagnitude
        let cases: [(Interval, String)] = [
            (Interval(-big, big), "the whole range of doubles"),
            (Interval(big, big), "one value at the top"),
            (Interval(Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude), "one subnormal value (its tenth rounds to 0)"),
            (Interval(1e300, 1.5e308), "data near the top"),
        ]
        let red = Color(hex: 0xFF0000)
        for (data, what) in cases {
            // Automatic y limits: the figure lays out (the limits are two different finite numbers) and both
            // data values land on finite points inside the plot (the limits hold the data).
            var a = bareAxes(xLimits: Interval(0, 1))
            a.add(ScatterMark(x: [0.25, 0.75], y: [data.lower, data.upper], color: red))
            let r = try Figure.single(a).recorded()
            let centres = r.fills(red, in: .dataInk).compactMap(Rect.bounding).map(\.center)
            XCTAssertEqual(centres.count, 2, what)
            for c in centres {
                XCTAssertTrue(c.isFinite && r.plot.expanded(by: 1e-9).contains(c), "\(what): \(c) outside \(r.plot)")
            }
        }
    }

    func testTheLengthOfAHugeOrTinyVectorIsItsHypotenuse() {
        XCTAssertEqual(Point(1e300, 1e300).length, 1e300 * 2.0.squareRoot(), accuracy: 1e285)
        let tiny = Double.leastNonzeroMagnitude  // 4.9×10⁻³²⁴
        XCTAssertEqual(Point(3000 * tiny, 4000 * tiny).length, 5000 * tiny, accuracy: 2 * tiny)
        XCTAssertEqual(Point(3, 4).length, 5)
        XCTAssertEqual(Point(0, 0).length, 0)
        XCTAssertEqual(Point(.infinity, 1).length, .infinity)
        XCTAssertTrue(Point(.nan, 1).length.isNaN)
    }

    func testExactNumbersKeepEveryDigitInTheFiguresForm() {
        XCTAssertEqual(TickFormat.exact(1e10), "1×10¹⁰")
        XCTAssertEqual(TickFormat.exact(10), "10")
        XCTAssertEqual(TickFormat.exact(0.5), "0.5")
        XCTAssertEqual(TickFormat.exact(0.001), "0.001")
        XCTAssertEqual(TickFormat.exact(1e-5), "1×10⁻⁵")
        XCTAssertEqual(TickFormat.exact(1.001), "1.001")
        XCTAssertEqual(TickFormat.exact(0.12345), "0.12345")
        XCTAssertEqual(TickFormat.exact(1e300), "1×10³⁰⁰")
        XCTAssertEqual(TickFormat.exact(1.5e-300), "1.5×10⁻³⁰⁰")
        XCTAssertEqual(TickFormat.exact(-2.5), "−2.5")
        XCTAssertEqual(TickFormat.exact(0), "0")
    }
}
