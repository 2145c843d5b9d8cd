import XCTest
@testable import Optim

/// Every built-in activation and surface, written as an expression, agrees with its built-in
/// within 1e-12 (values everywhere on the grid; derivatives away from kinks, where conventions
/// for the formula as written may legitimately differ from the built-in's).
final class ExpressionCatalogueTests: XCTestCase {
    static let activations: [String: String] = [
        "identity": "x",
        "binary_step": "0^relu(-x)",
        "sigmoid": "1/(1 + exp(-x))",
        "tanh": "tanh(x)",
        "relu": "relu(x)",
        "leaky_relu": "max(x, 0.01*x)",
        "prelu": "max(x, 0.25*x)",
        "elu": "relu(x) + min(0, expm1(x))",
        "selu": "1.0507009873554804934193349852946*(relu(x) + 1.6732632423543772848170429916717*min(0, expm1(x)))",
        "celu": "max(0, x) + min(0, 1*expm1(x/1))",
        "gelu": "x*0.5*erfc(-x/sqrt(2))",
        "gelu_tanh": "x*sigmoid(2*sqrt(2/pi)*(x + 0.044715*x^3))",
        "gelu_sigmoid": "x*sigmoid(1.702*x)",
        "silu": "x*sigmoid(x)",
        "swish": "x*sigmoid(beta*x)",
        "mish": "x*tanh(softplus(x))",
        "lisht": "x*tanh(x)",
        "softplus": "max(x, 0) + log1p(exp(-abs(x)))",
        "softsign": "x/(1 + abs(x))",
        "hardtanh": "max(-1, min(1, x))",
        "hardsigmoid": "max(0, min(1, (x + 3)/6))",
        "hardswish": "x*max(0, min(1, (x + 3)/6))",
        "relu6": "min(max(0, x), 6)",
        "log_sigmoid": "-softplus(-x)",
    ]

    static let surfaces: [String: String] = [
        "saddle": "x^2 - y^2",
        "bowl": "x^2 + y^2",
        "ellipse": "0.1*x^2 + 2*y^2",
        "rosenbrock": "(1 - x)^2 + 100*(y - x^2)^2",
        "beale": "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        "himmelblau": "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        "booth": "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
        "matyas": "0.26*(x^2 + y^2) - 0.48*x*y",
        "rastrigin": "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
        "ackley": "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
        "six_hump_camel": "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
        "monkey_saddle": "x^3 - 3*x*y^2",
        "styblinski_tang": "0.5*((x^4 - 16*x^2 + 5*x) + (y^4 - 16*y^2 + 5*y))",
        "linreg_mse": datasetSum { "(x*\($0) + y - \($1))^2" },
        "logreg_bce": datasetSum { "(max(x*\($0) + y, 0) - (x*\($0) + y)*\($1) + log1p(exp(-abs(x*\($0) + y))))" },
    ]

    /// (Σᵢ term(xᵢ, yᵢ))/n over the toy dataset, written out.
    static func datasetSum(_ term: (String, String) -> String) -> String {
        let data = ToyDataset.standard
        let terms = zip(data.inputs, data.labels).map { term("(\($0))", "\($1)") }
        return "(" + terms.joined(separator: " + ") + ")/\(data.count)"
    }

    func testEveryActivation() throws {
        XCTAssertEqual(Set(Self.activations.keys), Set(Activation.allNames), "one expression per built-in")
        let xs = (-300...300).map { Double($0) / 20 } + [1e-8, -1e-8, 0.123456789]
        for name in Activation.allNames {
            let builtIn = try Activation(name: name)
            let source = try XCTUnwrap(Self.activations[name])
            let f = try MathExpression(source, parameters: name == "swish" ? ["beta": 1] : [:])
            var v: [Double] = [], d: [Double] = []
            f.evaluate(xs, values: &v, derivatives: &d)
            // Where the formula switches branches (elu, celu at 0), autograd's convention for max/min
            // applies to the formula as written (0.5 at a tie), not the built-in's C¹ value.
            let branchPoints: [Double] = ["elu", "celu"].contains(name) ? [0] : []
            let kinks = Set(builtIn.kinks + builtIn.jumps + branchPoints)
            for (i, x) in xs.enumerated() {
                XCTAssertTrue(close(v[i], builtIn.value(x)), "\(name) = \(source) at \(x): \(v[i]) vs \(builtIn.value(x))")
                if !kinks.contains(x) {
                    XCTAssertTrue(close(d[i], builtIn.derivative(x)),
                                  "\(name)' from \(source) at \(x): \(d[i]) vs \(builtIn.derivative(x))")
                }
            }
            // The activation as a function of the grammar is the built-in itself, kinks included.
            let called = try MathExpression("\(name)(x)")
            for x in xs + builtIn.kinks {
                XCTAssertTrue(close(called.value(x), builtIn.value(x)), "\(name)(x) at \(x)")
                XCTAssertTrue(close(called.derivative(x), builtIn.derivative(x)), "\(name)'(x) at \(x)")
            }
        }
    }

