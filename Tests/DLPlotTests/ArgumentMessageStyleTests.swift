import Foundation
import XCTest
@testable import dlplot

/// One wording for every refused option value, whatever the command: `invalid --steps '0': expected 1 to
/// 100000`, made by `ArgumentRefusal`. The commands once said it three ways (`--steps: 0 is not allowed;
/// expected 1...100000`, `--logits '1,x': 'x' is not a number`, `invalid --dpi '-1': …`).
final class ArgumentMessageStyleTests: XCTestCase {
    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return DLPlot.message(for: error) }
        return ""
    }

    func testRefusalsOfEveryKindShareTheWording() {
        let cases: [([String], (inout DLPlot.BasinsCommand) throws -> Void, String)] = [
            (["himmelblau", "--grid", "1"], { try $0.validate() }, "invalid --grid '1': expected 2 to 2001"),
            (["himmelblau", "--steps", "0"], { try $0.validate() }, "invalid --steps '0': expected 1 to 100000"),
        ]
        for (args, run, expected) in cases {
            XCTAssertEqual(message { var c = try DLPlot.BasinsCommand.parse(args); try run(&c) }, expected, args.joined(separator: " "))
        }
        XCTAssertEqual(message { _ = try DLPlot.StabilityCommand.parse(["bowl", "--measure", "best"]).makeFigure() },
                       "invalid --measure 'best': expected final_loss or steps")
        XCTAssertEqual(message { _ = try DLPlot.SurfaceCommand.parse(["bowl", "--view", "side"]).makeFigure() },
                       "invalid --view 'side': expected plane or 3d")
        XCTAssertEqual(message { _ = try NumberArguments.list("1,x", option: "--logits") },
                       "invalid --logits '1,x': 'x' is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        XCTAssertEqual(message { _ = try NumberArguments.list("1,,2", option: "--x") },
                       "invalid --x '1,,2': an item is empty; expected finite decimal numbers such as -1.5 or 2e-3 between the separators")
        XCTAssertEqual(message { _ = try NumberArguments.finite("abc", option: "--lr") },
                       "invalid --lr 'abc': is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        XCTAssertEqual(message { _ = try NumberArguments.interval("3:1", option: "--x-range") },
                       "invalid --x-range '3:1': the lower end must be below the upper end")
        XCTAssertEqual(message { _ = try NumberArguments.pair("1,2,3", option: "--start") },
                       "invalid --start '1,2,3': 3 numbers; expected two, x,y (e.g. -1.5,2)")
        let betas = "beta=" + (1...49).map(String.init).joined(separator: ",")
        XCTAssertEqual(message { var c = try DLPlot.ActivationsCommand.parse(["--names", "x*sigmoid(beta*x)", "--param", betas]); try c.validate() },
                       "invalid --param '\(betas.prefix(100))…': 49 panels (names × parameter values) is too many for one figure; give at most 48")
        XCTAssertEqual(message { _ = try DLPlot.SoftmaxCommand.parse(["--temperature", "1,-2"]).makeFigure() },
                       "invalid --temperature '1,-2': '-2' is not > 0; temperatures must be > 0")
    }

    /// A whole number is quoted as typed (`+5`), found on the command line; a long value is cut to 100 characters.
    func testTheValueIsQuotedAsTyped() {
        XCTAssertEqual("\(ArgumentRefusal.invalid("--grid", 5, "r", in: ["basins", "--grid", "+5"]))", "invalid --grid '+5': r")
        XCTAssertEqual("\(ArgumentRefusal.invalid("--grid", 5, "r", in: ["basins", "--grid=05"]))", "invalid --grid '05': r")
        XCTAssertEqual("\(ArgumentRefusal.invalid("--grid", 5, "r", in: ["basins"]))", "invalid --grid '5': r")
        let long = String(repeating: "ab", count: 60)
        XCTAssertEqual(ArgumentRefusal.message("-o", long, "r"), "invalid -o '\(long.prefix(100))…': r")
    }

    /// No command words a refusal any other way: none says `--x: … is not allowed` or builds the
    /// `invalid --x 'v':` text by hand instead of through `ArgumentRefusal`.
    func testNoCommandWordsARefusalItsOwnWay() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let ownWay = try NSRegularExpression(pattern: #"is not allowed|ValidationError\("(--[\w-]+|\\\(\w+\)):|ValidationError\("invalid \S+ '"#)
        var found: [String] = []
        for target in ["dlplot", "Figures"] {
            guard let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(target).path) else { continue }
            for case let name as String in files where name.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(target).appendingPathComponent(name), encoding: .utf8)
                for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where ownWay.firstMatch(in: String(line), range: NSRange(line.startIndex..., in: line)) != nil {
                    found.append("\(target)/\(name):\(k + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertEqual(found, [], found.joined(separator: "\n"))
    }
}
