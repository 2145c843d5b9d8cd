import XCTest
@testable import Figures

/// `NumberText.fixed` is total: every Double, with any count of decimals, gives a string (it converted to
/// `Int` and trapped for |v| · 10^decimals above about 9.2×10¹⁸, and printed "0.-250" for −0.25).
final class NumberTextFixedTests: XCTestCase {
    func testOrdinaryValuesHaveExactlyTheDecimalsAsked() {
        XCTAssertEqual(NumberText.fixed(0.0193, decimals: 3), "0.019")
        XCTAssertEqual(NumberText.fixed(0.105, decimals: 3), "0.105")
        XCTAssertEqual(NumberText.fixed(2, decimals: 3), "2.000")
        XCTAssertEqual(NumberText.fixed(12.5, decimals: 0), "13")
        XCTAssertEqual(NumberText.fixed(100, decimals: 3), "100.000")
        XCTAssertEqual(NumberText.fixed(0.0005, decimals: 3), "0.001")
    }

    func testNegativeValuesKeepTheirSignAndNoNegativeZero() {
        XCTAssertEqual(NumberText.fixed(-0.25, decimals: 3), "-0.250")
        XCTAssertEqual(NumberText.fixed(-2.5, decimals: 1), "-2.5")
        XCTAssertEqual(NumberText.fixed(-1e-9, decimals: 3), "0.000")
        XCTAssertEqual(NumberText.fixed(-0.0, decimals: 2), "0.00")
    }

    func testNonFiniteValuesAreWordsNotTraps() {
        XCTAssertEqual(NumberText.fixed(.nan, decimals: 3), "nan")
        XCTAssertEqual(NumberText.fixed(.infinity, decimals: 3), "inf")
        XCTAssertEqual(NumberText.fixed(-.infinity, decimals: 0), "-inf")
    }

    func testMagnitudesBeyondAnExactIntegerFallBackToTheShortestDecimal() {
        // 9.2e18 was the first value to trap (Int(9.2e21)); the largest Double too.
        XCTAssertEqual(NumberText.fixed(9.3e18, decimals: 3), "9.3e+18")
        XCTAssertEqual(NumberText.fixed(-9.3e18, decimals: 0), "-9.3e+18")
        XCTAssertEqual(NumberText.fixed(.greatestFiniteMagnitude, decimals: 3), "1.7976931348623157e+308")
        XCTAssertEqual(NumberText.fixed(-.greatestFiniteMagnitude, decimals: 3), "-1.7976931348623157e+308")
        // Just under 2⁵³ scaled units stays in fixed notation, with every digit right.
        XCTAssertEqual(NumberText.fixed(4_503_599_627_370.125, decimals: 3), "4503599627370.125")
        XCTAssertEqual(NumberText.fixed(9_007_199_254_740_991, decimals: 0), "9007199254740991")
    }

    func testTinyValuesAndOddDecimalCounts() {
        XCTAssertEqual(NumberText.fixed(.leastNonzeroMagnitude, decimals: 3), "0.000")
        XCTAssertEqual(NumberText.fixed(1.5, decimals: -2), "2")
        XCTAssertEqual(NumberText.fixed(0.25, decimals: 15), "0.250000000000000")
        // 40 decimals are 17, and 0.25 · 10¹⁷ is past 2⁵³: the shortest decimal.
        XCTAssertEqual(NumberText.fixed(0.25, decimals: 40), "0.25")
        XCTAssertEqual(NumberText.fixed(3, decimals: 40), "3.0")
    }

    /// A sweep over every binade and sign with 0…20 decimals: each result reads back within half a unit of
    /// its last decimal (or is the shortest form), and none traps.
    func testEveryBinadeReadsBack() {
        var v = Double.leastNonzeroMagnitude
        var checked = 0
        while v.isFinite {
            for x in [v, -v, v.nextUp * 1.37] where x.isFinite {
                for d in stride(from: 0, through: 20, by: 4) {
                    let text = NumberText.fixed(x, decimals: d)
                    guard let back = Double(text) else { return XCTFail("'\(text)' for \(x) with \(d) decimals does not read back") }
                    if text.contains("e") { XCTAssertEqual(back, x); continue }
                    var unit = 1.0
                    for _ in 0..<min(d, 17) { unit /= 10 }
                    XCTAssertLessThanOrEqual(abs(back - x), unit / 2 + abs(x) * 1e-15, "\(x) with \(d) decimals: \(text)")
                    checked += 1
                }
            }
            v *= 2
        }
        XCTAssertGreaterThan(checked, 2_000)
    }

    /// A zero prints without its sign wherever numbers are printed: CSV and JSON cells, Double and Float
    /// (`eval softmax --logits 1,2 --temperature 1e-320 --format json` printed `[[0.0,-0.0],[-0.0,0.0]]`).
    func testSignedZeroPrintsAsZero() {
        XCTAssertEqual(NumberText.shortest(-0.0), "0.0")
        XCTAssertEqual(NumberText.shortest(Float(-0.0)), "0.0")
        XCTAssertEqual(NumberText.shortest(-0x1p-1070), "-8e-323")
        XCTAssertEqual(NumberText.shortest(Float(-1.5)), "-1.5")
        XCTAssertEqual(DataCell.real(-0.0).csv, "0.0")
        XCTAssertEqual(DataCell.real32(-0.0).csv, "0.0")
        XCTAssertEqual(DataCell.real(-0.0).json, "0.0")
        XCTAssertEqual(DataCell.real32(-0.0).json, "0.0")
        XCTAssertEqual(DataCell.reals([0.0, -0.0, -1]).json, "[0.0,0.0,-1.0]")
        XCTAssertEqual(DataCell.real(-.infinity).json, "\"-inf\"")
    }
}
