import XCTest
@testable import Optim

/// The pretty-printer to dlplot's math-label syntax.
final class ExpressionLabelTests: XCTestCase {
    private func label(_ s: String, _ dimension: Int = 1, _ p: [String: Double] = [:]) throws -> String {
        try MathExpression(s, dimension: dimension, parameters: p).mathLabel
    }

    /// X13-6: pi times a variable was "\\pix", drawn as raw markup ("$f(x) = \\pix$"); X13-32: a number before
    /// max/min was glued to it ("0.5min(0, x)").
    func testAConstantBeforeAVariableStaysACommand() throws {
        XCTAssertEqual(try label("pi*x"), "\\pi x")
        XCTAssertEqual(try label("sin(pi*x)"), "\\mathrm{sin}(\\pi x)")
        XCTAssertEqual(try label("pi*x^2"), "\\pi x^{2}")
        XCTAssertEqual(try label("pi*y + x^2", 2), "\\pi y + x^{2}")
        XCTAssertEqual(try label("beta*x", 1, ["beta": 1]), "\\beta x")
        XCTAssertEqual(try label("0.5*min(0, x)"), "0.5\\,\\min(0, x)")
        XCTAssertEqual(try label("2*max(x, 0)"), "2\\,\\max(x, 0)")
    }

    /// X13-10: negative_slope was set as "negative" with a subscript "slope"; a Greek or one-letter stem keeps its
    /// subscript (α₁, η_max, w₀).
    func testASnakeCaseParameterIsAWord() throws {
        XCTAssertEqual(MathExpression.label(name: "negative_slope"), "\\mathrm{negative_slope}")
        XCTAssertEqual(MathExpression.label(name: "my_param"), "\\mathrm{my_param}")
        XCTAssertEqual(MathExpression.label(name: "alpha_1"), "\\alpha_{1}")
        XCTAssertEqual(MathExpression.label(name: "eta_max"), "\\eta_{max}")
        XCTAssertEqual(MathExpression.label(name: "w_0"), "w_{0}")
        XCTAssertEqual(MathExpression.label(name: "w0"), "w_{0}")
    }

    /// X13-23: products of three factors were half juxtaposed, half dotted ("4x·y", "2π·x", "π·a·x"). A coefficient
    /// (numbers, constants, one-letter parameters) before letters is juxtaposed; a dot stays before a number or a call.
    func testAProductChainIsWrittenOneWay() throws {
        XCTAssertEqual(try label("x^4+y^4-4*x*y", 2), "x^{4} + y^{4} - 4xy")
        XCTAssertEqual(try label("2*pi*x"), "2\\pi x")
        XCTAssertEqual(try label("pi*a*x", 1, ["a": 1]), "\\pi ax")
        XCTAssertEqual(try label("a*x*y", 2, ["a": 1]), "axy")
        XCTAssertEqual(try label("4*x*y^2", 2), "4xy^{2}")
        XCTAssertEqual(try label("2*beta*x", 1, ["beta": 1]), "2\\beta x")
        // Unchanged: a dot before a number, a call or a word-named parameter, and between plain variables.
        XCTAssertEqual(try label("x*2"), "x \\cdot 2")
        XCTAssertEqual(try label("2*x*sin(x)"), "2x \\cdot \\mathrm{sin}(x)")
        XCTAssertEqual(try label("2*lr*x", 1, ["lr": 1]), "2\\,\\mathrm{lr} \\cdot x")
        XCTAssertEqual(try label("x*y", 2), "x \\cdot y")
        XCTAssertEqual(try label("a*x", 1, ["a": 1]), "ax")
    }

    /// Tried as a new user would: (x/2)^3 was titled \frac{x}{2}^{3}, which reads as x³/2, and its legend
    /// "x/2³"; a fraction raised to a power keeps its brackets in every form.
    func testAFractionRaisedToAPowerKeepsItsBrackets() throws {
        XCTAssertEqual(try label("(x/2)^3"), "(\\frac{x}{2})^{3}")
        XCTAssertEqual(try label("(1/x)^2"), "(\\frac{1}{x})^{2}")
        XCTAssertEqual(try label("(x/2)^2^(1/2)"), "(\\frac{x}{2})^{2^{1/2}}")
        XCTAssertEqual(try label("2^(x/2)"), "2^{x/2}")
        XCTAssertEqual(try label("(x^2)^3"), "(x^{2})^{3}")
        XCTAssertEqual(try label("x/2^3"), "\\frac{x}{2^{3}}")
        // Inside an exponent the fraction is inline and bracketed as before.
        XCTAssertEqual(try label("2^((x/2)^2)"), "2^{(x/2)^{2}}")
    }

