import Foundation
import XCTest

/// `-` (and pipes such as /dev/stdin or bash's <(…)) as the input of `runs FILE`, `surface --path`
/// and `surface --dataset`: read once into a copy, the same values as from the file itself; and
/// `--data -`, the one table behind a figure on standard output.
final class StandardInputTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    private func table(_ name: String, in dir: URL) throws -> [String] {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Every format read from a pipe gives the table read from the file, with the run named stdin.
    func testEveryLogFormatReadsFromStandardInputAsFromTheFile() throws {
        let dir = try makeTemporaryDirectory()
        for log in ["keras/training.log", "lightning/metrics.csv", "jsonl/adam.jsonl",
                    "tensorboard/new-style/events.out.tfevents.1795980490.fixtures"] {
            let direct = try runDLPlot(["runs", fixture(log), "--label", "stdin", "--y", "*", "--data", "f.csv", "-o", "f.png"], in: dir)
            XCTAssertEqual(direct.status, 0, direct.stderr)
            let piped = try runShell("cat '\(fixture(log))' | \"$0\" runs - --y '*' --data p.csv -o p.png", in: dir)
            XCTAssertEqual(piped.status, 0, log + ": " + piped.stderr)
            let expected = try table("f.csv", in: dir)
            XCTAssertGreaterThan(expected.count, 5, log)
            XCTAssertEqual(try table("p.csv", in: dir), expected, log)
            XCTAssertTrue(listing(dir).contains("p.png"))
        }
    }

    func testPipesByNameAreReadOnceLikeStandardInput() throws {
        let dir = try makeTemporaryDirectory()
        let log = fixture("keras/training.log")
        let byName = try runShell("cat '\(log)' | \"$0\" runs /dev/stdin --label k --data a.csv -o a.png", in: dir)
        XCTAssertEqual(byName.status, 0, byName.stderr)
        let substituted = try runShell("\"$0\" runs <(cat '\(log)') --label k --data b.csv -o b.png", shell: "/bin/bash", in: dir)
        XCTAssertEqual(substituted.status, 0, substituted.stderr)
        let direct = try runDLPlot(["runs", log, "--label", "k", "--data", "c.csv", "-o", "c.png"], in: dir)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(try table("a.csv", in: dir), try table("c.csv", in: dir))
        XCTAssertEqual(try table("b.csv", in: dir), try table("c.csv", in: dir))
    }

    func testEmptyOrBadStandardInputIsOneErrorNamingIt() throws {
        let dir = try makeTemporaryDirectory()
        let empty = try runShell("\"$0\" runs - -o e.png < /dev/null", in: dir)
        XCTAssertEqual(empty.status, 64)
        XCTAssertEqual(empty.stderr, "Error: standard input: empty file; expected a training log (CSV with a header, "
            + "JSON lines, or a TensorBoard event file)\n")
        let ragged = try runShell("printf 'step,loss\\n0,1\\n1,2,3\\n' | \"$0\" runs - -o r.png", in: dir)
        XCTAssertEqual(ragged.status, 64)
        XCTAssertEqual(ragged.stderr, "Error: standard input: line 3 has 3 cells but the header has 2; expected at most one cell per column\n")
        XCTAssertEqual(listing(dir), [], "nothing written")
    }

