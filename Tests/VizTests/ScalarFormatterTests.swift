import XCTest
// Unit-tests the internal 3-D z labels (SurfaceBox, Projection3D) with the tick formatter.
@testable import Viz

/// Tick labels that tell values apart: offsets and one shared power of ten (matplotlib's ScalarFormatter),
/// enough digits, readable log decades, z labels of a 3-D view seen from above.
final class ScalarFormatterTests: XCTestCase {
    func testTicksNearALargeRoundNumberShowTheDifferenceAndTheOffsetOnce() {
        // matplotlib 3.x: ax.set_xlim(999.999, 1000.001) labels −0.0010 … 0.0010 with offset "+1e3".
        let ticks = Ticks.values(999.999, 1000.001, count: 5)
        let f = ScalarFormatter.labels(ticks)
        XCTAssertEqual(f.offset, 1000)
        XCTAssertEqual(f.exponent, 0)
        XCTAssertEqual(f.labels, ["−0.0010", "−0.0005", "0.0000", "0.0005", "0.0010"])
        XCTAssertEqual(f.axisTitle("$x$"), "$x$ − 1000")
        // Negative values: the offset is negative and the title adds it back.
        XCTAssertEqual(ScalarFormatter.labels(ticks.map { -$0 }).axisTitle("y"), "y + 1000")
    }

    /// A fractional offset is the double nearest its decimal value, so the title prints it as written:
    /// ticks around 0.0355900…0.0355902 read "y − 0.03559", not "y − 0.035590000000000004".
    func testFractionalOffsetPrintsAsItsDecimal() {
        let f = ScalarFormatter.labels([0.035590005, 0.03559001, 0.035590015])
        XCTAssertEqual(f.offset, 0.03559)
        XCTAssertEqual(f.axisTitle("y"), "y − 0.03559 (×10⁻⁸)")
    }

    func testLargeAndSmallMagnitudesShareOnePowerOfTen() {
        let big = ScalarFormatter.labels([0, 200_000, 400_000, 600_000, 800_000, 1_000_000])
        XCTAssertEqual(big.exponent, 6)
        XCTAssertEqual(big.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(big.axisTitle("step"), "step (×10⁶)")
        let small = ScalarFormatter.labels([0, 0.0001, 0.0002])
        XCTAssertEqual(small.exponent, -4)
        XCTAssertEqual(small.labels, ["0", "1", "2"])
        // Plain magnitudes stay plain, with no title suffix.
        let plain = ScalarFormatter.labels([-0.5, 0, 0.5, 1])
        XCTAssertEqual(plain.labels, ["−0.5", "0.0", "0.5", "1.0"])
        XCTAssertEqual(plain.axisTitle("x"), "x")
    }

    func testLabelsTellAdjacentValuesApart() {
        XCTAssertEqual(TickFormat.distinct([200.5, 201]), ["200.5", "201"])
        XCTAssertEqual(TickFormat.distinct([1999999, 2000000, 2000001]), ["1999999", "2000000", "2000001"])
        XCTAssertEqual(TickFormat.distinct([0.5, 1, 2, 5]), ["0.5", "1", "2", "5"])
        let uneven = ScalarFormatter.labels([1, 1.25, 2])
        XCTAssertEqual(Set(uneven.labels).count, 3, "\(uneven.labels)")
    }

    func testTypedNumbersPrintAsTyped() {
        XCTAssertEqual(TickFormat.shortest(1000.0005), "1000.0005")
        XCTAssertEqual(TickFormat.shortest(-1.5), "−1.5")
        XCTAssertEqual(TickFormat.shortest(2), "2")
        XCTAssertEqual(TickFormat.shortest(1e-7), "10⁻⁷")
        XCTAssertEqual(TickFormat.shortest(2.5e20), "2.5×10²⁰")
    }

    func testLogAxesOverHugeRangesPickRoundDecades() {
        let ticks = Scale(.log, domain: Interval(1e-300, 1)).ticks(count: 4)
        let exponents = ticks.map { Int(Math.log10($0).rounded()) }
        XCTAssertEqual(exponents, [-300, -200, -100, 0])
        // Every n-th power with n a round step (1, 2, 2.5×10ᵏ, 3, 5 × 10ᵏ), and every exponent a multiple of it.
        for (lo, hi) in [(1e-111, 1e3), (1e-222, 1.0), (1e-30, 1e30), (1e-9, 1e9)] {
            let e = Scale(.log, domain: Interval(lo, hi)).ticks(count: 5).map { Int(Math.log10($0).rounded()) }
            XCTAssertGreaterThanOrEqual(e.count, 2)
            let step = e[1] - e[0]
            XCTAssertTrue([1, 2, 3, 5, 10, 20, 25, 30, 50, 100, 200, 250].contains(step), "\(e)")
            for x in e { XCTAssertEqual(x % step, 0, "\(e)") }
            XCTAssertEqual(Set(zip(e.dropFirst(), e).map { $0 - $1 }), [step], "\(e)")
        }
    }

    func testLogAxesAlwaysGetAtLeastTwoTicks() {
        for (lo, hi) in [(0.5, 8.0), (1.5, 40), (0.9, 1.1), (3, 9), (2e-3, 0.9), (1, 1e6)] {
            for count in [2, 3, 5] {
                let t = Scale(.log, domain: Interval(lo, hi)).ticks(count: count)
                XCTAssertGreaterThanOrEqual(t.count, 2, "\(lo)…\(hi) count \(count): \(t)")
                XCTAssertTrue(t.allSatisfy { $0 >= lo * (1 - 1e-9) && $0 <= hi * (1 + 1e-9) }, "\(t)")
            }
        }
    }

    func testAZAxisSeenFromAboveHasNoLabels() {
        // Elevation 90°: the vertical edge projects to a point.
        let top = Projection3D(azimuth: 40, elevation: 90)
        let length = abs(top.project(Point3(-1, -1, 0.6)).0.y - top.project(Point3(-1, -1, -0.6)).0.y)
        XCTAssertLessThan(length, 1e-9)
        XCTAssertEqual(SurfaceBox.keptZTicks(screenLength: length * 200, count: 6, fontSize: 10), [])
        // A short axis keeps every other label; a tall one all of them.
        XCTAssertEqual(SurfaceBox.keptZTicks(screenLength: 50, count: 6, fontSize: 10), [0, 2, 4])
        XCTAssertEqual(SurfaceBox.keptZTicks(screenLength: 200, count: 6, fontSize: 10), Array(0..<6))
    }
}
