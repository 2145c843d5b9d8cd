import XCTest
import Viz

/// Labels of the smallest and largest doubles, and mantissas that round up to ten.
final class TickFormatExtremesTests: XCTestCase {
    func testSubnormalsKeepTheirMantissa() throws {
        let tiny = Double.leastNonzeroMagnitude  // 4.94…×10⁻³²⁴, logged as 5e-324
        XCTAssertEqual(try XCTUnwrap(Double("5e-324")), tiny)
        // 10⁻³²⁴ is 0 as a double: the smallest subnormal once printed "∞×10⁻³²⁴".
        XCTAssertEqual(TickFormat.short(tiny), "4.94×10⁻³²⁴")
        XCTAssertEqual(TickFormat.short(-tiny), "−4.94×10⁻³²⁴")
        XCTAssertEqual(TickFormat.short(try XCTUnwrap(Double("3e-310"))), "3×10⁻³¹⁰")
        XCTAssertEqual(TickFormat.short(2.2250738585072014e-308), "2.23×10⁻³⁰⁸")
        XCTAssertEqual(TickFormat.short(.greatestFiniteMagnitude), "1.8×10³⁰⁸")
        XCTAssertEqual(TickFormat.power(tiny), "4.9×10⁻³²⁴")
        XCTAssertEqual(TickFormat.linear([0, 2 * tiny, 4 * tiny]), ["0", "0.99×10⁻³²³", "1.98×10⁻³²³"])
    }

    func testAMantissaRoundingToTenMovesToTheNextPower() {
        XCTAssertEqual(TickFormat.short(9.9999e-5), "1×10⁻⁴")
        XCTAssertEqual(TickFormat.short(-9.9999e7), "−1×10⁸")
        XCTAssertEqual(TickFormat.short(9.994e-5), "9.99×10⁻⁵")
        XCTAssertEqual(TickFormat.power(9.99999e-7), "10⁻⁶")
    }
}
