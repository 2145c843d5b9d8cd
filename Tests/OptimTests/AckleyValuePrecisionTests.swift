import XCTest
@testable import Optim

/// Ackley's value keeps its digits near the minimum, as its gradient does: 20 + e − 20e^{−0.2r} − e^c
/// cancelled (f(1e-15, 0) came out 26 % high, f(3e-16, 0) and f(1e-200, 0) as 0). Near the origin, by
/// Taylor, f(x, 0) = 2√2·x + (eπ² − 0.2)x² and f(x, x) = 4x + (2eπ² − 0.4)x², to O(x³).
final class AckleyValuePrecisionTests: XCTestCase {
    func testTheValueNearTheMinimumKeepsItsDigits() throws {
        let s = try Surface(named: "ackley")
        for x in [1e-10, 1e-12, 1e-15, 3e-16, 1e-200, 1e-300] {
            let f = s.value(x, 0)
            let quadratic = exp(1) * Double.pi * Double.pi
            XCTAssertEqual(f, 2 * 2.0.squareRoot() * x + (quadratic - 0.2) * x * x, accuracy: 1e-13 * x, "f(\(x), 0) = \(f)")
            XCTAssertEqual(s.value(x, x), 4 * x + (2 * quadratic - 0.4) * x * x, accuracy: 1e-13 * x, "f(\(x), \(x))")
        }
        XCTAssertEqual(s.value(0, 0), 0)
        // Away from the origin the value is the formula's (PyTorch float64 reference points in SurfaceReferenceTests).
        let (x, y) = (1.3, -0.7)
        let naive = -20 * exp(-0.2 * ((x * x + y * y) / 2).squareRoot()) - exp(0.5 * (cos(2 * .pi * x) + cos(2 * .pi * y))) + exp(1) + 20
        XCTAssertEqual(s.value(x, y), naive, accuracy: 1e-13 * naive)
    }
}
