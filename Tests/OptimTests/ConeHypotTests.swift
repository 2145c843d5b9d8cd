import Foundation
import XCTest
@testable import Optim

/// The README's cone sqrt(x² + y²) is evaluated as hypot: 10⁻²⁰⁰ from its tip x² underflowed (f = 0,
/// ∂f/∂x = inf, and a run starting there "diverged at step 0"), 10⁻¹⁶⁰ from it f and ∂f/∂x lost 5.6×10⁻⁶
/// (x² subnormal), and 10²⁰⁰ from it f overflowed with ∂f/∂x = 0.
final class ConeHypotTests: XCTestCase {
    func testTheConeKeepsItsValueAndSlopeAtEveryScale() throws {
        for source in ["sqrt(x^2 + y^2)", "sqrt(x*x + y*y)", "sqrt(y^2 + x^2)"] {
            let cone = try MathExpression(source, dimension: 2)
            for r in [1e-300, 1e-200, 1e-160, 1e-20, 1, 1e200, 1e300] {
                let e = cone.evaluate(r, 0)
                XCTAssertEqual(e.value, r, "\(source) at (\(r), 0)")
                XCTAssertEqual(e.dx, 1, "\(source) ∂f/∂x at (\(r), 0)")
                XCTAssertEqual(e.dy, 0, "\(source) ∂f/∂y at (\(r), 0)")
                let d = cone.evaluate(-3 * r, 4 * r)
                XCTAssertEqual(d.value, 5 * r, accuracy: 5 * r * 1e-15, "\(source) at (−3r, 4r), r = \(r)")
                XCTAssertEqual(d.dx, -0.6, accuracy: 1e-15)
                XCTAssertEqual(d.dy, 0.8, accuracy: 1e-15)
            }
            // The tip: f = 0 and the subgradient 0 (as abs′(0) = 0), not NaN.
            let tip = cone.evaluate(0, 0)
            XCTAssertEqual(tip.value, 0); XCTAssertEqual(tip.dx, 0); XCTAssertEqual(tip.dy, 0)
        }
        // Inside a larger expression the cone is still exact, and the batch path agrees with the point path.
        let ripple = try MathExpression("sqrt(x^2 + y^2) + 0.5*x", dimension: 2)
        var values: [Double] = [], dx: [Double] = [], dy: [Double] = []
        ripple.evaluate(xs: [1e-200, 3, 0], ys: [0, 4, 0], values: &values, dfdx: &dx, dfdy: &dy)
        XCTAssertEqual(values[0], 1.5e-200, accuracy: 1e-215)
        XCTAssertEqual(Array(values.dropFirst()), [6.5, 0])
        XCTAssertEqual(dx[0], 1.5); XCTAssertEqual(dx[1], 0.6 + 0.5, accuracy: 1e-15); XCTAssertEqual(dx[2], 0.5)
        XCTAssertEqual(dy, [0, 0.8, 0])
    }

    func testARunNearTheTipIsNotDivergence() throws {
        let cone = Surface(expression: try MathExpression("sqrt(x^2 + y^2)", dimension: 2))
        let run = try runTrajectory(objective: cone, optimizer: try Optimizer(name: "gd", settings: ["lr": 0.1]),
                                    start: [1e-170, 0], options: TrajectoryOptions(steps: 2))
        XCTAssertEqual(run.stop, .maxSteps)
        XCTAssertEqual(run.values[0], 1e-170)
        // ∂f/∂x = 1: the first step is −0.1 exactly (from 10⁻¹⁷⁰), then back by +0.1.
        XCTAssertEqual(run.position(1)[0], 1e-170 - 0.1)
    }
}
