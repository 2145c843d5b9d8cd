import XCTest
@testable import Optim

/// A range claim ends at f where the analysis put the minimum, not at a search's floating-point crumb (tried as
/// a new user would: `activation 'relu(x-10) + 0.1*abs(x+0.3)'` said "range [5.55×10⁻¹⁸, ∞)" for a minimum of 0).
final class RangeClaimPrecisionTests: XCTestCase {
    func testAKinksMinimumIsItsExactValue() throws {
        let a = try Activation(expression: MathExpression("relu(x-10) + 0.1*abs(x+0.3)"))
        XCTAssertEqual(a.outputRange.lower, 0)
        XCTAssertTrue(a.outputRange.lowerAttained)
        XCTAssertEqual(a.outputRange.upper, .infinity)
        let shifted = try Activation(expression: MathExpression("abs(x-0.7) + 2"))
        XCTAssertEqual(shifted.outputRange.lower, 2)
    }
}
