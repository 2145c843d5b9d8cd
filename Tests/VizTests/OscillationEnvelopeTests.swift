import Foundation
import XCTest
import Viz

/// Curves that turn faster than the pixel columns are drawn as the band they fill, where they do.
final class OscillationEnvelopeTests: XCTestCase {
    func testFastSineIsOneBandOfItsAmplitude() {
        // sin(500x) on [−6, 6] over 960 columns: 955 periods, one a column.
        let env = OscillationEnvelope(-6...6, columns: 960) { sin(500 * $0) }
        XCTAssertEqual(env.intervals.count, 1)
        XCTAssertEqual(env.intervals[0].lowerBound, -6, accuracy: 0.02)
        XCTAssertEqual(env.intervals[0].upperBound, 6, accuracy: 0.02)
        XCTAssertEqual(env.shortestPeriod ?? 0, 2 * Double.pi / 500, accuracy: 0.002)
        let lows = env.lower.filter(\.isFinite), highs = env.upper.filter(\.isFinite)
        XCTAssertEqual(lows.count, 960)
        XCTAssertLessThan(lows.max() ?? 0, -0.9); XCTAssertGreaterThan(highs.min() ?? 0, 0.9)
    }

    func testSlowSineIsResolved() {
        // sin(50x): about ten columns a period, drawn as a line.
        XCTAssertTrue(OscillationEnvelope(-6...6, columns: 960) { sin(50 * $0) }.isEmpty)
        XCTAssertTrue(OscillationEnvelope(-6...6, columns: 960) { $0 * $0 }.isEmpty)
    }

    func testSineOfReciprocalIsABandOnlyNearZero() {
        // The period near x is 2πx²; below two columns (0.025) for |x| < ≈ 0.063.
        let env = OscillationEnvelope(-6...6, columns: 960) { sin(1 / $0) }
        XCTAssertFalse(env.isEmpty)
        let lo = env.intervals.map(\.lowerBound).min() ?? 0, hi = env.intervals.map(\.upperBound).max() ?? 0
        XCTAssertEqual(lo, -0.07, accuracy: 0.03); XCTAssertEqual(hi, 0.07, accuracy: 0.03)
        XCTAssertTrue(env.contains(0.01)); XCTAssertFalse(env.contains(0.5))
    }
}
