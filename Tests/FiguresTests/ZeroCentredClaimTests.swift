import Optim
import Viz
import XCTest
@testable import Figures

/// "Zero-centred" means odd, f(−x) = −f(x), and is decided from the values the same way for built-ins
/// and typed functions. Tried as a new user would: Leaky ReLU and PReLU were ✓ (their range is
/// (−∞, ∞)) while ELU and SELU were ✗, although Leaky ReLU's mean output for a standard-normal input
/// (≈ 0.395) is as far from 0 as ReLU's.
final class ZeroCentredClaimTests: XCTestCase {
    func testOnlyOddFunctionsAreZeroCentred() throws {
        let yes = ["identity", "tanh", "softsign", "hardtanh"]
        let no = ["leaky_relu", "prelu", "relu", "elu", "selu", "celu", "sigmoid", "gelu", "lisht", "softplus"]
        for name in yes { XCTAssertTrue(try Activation(name: name).isZeroCentred, name) }
        for name in no { XCTAssertFalse(try Activation(name: name).isZeroCentred, name) }
        XCTAssertFalse(try Activation(name: "leaky_relu", parameters: ["negative_slope": 0.5]).isZeroCentred)
        XCTAssertFalse(try Activation(name: "hardtanh", parameters: ["min_val": -2, "max_val": 1]).isZeroCentred)
    }

    func testTypedFunctionsAgreeWithTheBuiltIns() throws {
        func typed(_ text: String) throws -> Bool { try Activation(expression: MathExpression(text)).isZeroCentred }
        XCTAssertTrue(try typed("tanh(x)")); XCTAssertTrue(try typed("x/(1 + abs(x))")); XCTAssertTrue(try typed("1/x"))
        XCTAssertFalse(try typed("max(x, 0.01*x)"), "Leaky ReLU typed")
        XCTAssertFalse(try typed("sqrt(x)"), "defined on one side only")
        XCTAssertFalse(try typed("x + 0.001"), "f(0) ≠ 0")
    }

    func testTheSubtitleAndTheTableSayNotZeroCentredForLeakyReLU() throws {
        let leaky = try Activation(name: "leaky_relu")
        var figure = try Figure(width: 1280, height: 720)
        _ = ActivationFigure(activations: [leaky]).build(into: &figure)
        XCTAssertTrue(figure.subtitle?.contains("· not zero-centred ·") == true, figure.subtitle ?? "no subtitle")
        XCTAssertFalse(ActivationTableFigure.properties(of: try Activation(name: "prelu")).zeroCentred)
        XCTAssertTrue(ActivationTableFigure.properties(of: try Activation(name: "tanh")).zeroCentred)
    }
}
