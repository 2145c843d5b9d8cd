import XCTest
@testable import Viz

/// Tick labels use the fewest decimals that tell the ticks apart: ticks 0.1 apart read "1.3, 1.2, …", not
/// "1.30, 1.20" (a step taken between two ticks, 1.3 − 1.2, is 0.09999999999999987 in binary, which
/// counted as a step under 0.1 needing two decimals), and ticks 0.01 apart "0.67, 0.68", not "0.670".
final class TickDecimalsTests: XCTestCase {
    func testAStepJustUnderAPowerOfTenCountsAsIt() {
        XCTAssertEqual(TickFormat.decimals(1.3 - 1.2), 1)
        XCTAssertEqual(TickFormat.decimals(0.68 - 0.67), 2)
        XCTAssertEqual(TickFormat.decimals(0.1), 1)
        XCTAssertEqual(TickFormat.decimals(0.25), 2, "a 2.5-like step keeps its second decimal")
        XCTAssertEqual(TickFormat.decimals(0.5), 1)
        XCTAssertEqual(TickFormat.decimals(2.5), 1)
        XCTAssertEqual(TickFormat.decimals(10), 0)
        XCTAssertEqual(TickFormat.decimals(0.099), 3, "a step truly under 0.1 still gets its digits")
    }

    /// The linear axis (`ScalarFormatter`, as every plot's y axis uses it) and the evenly spaced formatter.
    func testTenthsAndHundredthsOnLinearAxes() {
        let tenths = stride(from: 13, through: 1, by: -1).map { 0.1 * Double($0) }  // 1.3, 1.2000000000000002, …
        let expected = ["1.3", "1.2", "1.1", "1.0", "0.9", "0.8", "0.7", "0.6", "0.5", "0.4", "0.3", "0.2", "0.1"]
        XCTAssertEqual(ScalarFormatter.labels(tenths).labels, expected)
        XCTAssertEqual(TickFormat.linear(tenths), expected)
        // Ticks built by adding the step (as a tick locator does), with their rounding errors.
        var added: [Double] = [0.67]
        for _ in 0..<6 { added.append((added.last ?? 0) + 0.01) }
        XCTAssertEqual(ScalarFormatter.labels(added).labels, ["0.67", "0.68", "0.69", "0.70", "0.71", "0.72", "0.73"])
        XCTAssertEqual(ScalarFormatter.labels([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]).labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        // With a shared power of ten: mantissas 1.3, 1.2 (×10⁻⁵).
        XCTAssertEqual(ScalarFormatter.labels(tenths.map { $0 * 1e-5 }).labels, expected)
    }
}