    /// Tried as a new user would: x-(-x) was titled "x − −x".
    func testNegativeRightOperandIsBracketed() throws {
        XCTAssertEqual(try label("x-(-x)"), "x - (-x)")
        XCTAssertEqual(try label("x+(-x^2)"), "x + (-x^{2})")
        XCTAssertEqual(try label("x - y", 2), "x - y")
        // X8-6: a sign before a sign was "−−x".
        XCTAssertEqual(try label("-(-x)"), "-(-x)")
        XCTAssertEqual(try label("-(-(-x))"), "-(-(-x))")
        XCTAssertEqual(try label("-x"), "-x")
    }

    /// X8-6: x/(x/2)/3 was four storeys of fractions with bars of nearly equal length. One level is stacked;
    /// a division inside a numerator, a denominator or an exponent is written inline and bracketed.
    func testOnlyOneLevelOfFractionIsStacked() throws {
        XCTAssertEqual(try label("x/(x/2)/3"), "\\frac{x/(x/2)}{3}")
        XCTAssertEqual(try label("x/((x/2)/3)"), "\\frac{x}{(x/2)/3}")
        XCTAssertEqual(try label("(1/x + 1/y)/2", 2), "\\frac{1/x + 1/y}{2}")
        XCTAssertEqual(try label("x^(1/3)"), "x^{1/3}")
        XCTAssertEqual(try label("2^(x/(1+x))"), "2^{x/(1 + x)}")
        XCTAssertEqual(try label("1/sqrt(x/2)"), "\\frac{1}{\\sqrt{x/2}}")
        XCTAssertEqual(try label("x/(2*y)", 2), "\\frac{x}{2y}")
        XCTAssertEqual(try label("(x/2*y)/3", 2), "\\frac{(x/2) \\cdot y}{3}")
        XCTAssertEqual(try label("(-(x/2))/3"), "\\frac{-x/2}{3}")
        XCTAssertEqual(try label("x/(-x/2)/3"), "\\frac{x/(-x/2)}{3}")
        // One level stays stacked, also inside a root or a call.
        XCTAssertEqual(try label("sqrt(x/2)"), "\\sqrt{\\frac{x}{2}}")
        XCTAssertEqual(try label("erf(x/sqrt(2))"), "\\mathrm{erf}(\\frac{x}{\\sqrt{2}})")
        XCTAssertEqual(try label("x/2 + 1"), "\\frac{x}{2} + 1")
        // The inline form follows the same sign rule as the stacked one: no "−−".
        XCTAssertEqual(try label("(-(-x/2))/3"), "\\frac{-(-x/2)}{3}")
    }

    func testLabels() throws {
        XCTAssertEqual(try label("x*tanh(softplus(x))"), "x \\cdot \\mathrm{tanh}(\\mathrm{softplus}(x))")
        XCTAssertEqual(try label("x*sigmoid(beta*x)", 1, ["beta": 1]), "x \\cdot \\mathrm{sigmoid}(\\beta x)")
        XCTAssertEqual(try label("-x^2 + 3*x - 1"), "-x^{2} + 3x - 1")
        XCTAssertEqual(try label("x^3/3 - x"), "\\frac{x^{3}}{3} - x")
        // X8-6: the exponent's fraction was stacked inside the superscript (6 px tall at 1280x720).
        XCTAssertEqual(try label("exp(-x^2/2)/sqrt(2*pi)"), "\\frac{e^{-x^{2}/2}}{\\sqrt{2\\pi}}")
        XCTAssertEqual(try label("(1 - x)^2 + 100*(y - x^2)^2", 2), "(1 - x)^{2} + 100(y - x^{2})^{2}")
        XCTAssertEqual(try label("abs(x) + max(x, 0.1*x)"), "|x| + \\max(x, 0.1x)")
        XCTAssertEqual(try label("w0 * x^4", 1, ["w0": 1]), "w_{0}x^{4}")
        XCTAssertEqual(try label("(x + 1)*(x - 1)"), "(x + 1) \\cdot (x - 1)")
        XCTAssertEqual(try label("x - (x - 1)"), "x - (x - 1)")
        XCTAssertEqual(try label("-(x + 1)"), "-(x + 1)")
        XCTAssertEqual(try label("2^-x"), "2^{-x}")
        XCTAssertEqual(try label("(-x)^2"), "(-x)^{2}")
        XCTAssertEqual(try label("1e-10*x"), "10^{-10}x")
        XCTAssertEqual(try label("2.5e-10*x"), "2.5 \\times 10^{-10}x")
        XCTAssertEqual(try label("lr*x", 1, ["lr": 2]), "\\mathrm{lr} \\cdot x")
        // A coefficient before a function name gets a thin space (it read "0.1sin(3x)", one word).
        XCTAssertEqual(try label("0.1*sin(3*x)"), "0.1\\,\\mathrm{sin}(3x)")
        XCTAssertEqual(try label("2*log1p(x^2)"), "2\\,\\mathrm{log1p}(x^{2})")
        XCTAssertEqual(try MathExpression("x^2 - y^2", dimension: 2).formula, "$f(x, y) = x^{2} - y^{2}$")
    }
}
