import XCTest
@testable import Figures

/// The numbers of a runs legend show one precision: three significant digits, trailing zeros kept where
/// the value was rounded (run1's 0.11996 beside run0's 0.108 read "0.12").
final class LegendPrecisionTests: XCTestCase {
    func testRoundedValuesKeepTheirThirdDigit() {
        XCTAssertEqual(CurvePoints.value(0.11996), "0.120")
        XCTAssertEqual(CurvePoints.value(0.15960), "0.160")
        XCTAssertEqual(CurvePoints.value(0.108), "0.108")
        XCTAssertEqual(CurvePoints.value(11.996), "12.0")
        XCTAssertEqual(CurvePoints.value(0.99996), "1.00", "a value rounding up to the next power of ten")
        XCTAssertEqual(CurvePoints.value(-0.0199996), "−0.0200")
        XCTAssertEqual(CurvePoints.value(1234.5), "1235")
    }

    func testValuesWithFewerDigitsAreShownAsTheyAre() {
        XCTAssertEqual(CurvePoints.value(0.5), "0.5")
        XCTAssertEqual(CurvePoints.value(2), "2")
        XCTAssertEqual(CurvePoints.value(0.12), "0.12")
        XCTAssertEqual(CurvePoints.value((0.4 + 0.8) / 2), "0.6", "0.6000000000000001, the arithmetic's rounding")
        XCTAssertEqual(CurvePoints.value(Double(Float(0.1))), "0.1", "a float32 0.1")
        XCTAssertEqual(CurvePoints.value(.nan), "NaN")
        XCTAssertEqual(CurvePoints.value(-.infinity), "−∞")
    }
}
