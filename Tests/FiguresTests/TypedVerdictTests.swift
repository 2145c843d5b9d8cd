import Optim
import Viz
import XCTest
@testable import Figures

/// What the figures claim about runs on typed functions, tried as a new user would: `lr --function '1/x'`
/// called every rate "too small" (there is no minimum to be slow towards), the second of two equally
/// low minima was "a local minimum", a step out of log's domain was "diverged", and typed Himmelblau's
/// f* printed as 1.004×10⁻²⁶.
final class TypedVerdictTests: XCTestCase {
    func run(_ curve: Curve1D, start: Double, lr: Double, steps: Int) throws -> (ws: [Double], t: Trajectory) {
        let objective = FunctionObjective(dimension: 1, value: { curve.value($0[0]) }, gradient: { [curve.derivative($0[0])] })
        let t = try runTrajectory(objective: objective, optimizer: try Optimizer(name: "gd", settings: ["lr": .number(lr)]),
                                  start: [start], options: TrajectoryOptions(steps: steps, recordGradients: false))
        return (t.positions.map { $0[0] }, t)
    }

    func verdict(_ text: String, start: Double, lr: Double, steps: Int = 12) throws -> String {
        let curve = try Curve1D(expression: MathExpression(text))
        let (ws, t) = try run(curve, start: start, lr: lr, steps: steps)
        return LearningRateFigure.verdict(ws, curve: curve, stop: t.stop, leftDomain: t.leftDomain)
    }

    func testCurvesWithoutAMinimumAreNotCalledSlow() throws {
        XCTAssertEqual(try verdict("1/x", start: 2.4, lr: 0.05), "no minimum, descends")
        XCTAssertEqual(try verdict("1/x", start: 2.4, lr: 1.1), "no minimum, leaves view")
        XCTAssertEqual(try verdict("-x^2", start: 0.5, lr: 0.01), "no minimum, descends")
    }

    func testEquallyLowMinimaAreEachGood() throws {
        // x⁴/4 − x² has minima at ±√2, both −1: reaching −√2 is as good as reaching √2.
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: -2.4, lr: 0.05, steps: 60), "good")
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: 2.4, lr: 0.05, steps: 60), "good")
        let curve = try Curve1D(expression: MathExpression("x^4/4 - x^2"))
        for start in [-2.4, 2.4] {
            let (ws, t) = try run(curve, start: start, lr: 0.05, steps: 60)
            XCTAssertEqual(PitfallsFigure.outcome(ws, curve: curve, stop: t.stop), "global minimum")
        }
        // A truly higher minimum is still a local one: (x² − 1)² + 0.3x is lower near −1 than near 1.
        XCTAssertEqual(try verdict("(x^2 - 1)^2 + 0.3*x", start: 1.6, lr: 0.02, steps: 200), "stuck in a local minimum")
    }

    /// `pitfalls --function 'x^4 - x^2'` called the start on the hump at w = 0 "stuck on a plateau".
    func testAStartOnAHumpIsAtALocalMaximumNotOnAPlateau() throws {
        let curve = try Curve1D(expression: MathExpression("x^4 - x^2"))
        let (ws, t) = try run(curve, start: 0, lr: 1e-4, steps: 20)
        XCTAssertEqual(PitfallsFigure.outcome(ws, curve: curve, stop: t.stop), "stuck at a local maximum (f′ = 0)")
        // x³ at 0: f′ = 0, but f falls on one side only.
        let cubic = try Curve1D(expression: MathExpression("x^3"))
        let (cw, ct) = try run(cubic, start: 0, lr: 1e-4, steps: 20)
        XCTAssertEqual(PitfallsFigure.outcome(cw, curve: cubic, stop: ct.stop), "stuck at a stationary point (f′ = 0)")
    }

    func testAStepOutOfTheDomainIsNotADivergence() throws {
        // log(x) descends towards 0 and steps past it: f is undefined there, nothing blew up.
        XCTAssertEqual(try verdict("log(x)", start: 2.7, lr: 2), "leaves f's domain")
        // x⁴/4 − x² at lr 1.1 overflows (∞ − ∞ far out): that is a divergence.
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: 2.4, lr: 1.1), "diverges")
    }

    func testTypedMinimumValueBelowRoundingIsZero() throws {
        let himmelblau = Surface(expression: try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2))
        XCTAssertEqual(himmelblau.minimumValue, 0)
        XCTAssertEqual(CurvesFigure.lossAxisText(himmelblau).label, "$f$ (minimum 0)")
        // A minimum value that is not rounding is kept.
        let lifted = Surface(expression: try MathExpression("(x-1)^2 + y^2 + 1e-3", dimension: 2))
        XCTAssertEqual(try XCTUnwrap(lifted.minimumValue), 1e-3, accuracy: 1e-15)
    }
}

