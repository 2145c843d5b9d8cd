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
        XCTAssertEqual(d.clauses, ["f undefined for x < 0", "f′ → ∞ as x → 0⁺"])
        // Away from 0 (|x| ≥ 0.6) the values span [1/(2√6), √6] (f′ at 6 to f at 6); f′ → ∞ at 0 stretches
        // the top by that span, so f′ is seen rising, and f(0) = 0 is kept: [0, 2√6 − 1/(2√6)] padded by 5 %.
        let y = try XCTUnwrap(d.yLimits)
        let top = 2 * 6.0.squareRoot() - 1 / (2 * 6.0.squareRoot())
        XCTAssertEqual(y.lower, -0.05 * top, accuracy: 1e-12)
        XCTAssertEqual(y.upper, 1.05 * top, accuracy: 1e-12)
    }

    /// A one-sided limit is written as one ("f → −∞ as x → 0⁺"; it read "at x = 0", where log has no value).
    func testLogIsUndefinedAtAndBelowZero() throws {
        let d = try domain("log(x)")
        XCTAssertEqual(d.clauses, ["f undefined for x ≤ 0", "f → −∞ as x → 0⁺", "f′ → ∞ as x → 0⁺"])
        let y = try XCTUnwrap(d.yLimits)
        // From x ≈ 0.6 (5 % of the range from 0) to 6: log 0.6 ≈ −0.51 up to log 6 ≈ 1.79, a span of log 10;
        // f → −∞ and f′ → ∞ at 0 stretch it by that span each way, then 5 % padding.
        let (lo, hi) = (Foundation.log(0.6) - Foundation.log(10.0), Foundation.log(6.0) + Foundation.log(10.0))
        XCTAssertEqual(y.upper, hi + 0.05 * (hi - lo), accuracy: 0.03)
        XCTAssertEqual(y.lower, lo - 0.05 * (hi - lo), accuracy: 0.03)
    }

    func testBoundaryIsFoundFromTheSamplesAndRounded() throws {
        XCTAssertEqual(try domain("sqrt(x - 1.5)").clauses, ["f undefined for x < 1.5", "f′ → ∞ as x → 1.5⁺"])
        XCTAssertEqual(try domain("sqrt(2 - x)").clauses, ["f undefined for x > 2", "f′ → −∞ as x → 2⁻"])
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
        XCTAssertTrue(figure.subtitle?.hasSuffix(" · f undefined for x < 0 · f′ → ∞ as x → 0⁺") == true, figure.subtitle ?? "nil")
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
        // Away from the pole (|x − 0.3| ≥ 0.6): f′ = −1/0.36 ≈ −2.78 is the lowest value, f = 1/0.6 the
        // highest; both branches run into the pole, so the limits stretch by that span each way.
        let y = try XCTUnwrap(axes.yLimits)
        let span = 1 / 0.6 + 1 / 0.36
        let (lo, hi) = (-1 / 0.36 - span, 1 / 0.6 + span)
        XCTAssertEqual(y.lower, lo - 0.05 * (hi - lo), accuracy: 0.05)
        XCTAssertEqual(y.upper, hi + 0.05 * (hi - lo), accuracy: 0.05)
        // A dotted vertical asymptote at the pole.
        XCTAssertTrue(axes.marks.contains { ($0 as? ReferenceLineMark).map { $0.orientation == .vertical && abs($0.value - 0.3) < 1e-9 } ?? false })
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
        XCTAssertEqual(mixed.subtitle, "$\\sqrt{x}$: f undefined for x < 0, f′ → ∞ as x → 0⁺")
        let mixedAxes = try XCTUnwrap(mixed.panels.first?.axes)
        // relu spans [0, 6] and its f′ [0, 1]; √x up to √6 with f′ ≤ 0.65 away from 0: the axis is [0, 6] padded.
        XCTAssertEqual(mixedAxes.yLimits, ActivationDomain.padded(0, 6))

        let family = try [0.5, 1, 2].map { try Activation(expression: MathExpression("x^p", parameters: ["p": $0])) }
        var fig = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: family).build(into: &fig)
        XCTAssertEqual(fig.subtitle, "$p = 0.5$: f undefined for x < 0, f′ → ∞ as x → 0⁺")
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

