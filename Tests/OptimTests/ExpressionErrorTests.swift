import XCTest
@testable import Optim

/// Bad expressions: one message line with the column, what was expected and "did you mean", then
/// the expression with a caret under the offending position. Never a crash or a deep recursion.
final class ExpressionErrorTests: XCTestCase {
    /// The error for `source`; fails the test if it parses.
    private func error(_ source: String, dimension: Int = 1, parameters: [String: Double] = [:],
                       file: StaticString = #filePath, line: UInt = #line) -> ExpressionError? {
        do {
            _ = try MathExpression(source, dimension: dimension, parameters: parameters)
            XCTFail("'\(source.prefix(40))' parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// The caret line points at `column` (0-based) of the shown expression.
    private func assertCaret(_ e: ExpressionError?, at offset: Int, file: StaticString = #filePath, line: UInt = #line) {
        guard let e else { return }
        let lines = e.description.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3, e.description, file: file, line: line)
        XCTAssertEqual(e.offset, offset, e.description, file: file, line: line)
        if lines.count == 3, e.expression.count <= 72 {
            XCTAssertEqual(lines[1], "  " + e.expression.map { $0.isWhitespace ? " " : $0 }.map(String.init).joined(),
                           file: file, line: line)
            XCTAssertEqual(lines[2], "  " + String(repeating: " ", count: offset) + "^", file: file, line: line)
        }
    }

    func testUnknownNamesSuggestTheClosest() {
        let e = error("x*tanhh(x)")
        XCTAssertEqual(e?.message, "unknown function 'tanhh' (column 3); did you mean 'tanh'?")
        assertCaret(e, at: 2)
        XCTAssertEqual(error("sigmod(x)")?.message, "unknown function 'sigmod' (column 1); did you mean 'sigmoid'?")
        XCTAssertEqual(error("x*sigmoid(bta*x)", parameters: ["beta": 1])?.message,
                       "unknown name 'bta' (column 11); did you mean 'beta'?")
        XCTAssertEqual(error("2*pie")?.message, "unknown name 'pie' (column 3); did you mean 'pi'?")
        XCTAssertEqual(error("geluu(x)")?.message, "unknown function 'geluu' (column 1); did you mean 'gelu'?")
    }

    /// A suggestion only when it is close for the name's length; otherwise what there is.
    func testFarNamesGetNoSuggestion() {
        // e2 is e glued to 2 (was "did you mean 'pi'?").
        XCTAssertEqual(error("e2*x")?.message, "unknown name 'e2' (column 1): write 'e*2' to multiply or 'e^2' for a power")
        XCTAssertEqual(error("3*x2")?.message, "unknown name 'x2' (column 3): write 'x*2' to multiply or 'x^2' for a power")
        // foo is two edits from log: no guess, the functions listed (was "did you mean 'log'?").
        let foo = error("foo(x)")?.message ?? ""
        XCTAssertTrue(foo.hasPrefix("unknown function 'foo' (column 1): the functions are exp log log1p"), foo)
        XCTAssertTrue(foo.hasSuffix("max min and every activation name (dlplot list activations)"), foo)
        XCTAssertFalse(foo.contains("did you mean"))
        // X is x in capitals (was "parameter 'X' has no value").
        XCTAssertEqual(error("X*2")?.message, "unknown name 'X' (column 1); names are case-sensitive; did you mean 'x'?")
        XCTAssertEqual(error("x + Y", dimension: 2)?.message, "unknown name 'Y' (column 5); names are case-sensitive; did you mean 'y'?")
        // A surface's expected operand mentions y.
        XCTAssertEqual(error("x^2+", dimension: 2)?.message, "unexpected end of input (column 5): expected a number, x, y, a function call or '('")
        // Names of other tools: what to write (log10 is one edit from log1p, a different function).
        XCTAssertEqual(error("log10(x)")?.message, "unknown function 'log10' (column 1): write log(x)/log(10)")
        XCTAssertEqual(error("ln(x)")?.message, "unknown function 'ln' (column 1): write log(x) (the natural logarithm)")
        XCTAssertEqual(error("pow(x, 2)")?.message, "unknown function 'pow' (column 1): write a^b (or a**b)")
        XCTAssertTrue(error("acos(x)")?.message.hasSuffix("(acos is not a function here)") == true)
        XCTAssertEqual(error("log3(x)")?.message.contains("did you mean"), false, "log3 is not log1p")
        XCTAssertEqual(error("E^x")?.message, "unknown name 'E' (column 1); names are case-sensitive; did you mean 'e'?")
        XCTAssertEqual(error("π*x")?.message, "unexpected character 'π' (column 1): write pi")
        XCTAssertEqual(error("x²")?.message, "unexpected character '²' (column 2): write ^2")
        XCTAssertEqual(error("|x|")?.message, "unexpected character '|' (column 1): write abs(…) for |…|")
        XCTAssertEqual(closestName(to: "foo", in: ["log", "exp"]), nil)
        XCTAssertEqual(closestName(to: "e2", in: ["pi"]), nil)
        XCTAssertEqual(closestName(to: "adm", in: ["adam", "sgd"]), "adam")
        XCTAssertEqual(closestName(to: "rmsprp", in: ["rmsprop"]), "rmsprop")
    }

    func testMissingParameters() {
        let e = error("x*sigmoid(beta*x)")
        XCTAssertEqual(e?.message, "parameter 'beta' has no value (column 11): give it one (--param beta=VALUE), or use x, pi or e")
        // A surface has y too.
        XCTAssertThrowsError(try MathExpression("a*x + y", dimension: 2)) { error in
            XCTAssertTrue((error as? ExpressionError)?.message.hasSuffix("give it one (--param a=VALUE), or use x, y, pi or e") == true, "\(error)")
        }
        assertCaret(e, at: 10)
        XCTAssertEqual(try MathExpression.parameterNames(in: "a*x^2 + b*sin(c*x) + a"), ["a", "b", "c"])
        // Given values the expression does not use are dropped.
        XCTAssertEqual(try MathExpression("x", parameters: ["a": 1]).parameters, [:])
    }

    func testParametersMayNotShadowNames() {
        for name in ["x", "y", "pi", "e", "exp", "gelu", "max", "swish_beta"] {
            let e = error("x + 1", parameters: [name: 2])
            XCTAssertTrue(e?.message.contains("would shadow") ?? false, "\(name): \(e?.message ?? "")")
            XCTAssertEqual(e?.description.contains("\n"), false, "about the whole input: no caret")
        }
        XCTAssertTrue(error("x", parameters: ["2a": 1])?.message.contains("cannot name a parameter") ?? false)
    }

    func testTwoDimensionalVariableInOneDimension() {
        let e = error("x^2 - y^2")
        XCTAssertEqual(e?.message, "'y' is only a variable of surfaces f(x, y) (column 7); a function of one variable uses x alone")
        assertCaret(e, at: 6)
        XCTAssertNotNil(try? MathExpression("x^2 - y^2", dimension: 2))
    }

    func testUnbalancedParenthesesAndEmptyInput() {
        let open = error("(x + 1")
        XCTAssertEqual(open?.message, "expected ')' to close the '(' at column 1, found end of input (column 7)")
        assertCaret(open, at: 6)
        let close = error("x + 1)")
        XCTAssertEqual(close?.message, "unbalanced ')' (column 6): there is no '(' to close")
        assertCaret(close, at: 5)
        XCTAssertEqual(error("")?.message, "empty expression (column 1): expected a formula such as x*sigmoid(x)")
        XCTAssertEqual(error("   ")?.message, "empty expression (column 1): expected a formula such as x*sigmoid(x)")
        XCTAssertEqual(error("x +")?.message,
                       "unexpected end of input (column 4): expected a number, x, a function call or '('")
        XCTAssertEqual(error("exp()")?.message, "exp takes one argument, not 0 (column 4): exp(x)")
        XCTAssertEqual(error("max(x)")?.message, "max takes two arguments, not 1 (column 4): max(a, b)")
        XCTAssertEqual(error("sin(x, 1)")?.message, "sin takes one argument, not 2 (column 4): sin(x)")
    }

    func testOtherSyntaxErrors() {
        XCTAssertEqual(error("2x")?.message, "expected an operator (+ - * / ^) between '2' and 'x' (column 2); did you mean '2*x'?")
        XCTAssertEqual(error("x(x + 1)")?.message, "'x' is not a function (column 2): write 'x*(' to multiply")
        XCTAssertEqual(error("relu")?.message, "'relu' is a function (column 1): call it with parentheses, as in relu(x)")
        XCTAssertEqual(error("x $ 2")?.message,
                       "unexpected character '$' (column 3): expected a number, a name, an operator (+ - * / ^), a parenthesis or a comma")
        XCTAssertEqual(error("1e+")?.message, "expected the digits of an exponent after '1e' (column 4)")
        XCTAssertEqual(error("1.2.3")?.message, "unexpected '.' after the number '1.2' (column 4)")
        XCTAssertEqual(error("1e999")?.message, "'1e999' is not a finite number (column 1)")
        XCTAssertEqual(error("x, 1")?.message, "unexpected ',' outside a call of max or min (column 2)")
        XCTAssertEqual(error("* x")?.message, "unexpected '*' (column 1): expected a number, x, a function call or '('")
    }

    /// Absurd input is refused cheaply, never by overflowing the stack.
    func testLimits() {
        let long = String(repeating: "x+", count: 5_000) + "x"
        XCTAssertTrue(error(long)?.message.hasPrefix("expression too long (10001 characters)") ?? false)
        let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        XCTAssertTrue(error(deep)?.message.hasPrefix("expression too long") ?? false)
        let nested = String(repeating: "(", count: 250) + "x" + String(repeating: ")", count: 250)
        let e = error(nested)
        XCTAssertTrue(e?.message.hasPrefix("expression nested too deeply") ?? false, e?.message ?? "")
        XCTAssertEqual(e?.description.split(separator: "\n").last?.count ?? 0 <= 80, true, "a window of a long input")
        for piece in ["-", "exp(", "2^"] {
            let chain = String(repeating: piece, count: 300) + "x" + (piece == "exp(" ? String(repeating: ")", count: 300) : "")
            XCTAssertTrue(error(chain)?.message.hasPrefix("expression nested too deeply") ?? false, piece)
        }
        // Nesting within the limit, and a long flat sum (a deep left-leaning tree), both work.
        let ok = String(repeating: "(", count: 60) + "x" + String(repeating: ")", count: 60)
        XCTAssertEqual(try MathExpression(ok).value(3), 3)
        let sum = String(repeating: "x+", count: 4_000) + "x"
        let f = try? MathExpression(sum)
        XCTAssertEqual(f?.value(1), 4_001)
        XCTAssertEqual(f?.derivative(1), 4_001)
        XCTAssertEqual(f?.mathLabel.count, sum.count + 2 * 4_000)
    }

    /// The limit counts one level per parenthesis, call, sign or exponent: 200 nested parentheses or
    /// calls parse (they were refused from 100 parentheses and 67 calls), 201 are refused.
    func testNestingLimitIsTwoHundredOfEachConstruct() throws {
        for (open, close) in [("(", ")"), ("sin(", ")"), ("max(x, ", ")")] {
            let ok = String(repeating: open, count: 200) + "x" + String(repeating: close, count: 200)
            XCTAssertNoThrow(try MathExpression(ok), open)
            let tooDeep = String(repeating: open, count: 201) + "x" + String(repeating: close, count: 201)
            XCTAssertTrue(error(tooDeep)?.message.hasPrefix("expression nested too deeply") ?? false, open)
        }
        XCTAssertEqual(try MathExpression(String(repeating: "-", count: 200) + "x").value(3), 3)
        XCTAssertNotNil(error(String(repeating: "-", count: 201) + "x"))
        XCTAssertEqual(try MathExpression(String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200)).derivative(2), 1)
    }
}
