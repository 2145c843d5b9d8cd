import Optim
import XCTest

/// The one power of ten the learning-rate candidates, the pole probe, the singular-curve probe and the
/// share percentages use: exact, so `5 * 10⁻³` is the double 0.005 as typed.
final class PowerOfTenTests: XCTestCase {
    func testPowersOfTenAreTheDecimalsTheyName() throws {
        for e in -22...22 {
            let typed = try XCTUnwrap(Double("1e\(e)"))
            XCTAssertEqual(Double.powerOfTen(e), typed, "10^\(e)")
        }
        XCTAssertEqual(5 * Double.powerOfTen(-3), 0.005)
        XCTAssertEqual(2 * Double.powerOfTen(-8), 2e-8)
        XCTAssertEqual(Double.powerOfTen(0), 1)
        // Beyond 10²² the repeated product rounds but stays within a few ulps of 10³⁰⁰ and overflows past 10³⁰⁸.
        XCTAssertEqual(Double.powerOfTen(300) / 1e300, 1, accuracy: 1e-13)
        XCTAssertEqual(Double.powerOfTen(309), .infinity)
    }
}
