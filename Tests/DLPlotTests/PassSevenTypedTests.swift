import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Typed functions tried as a new user would (pass 7 and the pass-6 leftovers), each finding a value asserted:
/// step functions' values as a set, f′'s jumps with torch's value dotted, cusps with slopes ±∞, and f′ at the
/// edge of f's domain.
final class PassSevenTypedTests: XCTestCase {
    /// x/|x| takes −1 and 1; "range [−1, 1]" told a student it takes 0.3 too. The binary step likewise.
    func testAStepFunctionNamesItsValues() throws {
        let (sign, _) = try DLPlot.ActivationCommand.parse(["x/abs(x)"]).makeFigure()
        XCTAssertTrue(sign.subtitle?.hasPrefix("values {−1, 1} · monotonic") == true, sign.subtitle ?? "")
        let (step, _) = try DLPlot.ActivationCommand.parse(["relu(x)/x"]).makeFigure()
        XCTAssertTrue(step.subtitle?.hasPrefix("values {0, 1} · ") == true, step.subtitle ?? "")
        let (builtIn, _) = try DLPlot.ActivationCommand.parse(["binary_step"]).makeFigure()
        XCTAssertTrue(builtIn.subtitle?.hasPrefix("values {0, 1} · ") == true, builtIn.subtitle ?? "")
        XCTAssertEqual(try Activation(expression: MathExpression("x/abs(x)")).outputValues, [-1, 1])
        // A continuum keeps its interval.
        XCTAssertNil(try Activation(expression: MathExpression("tanh(x)")).outputValues)
        XCTAssertNil(try Activation(expression: MathExpression("relu(x)")).outputValues)
        let (tanh, _) = try DLPlot.ActivationCommand.parse(["tanh(x)"]).makeFigure()
        XCTAssertTrue(tanh.subtitle?.hasPrefix("range (−1, 1) · ") == true, tanh.subtitle ?? "")
    }

    /// |x − 1| + max(x, 0) − min(x, −1): f′ jumps at −1, 0 and 1 were plain gaps. Each now has open dots at the
    /// one-sided limits and a closed dot at torch's value (a max/min tie gives 0.5 to each argument).
    func testDerivativeJumpsShowTorchsValue() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["abs(x-1)+max(x,0)-min(x,-1)"]).makeFigure()
        let dots = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots)
        let closed = dots.filter(\.filled).map { [$0.point.x, $0.point.y] }.sorted { $0[0] < $1[0] }
        XCTAssertEqual(closed, [[-1, -1.5], [0, -0.5], [1, 1]])
        let open = Set(dots.filter { !$0.filled }.map { "\($0.point.x),\($0.point.y)" })
        XCTAssertEqual(open, ["-1.0,-2.0", "-1.0,-1.0", "0.0,-1.0", "0.0,0.0", "1.0,0.0", "1.0,2.0"])
        // relu: f′(0) = 0 closed (torch's choice), 1 open.
        let (relu, _) = try DLPlot.ActivationCommand.parse(["relu"]).makeFigure()
        let reluDots = try XCTUnwrap(relu.panels.first).axes.marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots)
        XCTAssertTrue(reluDots.contains { $0.filled && $0.point == Point(0, 0) })
        XCTAssertTrue(reluDots.contains { !$0.filled && $0.point == Point(0, 1) })
        // The grid: |x|′ jumps from −1 to 1 with abs′(0) = 0.
        let (grid, _) = try DLPlot.ActivationsCommand.parse(["--names", "abs(x),tanh"]).makeFigure()
        let gridDots = try XCTUnwrap(grid.panels.first).axes.marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots)
        XCTAssertEqual(gridDots.filter(\.filled).map(\.point), [Point(0, 0)])
        XCTAssertEqual(Set(gridDots.filter { !$0.filled }.map(\.point.y)), [-1, 1])
    }

    /// sqrt(|x|) and |x|^(1/3) at 0: f′ was 0 there (a cone-tip rule meant for sqrt(x² + y²)), the axis ran to
    /// ±5000 and a box claimed "max |f′| = 9.38×10⁶ at x = 0". torch gives NaN (inf·0); the slopes are ±∞.
    func testACuspHasInfiniteSlopesNotAFalseMaximum() throws {
        for text in ["sqrt(abs(x))", "abs(x)^(1/3)", "(x^2)^(1/3)"] {
            let f = try MathExpression(text)
            XCTAssertTrue(f.derivative(0).isNaN, text)
            XCTAssertEqual(f.value(0), 0, text)
        }
        // A smooth minimum under the root keeps the cone tip's subgradient 0: sqrt(x²) = |x|, (x²)^0.75 = |x|^1.5.
        XCTAssertEqual(try MathExpression("sqrt(x^2)").derivative(0), 0)
        XCTAssertEqual(try MathExpression("(x^2)^0.75").derivative(0), 0)
        XCTAssertEqual(try MathExpression("sqrt(x^2+y^2)", dimension: 2).gradient(0, 0).dx, 0)
        // Away from 0 the chain rule as before: d/dx √|x| at 0.25 = 1/(2·0.5) = 1; at −0.25, −1.
        XCTAssertEqual(try MathExpression("sqrt(abs(x))").derivative(0.25), 1, accuracy: 1e-15)
        XCTAssertEqual(try MathExpression("sqrt(abs(x))").derivative(-0.25), -1, accuracy: 1e-15)

        let a = try Activation(expression: MathExpression("sqrt(abs(x))"))
        XCTAssertEqual(a.steepestSlope.magnitude, .infinity)
        XCTAssertEqual(a.steepestSlope.at, 0)
        let (figure, _) = try DLPlot.ActivationCommand.parse(["sqrt(abs(x))"]).makeFigure()
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertTrue(subtitle.hasSuffix("f′ → −∞ as x → 0⁻ and ∞ as x → 0⁺ (a cusp)"), subtitle)
        XCTAssertFalse(subtitle.contains("precision"), subtitle)
        // The axis is fitted to the curves (f reaches √6 ≈ 2.45), not to the slope next to 0.
        let y = try XCTUnwrap(figure.panels.first?.axes.yLimits)
        XCTAssertLessThan(y.upper, 10)
        XCTAssertGreaterThan(y.upper, 2.45)
        XCTAssertGreaterThan(y.lower, -10)
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        XCTAssertFalse(marks.contains { ($0 as? ScatterMark)?.shape == .diamond }, "no max |f′| marker")
        XCTAssertFalse(marks.contains { $0 is JumpDotsMark }, "no dots where f′ is unbounded")
        // The property table says ∞ and torch's NaN.
        let row = ActivationTableFigure.properties(of: a)
        XCTAssertEqual(row.maxAbsDerivative, .infinity)
        XCTAssertTrue(row.derivativeAtZero.isNaN)
    }

    /// xˣ: f′ came down to −2 near 0 and a straight dashed segment went back up to torch's f′(0) = 0. At the
    /// edge of f's domain f′ is not drawn; the curve leaves the bottom of the plot.
    func testDerivativeIsNotJoinedToAConventionValueAtTheDomainEdge() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["x^x"]).makeFigure()
        let lines = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? LineMark }.filter { !$0.points.isEmpty }
        let derivative = try XCTUnwrap(lines.first { $0.label == "$f'(x)$" })
        XCTAssertFalse(derivative.points.contains { $0.x == 0 && $0.y.isFinite }, "no f′ point at x = 0")
        // The lowest f′ drawn is below the plot's bottom (f′(0.001) = −5.87).
        let y = try XCTUnwrap(figure.panels.first?.axes.yLimits)
        let lowest = try XCTUnwrap(derivative.points.map(\.y).filter(\.isFinite).min())
        XCTAssertLessThan(lowest, y.lower)
    }
}

