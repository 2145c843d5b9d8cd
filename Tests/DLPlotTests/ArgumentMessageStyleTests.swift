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
                       "invalid --param '\(betas.prefix(100))…': 49 panels, one per value of beta, are too many for one figure; give at most 48")
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

    /// An option that does not apply, or a value that clashes with another option, is refused in the same
    /// wording, with the value as typed (a flag alone): these once said `--rho does not apply to adam`,
    /// `--table draws no plots: … do not apply`, `--rates has 2 values but --starts has 3`, `--start: f is …`.
    func testOptionsThatDoNotApplyShareTheWording() throws {
        let cases: [([String], String)] = [
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--rho", "0.9"],
             "invalid --rho '0.9': it does not apply to adam; its options: --lr, --beta1, --beta2, --eps, --weight-decay, --amsgrad, --decoupled-weight-decay, --maximize"),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--amsgrad"], "invalid --amsgrad: it does not apply to sgd; its options:"),
            (["surface", "bowl", "--opt", "adam:rho=+0.9"], "invalid --opt adam:rho '+0.9': it does not apply to adam; its options: lr, beta1,"),
            (["trace", "--surface", "bowl", "--optimizer", "Adam(lr=0.1)", "--eps", "1e-6"],
             "invalid --eps '1e-6': give the settings inside the call --optimizer 'Adam(lr=0.1)', not as options"),
            (["activations", "--table", "--range", "-3:3"], "invalid --range '-3:3': --table draws no plots; leave out --range, --y-range, --columns and --no-zones"),
            (["activations", "--table", "--columns", "04"], "invalid --columns '04': --table draws no plots;"),
            (["activations", "--table", "--no-zones"], "invalid --no-zones: --table draws no plots;"),
            (["activation", "relu", "--no-derivative", "--derivative-only"], "invalid --derivative-only: it excludes --no-derivative; give one of them"),
            (["pitfalls", "--starts", "-1,0,1", "--rates", "0.1,0.2"], "invalid --rates '0.1,0.2': 2 values for 3 starts; give one rate, or one per start"),
            (["basins", "himmelblau", "--grid", "2001", "--steps", "1000"],
             "invalid --grid '2001': with --steps 1000 it is 4004001000 optimizer steps; keep grid² × steps <= 2e9"),
            (["stability", "bowl", "--grid", "1001", "--steps", "1000"],
             "invalid --grid '1001': with --steps 1000 it is 1002001000 optimizer steps; keep grid² × steps <= 1e9"),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--batch-size", "8"],
             "invalid --batch-size '8': it applies only to the dataset surfaces linreg_mse and logreg_bce, not bowl"),
            (["surface", "bowl", "--param", "a=2"], "invalid --param 'a=2': it applies to typed expressions, not the surface bowl"),
            (["activations", "--names", "relu", "--y-range", "0:1", "--table"], "invalid --y-range '0:1': --table draws no plots;"),
            (["eval", "loss", "mse", "--prediction", "1;2", "--target", "1,2"],
             "invalid --prediction '1;2': mse is element-wise: give one comma-separated list, without ';' (rows are for cce and cce_logits)"),
            (["surface", "1/(x^2+y^2)", "--start=0,0", "--optimizers", "gd"],
             "invalid --start '0,0': f is ∞ at the start (0, 0) (a pole); give a start where f is finite"),
            (["surface", "bowl", "--animate", "--transparent", "-o", "a.gif"], "invalid --transparent: an animation has an opaque background"),
        ]
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (args, expected) in cases {
            let r = try runDLPlot(args, in: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("Error: " + expected), "\(args.joined(separator: " ")): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written")
    }

    /// No command words a refusal any other way: none says `--x: … is not allowed` or `--x does not apply`,
    /// or builds the `invalid --x 'v':` text by hand instead of through `ArgumentRefusal`.
    func testNoCommandWordsARefusalItsOwnWay() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let ownWay = try NSRegularExpression(pattern: #"is not allowed|ValidationError\("(--[\w-]+|\\\(\w+\)):|ValidationError\("invalid |ValidationError\(.*(does not apply|applies (only )?to )"#)
        var found: [String] = []
        for target in ["dlplot", "Figures"] {
            guard let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(target).path) else { continue }
            // ArgumentRefusal is the one place that writes the wording.
            for case let name as String in files where name.hasSuffix(".swift") && !name.hasSuffix("/ArgumentRefusal.swift") {
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