    /// `python train.py | dlplot runs -` where the script prints progress text among its JSON lines.
    func testJSONLinesAmongConsoleOutputArePlottedWithOneNote() throws {
        let dir = try makeTemporaryDirectory()
        let script = "printf 'Starting training...\\n{\"step\": 0, \"loss\": 1}\\ncheckpoint saved at step 0\\n{\"step\": 1, \"loss\": 0.5}\\n'"
        let piped = try runShell(script + " | \"$0\" runs - --data - -o m.png", in: dir)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, "run,metric,step,value\nstdin,loss,0,1.0\nstdin,loss,1,0.5\n")
        XCTAssertTrue(piped.stderr.contains("skipped 2 lines that are not JSON objects (console output): line 1 'Starting training...', "
            + "line 3 'checkpoint saved at step 0'"), piped.stderr)
        let text = try runShell("printf 'Starting training...\\nepoch 1 done\\n' | \"$0\" runs - -o t.png", in: dir)
        XCTAssertEqual(text.status, 64)
        XCTAssertEqual(text.stderr, "Error: standard input: starts with 'Starting training...', not a header; expected a training log "
            + "(CSV with a header, JSON lines, or a TensorBoard event file)\n")
        XCTAssertFalse(listing(dir).contains("t.png"))
    }

    func testPathAndDatasetFromStandardInput() throws {
        let dir = try makeTemporaryDirectory()
        let path = try runShell("printf 'x,y\\n-1.5,2\\n-1,1.5\\n0,1\\n' | \"$0\" surface rosenbrock --path - --data p.csv -o p.png", in: dir)
        XCTAssertEqual(path.status, 0, path.stderr)
        // f = (1 − x)² + 100 (y − x²)² at each point, named after standard input.
        XCTAssertEqual(Array(try table("p.csv", in: dir).prefix(4)),
                       ["run,step,x,y,f", "stdin,0,-1.5,2.0,12.5", "stdin,1,-1.0,1.5,29.0", "stdin,2,0.0,1.0,101.0"])

        let data = fixture("datasets/anscombe1.csv")
        let piped = try runShell("cat '\(data)' | \"$0\" surface linreg_mse --dataset - --optimizers gd --data s.csv -o s.png", in: dir)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        let direct = try runDLPlot(["surface", "linreg_mse", "--dataset", data, "--optimizers", "gd", "--data", "d.csv", "-o", "d.png"], in: dir)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(try table("s.csv", in: dir), try table("d.csv", in: dir))

        let bad = try runShell("printf 'x\\n1\\n' | \"$0\" surface linreg_mse --dataset - -o b.png", in: dir)
        XCTAssertEqual(bad.status, 64)
        // The one form of a refusal: the option and the value as typed, then the cause (F-7).
        XCTAssertTrue(bad.stderr.hasPrefix("Error: invalid --dataset '-': line 1: columns 'x'; no target column"), bad.stderr)
        XCTAssertFalse(listing(dir).contains("b.png"))
    }

    func testDataDashWritesTheOneTableToStandardOutput() throws {
        let dir = try makeTemporaryDirectory()
        let log = fixture("keras/training.log")
        let direct = try runDLPlot(["runs", log, "--data", "f.csv", "-o", "f.png"], in: dir)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        let out = try runDLPlot(["runs", log, "--data", "-", "-o", "o.png"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stdout.split(separator: "\n").map(String.init), try table("f.csv", in: dir))
        // A Keras log is drawn by epochs completed (epoch 0 ends at 1): the table keeps the logged epoch as step.
        XCTAssertTrue(out.stdout.hasPrefix("run,metric,step,value,epoch\ntraining,loss,0,2.2091901302337646,1.0\n"), out.stdout)
        XCTAssertTrue(listing(dir).contains("o.png"))

        // Several tables cannot share standard output; the figure and the table cannot either.
        let grouped = try runDLPlot(["runs", log, log, "--group", "s[0-9]", "--label", "a-s0", "--label", "a-s1", "--data", "-", "-o", "g.png"], in: dir)
        XCTAssertEqual(grouped.status, 64)
        XCTAssertEqual(grouped.stderr, "Error: invalid --data '-': this figure has 2 tables and standard output takes one; "
            + "give a file name (NAME.csv, NAME-2.csv, … are written)\n")
        let both = try runDLPlot(["runs", log, "--data", "-", "-o", "-"], in: dir)
        XCTAssertEqual(both.status, 64)
        XCTAssertEqual(both.stderr, "Error: invalid --data '-': -o already writes there\n")
        XCTAssertEqual(both.stdout, "")
        XCTAssertFalse(listing(dir).contains("g.png"))
    }

    /// Standard input named twice is refused, naming both uses, and nothing is written.
    func testStandardInputNamedTwiceIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        let log = fixture("keras/training.log")
        let cases: [(String, String)] = [
            ("cat '\(log)' | \"$0\" surface linreg_mse --dataset - --path - -o t.png",
             "Error: invalid --path '-': standard input is already read by --dataset -; a stream can be read once: save one of them to a file\n"),
            ("cat '\(log)' | \"$0\" runs - - -o t.png",
             "Error: invalid file '-': standard input is given 2 times; a stream can be read once: give - once, or save the log to a file\n"),
            ("cat '\(log)' | \"$0\" surface rosenbrock --path - --path - -o t.png",
             "Error: invalid --path '-': standard input is already read by another --path -; a stream can be read once: save it to a file for the others\n"),
        ]
        for (line, message) in cases {
            let run = try runShell(line, in: dir)
            XCTAssertEqual(run.status, 64, line)
            XCTAssertEqual(run.stderr, message, line)
            XCTAssertEqual(listing(dir), [], line)
        }
    }
}
