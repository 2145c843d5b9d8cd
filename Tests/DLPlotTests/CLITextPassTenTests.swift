import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// The command line as documentation and messages, tried as a new user would (pass 10): each finding's
/// right value asserted.
final class CLITextPassTenTests: XCTestCase {
    /// Hardswish's max |f′| = 1.5 is only approached as x → 3⁻ (f′(3) = 1): its ◆ is hollow, as the open dot
    /// of a value not taken; sigmoid's 0.25 at 0 is taken, so its ◆ is filled. Single figure and grid alike.
    func testSteepestSlopeMarkerIsHollowWhereOnlyApproached() throws {
        func diamonds(_ figure: Figure) -> [ScatterMark] {
            figure.panels.flatMap { $0.axes.marks.compactMap { $0 as? ScatterMark } }.filter { $0.shape == .diamond }
        }
        for (command, name) in [("activation", "hardswish"), ("activation", "sigmoid"), ("activations", "hardswish"), ("activations", "sigmoid")] {
            let figure = command == "activation" ? try DLPlot.ActivationCommand.parse([name]).makeFigure().0
                : try DLPlot.ActivationsCommand.parse(["--names", name]).makeFigure().0
            let marks = diamonds(figure)
            XCTAssertEqual(marks.count, 1, "\(command) \(name)")
            let mark = try XCTUnwrap(marks.first)
            XCTAssertEqual(mark.points.first?.x, name == "hardswish" ? 3 : 0)
            XCTAssertEqual(mark.points.first?.y, name == "hardswish" ? 1.5 : 0.25)
            let hollow = mark.color == figure.theme.plotBackground
            XCTAssertEqual(hollow, name == "hardswish", "\(command) \(name): fill \(mark.color)")
            if hollow { XCTAssertNotEqual(mark.edge, figure.theme.plotBackground, "the outline carries the colour") }
        }
    }

    /// `list` says what it lists in the one form when the word is none of them, and lists themes, curves
    /// and tasks too (`list themes` was ArgumentParser's "The value 'themes' is invalid for '<what>'").
    func testListRefusesInTheOneFormAndListsEveryClosedList() throws {
        let bad = try runDLPlot(["list", "optimisers"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(bad.stderr, "Error: invalid list 'optimisers': expected activations, losses, surfaces, optimizers, "
                       + "curves, tasks or themes; did you mean 'optimizers'?\n")
        for (what, names) in [("themes", ["light", "dark", "print"]), ("curves", Curve1D.allNames),
                              ("tasks", ["xor", "spirals", "regression"])] {
            let r = try runDLPlot(["list", what])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }, names, what)
        }
        XCTAssertEqual(Curve1D.allNames, ["square", "quartic", "double_well", "pitfalls"])
    }

    /// Every limit a command enforces is stated on its option's help line.
    func testEnforcedLimitsAreStatedInTheOptionHelp() throws {
        let cases: [(command: String, option: String, stated: String)] = [
            ("surface", "--optimizers", "at most 12 (basins: 4)"), ("curves", "--optimizers", "at most 12"),
            ("basins", "--optimizers", "basins: 4"), ("lr", "--rates", "1 to 8"), ("pitfalls", "--starts", "1 to 7"),
            ("activations", "--names", "1 to 48"), ("activations", "--columns", "1 to 12"), ("gallery", "--jobs", "1 to 256"),
            ("loss", "--error-range", "at most 1e6"), ("surface", "--seed", "0 to 2^64-1"), ("xor", "--seed", "0 to 2^64-1"),
            ("vanishing", "--seed", "0 to 2^64-1"), ("landscape", "--seed", "0 to 2^64-1"), ("trace", "--seed", "0 to 2^64-1"),
        ]
        for (command, option, stated) in cases {
            let help = try runDLPlot(["help", command]).stdout
            XCTAssertTrue(Self.optionHelp(option, in: help).contains(stated), "\(command) \(option): '\(Self.optionHelp(option, in: help))'")
        }
        // The limits stated are the ones enforced.
        let thirteen = "sgd,gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,rprop"
        XCTAssertTrue(try runDLPlot(["surface", "bowl", "--optimizers", thirteen, "-o", "x.png"]).stderr.contains("give at most 12"))
        XCTAssertTrue(try runDLPlot(["lr", "--rates", "1,2,3,4,5,6,7,8,9", "-o", "x.png"]).stderr.contains("expected 1 to 8 rates"))
        XCTAssertTrue(try runDLPlot(["pitfalls", "--starts", "1,2,3,4,5,6,7,8", "-o", "x.png"]).stderr.contains("expected 1 to 7 starts"))
    }

