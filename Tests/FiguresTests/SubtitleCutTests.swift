import Optim
import Viz
import XCTest
@testable import Figures

/// X13-18: a long property subtitle was cut at 200 characters inside a number ("… f → −∞ as x → 3.…"), and what
/// followed was lost unsaid. It ends after a whole item, with " · …".
final class SubtitleCutTests: XCTestCase {
    func testALongSubtitleDropsWholeItems() {
        let items = ["range (−∞, 0]", "not monotonic", "f undefined for −3.14 ≤ x ≤ 0", "f undefined for x > 3.14",
                     "f′ → ∞ as x → 0⁺", "f → −∞ as x → 3.14⁻", "f′ → −∞ as x → 3.14⁻"]
        let text = items.joined(separator: " · ")
        let cut = ActivationFigure.shortened(text, limit: 120)
        XCTAssertLessThanOrEqual(cut.count, 120)
        XCTAssertTrue(cut.hasSuffix(" · …"), cut)
        let kept = cut.dropLast(4).components(separatedBy: " · ")
        XCTAssertEqual(kept, Array(items.prefix(kept.count)), "whole items, in order")
        XCTAssertEqual(ActivationFigure.shortened(text, limit: 500), text, "a short subtitle is left alone")
        // One item longer than the limit is cut at a space.
        let word = ActivationFigure.shortened(String(repeating: "abc ", count: 60), limit: 50)
        XCTAssertLessThanOrEqual(word.count, 50)
        XCTAssertTrue(word.hasSuffix("abc…"), word)
    }

    func testTheFigureOfLogSinCutsNoNumber() throws {
        let a = try Activation(expression: MathExpression("log(sin(x))"))
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [a]).build(into: &figure)
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertLessThanOrEqual(subtitle.count, ActivationFigure.subtitleLimit)
        if subtitle.hasSuffix("…") { XCTAssertTrue(subtitle.hasSuffix(" · …"), subtitle) }
        XCTAssertNil(subtitle.firstMatch(of: /\d\.…/), subtitle)
    }
}