extension ActivationDomainTests {
    func testPeriodicPolesNeitherWidenTheViewNorFloodTheSubtitle() throws {
        // Tried as a new user would: tan(x) widened the view to −50:50 (every pole counted as a kink
        // to show), scaled y to 10¹³ and listed every pole in a 1,416-character subtitle.
        let a = try Activation(expression: MathExpression("tan(x)"))
        XCTAssertEqual(ActivationFigure.defaultRange(for: [a]), -6...6)
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [a]).build(into: &figure)
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertLessThanOrEqual(subtitle.count, 200, subtitle)
        XCTAssertTrue(subtitle.hasSuffix(" · f → ±∞, f′ → ∞ at 4 points in view (x = −4.71, −1.57, 1.57, …)"), subtitle)
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        XCTAssertEqual(axes.xLimits, Interval(-6, 6))
        // Away from the poles (≥ 0.15π from each) |tan| ≤ cot(0.15π) ≈ 1.96 and tan′ ≤ 1 + cot² ≈ 4.85; the
        // branches then stretch the limits by that span towards ±∞: about −8.8 to 11.7, padded.
        let y = try XCTUnwrap(axes.yLimits)
        let cot = 1 / Foundation.tan(0.15 * Double.pi)
        let (lo, hi) = (-cot - (1 + cot * cot + cot), 1 + cot * cot + (1 + cot * cot + cot))
        XCTAssertEqual(y.lower, lo - 0.05 * (hi - lo), accuracy: 0.3)
        XCTAssertEqual(y.upper, hi + 0.05 * (hi - lo), accuracy: 0.3)
    }

    func testFewPolesKeepTheirClausesAndManyAreCounted() {
        let few = ["f → ±∞ at x = 0", "f′ → −∞ at x = 0"]
        XCTAssertEqual(ActivationFigure.summarised(few), few)
        let many = ["f undefined for x < −5"] + (1...5).flatMap { ["f → ∞ at x = \($0)", "f′ → −∞ at x = \($0)"] }
        XCTAssertEqual(ActivationFigure.summarised(many), ["f undefined for x < −5",
                                                           "f → ∞, f′ → −∞ at 5 points in view (x = 1, 2, 3, …)"])
        let apart = (1...3).map { "f → ∞ at x = \($0)" } + ["f′ → −∞ at x = 9"]
        XCTAssertEqual(ActivationFigure.summarised(apart), ["f → ∞ at 3 points in view (x = 1, 2, 3)", "f′ → −∞ at x = 9"])
    }
}

extension ActivationDomainTests {
    func testOneParameterValueIsShownOnTheFigure() throws {
        // Tried as a new user would: `activation 'x*sigmoid(b*x)' --param b=1.5` never said b = 1.5.
        let a = try Activation(expression: MathExpression("x*sigmoid(b*x)", parameters: ["b": 1.5]))
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [a]).build(into: &figure)
        XCTAssertTrue(figure.title?.hasSuffix("$, $b = 1.5$") == true, figure.title ?? "nil")
        let surface = Surface(expression: try MathExpression("a*x^2 + y^2", dimension: 2, parameters: ["a": 5]))
        XCTAssertTrue(surface.formula.hasSuffix("$, $a = 5$"), surface.formula)
        let curve = try Curve1D(expression: MathExpression("a*x^2", parameters: ["a": 2]))
        // A loss curve's formula goes into a sentence title: its values in brackets (X13-26).
        XCTAssertTrue(curve.formula.hasSuffix("$ ($a = 2$)"), curve.formula)
        // Without parameters the formula stands alone.
        XCTAssertEqual(try MathExpression("x^2").formulaWithParameters, try MathExpression("x^2").formula)
    }

    /// x^x is defined for x ≥ 0 and at isolated negative integers: one clause, not one per unit interval.
    func testIsolatedPointsMergeIntoOneClause() throws {
        // … and f′ = xˣ(ln x + 1) falls without bound (logarithmically) as x → 0⁺.
        XCTAssertEqual(try domain("x^x").clauses, ["f undefined for x < 0 (except at isolated points)", "f′ → −∞ as x → 0⁺"])
    }
}

extension ActivationDomainTests {
    func testOnlyIsolatedKinksWidenTheView() throws {
        // Tried as a new user would: |sin x| was drawn on −50…50 (32 arches, 31 jumps of f′) because every
        // kink of a repeating pattern widened the view; a few isolated kinks still do.
        for text in ["abs(sin(x))", "relu(sin(x))", "max(sin(x), cos(x))", "abs(sin(5*x))"] {
            XCTAssertEqual(ActivationFigure.defaultRange(for: [try Activation(expression: MathExpression(text))]), -6...6, text)
        }
        XCTAssertEqual(ActivationFigure.defaultRange(for: [try Activation(expression: MathExpression("relu(x-10)"))]), -6...13)
        XCTAssertEqual(ActivationFigure.defaultRange(for: [try Activation(expression: MathExpression("abs(x+100)"))]), -(100 + 0.05 * 106)...6)
        let far = ActivationFigure.defaultRange(for: [try Activation(expression: MathExpression("relu(x-1e6)"))])
        XCTAssertEqual(far.upperBound, 1e6 + 0.05 * (1e6 + 6), accuracy: 1e-6)
    }
}
