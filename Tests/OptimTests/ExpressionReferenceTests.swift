import XCTest
@testable import Optim

/// Every case of expressions.json (PyTorch float64 values and derivatives, and mpmath's exact
/// values): each point matches torch's value or the exact one within 1e-12 relative + 1e-15
/// absolute, for f and every derivative. Schema: `{"one_d": [{"expression", "params", "points":
/// [{"x", "y", "dy", "y_exact", "dy_exact", "kink"}]}], "two_d": [{..., "points": [{"x", "y", "f",
/// "dfdx", "dfdy", "f_exact", ...}]}]}`.
final class ExpressionReferenceTests: XCTestCase {
    /// got ≈ torch's value or got ≈ the exact value.
    private func matches(_ got: Double, _ point: [String: Any], _ key: String) -> Bool {
        let candidates = [point.double(key), point.double(key + "_exact")].compactMap { $0 }
        return !candidates.isEmpty && candidates.contains { close(got, $0) }
    }

    private func parameters(_ entry: [String: Any]) -> [String: Double] {
        (entry.object("params") ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    func testOneDimensionalCases() throws {
        let cases = try XCTUnwrap(Reference.load("expressions").objects("one_d"))
        XCTAssertEqual(cases.count, 16)
        var checked = 0
        for entry in cases {
            let source = try XCTUnwrap(entry["expression"] as? String)
            let f = try MathExpression(source, dimension: 1, parameters: parameters(entry))
            let points = try XCTUnwrap(entry.objects("points"))
            let xs = try points.map { try XCTUnwrap($0.double("x")) }
            var values: [Double] = [], derivatives: [Double] = []
            f.evaluate(xs, values: &values, derivatives: &derivatives)
            for (i, p) in points.enumerated() {
                let single = f.evaluate(xs[i])
                XCTAssertEqual(single.value.bitPattern, values[i].bitPattern, "\(source): point and array paths differ")
                XCTAssertEqual(single.derivative.bitPattern, derivatives[i].bitPattern, "\(source): point and array paths differ")
                XCTAssertTrue(matches(values[i], p, "y"), "\(source) at x = \(xs[i]): \(values[i]), torch \(p["y"] ?? "-")")
                XCTAssertTrue(matches(derivatives[i], p, "dy"),
                              "\(source)' at x = \(xs[i]): \(derivatives[i]), torch \(p["dy"] ?? "-")")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 80)
    }

    func testTwoDimensionalCases() throws {
        let cases = try XCTUnwrap(Reference.load("expressions").objects("two_d"))
        XCTAssertEqual(cases.count, 8)
        for entry in cases {
            let source = try XCTUnwrap(entry["expression"] as? String)
            let f = try MathExpression(source, dimension: 2, parameters: parameters(entry))
            let points = try XCTUnwrap(entry.objects("points"))
            let xs = try points.map { try XCTUnwrap($0.double("x")) }
            let ys = try points.map { try XCTUnwrap($0.double("y")) }
            var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
            f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
            for (i, p) in points.enumerated() {
                let at = "\(source) at (\(xs[i]), \(ys[i]))"
                XCTAssertTrue(matches(v[i], p, "f"), "\(at): f = \(v[i]), torch \(p["f"] ?? "-")")
                XCTAssertTrue(matches(gx[i], p, "dfdx"), "\(at): df/dx = \(gx[i]), torch \(p["dfdx"] ?? "-")")
                XCTAssertTrue(matches(gy[i], p, "dfdy"), "\(at): df/dy = \(gy[i]), torch \(p["dfdy"] ?? "-")")
                let single = f.evaluate(xs[i], ys[i])
                XCTAssertEqual(single.value.bitPattern, v[i].bitPattern, at)
                XCTAssertEqual(single.dx.bitPattern, gx[i].bitPattern, at)
                XCTAssertEqual(single.dy.bitPattern, gy[i].bitPattern, at)
            }
        }
    }

    /// torch.autograd's conventions where f is not differentiable, and stability where the
    /// built-ins are stable.
    func testKinkConventionsAndStability() throws {
        func d(_ s: String, _ x: Double) throws -> Double { try MathExpression(s).derivative(x) }
        XCTAssertEqual(try d("abs(x)", 0), 0)
        XCTAssertEqual(try d("relu(x)", 0), 0)
        XCTAssertEqual(try d("max(x, 0)", 0), 0.5)
        XCTAssertEqual(try d("min(x, 0)", 0), 0.5)
        XCTAssertEqual(try d("max(x, x)", 3), 1)
        XCTAssertEqual(try d("sqrt(x)", 0), .infinity)
        XCTAssertEqual(try d("x^0", 0), 0)
        XCTAssertEqual(try MathExpression("softplus(x)").value(1000), 1000)
        XCTAssertEqual(try MathExpression("softplus(x)").value(-1000), 0)
        XCTAssertEqual(try MathExpression("sigmoid(x)").value(-1000), 0)
        XCTAssertEqual(try MathExpression("softplus(x)").value(21), 21, "torch's threshold 20 returns x")
        XCTAssertEqual(try d("tanh(x)", 40), 4 * Foundation.exp(-80), accuracy: 1e-40)
        XCTAssertEqual(try MathExpression("log(1 + exp(x))").value(1000), .infinity, "as typed, it overflows")
        XCTAssertTrue(try MathExpression("log(x)").value(-1).isNaN, "NaN is a value, not an error")
        XCTAssertEqual(try MathExpression("(-2)^3").value(0), -8)
        XCTAssertEqual(try d("x^3", -2), 12)
        // A variable that does not occur has a structurally zero derivative (not inf·0 = NaN).
        let g = try MathExpression("sqrt(x)", dimension: 2).gradient(0, 5)
        XCTAssertEqual(g.dx, .infinity)
        XCTAssertEqual(g.dy, 0)
        XCTAssertEqual(try MathExpression("2 + 3").derivative(1), 0)
    }

    /// Precedence and associativity: `^` right-associative and tighter than unary minus.
    func testPrecedence() throws {
        func v(_ s: String, _ x: Double = 0) throws -> Double { try MathExpression(s).value(x) }
        XCTAssertEqual(try v("-x^2", 3), -9)
        XCTAssertEqual(try v("2^3^2"), 512)
        XCTAssertEqual(try v("2**3**2"), 512)
        XCTAssertEqual(try v("2^-1"), 0.5)
        XCTAssertEqual(try v("-2^-2"), -0.25)
        XCTAssertEqual(try v("1 - 2 - 3"), -4)
        XCTAssertEqual(try v("8 / 4 / 2"), 1)
        XCTAssertEqual(try v("2 * 3 + 4 * 5"), 26)
        XCTAssertEqual(try v("--x", 2), 2)
        XCTAssertEqual(try v("(1 + 2) * 3"), 9)
        XCTAssertEqual(try v("1e-3 * 1000"), 1)
        XCTAssertEqual(try v(".5 + 0.5"), 1)
        XCTAssertEqual(try v("pi"), Double.pi)
        XCTAssertEqual(try v("e"), Foundation.exp(1))
        XCTAssertEqual(try v("gelu(x) - x*0.5*erfc(-x/sqrt(2))", 1.3), 0, accuracy: 1e-15)
    }
}
