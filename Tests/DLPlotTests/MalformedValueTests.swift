import Foundation
import XCTest
@testable import Figures
@testable import dlplot

/// Malformed option values get one line naming the option and the value as typed; a constant activation
/// in `vanishing` is drawn and said, not an internal "nothing to plot".
final class MalformedValueTests: XCTestCase {
    func testAnEmptyAttachedValueIsTheEmptyString() throws {
        XCTAssertEqual(EmptyAttachedValues.split(["activation", "relu", "--dpi=", "-o", "x.png"]),
                       ["activation", "relu", "--dpi", "", "-o", "x.png"])
        XCTAssertEqual(EmptyAttachedValues.split(["activation", "relu", "--log-y=", "--", "--dpi="]),
                       ["activation", "relu", "--log-y=", "--", "--dpi="])
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Once "The value '-o' is invalid for '--dpi <dpi>'", and a figure titled "-o" with t.png read as an activation.
        let r = try runDLPlot(["activation", "relu", "--dpi=", "-o", "x.png"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("--dpi") && r.stderr.contains("''"), r.stderr)
        let t = try runDLPlot(["activation", "relu", "--title=", "-o", "t.png"], in: dir)
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.png").path))
    }

    /// A number option given text (once the argument parser's "The value 'abc' is invalid for '--font-scale
    /// <factor>'") is refused in the form of every other refusal, naming the option and the value as typed.
    func testANumberOptionGivenTextSaysItExpectsANumber() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Decimal-number options are read by NumberArguments and say what every number option says.
        let decimal = "is not a number; expected a finite decimal number such as -1.5 or 2e-3"
        for (args, line) in [(["activation", "relu", "--font-scale", "abc"], "invalid --font-scale 'abc': " + decimal),
                             (["activation", "relu", "--dpi", "1e"], "invalid --dpi '1e': " + decimal),
                             (["curves", "--surface", "bowl", "--steps", "1.5"], "invalid --steps '1.5': expected a whole number")] {
            let r = try runDLPlot(args + ["-o", "x.png"], in: dir)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertEqual(r.stderr, "Error: \(line)\n")
        }
        XCTAssertEqual(CommandLineErrors.numberRefusal("The value 'x' is invalid for '--theme <theme>'. Please provide one of 'a'"), nil)
        XCTAssertEqual(listing(dir), [], "nothing written")
    }

    func testTheFlagListHoldsEveryFlagOfEveryCommand() throws {
        for command in DLPlot.allSubcommands {
            let help = command.helpMessage(columns: 400)
            // Option rows are indented by two spaces; examples and prose starting with "--" are not.
            for line in help.split(separator: "\n") where line.hasPrefix("  -") {
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard let first = words.first, first.hasPrefix("--") || first == "-h," else { continue }
                let names = words.prefix { $0.hasPrefix("-") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                guard let long = names.first(where: { $0.hasPrefix("--") }) else { continue }
                let takesValue = words.dropFirst(names.count).first?.hasPrefix("<") == true
                if !takesValue {
                    XCTAssertTrue(EmptyAttachedValues.flags.contains(long), "\(command.configuration.commandName ?? ""): \(long) is a flag")
                }
            }
        }
    }

    func testAConstantActivationHasNoGradientToDrawAndSaysSo() throws {
        // f(x) = 10³⁰⁸ is constant: f′ = 0, so ∂L/∂W = 0 below the output layer, whose gradient (δ·10³⁰⁸)
        // overflows; a log axis can show neither.
        let figure = try DLPlot.VanishingCommand.parse(["--activations", "1e308"]).makeFigure().0
        let legend = figure.panels[1].axes.marks.flatMap { $0.legendEntries.map(\.label) }
        XCTAssertTrue(legend.contains { $0.hasSuffix(": 0 at layers 1–19, ∞ at 20, not drawn") }, "\(legend)")
        _ = try figure.render(as: .png)
        let mixed = try DLPlot.VanishingCommand.parse(["--activations", "sigmoid,0"]).makeFigure().0
        _ = try mixed.render(as: .png)
    }
}
