import XCTest
@testable import Optim

/// X13-31: names typed as one word (`xy`, `sinx`, `pix`, `betax`, `x2`) got "unknown activation" or "parameter
/// has no value" with no useful hint; the word is read as the names side by side, for "did you mean".
final class JuxtapositionTests: XCTestCase {
    func testAWordOfKnownNamesIsReadAsTheirFormula() {
        func reading(_ w: String, _ d: Int = 1, _ p: [String] = []) -> String? { MathExpression.juxtaposedReading(of: w, dimension: d, parameters: p) }
        XCTAssertEqual(reading("xy", 2), "x*y")
        XCTAssertEqual(reading("sinx"), "sin(x)")
        XCTAssertEqual(reading("expx"), "exp(x)")
        XCTAssertEqual(reading("pix"), "pi*x")
        XCTAssertEqual(reading("betax", 1, ["beta"]), "beta*x")
        XCTAssertEqual(reading("x2"), "x^2")
        XCTAssertEqual(reading("xsinx"), "x*sin(x)")
        XCTAssertEqual(reading("tanhx"), "tanh(x)")
        XCTAssertEqual(MathExpression.juxtaposedReading(of: "wsinw", dimension: 1, alias: "w"), "w*sin(w)")
        // Words that are not names side by side get nothing.
        XCTAssertNil(reading("xy"), "y is no variable in 1-D")
        XCTAssertNil(reading("betax"), "beta is not a given parameter")
        XCTAssertNil(reading("kwadrat"))
        XCTAssertNil(reading("pie"), "e is not a piece")
        XCTAssertNil(reading("sin"), "a function alone")
        XCTAssertNil(reading("x"))
    }

    func testAFormulaWithSuchAWordSuggestsIt() {
        func message(_ s: String, _ d: Int = 1, _ p: [String: Double] = [:]) -> String? {
            do { _ = try MathExpression(s, dimension: d, parameters: p); return nil } catch { return error.message }
        }
        XCTAssertEqual(message("sinx + 1"), "unknown name 'sinx' (column 1); did you mean 'sin(x)'?")
        XCTAssertEqual(message("2*xy", 2), "unknown name 'xy' (column 3); did you mean 'x*y'?")
        XCTAssertEqual(message("betax^2", 1, ["beta": 1]), "unknown name 'betax' (column 1); did you mean 'beta*x'?")
        XCTAssertEqual(message("1 + pix"), "unknown name 'pix' (column 5); did you mean 'pi*x'?")
    }
}
