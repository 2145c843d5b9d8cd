import Optim
import Viz
import XCTest
@testable import Figures

/// A minimum is called global only when f goes no lower, in the view or past it (tried as a new user would:
/// `pitfalls --function 'x^3 - 3*x'` labelled w = 1 "global minimum" while f(−3) = −18 and f → −∞;
/// `surface 'x^3 - 3*x + y^2'` starred (1, 0) as the minimum with −18 on the view's edge).
final class GlobalMinimumClaimTests: XCTestCase {
    func testACubicsMinimumIsLocalAndTheSubtitleSaysWhy() throws {
        let cubic = try Curve1D(expression: MathExpression("x^3 - 3*x"))
        let view = cubic.viewRange
        XCTAssertEqual(cubic.minima.first ?? 0, 1, accuracy: 1e-9)
        XCTAssertEqual(cubic.globalMinima(view: view), [])
        let lower = try XCTUnwrap(cubic.lowerThanMinima(view: view))
        XCTAssertEqual(lower.unboundedSide, -1)
        XCTAssertEqual(lower.w, view.lowerBound, accuracy: 1e-9)
        XCTAssertEqual(PitfallsFigure.outcome([1.2, 1.0, 1.0], curve: cubic, stop: .maxSteps, view: view), "local minimum")

        var figure = try Figure(width: 1280, height: 720)
        _ = try PitfallsFigure(curve: cubic, runs: [(start: 1.2, rate: 0.05)], steps: 40).build(into: &figure)
        XCTAssertTrue(figure.subtitle?.hasSuffix("; no global minimum: $f \\to -\\infty$ as $w \\to -\\infty$") ?? false,
                      figure.subtitle ?? "")
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        // The names are annotations with leaders (they were notes).
        let words = axes.marks.compactMap { ($0 as? TextMark)?.text ?? ($0 as? AnnotationMark)?.text }
        XCTAssertTrue(words.contains("local minimum"), "\(words)")
        XCTAssertFalse(words.contains("global minimum"), "\(words)")
    }

    /// Bowls, equal wells, an asymptote and the built-in curve keep their global minima.
    func testMinimaThatAreLowestStayGlobal() throws {
        for text in ["x^2", "x^4/4 - x^2", "x*exp(x)", "(x^2-1)^2 + 0.3*x"] {
            let curve = try Curve1D(expression: MathExpression(text))
            XCTAssertNil(curve.lowerThanMinima(view: curve.viewRange), text)
            XCTAssertFalse(curve.globalMinima(view: curve.viewRange).isEmpty, text)
        }
        XCTAssertEqual(try Curve1D(expression: MathExpression("x^4/4 - x^2")).globalMinima(view: -3...3).count, 2)
        let builtIn = Curve1D(.pitfalls)
        XCTAssertEqual(builtIn.globalMinima(view: builtIn.viewRange).count, 1)
    }

    func testASurfaceUnboundedBelowHasOnlyALocalMinimum() throws {
        let s = Surface(expression: try MathExpression("x^3 - 3*x + y^2", dimension: 2))
        XCTAssertEqual(s.minima, [])
        XCTAssertEqual(s.localMinima.count, 1)
        XCTAssertEqual(s.localMinima.first?.x ?? 0, 1, accuracy: 1e-6)
        let raw = try FieldSampler.sample(x: Interval(-3, 3), y: Interval(-3, 3), nx: 300, ny: 300) { x, y in s.value(x, y) }
        let view = try SurfaceFieldView(raw: raw, surface: s, logScale: nil, clip: true)
        XCTAssertEqual(view.noMinimumNote(fSymbol: "f", surface: s, view: raw.bounds),
                       "no global minimum in the view: the lowest sampled f is on its edge, −18 at (−3, 0), below the local minimum's −2")
        // A bowl keeps its star.
        XCTAssertEqual(Surface(expression: try MathExpression("x^2 + y^2", dimension: 2)).minima.count, 1)
    }
}
