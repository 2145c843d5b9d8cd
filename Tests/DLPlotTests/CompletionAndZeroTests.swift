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

    /// Every eval output drops a zero's sign, not only the loss: the softmax Jacobian of an underflowed
    /// sᵢsⱼ printed `"jacobian":[[0.0,-0.0],[-0.0,0.0]]`.
    func testSoftmaxJacobianPrintsZeroNotNegativeZero() throws {
        let r = try runDLPlot(["eval", "softmax", "--logits", "1,2", "--temperature", "1e-320", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, #"{"i":[0,1],"input":[1.0,2.0],"output":[0.0,1.0],"jacobian":[[0.0,0.0],[0.0,0.0]]}"# + "\n")
    }

    /// Every option whose values are a closed list completes them in bash (the script sourced and its
    /// `_dlplot` called as bash calls it on TAB after the option): `vanishing --activations`, `lr --function`
    /// and `landscape --task` offered nothing.
    func testEveryClosedListOptionCompletesInBash() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = try runDLPlot(["--generate-completion-script", "bash"]).stdout
        try script.write(to: dir.appendingPathComponent("dlplot.bash"), atomically: true, encoding: .utf8)
        let cases: [(words: [String], offered: [String])] = [
            (["vanishing", "--activations"], ["sigmoid", "gelu", "leaky_relu"]),
            (["vanishing", "--init"], ["glorot", "he", "auto"]),
            (["lr", "--function"], ["square", "quartic", "double_well", "pitfalls"]),
            (["pitfalls", "--function"], ["square", "quartic", "double_well", "pitfalls"]),
            (["landscape", "--task"], ["xor", "spirals", "regression"]),
            (["landscape", "--view"], ["plane", "3d"]),
            (["surface", "--style"], ["filled", "heatmap", "lines"]),
            (["softmax", "--group-by"], ["class", "temperature"]),
            (["stability", "--measure"], ["steps", "final_loss"]),
            (["runs", "--x"], ["step", "epoch", "time"]),
            (["runs", "--band"], ["minmax", "sd"]),
            (["gallery", "--formats"], ["png", "svg", "pdf"]),
            (["curves", "--time"], ["even", "log"]),
            (["surface", "--frame-format"], ["png", "pdf"]),
            (["list"], ["activations", "losses", "surfaces", "optimizers", "curves", "tasks", "themes"]),
            (["activation", "--theme"], ["light", "dark", "print"]),
            // Y9-5: the schedule classes (bash offered nothing).
            (["surface", "--schedule"], ["StepLR", "CosineAnnealingLR", "OneCycleLR", "SequentialLR"]),
            (["curves", "--schedule"], ["StepLR", "CosineAnnealingLR"]),
        ]
        for (words, offered) in cases {
            let line = (["dlplot"] + words + [""]).map { "'\($0)'" }.joined(separator: " ")
            let r = try runShell("""
                source ./dlplot.bash
                COMP_WORDS=(\(line)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                _dlplot dlplot '' "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """, shell: "/bin/bash", in: dir)
            XCTAssertEqual(r.status, 0, "\(words): \(r.stderr)")
            let got = Set(r.stdout.split(separator: "\n").map(String.init))
            XCTAssertTrue(Set(offered).isSubset(of: got), "\(words): offered \(got.sorted())")
        }
    }
}
