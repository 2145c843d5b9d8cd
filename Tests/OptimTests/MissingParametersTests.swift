import XCTest
@testable import Optim

/// X13-28: several parameters without a value were reported one run at a time ('a' first; only after it was
/// given, 'b'). One line names them all, each with its column; the caret is under the first.
final class MissingParametersTests: XCTestCase {
    private func error(_ s: String, _ p: [String: Double] = [:], dimension: Int = 1) -> ExpressionError? {
        do { _ = try MathExpression(s, dimension: dimension, parameters: p); return nil } catch { return error }
    }

    func testEveryMissingParameterIsNamedAtOnce() {
        let e = error("a*x+b")
        XCTAssertEqual(e?.message, "parameters 'a' (column 1) and 'b' (column 5) have no value: give them with --param a=VALUE "
                       + "--param b=VALUE, or use x, pi or e")
        XCTAssertEqual(e?.offset, 0)
        XCTAssertEqual(error("alpha*x + beta*sigmoid(gamma*x) + delta + alpha")?.message,
                       "parameters 'alpha' (column 1), 'beta' (column 11), 'gamma' (column 24) and 'delta' (column 35) have no value: "
                       + "give them with --param alpha=VALUE --param beta=VALUE --param gamma=VALUE --param delta=VALUE, or use x, pi or e")
        // One missing: the message as before.
        XCTAssertEqual(error("a*x+b", ["a": 1])?.message,
                       "parameter 'b' has no value (column 5): give it one (--param b=VALUE), or use x, pi or e")
        // Names another check explains are not counted as parameters: X (case), x2 (a missing operator).
        XCTAssertEqual(error("a*x + X")?.message,
                       "parameter 'a' has no value (column 1): give it one (--param a=VALUE), or use x, pi or e")
        XCTAssertEqual(error("a*x*y + b", dimension: 2)?.message.hasPrefix("parameters 'a' (column 1) and 'b' (column 9) have no value"), true)
    }
}
