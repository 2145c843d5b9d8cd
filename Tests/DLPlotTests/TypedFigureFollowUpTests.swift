import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Typed-function figures tried as a new user would, each finding a value asserted: a grid of formulas of
/// unlike sizes, a parametrised formula in the grid, a twelve-member family, an unbounded oscillation, jumps
/// where f is undefined, convergence titles without a minimum, and pitfalls on 1/x.
final class TypedFigureFollowUpTests: XCTestCase {
    /// Twelve formulas: one shared axis (−3 … 17, set by x²) left sin, cos, e^(−x²), … as flat lines in 5–15 %
    /// of their panels. Unlike sizes now give every panel its own y range, and the subtitle says so.
    func testFormulasOfUnlikeSizesGetTheirOwnYRanges() throws {
        let names = "x,x^2,x^3,abs(x),sin(x),cos(x),tanh(2*x),exp(-x^2),1/(1+x^2),log1p(x^2),sqrt(abs(x)),x*erf(x)"
        let (figure, _) = try DLPlot.ActivationsCommand.parse(["--names", names]).makeFigure()
        let limits = try figure.panels.map { try XCTUnwrap($0.axes.yLimits) }
        XCTAssertEqual(limits.count, 12)
        // sin(x) on [−4, 4]: f and f′ within [−1, 1]; its axis spans under 3 (it spanned 20).
        XCTAssertLessThan(limits[4].upper - limits[4].lower, 3)
        XCTAssertGreaterThanOrEqual(limits[4].upper, 1)
        XCTAssertLessThanOrEqual(limits[4].lower, -1)
        // x²'s axis still holds 16 and f′ = −8.
        XCTAssertGreaterThanOrEqual(limits[1].upper, 16)
        XCTAssertLessThanOrEqual(limits[1].lower, -8)
        XCTAssertTrue(figure.panels.allSatisfy(\.axes.showYTickLabels))
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertTrue(subtitle.hasPrefix("$x$ from −4 to 4 in every panel, each on its own y scale"), subtitle)
        // Built-ins alone keep one shared axis (every test of the catalogue grid holds).
        let (builtIn, _) = try DLPlot.ActivationsCommand.parse(["--names", "sigmoid,relu,tanh"]).makeFigure()
        XCTAssertEqual(Set(builtIn.panels.map { "\(String(describing: $0.axes.yLimits))" }).count, 1)
    }

