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

    /// A note of clauses joined by " · " breaks at the separator nearest its middle (dropped), never inside a
    /// clause: "min 0.162 at step" over "239 · final 0.247" separated a number from the word naming it.
    func testClausesBreakAtTheirSeparator() {
        let two = TextLayout.split("min 0.162 at step 239 · final 0.247")
        XCTAssertEqual(two?.0, "min 0.162 at step 239")
        XCTAssertEqual(two?.1, "final 0.247")
        let three = TextLayout.split("min −0.039 at step 284 · final 0.147 · smoothed final 0.0961")
        XCTAssertEqual(three?.0, "min −0.039 at step 284")
        XCTAssertEqual(three?.1, "final 0.147 · smoothed final 0.0961")
        // A separator far from the middle is not taken: the space nearest it is.
        XCTAssertEqual(TextLayout.split("a · the rest of a long sentence without any separator")?.0, "a · the rest of a long")
    }
}
