import Foundation
import XCTest
@testable import dlplot

/// A value option given twice is refused (exit 64) naming the option and both values as typed, unless the
/// command documents it as repeatable; `--optimizers gd --optimizers adam` once ran adam alone, silently.
final class RepeatedOptionTests: XCTestCase {
    func testAValueOptionGivenTwiceIsRefusedWithBothValues() throws {
        XCTAssertEqual(RepeatedOptions.message(["surface", "bowl", "--optimizers", "gd", "--optimizers", "adam"]),
                       "--optimizers is given 2 times ('gd', 'adam'); give it once (several optimizers go in one list: --optimizers gd,adam)")
        XCTAssertEqual(RepeatedOptions.message(["surface", "bowl", "--lr", "0.1", "--lr=0.2"]),
                       "--lr is given 2 times ('0.1', '0.2'); give it once")
        XCTAssertEqual(RepeatedOptions.message(["surface", "bowl", "--start=1,1", "--steps", "3", "--start", "2,2"]),
                       "--start is given 2 times ('1,1', '2,2'); give it once")
        // Repeatable options, flags, and anything after `--` are not counted; a value that looks like an option is a value.
        XCTAssertNil(RepeatedOptions.message(["surface", "bowl", "--opt", "gd:lr=0.1", "--opt", "adam:lr=0.1", "--param", "a=1", "--param", "b=2"]))
        XCTAssertNil(RepeatedOptions.message(["surface", "bowl", "--path", "a.csv", "--path", "b.csv", "--log-y", "--log-y"]))
        XCTAssertNil(RepeatedOptions.message(["runs", "a.csv", "--y", "loss", "--y", "acc", "--label", "a", "--label", "b"]))
        XCTAssertNotNil(RepeatedOptions.message(["stability", "bowl", "--y", "momentum", "--y", "dampening"]))
        XCTAssertNil(RepeatedOptions.message(["activation", "--", "--lr", "--lr"]))
        XCTAssertNil(RepeatedOptions.message(["activation", "relu", "--title", "--lr", "--lr", "0.1"]))

        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["surface", "bowl", "--theme", "dark", "--theme", "light", "-o", "y.png"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "Error: --theme is given 2 times ('dark', 'light'); give it once\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.png").path))
    }

    /// `eval` and `trace` once kept the last of two values silently (`--x 1 --x 2` gave one row); a list option's
    /// refusal shows the one list that gives both; `--format` twice blames `--format`, not the extension.
    func testEvalTraceAndFormatGivenTwiceAreRefused() throws {
        XCTAssertEqual(RepeatedOptions.message(["eval", "activation", "sigmoid", "--x", "1", "--x", "2"]),
                       "--x is given 2 times ('1', '2'); give it once (e.g. --x 1,2)")
        XCTAssertEqual(RepeatedOptions.message(["eval", "surface", "bowl", "--points", "1:1", "--points=2:2"]),
                       "--points is given 2 times ('1:1', '2:2'); give it once (e.g. --points 1:1,2:2)")
        XCTAssertEqual(RepeatedOptions.message(["trace", "--surface", "bowl", "--surface", "saddle", "--optimizer", "gd"]),
                       "--surface is given 2 times ('bowl', 'saddle'); give it once")
        XCTAssertEqual(RepeatedOptions.message(["eval", "activation", "sigmoid", "--x", "", "--x", "2"]),
                       "--x is given 2 times ('', '2'); give it once")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["eval", "activation", "sigmoid", "--x", "1", "--x", "2"], "Error: --x is given 2 times ('1', '2'); give it once (e.g. --x 1,2)\n"),
            (["trace", "--surface", "bowl", "--optimizer", "gd", "--optimizer", "adam", "--steps", "1"],
             "Error: --optimizer is given 2 times ('gd', 'adam'); give it once\n"),
            (["activation", "sigmoid", "--format", "png", "--format", "svg", "-o", "r.png"],
             "Error: --format is given 2 times ('png', 'svg'); give it once\n"),
            (["softmax", "--temperature", "1", "--temperature", "2", "-o", "r.png"],
             "Error: --temperature is given 2 times ('1', '2'); give it once (e.g. --temperature 1,2)\n"),
        ]
        for (arguments, message) in cases {
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 64, arguments.joined(separator: " "))
            XCTAssertEqual(r.stderr, message)
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    /// The repeatable list matches the commands: every option ArgumentParser repeats is in it for that command.
    func testTheRepeatableListHoldsEveryRepeatingOption() throws {
        let r = try runDLPlot(["--experimental-dump-help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var checked = 0
        func walk(_ command: [String: Any]) {
            let name = command["commandName"] as? String ?? ""
            for case let argument as [String: Any] in command["arguments"] as? [Any] ?? [] where argument["kind"] as? String == "option" {
                let repeating = argument["isRepeating"] as? Bool ?? false
                for case let n as [String: Any] in argument["names"] as? [Any] ?? [] where n["kind"] as? String == "long" {
                    let long = "--" + (n["name"] as? String ?? "")
                    let listed = RepeatedOptions.repeatable.contains(long) || RepeatedOptions.repeatableIn[name]?.contains(long) == true
                    // Output options are refused twice by RepeatedOutputs whatever the list says.
                    if repeating || !RepeatedOutputs.options.contains(where: { $0.spellings.contains(long) }) {
                        XCTAssertEqual(listed, repeating, "\(name) \(long)")
                        checked += 1
                    }
                }
            }
            for case let sub as [String: Any] in command["subcommands"] as? [Any] ?? [] { walk(sub) }
        }
        walk(try XCTUnwrap(json["command"] as? [String: Any]))
        XCTAssertGreaterThan(checked, 100)
    }
}
