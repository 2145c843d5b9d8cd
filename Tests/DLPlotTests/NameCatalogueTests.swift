import Foundation
import XCTest

/// X9-19: a built-in name of another catalogue, typed where an activation (or surface, or loss curve) is asked
/// for, is told where it belongs; `dlplot activation himmelblau` was offered 'x*sigmoid(himmelblau*x)' with
/// --param himmelblau=1. Other unknown words get one fixed formula example.
final class NameCatalogueTests: XCTestCase {
    func testANameOfAnotherCatalogueIsToldWhereItBelongs() throws {
        let cases: [([String], String)] = [
            (["activation", "himmelblau", "-o", "a.png"],
             "invalid activation 'himmelblau': 'himmelblau' is a surface, not an activation: dlplot surface himmelblau"),
            (["activation", "adam", "-o", "a.png"],
             "invalid activation 'adam': 'adam' is an optimizer, not an activation: dlplot surface rosenbrock --optimizers adam"),
            (["activation", "mse", "-o", "a.png"],
             "invalid activation 'mse': 'mse' is a loss, not an activation: dlplot eval loss mse --prediction … --target …"),
            (["activation", "quartic", "-o", "a.png"],
             "invalid activation 'quartic': 'quartic' is a loss curve of lr and pitfalls, not an activation: dlplot lr --function quartic"),
            (["activations", "--names", "relu,rosenbrock", "-o", "a.png"],
             "invalid --names 'relu,rosenbrock': 'rosenbrock' is a surface, not an activation: dlplot surface rosenbrock"),
            (["surface", "gelu", "-o", "a.png"], "invalid surface 'gelu': 'gelu' is an activation, not a surface: dlplot activation gelu"),
            (["curves", "--surface", "double_well", "-o", "a.png"],
             "invalid --surface 'double_well': 'double_well' is a loss curve of lr and pitfalls, not a surface: dlplot lr --function double_well"),
            (["lr", "--function", "beale", "-o", "a.png"],
             "invalid --function 'beale': 'beale' is a surface, not a loss curve of lr and pitfalls: dlplot surface beale"),
            (["eval", "activation", "himmelblau", "--x", "1"],
             "invalid activation 'himmelblau': 'himmelblau' is a surface, not an activation: dlplot eval surface himmelblau --points …"),
            (["eval", "surface", "tanh", "--points", "1:1"],
             "invalid surface 'tanh': 'tanh' is an activation, not a surface: dlplot eval activation tanh --x …"),
        ]
        for (arguments, expected) in cases {
            XCTAssertEqual(try refusal(arguments), "Error: " + expected)
        }
    }

    /// The formula example is the same whatever was typed: the unknown word is not made a parameter of it.
    func testTheFormulaExampleIsNeutral() throws {
        let activation = try refusal(["activation", "qwertyuiop", "-o", "a.png"])
        XCTAssertTrue(activation.hasSuffix("; or type a formula, e.g. 'x*sigmoid(beta*x)' with --param beta=1"), activation)
        XCTAssertFalse(activation.contains("qwertyuiop*x"), activation)
        let curve = try refusal(["lr", "--function", "qwertyuiop", "-o", "a.png"])
        XCTAssertTrue(curve.hasSuffix("; or type a formula, e.g. 'x^4 - 2*x^2'"), curve)
        // A function of the language used as a name keeps its own hint.
        XCTAssertTrue(try refusal(["lr", "--function", "relu", "-o", "a.png"]).contains("did you mean 'relu(x)'?"))
    }
}
