import Optim
import Viz
import XCTest
@testable import Figures

/// `dlplot pitfalls`: the title names the loss that was drawn.
final class PitfallsFigureTests: XCTestCase {
    func testTitleNamesATypedLoss() throws {
        let typed = try Curve1D(expression: MathExpression("x^4 - 3*x^2 + x"))
        var figure = try Figure(width: 1280, height: 720)
        _ = try PitfallsFigure(curve: typed, runs: [(start: 2, rate: 0.01)], steps: 10).build(into: &figure)
        XCTAssertEqual(figure.title, "Gradient descent from several starts on " + typed.formula)
        // Typed in x, drawn against w: titled in w, as the axes and the update rule name the variable.
        XCTAssertEqual(typed.formula, "$f(w) = w^{4} - 3w^{2} + w$")

        var builtIn = try Figure(width: 1280, height: 720)
        _ = try PitfallsFigure(curve: Curve1D(named: "pitfalls"), runs: [(start: 2, rate: 0.01)], steps: 10).build(into: &builtIn)
        XCTAssertEqual(builtIn.title, "Pitfalls of gradient descent on a non-convex loss")
    }
}

/// Starts and rates for a typed loss curve (tried as a new user would: `pitfalls --function
/// 'log(x)*x'` started at −4.2 and −2.4, where log is undefined, and at 3.2 and 3.4, outside the view).
final class PitfallsStartsTests: XCTestCase {
    func testTypedCurveStartsAreInViewAndDefined() throws {
        let curve = try Curve1D(expression: MathExpression("log(x)*x"))
        let starts = PitfallsFigure.defaultStarts(for: curve)
        XCTAssertEqual(starts.count, 5)
        for s in starts {
            XCTAssertTrue(curve.viewRange.contains(s), "\(s)")
            XCTAssertTrue(curve.value(s).isFinite && curve.derivative(s).isFinite, "\(s)")
        }
        // Spread over the defined part (0, 3] of the view [−3, 3], at 10 %, 30 %, … of it.
        XCTAssertEqual(starts, [0.35, 0.95, 1.55, 2.1, 2.7].map { $0 }, accuracy: 0.051)
        // The built-in curve keeps its lecture starts and rates.
        let builtIn = Curve1D(.pitfalls)
        XCTAssertEqual(PitfallsFigure.defaultStarts(for: builtIn), [-4.2, -2.4, 0.8, 3.2, 3.4])
        XCTAssertEqual(try PitfallsFigure.defaultRate(for: builtIn, start: 3.4, steps: 40), 0.18)
        XCTAssertEqual(try PitfallsFigure.defaultRate(for: builtIn, start: 0.8, steps: 40), 0.05)
    }

    func testTypedCurveRatesReachAMinimumInView() throws {
        let curve = try Curve1D(expression: MathExpression("x^4 - 3*x^2 + x"))
        for s in PitfallsFigure.defaultStarts(for: curve) {
            let lr = try PitfallsFigure.defaultRate(for: curve, start: s, steps: 40)
            XCTAssertTrue(LearningRateSearch.candidates.contains(lr))
            var w = s
            for _ in 0..<40 { w -= lr * curve.derivative(w) }
            XCTAssertTrue(curve.viewRange.contains(w), "start \(s), lr \(lr): ends at \(w)")
            XCTAssertLessThan(curve.minima.map { abs($0 - w) }.min() ?? .infinity, 0.05, "start \(s), lr \(lr): ends at \(w)")
        }
    }

    func testUndefinedEverywhereGivesNoStarts() throws {
        XCTAssertEqual(PitfallsFigure.defaultStarts(for: try Curve1D(expression: MathExpression("log(-abs(x)-1)"))), [])
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}
