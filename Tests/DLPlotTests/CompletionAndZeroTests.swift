import Foundation
import XCTest

/// Tried as a new user would: shell completion offers the names dlplot accepts, and computed numbers
/// never print as "-0.0".
final class CompletionAndZeroTests: XCTestCase {
    func testCompletionScriptsOfferTheBuiltInNames() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try runDLPlot(["--generate-completion-script", shell])
            XCTAssertEqual(r.status, 0, shell)
            for name in ["rosenbrock", "himmelblau", "gelu", "leaky_relu", "adam", "rmsprop", "dark", "print", "cce", "3d", "upper-left"] {
                XCTAssertTrue(r.stdout.contains(name), "\(shell) completion does not offer \(name)")
            }
        }
        // bash: the activation command completes its names, and --theme its themes.
        let bash = try runDLPlot(["--generate-completion-script", "bash"]).stdout
        let start = try XCTUnwrap(bash.range(of: "_dlplot_activation() {"))
        let end = try XCTUnwrap(bash.range(of: "_dlplot_activations() {"))
        let section = bash[start.upperBound..<end.lowerBound]
        XCTAssertTrue(section.contains("sigmoid"), String(section))
        XCTAssertTrue(section.contains("light") && section.contains("dark") && section.contains("print"), String(section))
    }

    func testLossesPrintZeroNotNegativeZero() throws {
        let cases: [[String]] = [
            ["eval", "loss", "bce", "--prediction", "1,0", "--target", "1,0"],
            ["eval", "loss", "bce", "--prediction", "1,0", "--target", "1,0", "--format", "json"],
            ["eval", "loss", "mse", "--prediction", "1,-2", "--target", "1,-2"],
            ["eval", "loss", "mae", "--prediction", "0", "--target", "0"],
            ["eval", "loss", "huber", "--prediction", "3", "--target", "3"],
            ["eval", "loss", "cce", "--prediction", "0.8,0.1,0.1;0.2,0.7,0.1", "--target", "1,0,0;0,1,0"],
            ["eval", "loss", "cce", "--prediction", "1,0,0", "--target", "1,0,0"],
        ]
        for args in cases {
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertFalse(r.stdout.contains("-0.0"), "\(args): \(r.stdout)")
        }
        let bce = try runDLPlot(cases[0])
        XCTAssertEqual(bce.stdout.split(separator: "\n").dropFirst().first, "0,0.0,0.0")
    }
}
