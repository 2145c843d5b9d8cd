import XCTest
import Viz

final class TickFormatTests: XCTestCase {
    func testDecimalsFollowTheStep() {
        XCTAssertEqual(TickFormat.linear(Ticks.values(0, 1, count: 10)),
                       ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
        XCTAssertEqual(TickFormat.linear([0, 2, 4]), ["0", "2", "4"])
        XCTAssertEqual(TickFormat.linear([0, 0.25, 0.5]), ["0.00", "0.25", "0.50"])
    }

    func testNoFloatingPointNoise() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; the label must not show it.
        XCTAssertEqual(TickFormat.linear([0.1, 0.1 + 0.2, 0.5]).map { $0.count <= 3 }, [true, true, true])
        XCTAssertEqual(TickFormat.linear([0.1, 0.1 + 0.2])[1], "0.3")
    }

    func testTrueMinusSign() {
        let labels = TickFormat.linear([-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(labels, ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
        XCTAssertFalse(labels.joined().contains("-"), "ASCII hyphen-minus is not a minus sign")
        XCTAssertEqual(TickFormat.short(-0.00012), "\u{2212}1.2×10⁻⁴")
    }

    func testLogLabelsArePowersOfTen() {
        let s = Scale(.log, domain: Interval(1e-3, 1e4))
        XCTAssertEqual(s.labels(for: [1e-3, 1e-2, 1, 1e4]), ["10⁻³", "0.01", "1", "10⁴"])
    }

    func testScientificForLargeNumbers() {
        XCTAssertEqual(TickFormat.linear([0, 2e5, 4e5, 6e5]), ["0", "2×10⁵", "4×10⁵", "6×10⁵"])
        XCTAssertEqual(TickFormat.linear([2.5e6, 5e6]), ["2.5×10⁶", "5.0×10⁶"])
    }

    func testShortLabels() {
        XCTAssertEqual(TickFormat.short(97.1), "97.1")
        XCTAssertEqual(TickFormat.short(0.5), "0.5")
        XCTAssertEqual(TickFormat.short(1234567), "1.23×10⁶")
    }

    /// The labels a rendered log axis actually shows come from the same formatter.
    func testLaidOutLogAxisLabels() throws {
        var a = Axes()
        a.xScale = .log
        a.xLimits = Interval(1e-3, 1e1)
        a.add(LineMark(x: [1e-3, 1e1], y: [0, 1], style: StrokeStyle(color: .black)))
        let rec = try Figure.single(a).record()
        let plot = try XCTUnwrap(rec.elements.first { $0.element.kind == .plotArea }?.box)
        let labels = rec.elements.filter { $0.element.kind == .tickLabel }
        let texts = labels.map(\.element.text)
        XCTAssertTrue(texts.contains("10⁻³"), "\(texts)")
        // The first tick is at the left end, 10⁻³: its label is centred under the plot's left edge.
        let first = try XCTUnwrap(labels.first { $0.element.text == "10⁻³" }?.box)
        XCTAssertEqual(first.midX, plot.minX, accuracy: 1, "\(first) under \(plot)")
    }
}

/// Mantissas that round up to 10 carry into the exponent, and narrow log axes get labels that differ.
final class TickFormatCarryTests: XCTestCase {
    func testShortCarriesARoundedUpMantissaIntoTheExponent() {
        // RMSprop on the bowl ends at f = 9.975521966449747e-20; it printed "10×10⁻²⁰".
        XCTAssertEqual(TickFormat.short(9.975521966449747e-20, significant: 2), "1×10⁻¹⁹")
        XCTAssertEqual(TickFormat.short(9.975521966449747e-20, significant: 3), "9.98×10⁻²⁰")
        XCTAssertEqual(TickFormat.short(-9.96e7, significant: 2), TickFormat.minus + "1×10⁸")
        XCTAssertEqual(TickFormat.short(9.96e-5, significant: 2), "1×10⁻⁴")
        // Carrying across the plain/scientific boundary: 0.0000999 to two digits is 0.0001, written 1×10⁻⁴.
        XCTAssertEqual(TickFormat.short(0.00999, significant: 2), "0.01")
        XCTAssertEqual(TickFormat.short(99999.7, significant: 3), "1×10⁵")
        XCTAssertEqual(TickFormat.short(9.94e-20, significant: 2), "9.9×10⁻²⁰")
    }

    func testPowerCarriesARoundedUpMantissaIntoTheExponent() {
        XCTAssertEqual(TickFormat.power(9.99996e7), "10⁸")
        XCTAssertEqual(TickFormat.power(9.99996e-7), "10⁻⁶")
        XCTAssertEqual(TickFormat.power(2e7), "2×10⁷")
    }

    func testNarrowLogAxisLabelsTellTheTicksApart() {
        // A diverging run's loss from 10.25 to 10.046: five ticks all read "10".
        let scale = Scale(.log, domain: Interval(10.04, 10.26))
        let ticks = scale.ticks(count: 5)
        let labels = scale.labels(for: ticks)
        XCTAssertEqual(Set(labels).count, ticks.count, "\(labels)")
        XCTAssertEqual(labels, ["10.05", "10.1", "10.15", "10.2", "10.25"])
        // Powers of ten keep their form.
        XCTAssertEqual(Scale(.log, domain: Interval(1e-3, 10)).labels(for: [1e-3, 1, 10]), ["10⁻³", "1", "10"])
    }
}