    /// `activations --names 'x*sigmoid(beta*x),tanh'` told the user to give --param, which the command then
    /// rejected. It takes --param now: one panel per value, each titled with it.
    func testTheGridTakesParameters() throws {
        let (figure, _) = try DLPlot.ActivationsCommand.parse(["--names", "x*sigmoid(beta*x),tanh", "--param", "beta=1,2"]).makeFigure()
        XCTAssertEqual(figure.panels.count, 3)
        let titles = figure.panels.map { $0.axes.title ?? "" }
        XCTAssertTrue(titles[0].contains("\\beta = 1"), titles[0])
        XCTAssertTrue(titles[1].contains("\\beta = 2"), titles[1])
        XCTAssertEqual(titles[2], try Activation(name: "tanh").displayName)
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try runDLPlot(["activations", "--names", "x*sigmoid(beta*x),tanh", "-o", "g.png"], in: dir)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("(--param beta=VALUE)"), missing.stderr)
        let followed = try runDLPlot(["activations", "--names", "x*sigmoid(beta*x),tanh", "--param", "beta=1,2", "-o", "g.png"], in: dir)
        XCTAssertEqual(followed.status, 0, followed.stderr)
        let table = try runDLPlot(["activations", "--table", "--names", "x*sigmoid(beta*x)", "--param", "beta=0.5,1", "-o", "t.png"], in: dir)
        XCTAssertEqual(table.status, 0, table.stderr)
        // A typo of the only parameter is named as typed (it said only that 'beta' had no value).
        let typo = try runDLPlot(["activation", "x*sigmoid(beta*x)", "--param", "bta=1", "-o", "b.png"], in: dir)
        XCTAssertEqual(typo.status, 64)
        XCTAssertEqual(typo.stderr, "Error: invalid --param 'bta=1': 'bta' is not a parameter of x*sigmoid(beta*x); did you mean 'beta'? Allowed: beta\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.png").path))
    }

    /// Twelve members of tanh(a·x)/a: twelve translucent zones stacked the plot dark and eleven rotated labels
    /// collided. The family's two ends are shaded (the footnote says so) and the colours run dark to light in a.
    func testALargeFamilyShadesItsEndsInASequentialPalette() throws {
        let values = "0.25,0.5,0.75,1,1.5,2,3,4,5,6,8,10"
        let (figure, tables) = try DLPlot.ActivationCommand.parse(["tanh(a*x)/a", "--param", "a=" + values, "--theme", "print"]).makeFigure()
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        let labelled = marks.compactMap { $0 as? BandMark }.compactMap(\.text)
        XCTAssertFalse(labelled.isEmpty)
        // Labels name the member first and then the zone's extent ("$a = 10$: $x$ < −0.218").
        XCTAssertTrue(labelled.allSatisfy { $0.hasPrefix("$a = 10$:") }, "\(labelled)")   // a = 0.25 saturates nowhere on [−6, 6]
        // (It said "for a = 0.25 and a = 10", naming an end with no zone in view.)
        XCTAssertTrue(figure.footnote?.contains("zones shaded for $a = 10$ only (of the family's ends; $a = 0.25$ has none in view)") ?? false,
                      figure.footnote ?? "")
        // The zones table still lists every member's zones: both tails of the 11 members with a ≥ 0.5
        // (sech²(a·x) < 0.05 for |a·x| > 2.18, inside [−6, 6] from a = 0.5 on).
        let zones = try XCTUnwrap(tables.first { $0.name == "zones" })
        XCTAssertEqual(zones.cells.count, 22)
        // The value curves' colours lighten with a (viridis from its dark end: an order that survives greyscale).
        let legend = marks.compactMap { $0 as? LineMark }.filter { $0.points.isEmpty && ($0.label?.contains(": $f'$") == false) }
        let luminance = legend.prefix(12).map(\.style.color.luminance)
        XCTAssertEqual(luminance.count, 12)
        XCTAssertEqual(luminance, luminance.sorted(), "\(luminance)")
    }

    /// sin(1/x): "f′ → −∞ at x = 0" and "max |f′| = 1067" were false (f′ = −cos(1/x)/x² takes both signs without
    /// bound). The subtitle says it oscillates without bound and no largest |f′| is claimed.
    func testAnUnboundedOscillationHasNoLimitAndNoLargestSlope() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["sin(1/x)"]).makeFigure()
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertTrue(subtitle.contains("f′ unbounded, oscillating, as x → 0"), subtitle)
        XCTAssertFalse(subtitle.contains("f′ → −∞"), subtitle)
        let notes = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? AnnotationMark }.map(\.text)
        XCTAssertFalse(notes.contains { $0.contains("max $|f'|$") }, "\(notes)")
        // 1/x keeps its limits: −∞ on the left, ∞ on the right.
        let d = ActivationDomain(value: { 1 / $0 }, derivative: { -1 / ($0 * $0) }, over: -6...6)
        XCTAssertTrue(d.clauses.contains("f′ → −∞ at x = 0"), "\(d.clauses)")
    }

    /// xˣ: f′ = xˣ(ln x + 1) → −∞ as x → 0⁺, but only logarithmically (−15 at 10⁻⁷), so nothing said it; at 0
    /// itself torch's pow gives f = 1, f′ = 0 (its backward masks exponent 0 and log 0 at base 0), as eval does.
    func testPowerOfItselfFallsToMinusInfinityFromTheRightWithTorchsValueAtZero() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["x^x"]).makeFigure()
        XCTAssertTrue(figure.subtitle?.contains("f′ → −∞ as x → 0⁺") ?? false, figure.subtitle ?? "")
        let r = try runDLPlot(["eval", "activation", "x^x", "--x", "0,1e-300"])
        XCTAssertEqual(r.stdout, "x,y,dy\n0.0,1.0,0.0\n1e-300,1.0,-689.7755278982137\n")
        // ln(10⁻³⁰⁰) + 1, by hand.
        XCTAssertEqual(-300 * log(10.0) + 1, -689.7755278982137, accuracy: 1e-12)
    }

    /// x/|x| is undefined at 0: both ends of its jump are open dots (only the left one was).
    func testAJumpWhereFIsUndefinedHasTwoOpenDots() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["x/abs(x)"]).makeFigure()
        let dots = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots)
        XCTAssertEqual(dots.count, 2)
        XCTAssertTrue(dots.allSatisfy { !$0.filled && $0.point.x == 0 })
        XCTAssertEqual(Set(dots.map(\.point.y)), [-1, 1])
    }

    /// curves on −x² − y² was titled "convergence of 2 optimizers" though f falls without bound.
    func testCurvesWithoutAMinimumAreNotCalledConvergence() throws {
        let (figure, _) = try DLPlot.CurvesCommand.parse(["--surface", "-x^2-y^2", "--optimizers", "gd,adam", "--steps", "50"]).makeFigure()
        XCTAssertEqual(figure.title, "$-x^{2} - y^{2}$: loss along the runs of 2 optimizers (no minimum in the view)")
        let (bowl, _) = try DLPlot.CurvesCommand.parse(["--surface", "x^2+y^2", "--optimizers", "gd", "--steps", "50"]).makeFigure()
        XCTAssertTrue(bowl.title?.hasSuffix(": convergence of 1 optimizer") ?? false, bowl.title ?? "")
    }

    /// pitfalls on 1/x started one run at w = 0.05 (f = 20), above the view, with no marker or note; the runs from
    /// the left head for the pole (f → −∞) and were only "still moving".
    func testPitfallsOnAPoleStartsInViewAndNamesWhereRunsHead() throws {
        let curve = try Curve1D(expression: MathExpression("1/x"))
        let fit = try XCTUnwrap(RobustYLimits.curve(curve.value, over: curve.viewRange, poles: [0]))
        let starts = PitfallsFigure.defaultStarts(for: curve)
        XCTAssertEqual(starts.count, 5)
        for s in starts { XCTAssertTrue((fit.shownLower...fit.shownUpper).contains(curve.value(s)), "start \(s)") }
        let ws = [-2.4, -2.0, -1.5]
        XCTAssertEqual(PitfallsFigure.outcome(ws, curve: curve, stop: .maxSteps), "still moving, towards w = 0 where f → −∞")
        // Moving away from it, a run is only still moving.
        XCTAssertEqual(PitfallsFigure.outcome([-1.5, -2.0, -2.4], curve: curve, stop: .maxSteps), "still moving")
    }
}
