import Foundation
import XCTest

/// The command line as documentation: values as a reader expects them, the start listed.
final class CLIDocumentationTests: XCTestCase {
    func testCategoricalCrossEntropyNeverPrintsNegativeZero() throws {
        for format in ["csv", "json"] {
            let r = try runDLPlot(["eval", "loss", "cce", "--prediction", "0.8,0.1,0.1;0.2,0.7,0.1", "--target", "1,0,0;0,1,0",
                                   "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stdout.contains("-0.0"), r.stdout)
            XCTAssertTrue(r.stdout.contains("-1.25"), r.stdout)
        }
    }

    func testListSurfacesShowsTheStart() throws {
        let r = try runDLPlot(["list", "surfaces"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("bowl") && r.stdout.contains("start (2.5, 2.0)"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.contains("; start (") }.count,
                       r.stdout.split(separator: "\n").count)
    }

    /// No option's help states its default twice ("(default: 0). (default: 0)"): ArgumentParser adds
    /// the default of an option that has one, so the help text must not say it again.
    func testHelpStatesEachDefaultOnce() throws {
        let commands = ["activation", "activations", "softmax", "loss", "vanishing", "xor", "lr", "pitfalls", "surface", "curves",
                        "steps", "basins", "stability", "landscape", "runs", "gallery", "trace", "list",
                        "eval activation", "eval softmax", "eval loss", "eval surface"]
        let duplicate = try NSRegularExpression(pattern: #"\(default: ([^)]*)\)\.? \(default: \1\)"#)
        for command in commands {
            let r = try runDLPlot(["help"] + command.split(separator: " ").map(String.init))
            XCTAssertEqual(r.status, 0, command)
            let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertGreaterThan(text.count, 200, command)
            let match = duplicate.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertNil(match, "\(command): " + (match.flatMap { Range($0.range, in: text) }.map { String(text[$0]) } ?? ""))
        }
    }

    /// Shell completion comes from ArgumentParser; the scripts name the commands.
    func testCompletionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try runDLPlot(["--generate-completion-script", shell])
            XCTAssertEqual(r.status, 0, shell)
            XCTAssertTrue(r.stdout.contains("activation") && r.stdout.contains("surface"), shell)
        }
    }

    /// Examples in the help are never wrapped in the middle of a command (copying one would break it):
    /// a long example continues with a trailing backslash and an indented line.
    /// Every command and subcommand (`eval activation` too: its examples ran into the prose, wrapped at
    /// 80 columns), found through the SUBCOMMANDS list of each help text.
    func testHelpExamplesAreNotWrappedMidCommand() throws {
        var pending: [[String]] = [[]], seen: [[String]] = []
        while let path = pending.popLast() {
            let r = try runDLPlot(["help"] + path)
            XCTAssertEqual(r.status, 0, path.joined(separator: " "))
            seen.append(path)
            // An example is never run into the prose ("Examples: dlplot eval activation leaky_relu⏎--param …").
            for line in r.stdout.split(separator: "\n") where !line.hasPrefix("USAGE: ") && (line.contains(": dlplot ") || line.contains("; dlplot ")) {
                XCTFail("\(path.joined(separator: " ")): example inside prose: '\(line)'")
            }
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let start = lines.firstIndex(of: "SUBCOMMANDS:") {
                for line in lines[(start + 1)...] {
                    guard line.hasPrefix("  "), let name = line.split(separator: " ").first, name != "help" else {
                        if line.isEmpty { break } else { continue }
                    }
                    if line.hasPrefix("  \(name)") { pending.append(path + [String(name)]) }
                }
            }
            guard !path.isEmpty else { continue }
            let command = path.joined(separator: " ")
            for line in lines where line.contains("Examples: dlplot") {
                XCTFail("\(command): examples run into the prose instead of one per line: '\(line)'")
            }
            for (a, b) in zip(lines, lines.dropFirst()) where a.hasPrefix("  dlplot ") || a.contains("Example: dlplot ") {
                if a.hasSuffix("\\") {
                    XCTAssertTrue(b.hasPrefix("      "), "\(command): continuation of '\(a)' is not indented: '\(b)'")
                } else {
                    let wrapped = b.first.map { !$0.isWhitespace && !$0.isUppercase } ?? false
                    XCTAssertFalse(wrapped, "\(command): example wrapped mid-command: '\(a)' / '\(b)'")
                }
            }
        }
        XCTAssertTrue(seen.contains(["eval", "activation"]) && seen.contains(["trace"]), "commands walked: \(seen)")
    }

    /// The eval commands' help examples run as printed (joined at their `\` continuations): each exits 0
    /// and prints a table, so an example copied from the help works.
    func testEvalHelpExamplesRun() throws {
        for command in ["eval activation", "eval softmax", "eval loss", "eval surface"] {
            let help = try runDLPlot(["help"] + command.split(separator: " ").map(String.init)).stdout
            let examples = Self.examples(in: help)
            XCTAssertGreaterThanOrEqual(examples.count, 2, "\(command)\n\(help)")
            for example in examples {
                let words = Self.shellWords(example)
                XCTAssertEqual(Array(words.prefix(3)), ["dlplot"] + command.split(separator: " ").map(String.init), example)
                let r = try runDLPlot(Array(words.dropFirst()))
                XCTAssertEqual(r.status, 0, "\(example): \(r.stderr)")
                XCTAssertFalse(r.stdout.isEmpty, example)
            }
        }
    }

    /// The example command lines of a help text: lines starting "  dlplot ", joined with the indented
    /// lines they continue onto after a trailing backslash.
    static func examples(in help: String) -> [String] {
        var out: [String] = []
        var open = false
        for line in help.split(separator: "\n").map(String.init) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if open, let last = out.popLast() { out.append(last + " " + text) } else if line.hasPrefix("  dlplot ") { out.append(text) } else { continue }
            open = text.hasSuffix("\\")
            if open, let last = out.popLast() { out.append(String(last.dropLast()).trimmingCharacters(in: .whitespaces)) }
        }
        return out
    }

    /// `line` split as a POSIX shell splits it, for the quoting the help uses: spaces between words and
    /// single-quoted text taken literally.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for c in line {
            if c == "'" { quoted.toggle(); started = true } else if c == " " && !quoted {
                if started { words.append(word) }
                word = ""; started = false
            } else { word.append(c); started = true }
        }
        if started { words.append(word) }
        return words
    }
}
