import Optim
import Viz
import XCTest
@testable import Figures

/// A typed activation that is undefined somewhere or unbounded at a point says so, and its y axis is
/// not set by the unbounded derivative (tried as a new user would: `sqrt(x)` drew nothing for x < 0,
/// said nothing, and f′ → ∞ at 0 stretched the y axis to about 35).
final class ActivationDomainTests: XCTestCase {
    func domain(_ text: String) throws -> ActivationDomain {
        let a = try Activation(expression: MathExpression(text))
        return ActivationDomain(value: a.value, derivative: a.derivative, over: -6...6, poles: a.poles)
    }

    func testSqrtIsUndefinedBelowZeroWithAnInfiniteSlopeAtZero() throws {
        let d = try domain("sqrt(x)")
        XCTAssertEqual(d.clauses, ["f undefined for x < 0", "f′ → ∞ at x = 0"])
        // f spans [0, √6]; f′ ≤ 1/(2√0.6) ≈ 0.65 away from 0, so the axis is f's range padded by 5 %.
        let y = try XCTUnwrap(d.yLimits)
        XCTAssertEqual(y.lower, -0.05 * 6.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(y.upper, 1.05 * 6.0.squareRoot(), accuracy: 1e-12)
    }

    func testLogIsUndefinedAtAndBelowZero() throws {
        let d = try domain("log(x)")
        XCTAssertEqual(d.clauses, ["f undefined for x ≤ 0", "f → −∞ at x = 0", "f′ → ∞ at x = 0"])
        let y = try XCTUnwrap(d.yLimits)
        // From x ≈ 0.6 (5 % of the range from 0) to 6: log 0.6 ≈ −0.51 up to log 6 ≈ 1.79.
        XCTAssertEqual(y.upper, log(6) + 0.05 * (log(6) - log(0.6)), accuracy: 0.02)
        XCTAssertEqual(y.lower, log(0.6) - 0.05 * (log(6) - log(0.6)), accuracy: 0.02)
    }

    func testBoundaryIsFoundFromTheSamplesAndRounded() throws {
        XCTAssertEqual(try domain("sqrt(x - 1.5)").clauses, ["f undefined for x < 1.5", "f′ → ∞ at x = 1.5"])
        XCTAssertEqual(try domain("sqrt(2 - x)").clauses, ["f undefined for x > 2", "f′ → −∞ at x = 2"])
        // A pole is named as one: not "undefined at x = 0" as well.
        XCTAssertEqual(try domain("1/x").clauses, ["f → ±∞ at x = 0", "f′ → −∞ at x = 0"])
        XCTAssertEqual(try domain("1/(x - 0.31)").clauses, ["f → ±∞ at x = 0.31", "f′ → −∞ at x = 0.31"])
    }

    func testEverywhereDefinedFunctionsSayNothingAndKeepAutomaticLimits() throws {
        for text in ["x*tanh(softplus(x))", "abs(x)", "relu(x)", "tanh(x)"] {
            let d = try domain(text)
            XCTAssertEqual(d.clauses, [], text)
            XCTAssertNil(d.yLimits, text)
        }
    }

    func testTheFigureSubtitleNamesTheUndefinedRegion() throws {
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [try Activation(expression: MathExpression("sqrt(x)"))]).build(into: &figure)
        XCTAssertTrue(figure.subtitle?.hasSuffix(" · f undefined for x < 0 · f′ → ∞ at x = 0") == true, figure.subtitle ?? "nil")
    }
}

extension ActivationDomainTests {
    func testPoleBetweenSamplesBreaksTheCurvesAndKeepsTheAxis() throws {
        // Tried as a new user would: 1/(x − 0.3) stretched the y axis to −6×10¹⁵ and joined the branches.
        let a = try Activation(expression: MathExpression("1/(x - 0.3)"))
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [a]).build(into: &figure)
        XCTAssertEqual(figure.subtitle, "range (−∞, ∞) · not monotonic · not zero-centred · unbounded · f → ±∞ at x = 0.3 · f′ → −∞ at x = 0.3")
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        // Away from the pole (|x − 0.3| ≥ 0.6): f′ = −1/0.36 ≈ −2.78 is the lowest value, f = 1/0.6 the highest.
        let y = try XCTUnwrap(axes.yLimits)
        XCTAssertEqual(y.lower, -1 / 0.36 - 0.05 * (1 / 0.6 + 1 / 0.36), accuracy: 0.05)
        XCTAssertEqual(y.upper, 1 / 0.6 + 0.05 * (1 / 0.6 + 1 / 0.36), accuracy: 0.05)
        // Each curve has a NaN break at the pole: no segment joins a point left of it to one right of it.
        let lines = axes.marks.compactMap { $0 as? LineMark }.filter { !$0.points.isEmpty }
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            for (p, q) in zip(line.points, line.points.dropFirst()) where p.y.isFinite && q.y.isFinite {
                XCTAssertFalse(p.x < 0.3 && q.x > 0.3, "segment across the pole from \(p) to \(q)")
            }
        }
        // No saturation band and no "max |f′|" note (f′ is unbounded).
        XCTAssertFalse(axes.marks.contains { $0 is BandMark })
        XCTAssertFalse(axes.marks.contains { $0 is AnnotationMark })
    }

    func testNotesAppearWithOtherActivationsAndInFamilies() throws {
        // Tried as a new user would: only a single typed activation said where it is undefined.
        var mixed = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [try Activation(name: "relu"), try Activation(expression: MathExpression("sqrt(x)"))]).build(into: &mixed)
        XCTAssertEqual(mixed.subtitle, "$\\sqrt{x}$: f undefined for x < 0, f′ → ∞ at x = 0")
        let mixedAxes = try XCTUnwrap(mixed.panels.first?.axes)
        // relu spans [0, 6] and its f′ [0, 1]; √x up to √6 with f′ ≤ 0.65 away from 0: the axis is [0, 6] padded.
        XCTAssertEqual(mixedAxes.yLimits, ActivationDomain.padded(0, 6))

        let family = try [0.5, 1, 2].map { try Activation(expression: MathExpression("x^p", parameters: ["p": $0])) }
        var fig = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: family).build(into: &fig)
        XCTAssertEqual(fig.subtitle, "$p = 0.5$: f undefined for x < 0, f′ → ∞ at x = 0")
        // x² reaches 36 and its f′ −12 at x = −6: the limits come from the members, not from f′ → ∞.
        XCTAssertEqual(try XCTUnwrap(fig.panels.first?.axes.yLimits), ActivationDomain.padded(-12, 36))
    }
}

extension ActivationDomainTests {
    func testGridSharesAnAxisFittedAwayFromAPole() throws {
        // Tried as a new user would: `activations --names relu,1/x` stretched every panel's y axis to about 78.
        let acts = [try Activation(name: "relu"), try Activation(expression: MathExpression("1/x"))]
        let y = ActivationGridFigure.defaultYRange(for: acts, x: -4...4)
        // relu reaches 4 at x = 4; away from 0 (|x| ≥ 0.4), 1/x and −1/x² stay within [−6.25, 2.5], and
        // the shared axis stops at −2: [−2, 4] padded by 5 %.
        XCTAssertEqual(y.upperBound, 4 + 0.05 * (4 + 2), accuracy: 0.05)
        XCTAssertEqual(y.lowerBound, -2 - 0.05 * (4 + 2), accuracy: 0.05)
    }
}