/// Pass-6 leftovers: where trace's f overflowed, the saturation threshold the help states, the grid's pole line.
final class PassSixLeftoverTests: XCTestCase {
    /// gd with lr 1.5 on x² + y² from (1, 1): f = inf from step 512 (|x| = 2^512 > 1.3×10¹⁵⁴), x, y overflow at
    /// step 1024. The stop line said only "diverged at step 1024"; it now names the step f overflowed.
    func testTraceSaysWhereFOverflowed() throws {
        for surface in ["x^2+y^2", "bowl"] {
            let r = try runDLPlot(["trace", "--surface", surface, "--optimizer", "gd", "--lr", "1.5", "--start=1,1", "--steps", "2000"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stderr, "stop: diverged at step 1024 (f overflowed to inf at step 512)\n")
            let rows = r.stdout.split(separator: "\n")
            XCTAssertTrue(rows[512].hasPrefix("511,") && !rows[512].hasSuffix(",inf"), String(rows[512]))
            XCTAssertTrue(rows[513].hasPrefix("512,") && rows[513].hasSuffix(",inf"), String(rows[513]))
        }
        // 2^511 squared twice is finite, 2^512 squared twice is not: the step is where float64 says.
        XCTAssertTrue((2 * 0x1p511 * 0x1p511).isFinite)
        XCTAssertFalse((2 * 0x1p512 * 0x1p512).isFinite)
        // A run that converges says nothing more.
        let ok = try runDLPlot(["trace", "--surface", "bowl", "--optimizer", "gd", "--lr", "0.1", "--start=1,1", "--steps", "5"])
        XCTAssertEqual(ok.stderr, "stop: max_steps\n")
    }

    /// The help said "for a typed function 0.05·max|f′|"; the rule scales 0.05 down only below sigmoid's slope 0.25.
    func testSaturationHelpStatesTheRule() throws {
        let help = try runDLPlot(["help", "activation"])
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flat.contains("then 0.05·max|f′|/0.25, so 0.01·tanh(x) gets 0.002"), help.stdout)
        let figure = ActivationFigure(activations: [])
        XCTAssertEqual(try XCTUnwrap(figure.tau(for: Activation(expression: MathExpression("0.01*tanh(x)")))), 0.002, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(figure.tau(for: Activation(expression: MathExpression("100*tanh(x)")))), 0.05)
        XCTAssertEqual(try XCTUnwrap(figure.tau(for: Activation(expression: MathExpression("tanh(x)")))), 0.05)
    }

    /// The grid drew 1/x without the dotted x = 0 the single figure has.
    func testTheGridDrawsAPolesAsymptote() throws {
        let (grid, _) = try DLPlot.ActivationsCommand.parse(["--names", "1/x,tanh"]).makeFigure()
        let lines = try XCTUnwrap(grid.panels.first).axes.marks.compactMap { $0 as? ReferenceLineMark }
        XCTAssertEqual(lines.filter { $0.orientation == .vertical }.map(\.value), [0])
        let tanhLines = try XCTUnwrap(grid.panels.last).axes.marks.compactMap { $0 as? ReferenceLineMark }
        XCTAssertTrue(tanhLines.allSatisfy { $0.orientation != .vertical })
    }
}
