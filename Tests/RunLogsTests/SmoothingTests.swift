import XCTest
@testable import RunLogs

final class SmoothingTests: XCTestCase {
    /// By hand, w = 0.5 on 1, 2, NaN, 3:
    /// last = 0.5, n = 1 → 0.5 / 0.5 = 1;  last = 0.25 + 1 = 1.25, n = 2 → 1.25 / 0.75 = 5/3;
    /// NaN passes through; last = 0.625 + 1.5 = 2.125, n = 3 → 2.125 / 0.875 = 17/7.
    func testTensorBoardDebiasedEMAByHand() {
        let s = Smoothing.debiasedEMA([1, 2, .nan, 3], weight: 0.5)
        XCTAssertEqual(s[0], 1)
        XCTAssertEqual(s[1], 5.0 / 3.0, accuracy: 1e-15)
        XCTAssertTrue(s[2].isNaN)
        XCTAssertEqual(s[3], 17.0 / 7.0, accuracy: 1e-15)
    }

    func testZeroWeightIsIdentityAndConstantStaysConstant() {
        XCTAssertEqual(Smoothing.debiasedEMA([3, 1, 2], weight: 0), [3, 1, 2])
        for v in Smoothing.debiasedEMA([Double](repeating: 0.7, count: 50), weight: 0.99) {
            XCTAssertEqual(v, 0.7, accuracy: 1e-12)
        }
    }
}
