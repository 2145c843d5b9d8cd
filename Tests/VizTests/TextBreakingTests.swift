import XCTest
// Unit-tests the internal line breaking of text (TextLayout.breakPoints, split, lastFitting, mathBreakable).
@testable import Viz

/// Where text may break: never inside `$…$` math nor next to an "=", and a formula only after its top-level
/// + and −.
final class TextBreakingTests: XCTestCase {
    func testMathIsNeverCutInside() {
        XCTAssertEqual(TextLayout.breakPoints("a $x + y$ b"), [1, 9])
        // Never next to an "=": "α = 0.04: too small" breaks after the colon, not as "α =" over "0.04: …".
        XCTAssertEqual(TextLayout.breakPoints("$\\alpha$ = 0.04: too small"), [16, 20])
        XCTAssertEqual(TextLayout.split("$\\alpha$ = 0.04: too small")?.0, "$\\alpha$ = 0.04:")
        XCTAssertEqual(TextLayout.lastFitting([1, 5, 9], fits: { $0 <= 5 }), 5)
        XCTAssertNil(TextLayout.lastFitting([1, 5, 9], fits: { _ in false }))
    }

    func testFormulasBreakOnlyAfterTopLevelPlusAndMinus() {
        XCTAssertEqual(TextLayout.mathBreakable("$a + b - c$"), "$a +$ $b -$ $c$")
        XCTAssertEqual(TextLayout.mathBreakable("$(a + b)c + \\frac{x - 1}{2}$ (a = 1 + 2)"), "$(a + b)c +$ $\\frac{x - 1}{2}$ (a = 1 + 2)")
        XCTAssertEqual(TextLayout.mathBreakable("$-x$ words - more"), "$-x$ words - more")
    }
}
