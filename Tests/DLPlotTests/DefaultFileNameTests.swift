import Foundation
import XCTest
@testable import dlplot

/// X9-21: without -o every typed formula was written to the same file (activation-expression.png,
/// surface-expression.png, lr-expression.png, pitfalls.png), the second silently replacing the first.
final class DefaultFileNameTests: XCTestCase {
    func testAFormulaGetsANameOfItsOwn() {
        XCTAssertEqual(DefaultFileName.stem("himmelblau"), "himmelblau")
        XCTAssertEqual(DefaultFileName.stem("x"), "x", "a formula spelt by its name needs no hash")
        XCTAssertEqual(DefaultFileName.stem("x*sigmoid(beta*x)"), "x_sigmoid_beta_x-f68a12")
        XCTAssertEqual(DefaultFileName.stem("x * sigmoid(beta * x)"), "x_sigmoid_beta_x-f68a12", "spaces are not part of the formula")
        XCTAssertEqual(DefaultFileName.stem("x+1"), "x_1-d75baf")
        XCTAssertEqual(DefaultFileName.stem("x-1"), "x_1-d2347d")
        XCTAssertEqual(DefaultFileName.stem(".5*x"), "5_x-" + DefaultFileName.hash(".5*x"), "never a hidden file")
        XCTAssertEqual(DefaultFileName.stem("−x·σ"), "x-" + DefaultFileName.hash("−x·σ"))
        XCTAssertEqual(DefaultFileName.stem("-(-(-1))"), "1-" + DefaultFileName.hash("-(-(-1))"))
        XCTAssertEqual(DefaultFileName.stem("*"), "expression-" + DefaultFileName.hash("*"))
        let long = String(repeating: "sin(x)+", count: 40) + "x"
        let stem = DefaultFileName.stem(long)
        XCTAssertEqual(stem.count, 40 - 1 + 7, stem)
        XCTAssertTrue(stem.hasPrefix("sin_x_sin_x_"), stem)
        let twelve = DefaultFileName.joined((1...12).map { DefaultFileName.stem(String(repeating: "x+", count: 30) + "\($0)") })
        XCTAssertLessThanOrEqual(twelve.count, 107, twelve)
    }

    func testTwoFormulasWithoutOutputWriteTwoFiles() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [([String], String)] = [
            (["activation", "x*sigmoid(beta*x)", "--param", "beta=0.5,1,2"], "activation-x_sigmoid_beta_x-926ce5.png"),
            (["activation", "tanh(x)^2"], "activation-tanh_x_2-947117.png"),
            (["activation", "x+1"], "activation-x_1-d75baf.png"),
            (["activation", "x-1"], "activation-x_1-d2347d.png"),
            // With options that change the figure, a hash of the command line follows (DefaultOutputNameTests).
            (["surface", "x^2 - y^2", "--optimizers", "gd", "--steps", "5"],
             "surface-x_2_y_2-4da21d-" + DefaultFileName.hash(["x^2 - y^2", "--optimizers", "gd", "--steps", "5"].joined(separator: "\u{0}")) + ".png"),
            (["lr", "--function", "x^4 - 2*x^2"], "lr-x_4_2_x_2-90da64.png"),
            (["pitfalls", "--function", "x^3 - 3*x"], "pitfalls-x_3_3_x-d21366.png"),
            (["pitfalls"], "pitfalls.png"),
        ]
        for (arguments, name) in runs {
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("wrote \(name)\n"), "\(arguments): \(r.stderr)")
        }
        XCTAssertEqual(listing(dir).sorted(), runs.map(\.1).sorted())
    }

    /// R15-7: the same formula with other --param values wrote the same default file (the family of three was
    /// replaced by the one curve), and a grid of typed formulas wrote `activations.png`, the default grid's name.
    func testOtherParameterValuesWriteAnotherFile() throws {
        XCTAssertEqual(DefaultFileName.stem("x*sigmoid(beta*x)", params: ["beta=1"]), "x_sigmoid_beta_x-36982a")
        XCTAssertEqual(DefaultFileName.stem("x*sigmoid(beta*x)", params: ["beta = 1"]), "x_sigmoid_beta_x-36982a", "spaces aside")
        XCTAssertEqual(DefaultFileName.stem("a*x+b", params: ["a=1", "b=2"]), DefaultFileName.stem("a*x+b", params: ["b=2", "a=1"]),
                       "the order of the --param options aside")
        XCTAssertEqual(DefaultFileName.stem("gelu", params: ["approximate=tanh"]), "gelu", "a built-in keeps its name")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [([String], String)] = [
            (["activation", "x*sigmoid(beta*x)", "--param", "beta=0.5,1,2"], "activation-x_sigmoid_beta_x-926ce5.png"),
            (["activation", "x*sigmoid(beta*x)", "--param", "beta=1"], "activation-x_sigmoid_beta_x-36982a.png"),
            (["pitfalls", "--function", "w^4 - a*w^2 + w", "--param", "a=3"], "pitfalls-w_4_a_w_2_w-" + DefaultFileName.hash("w^4-a*w^2+w|a=3") + ".png"),
            (["pitfalls", "--function", "w^4 - a*w^2 + w", "--param", "a=2"], "pitfalls-w_4_a_w_2_w-" + DefaultFileName.hash("w^4-a*w^2+w|a=2") + ".png"),
            (["activations", "--names", "x*tanh(softplus(x)),gelu"], "activations-x_tanh_softplus_x-" + DefaultFileName.hash("x*tanh(softplus(x))") + "-gelu.png"),
        ]
        for (arguments, name) in runs {
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("wrote \(name)\n"), "\(arguments): \(r.stderr)")
        }
        XCTAssertEqual(listing(dir).sorted(), runs.map(\.1).sorted())
    }
}