    /// `--max-eval` states its default once: the rule, and what it gives with the default --max-iter
    /// (it said "(default max_iter*5/4) … (default: 25)").
    func testMaxEvalStatesOneDefault() throws {
        let text = Self.optionHelp("--max-eval", in: try runDLPlot(["help", "trace"]).stdout)
        XCTAssertEqual(text, "lbfgs: function evaluations per step; a whole number from 1 to 10000 "
                       + "(default: max_iter × 5/4 rounded down, so 25 with the default --max-iter 20).")
        XCTAssertEqual(try OptimizerConfig(name: "lbfgs", settings: [:]).maxEval, 25)
        XCTAssertEqual(try OptimizerConfig(name: "lbfgs", settings: ["max_iter": 40]).maxEval, 50)
    }

    /// Refusals in the one form with the value as typed: a built-in's parameter out of its domain, a
    /// negative seed, a page no page of its shape can fit, too many names for `activation`.
    func testRefusalsNameTheValueAsTypedAndWhatFits() throws {
        let cases: [([String], String)] = [
            (["activation", "elu", "--param", "alpha=-1", "-o", "a.png"],
             "invalid --param 'alpha=-1': elu's alpha must be a finite number >= 0"),
            (["activation", "elu", "--param", "alpha=-1,1", "-o", "a.png"],
             "invalid --param 'alpha=-1,1': elu's alpha must be a finite number >= 0 ('-1' is not)"),
            (["eval", "activation", "leaky_relu", "--param", "negative_slope=-0.5", "--x", "1"], ""),
            (["eval", "activation", "celu", "--param", "alpha=0", "--x", "1"],
             "invalid --param 'alpha=0': celu's alpha must be a finite number > 0"),
            (["eval", "loss", "huber", "--prediction", "1", "--target", "1", "--param", "delta=-2"],
             "invalid --param 'delta=-2': huber's delta must be a finite number > 0"),
            (["surface", "bowl", "--seed", "-1", "-o", "a.png"], "invalid --seed '-1': expected a whole number >= 0"),
            (["xor", "--seed", "1.5", "-o", "a.png"], "invalid --seed '1.5': expected a whole number"),
        ]
        for (args, expected) in cases {
            let r = try runDLPlot(args)
            if expected.isEmpty {
                XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")  // leaky_relu takes any finite slope
            } else {
                XCTAssertEqual(r.status, 64, "\(args)")
                XCTAssertEqual(r.stderr, "Error: " + expected + "\n", "\(args)")
            }
        }
        for size in ["16x16", "20000x16"] {
            let r = try runDLPlot(["activation", "relu", "--size", size, "-o", "a.png"])
            XCTAssertEqual(r.status, 64)
            let named = try XCTUnwrap(r.stderr.firstMatch(of: /; '(\d+)x(\d+)' with --dpi (\d+) fits/), r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("Error: invalid --size '\(size)': too small"), r.stderr)
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let fits = try runDLPlot(["activation", "relu", "--size", "\(named.1)x\(named.2)", "--dpi", String(named.3), "-o", "a.png"], in: dir)
            XCTAssertEqual(fits.status, 0, "the size named fits: \(fits.stderr)")
        }
        let many = try runDLPlot(["activation"] + Array(repeating: "relu", count: 999) + ["-o", "a.png"])
        XCTAssertEqual(many.status, 64)
        XCTAssertEqual(many.stderr, "Error: 1002 arguments is too many; dlplot takes at most 1000 (activation draws at most 12 "
                       + "activations in one figure; dlplot activations --names a,b,… draws up to 48 as a grid)\n")
    }

    /// A long table to a full device names the cause, as a short one does (trace said "write error": the
    /// failed write's errno was cleared before the final flush).
    func testFullDeviceNamesTheCauseForALongTable() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["trace --surface bowl --optimizer gd --steps 100000", "eval activation relu --x 1"] {
            let r = try runShell("\"$0\" \(command) > /dev/full", in: dir)
            XCTAssertEqual(r.status, 1, command)
            XCTAssertTrue(r.stderr.contains("Error: cannot write standard output: no space left on device"), "\(command): \(r.stderr)")
        }
    }

    /// The help text of `option` (its line and the lines it wraps onto, joined), from `help`.
    static func optionHelp(_ option: String, in help: String) -> String {
        var out: [String] = []
        var inside = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("  -") {
                inside = trimmed.hasPrefix(option + " ") || trimmed.contains(", " + option + " ")
                if inside, let start = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) {
                    out.append(line[start.upperBound...].trimmingCharacters(in: .whitespaces))
                }
            } else if inside, line.hasPrefix("      ") {
                out.append(trimmed)
            } else {
                inside = false
            }
        }
        return out.joined(separator: " ")
    }
}
