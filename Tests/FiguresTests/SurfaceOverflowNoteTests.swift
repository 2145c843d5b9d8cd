import Optim
import Viz
import XCTest
@testable import Figures

/// A typed surface that overflows float64 is said to overflow, not to be undefined (tried as a new user would:
/// `surface 'exp(100*x*y)'` said "f undefined (NaN) on 1.3 % of the view" where f is +∞).
final class SurfaceOverflowNoteTests: XCTestCase {
    func notes(_ text: String) throws -> [String] {
        let s = Surface(expression: try MathExpression(text, dimension: 2))
        let raw = try FieldSampler.sample(x: Interval(-3, 3), y: Interval(-3, 3), nx: 300, ny: 300) { x, y in s.value(x, y) }
        return try SurfaceFieldView(raw: raw, surface: s, logScale: nil, clip: true).notes(fSymbol: "f", heights: false)
    }

    func testAnOverflowIsNotCalledNaN() throws {
        let overflow = try notes("exp(100*x*y)")
        XCTAssertTrue(overflow.contains { $0.hasPrefix("f overflows float64 (+∞) ") && $0.hasSuffix("hatched grey") }, "\(overflow)")
        XCTAssertFalse(overflow.contains { $0.contains("NaN") }, "\(overflow)")
        let below = try notes("-exp(100*x*y)")
        XCTAssertTrue(below.contains { $0.hasPrefix("f overflows float64 (−∞) ") }, "\(below)")
        // Undefined values are still NaN.
        XCTAssertTrue(try notes("log(x) + y").contains("f undefined (NaN) for x < 0, hatched grey"))
    }
}
