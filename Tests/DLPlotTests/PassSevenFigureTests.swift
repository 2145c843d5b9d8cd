import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Pass-7 findings on typed-function figures, each asserted by value: legends of a --param list over
/// built-ins, verdicts and starts on curves without a minimum, default starts and views of typed surfaces,
/// measured periods, basin letters, removable holes.
final class PassSevenFigureTests: XCTestCase {
    /// `'x*sigmoid(beta*x)' softplus --param beta=0.5,2`: the two softplus curves (torch's beta) were both
    /// "Softplus" in the legend, and nothing said the formula's β also set softplus's.
    func testAParameterListOverBuiltInsLabelsEachMemberAndSaysWhereItApplies() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["x*sigmoid(beta*x)", "softplus", "--param", "beta=0.5,2"]).makeFigure()
        let labels = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { ($0 as? LineMark)?.label }
        XCTAssertTrue(labels.contains("Softplus ($\\beta = 0.5$)"), "\(labels)")
        XCTAssertTrue(labels.contains("Softplus ($\\beta = 2$)"), "\(labels)")
        let (grid, _) = try DLPlot.ActivationsCommand.parse(["--names", "softplus,tanh", "--param", "beta=0.5,1"]).makeFigure()
        XCTAssertEqual(grid.panels.prefix(2).map { $0.axes.title ?? "" }, ["Softplus ($\\beta = 0.5$)", "Softplus ($\\beta = 1$)"])
        // One built-in alone keeps its plain name.
        XCTAssertEqual(try Activation(name: "softplus").label(among: [try Activation(name: "softplus")]), "Softplus")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["activation", "x*sigmoid(beta*x)", "softplus", "--param", "beta=0.5,2", "-o", "m.png"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "note: --param beta applies to every function that has it: x*sigmoid(beta*x) and softplus\n")
    }

    /// `lr --function 'log(x)'`: f′ = 1/x changes sign across 0, where log has no value, and that was taken for a
    /// minimum; the smallest rate was "good". log has no minimum.
    func testLogHasNoMinimumAndNoRateIsGood() throws {
        let log = try FunctionArguments.curve("log(x)")
        XCTAssertEqual(log.minima, [])
        let (figure, _) = try DLPlot.LearningRateCommand.parse(["--function", "log(x)"]).makeFigure()
        let titles = figure.panels.map { $0.axes.title ?? "" }
        XCTAssertFalse(titles.contains { $0.contains("good") }, "\(titles)")
        XCTAssertTrue(titles[0].hasSuffix("no minimum, descends"), "\(titles)")
        // A real minimum at a kink stays one: |x| − 1 at 0, √|x| at 0.
        XCTAssertEqual(try FunctionArguments.curve("abs(x) - 1").minima.count, 1)
        XCTAssertEqual(try XCTUnwrap(FunctionArguments.curve("sqrt(abs(x))").minima.first), 0, accuracy: 1e-9)
    }

    /// `lr --function 'exp(x)' --start 800`: f = ∞ at the start (float64 overflows), and every rate "diverged at
    /// step 1". Refused as `surface` and `trace` refuse such starts; pitfalls said "undefined" for the same.
    func testAStartWhereFIsNotFiniteIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lr = try runDLPlot(["lr", "--function", "exp(x)", "--start", "800", "-o", "e.png"], in: dir)
        XCTAssertEqual(lr.status, 64)
        XCTAssertEqual(lr.stderr, "Error: invalid --start '800': f = ∞ at w₀ = 800: beyond float64's range (1.8×10³⁰⁸); "
                       + "give a start where f and f′ are finite\n")
        let pole = try runDLPlot(["lr", "--function", "1/x", "--start", "0", "-o", "e.png"], in: dir)
        XCTAssertEqual(pole.status, 64)
        XCTAssertTrue(pole.stderr.contains("f is ∞ at w₀ = 0 (a pole)"), pole.stderr)
        let nan = try runDLPlot(["lr", "--function", "log(x)", "--start=-1", "-o", "e.png"], in: dir)
        XCTAssertEqual(nan.status, 64)
        XCTAssertTrue(nan.stderr.contains("f is undefined (NaN) at w₀ = -1"), nan.stderr)
        let pitfalls = try runDLPlot(["pitfalls", "--function", "exp(x)", "--starts", "800,1", "-o", "p.png"], in: dir)
        XCTAssertEqual(pitfalls.status, 64)
        XCTAssertEqual(pitfalls.stderr, "Error: invalid --starts '800,1': f = ∞ at w₀ = 800: beyond float64's range (1.8×10³⁰⁸); "
                       + "give starts where f and f′ are finite\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        // A finite start still draws.
        XCTAssertEqual(try runDLPlot(["lr", "--function", "exp(x)", "--start", "2", "-o", "e.png"], in: dir).status, 0)
    }

    /// x·e^(−x²−y²): the highest corner (2.4, 2.4) sits on a plateau falling away from the minimum (−0.71, 0), and
    /// every run crept into the corner. The start is now the highest corner whose descent reaches the minimum.
    func testTheDefaultStartDescendsToTheMinimum() throws {
        let s = Surface(expression: try MathExpression("x*exp(-x^2-y^2)", dimension: 2))
        let minimum = try XCTUnwrap(s.minima.first)
        XCTAssertEqual(minimum.x, -1 / 2.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(s.suggestedStart, Point2(-2.4, 2.4))
        // A bowl keeps its highest corner; a saddle (no minimum) too.
        XCTAssertEqual(Surface(expression: try MathExpression("x^2+y^2+x", dimension: 2)).suggestedStart, Point2(2.4, 2.4))
        XCTAssertEqual(Surface(expression: try MathExpression("x^2-y^2", dimension: 2)).suggestedStart, Point2(2.4, 2.4))
    }

    /// sin(x) over ±10⁴ was said to have "period down to 5.2" (its samples' alias); it is 2π.
    func testTheOscillationNoteGivesTheTruePeriod() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["sin(x)", "--range=-1e4:1e4"]).makeFigure()
        let text = [figure.subtitle, figure.footnote].compactMap { $0 }.joined(separator: " ")
        XCTAssertTrue(text.contains("(period down to 6.3)"), text)
        XCTAssertEqual(try XCTUnwrap(Oscillation.period(ofDerivative: { cos($0) }, from: -1e4, length: 2e4)), 2 * Double.pi, accuracy: 0.1)
    }

    /// sin x · cos y: 28 equally low minima in [−10, 10]² widened the view to ±11 and were lettered A…Z, A, B.
    func testPeriodicMinimaKeepTheUsualViewAndLettersAreNeverReused() throws {
        let s = Surface(expression: try MathExpression("sin(x)*cos(y)", dimension: 2))
        // The view holds the minima of [−5, 5]² (about two periods), not all 28 of [−10, 10]².
        XCTAssertLessThanOrEqual(s.viewBox.xmax, 7)
        XCTAssertGreaterThanOrEqual(s.viewBox.xmax, 4.7)
        XCTAssertLessThanOrEqual(s.minima.count, 8)
        XCTAssertGreaterThanOrEqual(s.minima.count, 3)
        // Himmelblau's four minima still widen it.
        let h = Surface(expression: try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2))
        XCTAssertGreaterThan(h.viewBox.xmax, 3.5)
        let recipe = BasinsFigure(surface: s, maps: [], steps: 1, x: Interval(-3, 3), y: Interval(-3, 3))
        XCTAssertEqual((0..<30).map(recipe.letter).suffix(5), ["Z", "AA", "AB", "AC", "AD"])
        XCTAssertEqual(Set((0..<30).map(recipe.letter)).count, 30)
        let colors = CategoryColors.basins(16, theme: .light)
        XCTAssertEqual(Set(colors.map { "\($0)" }).count, 16)
    }

    /// sin(x)/x is undefined at 0 (0/0, as torch) with limit 1 on both sides: the curve passed through as if it
    /// were defined. An open dot marks the hole.
    func testARemovableHoleHasAnOpenDot() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["sin(x)/x"]).makeFigure()
        let dots = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots)
        XCTAssertEqual(dots.count, 1)
        let dot = try XCTUnwrap(dots.first)
        XCTAssertFalse(dot.filled)
        XCTAssertEqual(dot.point.x, 0)
        XCTAssertEqual(dot.point.y, 1, accuracy: 1e-9)
        // x/|x| keeps its two jump dots only.
        let (sign, _) = try DLPlot.ActivationCommand.parse(["x/abs(x)"]).makeFigure()
        XCTAssertEqual(try XCTUnwrap(sign.panels.first).axes.marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots).count, 2)
    }

    /// A 9,995-character formula was titled by a lone "…": it keeps its start as typed and its length.
    func testALongFormulaIsTitledByItsStart() throws {
        let text = Array(repeating: "sin(x)", count: 1428).joined(separator: "+")
        XCTAssertEqual(text.count, 9995)
        let e = try MathExpression(text)
        XCTAssertEqual(e.formula, "$f(x)$ = " + String(text.prefix(60)) + "… (9995 characters)")
        XCTAssertEqual(try Activation(expression: e).displayName, String(text.prefix(60)) + "… (9995 characters)")
        // A formula of ordinary length is set as math.
        XCTAssertEqual(try MathExpression("x*tanh(softplus(x))").formula, "$f(x) = x \\cdot \\mathrm{tanh}(\\mathrm{softplus}(x))$")
    }

    /// `curves --surface 'a*x^2+y^2' --param a=3` was titled "ax² + y²: convergence …" with no "a = 3" anywhere.
    func testEveryFigureOfAParametrisedSurfaceStatesItsValues() throws {
        let (curves, _) = try DLPlot.CurvesCommand.parse(["--surface", "a*x^2+y^2", "--param", "a=3", "--optimizers", "gd", "--steps", "20"]).makeFigure()
        XCTAssertTrue(curves.title?.hasPrefix("$ax^{2} + y^{2}$ ($a = 3$): ") == true, curves.title ?? "")
        let (steps, _) = try DLPlot.StepsCommand.parse(["--surface", "a*x^2+y^2", "--param", "a=3"]).makeFigure()
        XCTAssertTrue(steps.title?.contains("($a = 3$)") == true, steps.title ?? "")
        XCTAssertEqual(Surface(expression: try MathExpression("x^2+y^2", dimension: 2)).displayName, "$x^{2} + y^{2}$")
    }

    /// `vanishing --activations 'x*sigmoid(beta*x),tanh'` told the user to give --param, which vanishing rejected;
    /// and x² (max |f′| = ∞) drew its bound panel on a layer axis from −1 to 1.
    func testVanishingTakesParametersAndKeepsItsLayerAxis() throws {
        let (figure, _) = try DLPlot.VanishingCommand.parse(["--activations", "x*sigmoid(beta*x),tanh", "--param", "beta=1,2",
                                                              "--depth", "5", "--width", "32"]).makeFigure()
        let labels = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { ($0 as? LineMark)?.label }
        XCTAssertEqual(labels.count, 3)
        XCTAssertTrue(labels[0].contains("\\beta = 1"), "\(labels)")
        XCTAssertThrowsError(try DLPlot.VanishingCommand.parse(["--activations", "x*sigmoid(beta*x)", "--param", "beta=1,2,3,4,5,6,7,8"])
            .parsedActivations())
        let (square, _) = try DLPlot.VanishingCommand.parse(["--activations", "x^2", "--depth", "5", "--width", "32"]).makeFigure()
        XCTAssertEqual(square.panels.first?.axes.xLimits, Interval(0, 5))
    }

    /// Message nits: a digit separator was told to become '1*_000', sin^2(x) only to use parentheses, 2e got no
    /// hint of e, and an empty --start was shown a three-number example.
    func testMessagesSuggestWhatWasMeant() throws {
        func message(_ text: String) -> String {
            do { _ = try MathExpression(text); return "" } catch { return error.oneLine }
        }
        XCTAssertTrue(message("1_000*x").contains("digit separators are not allowed; write 1000"), message("1_000*x"))
        XCTAssertFalse(message("1_000*x").contains("1*_000"), message("1_000*x"))
        XCTAssertTrue(message("sin^2(x)").contains("raise its value, as in sin(x)^2 (not sin^2(x))"), message("sin^2(x)"))
        XCTAssertTrue(message("x*2e").contains("did you mean '2*e'?"), message("x*2e"))
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["surface", "x^2+y^2", "--start=", "-o", "e.png"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "Error: invalid --start '': no values given; expected two, x,y (e.g. -1.5,2)\n")
    }

    /// softplus → 0 only as x → −∞: its "y = 0" label sat at the right end, where f ≈ x.
    func testAOneSidedAsymptoteIsLabelledWhereItHolds() throws {
        for name in ["softplus", "softplus(x)"] {
            let (figure, _) = try DLPlot.ActivationCommand.parse([name]).makeFigure()
            let lines = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? ReferenceLineMark }.filter { $0.text != nil }
            XCTAssertEqual(lines.count, 1, name)
            XCTAssertEqual(lines.first?.textAtStart, true, name)
        }
        // tanh has y = ±1 on one side each: −1 on the left, 1 on the right.
        let (tanh, _) = try DLPlot.ActivationCommand.parse(["tanh"]).makeFigure()
        let lines = try XCTUnwrap(tanh.panels.first).axes.marks.compactMap { $0 as? ReferenceLineMark }.filter { $0.text != nil }
        XCTAssertEqual(lines.first { $0.value == -1 }?.textAtStart, true)
        XCTAssertEqual(lines.first { $0.value == 1 }?.textAtStart, false)
    }

    /// The property table said "∞ as x → 0" for √x (defined only right of 0) while log(x) got "∞ as x → 0⁺".
    func testTheTableSaysFromWhichSideASlopeIsUnbounded() throws {
        let root = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("sqrt(x)")))
        XCTAssertEqual(ActivationTableFigure.peakText(root), "∞ as $x \\to 0^{+}$")
        let cusp = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("sqrt(abs(x))")))
        XCTAssertEqual(ActivationTableFigure.peakText(cusp), "∞ as $x \\to 0$")
        let log = ActivationTableFigure.properties(of: try Activation(expression: MathExpression("log(x)")))
        XCTAssertEqual(ActivationTableFigure.peakText(log), "∞ as $x \\to 0^{+}$")
    }
}
