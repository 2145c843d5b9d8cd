import Foundation
import XCTest

/// The README's table of exit statuses is true: each status it lists is produced by the cases it names,
/// and it lists every status these produce.
final class ExitStatusTableTests: XCTestCase {
    private func bash(_ script: String, in dir: URL) throws -> DLPlotResult {
        try runShell(script, shell: "/bin/bash", in: dir)
    }

    func testEveryStatusInTheTable() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var seen = Set<Int32>()
        // 0: success, help, version, completion scripts.
        for args in [["--help"], ["help", "surface"], ["--version"], ["--generate-completion-script", "bash"], ["list", "surfaces"]] {
            let r = try runDLPlot(args, in: dir)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertFalse(r.stdout.isEmpty, "\(args)")
            seen.insert(r.status)
        }
        // 64: one line; a command given no arguments at all adds its usage.
        let bad = try runDLPlot(["activation", "relu", "--dpi", "0"], in: dir)
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        // `dlplot eval` alone names nothing to evaluate: usage on standard error, 64 (it printed the help and exited 0).
        let evalAlone = try runDLPlot(["eval"], in: dir)
        XCTAssertEqual(evalAlone.status, 64)
        XCTAssertEqual(evalAlone.stdout, "")
        XCTAssertTrue(evalAlone.stderr.hasPrefix("Error: Missing what to evaluate: activation, softmax, loss, surface\nUsage: dlplot eval"),
                      evalAlone.stderr)
        let bare = try runDLPlot(["surface"], in: dir)
        XCTAssertEqual(bare.status, 64)
        XCTAssertTrue(bare.stderr.hasPrefix("Error: Missing expected argument '<name>'") && bare.stderr.contains("Usage: dlplot surface"), bare.stderr)
        seen.insert(bad.status)
        // 1: a valid request that failed, in one line.
        let unwritable = try runDLPlot(["activation", "relu", "--size", "480x270", "-o", "/proc/dlplot-exit-status.png"], in: dir)
        XCTAssertEqual(unwritable.status, 1, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.hasPrefix("Error: cannot write '/proc/dlplot-exit-status.png'"), unwritable.stderr)
        XCTAssertEqual(unwritable.stderr.split(separator: "\n").count, 1, unwritable.stderr)
        for script in ["\"$0\" eval activation gelu --x 1,2", "\"$0\" --help", "\"$0\" activation --help", "\"$0\" help surface",
                       "\"$0\" --version", "\"$0\" --generate-completion-script fish", "\"$0\""] {
            let full = try bash(script + " > /dev/full", in: dir)
            XCTAssertEqual(full.status, 1, script)
            XCTAssertEqual(full.stderr, "Error: cannot write standard output: no space left on device\n", script)
        }
        let deep = "SGD" + String(repeating: "(", count: 6_000)  // overflowed the torch-call parser's stack
        try ("[[figure]]\nname = \"good\"\ncommand = \"activation relu --size 320x200 --dpi 64\"\n\n[[figure]]\nname = \"bad\"\ncommand = \"activation nosuch\"\n"
            + "\n[[figure]]\nname = \"deep\"\ncommand = \"surface bowl --optimizers '\(deep)'\"\n")
            .write(to: dir.appendingPathComponent("g.toml"), atomically: true, encoding: .utf8)
        let gallery = try runDLPlot(["gallery", "--manifest", "g.toml", "--out", "out", "--formats", "png"], in: dir)
        XCTAssertEqual(gallery.status, 1, gallery.stderr)
        XCTAssertTrue(gallery.stderr.contains("g.toml:5: entry 'bad'"), gallery.stderr)
        XCTAssertTrue(gallery.stderr.contains("g.toml:9: entry 'deep'") && gallery.stderr.contains("brackets nested more than 64 deep"), gallery.stderr)
        XCTAssertEqual(Set(listing(dir.appendingPathComponent("out"))), ["good.png", "README.md", "index.html"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/good.png").path), "the others still render")
        seen.insert(unwritable.status)
        // 1, not a signal, past a file-size limit: the old file kept, no temporary left.
        try Data("OLD".utf8).write(to: dir.appendingPathComponent("fs.png"))
        let limited = try bash("ulimit -f 20; \"$0\" activation relu -o fs.png", in: dir)
        XCTAssertEqual(limited.status, 1, limited.stderr)
        XCTAssertEqual(limited.stderr, "Error: cannot write 'fs.png': file too large\n")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("fs.png")), Data("OLD".utf8))
        XCTAssertFalse(listing(dir).contains { $0.contains(".tmp-") }, "\(listing(dir))")
        let table = try bash("ulimit -f 20; \"$0\" trace --surface rosenbrock --optimizer gd --lr 0.0001 --steps 100000 > tr.csv", in: dir)
        XCTAssertEqual(table.status, 1, table.stderr)
        XCTAssertTrue(table.stderr.contains("Error: cannot write standard output"), table.stderr)
        // 141: the reader of a pipe stopped early (SIGPIPE, as for other Unix tools).
        let pipe = try bash("\"$0\" trace --surface bowl --optimizer gd --steps 200000 | head -1 > /dev/null; echo \"${PIPESTATUS[0]}\"", in: dir)
        XCTAssertEqual(pipe.stdout, "141\n", pipe.stderr)
        seen.insert(141)
        // The table lists exactly these.
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "| status | meaning | standard error |"))
        let rows = text[start.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        let listed = Set(rows.compactMap { Int32($0.dropFirst().prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)) })
        XCTAssertEqual(listed, seen)
    }
}