extension TypedVerdictTests {
    /// `lr --function 'x^4 - 3*x^2 + x'` used the built-in curve's rates 0.05, 0.2, 1.1: two panels
    /// diverged at step 1 and the first overshot. A typed curve's rates come from its curvature.
    func testTypedCurvesGetRatesFromTheirCurvature() throws {
        let curve = try Curve1D(expression: MathExpression("x^4 - 3*x^2 + x"))
        XCTAssertEqual(curve.suggestedStart, 2.4)
        let rates = try XCTUnwrap(curve.suggestedRates(from: 2.4))
        // Descending from 2.4 towards the (local) minimum near 1.13, f″ = 12w² − 6 is largest at the start,
        // 63.12, and 9.33 at the minimum: 0.1/63.12, 1/63.12 and 2.2/9.33.
        XCTAssertEqual(rates, [0.0016, 0.016, 0.24])
        var verdicts: [String] = []
        for lr in rates {
            let (ws, t) = try run(curve, start: 2.4, lr: lr, steps: 12)
            verdicts.append(LearningRateFigure.verdict(ws, curve: curve, stop: t.stop))
        }
        XCTAssertEqual(verdicts, ["too small", "stuck in a local minimum", "diverges"])
        // On the square w² (f″ = 2): 0.05, 0.5 (one step to 0) and 1.1.
        XCTAssertEqual(try Curve1D(expression: MathExpression("x^2")).suggestedRates(from: 2.4), [0.05, 0.5, 1.1])
    }
}

extension TypedVerdictTests {
    /// lr on √w: a rate whose first step leaves f's domain showed only its start square, and the table had
    /// only the step-0 row, so where the step went was nowhere. The step is drawn (an arrow towards it) and
    /// tabled with f undefined.
    func testAStepOutOfTheDomainIsDrawnAndTabled() throws {
        let curve = try Curve1D(expression: MathExpression("sqrt(x)"))
        var figure = try Figure(width: 1280, height: 720)
        let tables = try LearningRateFigure(curve: curve, rates: [19], start: 2.685, steps: 12).build(into: &figure)
        let rows = try XCTUnwrap(tables.first).rows
        XCTAssertEqual(rows.count, 2)
        // gd: w₁ = w₀ − α·½/√w₀ = 2.685 − 19·0.5/√2.685.
        XCTAssertEqual(rows[1][0], 19)
        XCTAssertEqual(rows[1][1], 1)
        XCTAssertEqual(rows[1][2], 2.685 - 19 * 0.5 / 2.685.squareRoot(), accuracy: 1e-12)
        XCTAssertTrue(rows[1][3].isNaN)
        let axes = try XCTUnwrap(figure.panels.first?.axes)
        let arrows = axes.marks.compactMap { $0 as? ArrowMark }
        XCTAssertEqual(arrows.count, 1)
        // From the start, leftwards, ending inside the view (which starts at w = 0).
        let arrow = try XCTUnwrap(arrows.first)
        XCTAssertEqual(arrow.from.x, 2.685)
        XCTAssertLessThan(arrow.to.x, 0.5)
        XCTAssertGreaterThanOrEqual(arrow.to.x, axes.xLimits?.lower ?? 0)
        let notes = axes.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertTrue(notes.contains("leaves f's domain at step 1 (to w = −3.11)"), "\(notes)")
    }

    /// X8-8: x⁴/4 − x² from 2.4 at α = 0.3 jumps over the hump and settles at −√2: "good (oscillates)" hid that
    /// it left its own well. X8-12: sqrt(|x|) at α = 1.2 reaches the cusp and is thrown from side to side.
    func testAVerdictSaysWhenTheRunCrossesOrNeverSettles() throws {
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: 2.4, lr: 0.3), "crosses to another minimum")
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: 2.4, lr: 0.1), "good")
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: 2.4, lr: 0.01), "too small")
        XCTAssertEqual(try verdict("x^4/4 - x^2", start: -2.4, lr: 0.3), "crosses to another minimum")
        XCTAssertEqual(try verdict("sqrt(abs(x))", start: 2.4, lr: 1.2), "oscillates, never settles")
        // A plain slow run keeps its verdict.
        XCTAssertEqual(try verdict("x^2", start: 2.4, lr: 0.01), "too small")
    }
}
