import XCTest
@testable import Optim

/// Typed surfaces and loss curves: found critical points, default view and start, and runs that
/// equal the built-in ones number for number.
final class ExpressionSurfaceTests: XCTestCase {
    private func surface(_ s: String, view: ViewBox? = nil) throws -> Surface {
        Surface(expression: try MathExpression(s, dimension: 2), view: view)
    }

    func testTextbookSaddleRunEqualsTheBuiltIn() throws {
        let typed = try surface("x^2 - y^2")
        let builtIn = try Surface(named: "saddle")
        for optimizer in ["gd", "momentum", "adam", "rmsprop"] {
            let options = TrajectoryOptions(steps: 100)
            let a = try runTrajectory(objective: typed, optimizer: try Optimizer(name: optimizer, settings: ["lr": 0.1]),
                                      start: [2, 3], options: options)
            let b = try runTrajectory(objective: builtIn, optimizer: try Optimizer(name: optimizer, settings: ["lr": 0.1]),
                                      start: [2, 3], options: options)
            XCTAssertEqual(a, b, optimizer)
            XCTAssertEqual(a.positionData.count, 202)
        }
    }

    func testCriticalPointsAndDefaults() throws {
        let saddle = try surface("x^2 - y^2")
        XCTAssertEqual(saddle.minima, [])
        XCTAssertEqual(saddle.saddles.count, 1)
        XCTAssertEqual(saddle.saddles.first?.x ?? 1, 0, accuracy: 1e-12)
        XCTAssertEqual(saddle.viewBox, ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3))
        XCTAssertEqual(saddle.displayName, "$x^{2} - y^{2}$")
        XCTAssertEqual(saddle.formula, "$f(x, y) = x^{2} - y^{2}$")
        let rosen = try surface("(1 - x)^2 + 100*(y - x^2)^2", view: ViewBox(xmin: -2, xmax: 2, ymin: -1, ymax: 3))
        XCTAssertEqual(rosen.minima.count, 1)
        XCTAssertEqual(rosen.minima[0].x, 1, accuracy: 1e-9)
        XCTAssertEqual(rosen.minima[0].y, 1, accuracy: 1e-9)
        let himmelblau = try surface("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", view: ViewBox(xmin: -5, xmax: 5, ymin: -5, ymax: 5))
        XCTAssertEqual(himmelblau.minima.count, 4)
        for m in try Surface(named: "himmelblau").minima {
            XCTAssertTrue(himmelblau.minima.contains { abs($0.x - m.x) < 1e-8 && abs($0.y - m.y) < 1e-8 }, "\(m)")
        }
        // The start is in the corner region where f is highest.
        let tilted = try surface("x + 2*y")
        XCTAssertEqual(tilted.suggestedStart.x, 2.4, accuracy: 1e-12)
        XCTAssertEqual(tilted.suggestedStart.y, 2.4, accuracy: 1e-12)
        XCTAssertEqual(tilted.minima, [])
        let bowl = try surface("(x - 1)^2 + (y + 0.5)^2")
        XCTAssertEqual(bowl.minima.first?.x ?? 0, 1, accuracy: 1e-12)
        XCTAssertEqual(bowl.minima.first?.y ?? 0, -0.5, accuracy: 1e-12)
        XCTAssertEqual(bowl.minimumValue ?? 1, 0, accuracy: 1e-20)
    }

    func testLossCurves() throws {
        let square = try Curve1D(expression: MathExpression("x^2"))
        let builtIn = Curve1D(.square)
        XCTAssertEqual(square.viewRange, -3...3)
        XCTAssertEqual(square.minima.count, 1)
        XCTAssertEqual(square.minima[0], 0, accuracy: 1e-12)
        for w in stride(from: -3.0, through: 3, by: 0.25) {
            XCTAssertEqual(square.value(w), builtIn.value(w))
            XCTAssertEqual(square.derivative(w), builtIn.derivative(w))
        }
        let well = try Curve1D(expression: MathExpression("(x^2 - 1)^2 + 0.3*x"))
        let wellBuiltIn = Curve1D(.doubleWell)
        XCTAssertEqual(well.minima.count, 2)
        for (a, b) in zip(well.minima, wellBuiltIn.minima) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        let far = try Curve1D(expression: MathExpression("(x - 6)^2"))
        XCTAssertEqual(far.viewRange, -3...7)
        XCTAssertEqual(far.suggestedStart, -3 + 0.1 * 10)
        XCTAssertThrowsError(try Curve1D(expression: MathExpression("x*y", dimension: 2)))
        XCTAssertEqual(Curve1D.allNames, ["square", "quartic", "double_well", "pitfalls"])
        XCTAssertEqual(Surface.allNames.count, 15)
        XCTAssertThrowsError(try Surface(named: "(expression)"))
    }
}

/// The suggested start of a typed surface is a short decimal (the subtitle prints it).
final class ExpressionSurfaceStartTests: XCTestCase {
    func testDefaultStartIsShort() throws {
        let s = ExpressionSurface(expression: try MathExpression("x + y", dimension: 2), view: nil, start: nil)
        XCTAssertEqual(s.info.suggestedStart, Point2(2.4, 2.4))
        XCTAssertEqual(ExpressionSurface.short(2.4000000000000004, 6), 2.4)
        XCTAssertEqual(ExpressionSurface.short(-0.00012345678, 0.001), -0.0001235)
        XCTAssertEqual(ExpressionSurface.short(123456.7, 100000), 123460)
    }
}

