import XCTest
@testable import Optim

/// Typed surfaces tried as a new user would (issue 12, X8-16 and X8-9): a function defined on a disk
/// gets a view around the disk and a start inside it; a grid row through the compiled tape gives the
/// same bits as point by point.
final class ExpressionSurfaceDefaultsTests: XCTestCase {
    /// sqrt(1 − x² − y²): every corner point was undefined, the start (2.4000000000000004, …) was refused and
    /// the view stayed [−3, 3]² with 91 % hatched.
    func testADiskGetsAViewAroundItAndAStartInside() throws {
        let disk = Surface(expression: try MathExpression("sqrt(1 - x^2 - y^2)", dimension: 2))
        XCTAssertEqual(disk.viewBox, ViewBox(xmin: -1.5, xmax: 1.5, ymin: -1.5, ymax: 1.5))
        let start = disk.suggestedStart
        XCTAssertTrue(disk.value(start.x, start.y).isFinite, "\(start)")
        XCTAssertEqual(start, Point2(0.6, 0.6))
        // With the view given: still a start inside the disk, on the diagonal.
        let given = Surface(expression: try MathExpression("-sqrt(1 - x^2 - y^2)", dimension: 2),
                            view: ViewBox(xmin: -1, xmax: 1, ymin: -1, ymax: 1))
        XCTAssertEqual(given.viewBox, ViewBox(xmin: -1, xmax: 1, ymin: -1, ymax: 1))
        XCTAssertEqual(given.suggestedStart, Point2(0.7, 0.7))
        // Half a plane is defined on half the view: the view stays, the defined corner is the start.
        let half = Surface(expression: try MathExpression("log(-x) + y^2", dimension: 2))
        XCTAssertEqual(half.viewBox, ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3))
        XCTAssertEqual(half.suggestedStart.x, -2.4)
    }

    /// The figure's grid is sampled a row at a time through the tape, without derivatives: the same values.
    func testARowGivesTheSameBitsAsPoints() throws {
        let xs = (0..<257).map { -3 + 6 * Double($0) / 256 }
        for text in ["(1 - x)^2 + 100*(y - x^2)^2", "sqrt(1 - x^2 - y^2)", "log(x*y) + max(x, y)", "1/(x - y)"] {
            let s = Surface(expression: try MathExpression(text, dimension: 2))
            for y in [-2.5, 0, 0.7] {
                var row = [Double](repeating: 0, count: xs.count)
                row.withUnsafeMutableBufferPointer { s.values(xs, y: y, into: $0) }
                for (i, x) in xs.enumerated() {
                    let v = s.value(x, y)
                    XCTAssertTrue(v.bitPattern == row[i].bitPattern || (v.isNaN && row[i].isNaN), "\(text) at (\(x), \(y))")
                }
            }
        }
        let built = try Surface(named: "rosenbrock")
        var row = [Double](repeating: 0, count: xs.count)
        row.withUnsafeMutableBufferPointer { built.values(xs, y: 1, into: $0) }
        XCTAssertEqual(row, xs.map { built.value($0, 1) })
    }

    /// X8-13: `eval surface` analysed the surface (minima in [−10, 10]², view, start) before printing one
    /// point: a 1000-term sum took 10 s. A surface for evaluation searches nothing and gives the same numbers.
    func testASurfaceForEvaluationSearchesNothing() throws {
        let e = try MathExpression("(1 - x)^2 + 100*(y - x^2)^2", dimension: 2)
        let plain = Surface(evaluating: e), analysed = Surface(expression: e)
        XCTAssertEqual(plain.minima, [])
        XCTAssertEqual(analysed.minima.count, 1)
        for (x, y) in [(1.0, 1.0), (-1.5, 2), (0.3, -0.7)] {
            XCTAssertEqual(plain.value(x, y), analysed.value(x, y))
            XCTAssertEqual(plain.gradient(x, y).dx, analysed.gradient(x, y).dx)
            XCTAssertEqual(plain.gradient(x, y).dy, analysed.gradient(x, y).dy)
        }
    }
}
