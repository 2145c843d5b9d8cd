import Foundation
import XCTest

/// `--param` lists and ranges refused in the one form: the option and its value as typed, exit 64, nothing written.
final class ParameterListRefusalTests: XCTestCase {
    /// X9-4: `b=1,1` drew the same curve twice under two identical legend entries "b = 1".
    func testAValueGivenTwiceInAListIsRefused() throws {
        XCTAssertEqual(try refusal(["activation", "x*sigmoid(b*x)", "--param", "b=1,1", "-o", "a.png"]),
                       "Error: invalid --param 'b=1,1': the value 1 is given twice")
        XCTAssertEqual(try refusal(["activation", "x*sigmoid(b*x)", "--param", "b=0.5,1, 1.0", "-o", "a.png"]),
                       "Error: invalid --param 'b=0.5,1, 1.0': 1 and 1.0 are the same value; give each value once")
        XCTAssertEqual(try refusal(["activations", "--names", "softplus", "--param", "beta=2,pi,2", "-o", "a.png"]),
                       "Error: invalid --param 'beta=2,pi,2': the value 2 is given twice")
    }

    /// X9-5: the too-many-curves refusal quoted 'b=1,2,3,4,5,6,7 a=1,2,3,4,5,6' (two options joined by a space) and
    /// called a sum "names × parameter values".
    func testTooManyCurvesQuotesEachListAndItsArithmetic() throws {
        XCTAssertEqual(try refusal(["activation", "x*sigmoid(b*x)", "tanh(a*x)", "--param", "b=1,2,3,4,5,6,7", "--param", "a=1,2,3,4,5,6",
                                    "-o", "a.png"]),
                       "Error: invalid --param 'b=1,2,3,4,5,6,7' and --param 'a=1,2,3,4,5,6': 13 curves (7 for 'x*sigmoid(b*x)' "
                        + "+ 6 for 'tanh(a*x)') are too many for one figure; give at most 12")
        XCTAssertEqual(try refusal(["activation", "a*tanh(b*x)", "relu", "--param", "a=1,2,3,4", "--param", "b=1,2,3,4", "-o", "a.png"]),
                       "Error: invalid --param 'a=1,2,3,4' and --param 'b=1,2,3,4': 17 curves (4 × 4 = 16 for 'a*tanh(b*x)' "
                        + "+ 1 for 'relu') are too many for one figure; give at most 12")
        XCTAssertEqual(try refusal(["activation", "x*sigmoid(b*x)", "--param", "b=1,2,3,4,5,6,7,8,9,10,11,12,13", "-o", "a.png"]),
                       "Error: invalid --param 'b=1,2,3,4,5,6,7,8,9,10,11,12,13': 13 curves, one per value of b, are too many for "
                        + "one figure; give at most 12")
        let many = (1...49).map(String.init).joined(separator: ",")
        XCTAssertTrue(try refusal(["activations", "--names", "x*sigmoid(b*x)", "--param", "b=" + many, "-o", "a.png"])
            .hasSuffix(": 49 panels, one per value of b, are too many for one figure; give at most 48"))
    }

    /// X9-16: --range read its ends by a rule of its own and said only "expected two numbers as a:b" for
    /// '0x10:20'; it reads them as every other number option does and names the end that is not a number.
    func testARangeNamesTheEndThatIsNotADecimalNumber() throws {
        for (option, value) in [("--range", "0x10:20"), ("--y-range", "0:0x1p3")] {
            let end = value.split(separator: ":").first { $0.contains("0x") } ?? ""
            XCTAssertEqual(try refusal(["activation", "relu", option, value, "-o", "a.png"]),
                           "Error: invalid \(option) '\(value)': '\(end)' is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        }
        XCTAssertEqual(try refusal(["eval", "activation", "a*x", "--param", "a=0x10", "--x", "1"]),
                       "Error: invalid --param 'a=0x10': '0x10' is not a number; give a number such as 0.5, or a constant such as pi/4 or 1/3")
        XCTAssertEqual(try refusal(["loss", "--error-range", "-3:inf", "-o", "a.png"]),
                       "Error: invalid --error-range '-3:inf': 'inf' is not finite; expected a finite decimal number")
    }

    /// X13-9: the same function typed with other spaces, or a built-in beside its own call, was drawn twice.
    func testTheSameFunctionTwiceIsRefused() throws {
        XCTAssertEqual(try refusal(["activation", "x^2", "x ^ 2", "-o", "a.png"]),
                       "Error: invalid activation 'x ^ 2': it is the same function as 'x^2'; give each once")
        XCTAssertEqual(try refusal(["activation", "sigmoid", "sigmoid(x)", "-o", "a.png"]),
                       "Error: invalid activation 'sigmoid(x)': it is the same function as 'sigmoid'; give each once")
        XCTAssertEqual(try refusal(["activations", "--names", "tanh(x),relu,tanh", "-o", "a.png"]),
                       "Error: invalid --names 'tanh(x),relu,tanh': 'tanh' is the same function as 'tanh(x)'; give each once")
        // A built-in given a parameter is not its call with the defaults (X9-6's figure).
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["activation", "elu(x)", "elu", "--param", "alpha=0.5", "-o", "a.png"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
    }
}