/// The default view of a typed surface holds the minima it finds (tried as a new user would: typed
/// Himmelblau on [−3, 3]² showed one of its four minima, and `basins` called runs to the others
/// "not converged").
final class ExpressionSurfaceViewTests: XCTestCase {
    func testTheDefaultViewHoldsTheGlobalMinima() throws {
        let himmelblau = Surface(expression: try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2))
        let box = himmelblau.viewBox
        XCTAssertEqual(himmelblau.minima.count, 4)
        for m in himmelblau.minima {
            XCTAssertTrue(m.x > box.xmin && m.x < box.xmax && m.y > box.ymin && m.y < box.ymax, "\(m) in \(box)")
            XCTAssertEqual(himmelblau.value(m.x, m.y), 0, accuracy: 1e-12)
        }
        // The minimum at (−3.78, −3.28) with a margin of at least 1, rounded out to halves.
        XCTAssertEqual(box.xmin, -5)
        XCTAssertEqual(box.ymin, -4.5)
        // A minimum far from the origin is in view; surfaces with every minimum near it keep [−3, 3]².
        let shifted = Surface(expression: try MathExpression("(x-5)^2 + (y+4)^2", dimension: 2)).viewBox
        XCTAssertTrue(shifted.xmax >= 6 && shifted.ymin <= -5, "\(shifted)")
        for text in ["x^2 - y^2", "x^2 + 10*y^2", "(1-x)^2 + 100*(y-x^2)^2"] {
            let box = Surface(expression: try MathExpression(text, dimension: 2)).viewBox
            XCTAssertEqual(box, ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3), text)
        }
        // A view that is given is kept.
        let given = ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3)
        XCTAssertEqual(Surface(expression: try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2), view: given).viewBox, given)
    }

    func testLocalMinimaAreListedForBasins() throws {
        // A double well along x: the global minimum near x = −1.04, a local one near x = 0.96.
        let s = Surface(expression: try MathExpression("(x^2 - 1)^2 + 0.3*x + y^2", dimension: 2))
        XCTAssertEqual(s.minima.count, 1)
        XCTAssertEqual(s.minima[0].x, -1.0363, accuracy: 1e-3)
        XCTAssertEqual(s.localMinima.count, 1)
        XCTAssertEqual(s.localMinima[0].x, 0.9592, accuracy: 1e-3)
        XCTAssertEqual(s.localMinima[0].y, 0, accuracy: 1e-9)
    }

    func testAMinimumInASteepNarrowValleyIsFound() throws {
        // Tried as a new user would: both runs converged here, yet the figure drew no star (Newton
        // from the cells of lowest |∇f|, strung along the valley's floor, never converged). The
        // minimum as scipy's Nelder–Mead finds it in float64: (3.3199106492, −0.0016718198), f = 0.94944360967897
        // (f is flat to 1e-16 over 1e-8 there, so the place agrees to about that).
        let text = "(x^2+y-11)^2/(1+exp(-x)) + sqrt(1+y^2) + 0.1*sin(3*x)*cos(2*y) + log1p(x^2*y^2)"
        let s = Surface(expression: try MathExpression(text, dimension: 2))
        XCTAssertEqual(s.viewBox, ViewBox(xmin: -3, xmax: 4.5, ymin: -3, ymax: 3))
        XCTAssertEqual(s.minima.count, 1)
        let m = try XCTUnwrap(s.minima.first)
        XCTAssertEqual(m.x, 3.3199106492, accuracy: 1e-8)
        XCTAssertEqual(m.y, -0.0016718198, accuracy: 1e-8)
        XCTAssertEqual(s.value(m.x, m.y), 0.94944360967897, accuracy: 1e-12)
    }
}

/// A minimum or saddle is claimed only where f's values around it say so.
final class CriticalPointHonestyTests: XCTestCase {
    /// x^y: where x is large and y very negative, f ≈ 10⁻¹⁰ and its gradient passed the tolerance (set by the
    /// view's largest gradient, 10¹⁰); a near-zero Hessian looked positive, so a "min (11, −11)" was starred at
    /// the corner of a view widened to hold it. Now the default view is [−3, 3]², no minimum is claimed, and the
    /// one saddle is at (1, 0) (f_xy = 1, f_xx = f_yy = 0).
    func testPowerHasNoMinimumAndOneSaddle() throws {
        let f = try MathExpression("x^y", dimension: 2)
        XCTAssertTrue(CriticalPoints(f, in: ViewBox(xmin: -10, xmax: 10, ymin: -10, ymax: 10)).globalMinima.isEmpty)
        let s = Surface(expression: f)
        XCTAssertEqual(s.viewBox, ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3))
        XCTAssertEqual(s.minima, [])
        XCTAssertEqual(s.saddles.count, 1)
        XCTAssertEqual(s.saddles.first?.x ?? 0, 1, accuracy: 1e-9)
        XCTAssertEqual(s.saddles.first?.y ?? 1, 0, accuracy: 1e-9)
    }

    /// The ring check: a bowl's minimum has every neighbour above it; a saddle's ring changes sign four times; a
    /// point on a slope (x^y at (10, −10)) has neighbours below it.
    func testRingAroundACandidate() throws {
        let bowl = try MathExpression("x^2 + 3*y^2", dimension: 2)
        XCTAssertTrue(CriticalPoints.ring(bowl, Point2(0, 0), radius: 0.01).noneBelow)
        XCTAssertEqual(CriticalPoints.ring(try MathExpression("x^2 - y^2", dimension: 2), Point2(0, 0), radius: 0.01).signChanges, 4)
        XCTAssertFalse(CriticalPoints.ring(try MathExpression("x^y", dimension: 2), Point2(10, -10), radius: 0.02).noneBelow)
        // A monkey saddle has six.
        XCTAssertEqual(CriticalPoints.ring(try MathExpression("x^3 - 3*x*y^2", dimension: 2), Point2(0, 0), radius: 0.01).signChanges, 6)
    }
}