    func testEverySurface() throws {
        XCTAssertEqual(Set(Self.surfaces.keys), Set(Surface.allNames), "one expression per built-in")
        for name in Surface.allNames {
            let s = try Surface(named: name)
            let f = try MathExpression(try XCTUnwrap(Self.surfaces[name]), dimension: 2)
            let box = s.viewBox
            var xs: [Double] = [], ys: [Double] = []
            for i in 0...40 {
                for j in 0...40 {
                    xs.append(box.xmin + (box.xmax - box.xmin) * Double(i) / 40 + 1e-3)
                    ys.append(box.ymin + (box.ymax - box.ymin) * Double(j) / 40 + 1e-3)
                }
            }
            var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
            f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
            for k in xs.indices {
                let g = s.gradient(xs[k], ys[k])
                let fv = s.value(xs[k], ys[k])
                // Relative to the size of the terms (a gradient that cancels to ~0 keeps their rounding).
                let scale = max(1, abs(fv))
                XCTAssertEqual(v[k], fv, accuracy: 1e-12 * scale, "\(name) at (\(xs[k]), \(ys[k]))")
                XCTAssertEqual(gx[k], g.dx, accuracy: 1e-12 * max(scale, abs(g.dx)), "\(name) df/dx at (\(xs[k]), \(ys[k]))")
                XCTAssertEqual(gy[k], g.dy, accuracy: 1e-12 * max(scale, abs(g.dy)), "\(name) df/dy at (\(xs[k]), \(ys[k]))")
            }
        }
    }

    /// At the catalogue's own critical points too (the grid above is offset by 10⁻³ and missed them): typed
    /// as a formula, Ackley had ∇f(0, 0) = NaN (sqrt′(0) = inf times the zero derivative of x² + y², as
    /// torch's chain rule gives), so a run started at its minimum "diverged at step 0". The cone's tip now
    /// gets the subgradient 0, the built-in's value.
    func testEverySurfaceAtItsCriticalPoints() throws {
        for name in Surface.allNames {
            let s = try Surface(named: name)
            let f = try MathExpression(try XCTUnwrap(Self.surfaces[name]), dimension: 2)
            for p in s.minima + s.localMinima + s.saddles + [Point2(0, 0)] {
                let (v, gx, gy) = (f.value(p.x, p.y), f.gradient(p.x, p.y).dx, f.gradient(p.x, p.y).dy)
                let g = s.gradient(p.x, p.y), fv = s.value(p.x, p.y)
                let scale = max(1, abs(fv))
                XCTAssertEqual(v, fv, accuracy: 1e-12 * scale, "\(name) at \(p)")
                XCTAssertEqual(gx, g.dx, accuracy: 1e-12 * max(scale, abs(g.dx)), "\(name) df/dx at \(p)")
                XCTAssertEqual(gy, g.dy, accuracy: 1e-12 * max(scale, abs(g.dy)), "\(name) df/dy at \(p)")
            }
        }
        // The rule is only for a root's tip: sqrt(x) keeps torch's sqrt′(0) = inf, and is NaN left of 0.
        let root = try MathExpression("sqrt(x)")
        XCTAssertEqual(root.derivative(0), .infinity)
        XCTAssertTrue(root.derivative(-1).isNaN)
        XCTAssertEqual(try MathExpression("sqrt(x^2)").derivative(0), 0)
        // (x²)^¼ = √|x| is a cusp, not a cone: its one-sided slopes are ±∞, and torch's inf·0 = NaN stands.
        XCTAssertTrue(try MathExpression("(x^2)^0.25").derivative(0).isNaN)
        XCTAssertEqual(try MathExpression("(x^2)^0.75").derivative(0), 0)
        XCTAssertEqual(try MathExpression("sqrt(x^2)").derivative(-2), -1)
    }
}
