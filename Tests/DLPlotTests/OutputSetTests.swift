import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Files a command writes beyond the ones named (`--data d.csv` also writes d-2.csv) are said when they
/// replace an existing file; a multi-file set is committed under a lock on its directory, so two runs at
/// once leave one run's whole set; a title too long for the page is drawn cut and warned about.
final class OutputSetTests: XCTestCase {
    func testReplacingAnUnnamedDataFileIsSaid() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("MY IMPORTANT DATA\n".utf8).write(to: dir.appendingPathComponent("d-2.csv"))
        let r = try runDLPlot(["activation", "relu", "-o", "k.png", "--data", "d.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("note: replaced the existing 'd-2.csv': --data 'd.csv' writes the figure's further tables to NAME-2.csv"),
                      r.stderr)
        XCTAssertTrue(r.stderr.contains("wrote k.png, d.csv and d-2.csv"), r.stderr)
        // A second run replaces its own d-2.csv again: said again (the file is not told apart by who wrote it).
        let fresh = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let first = try runDLPlot(["activation", "relu", "-o", "k.png", "--data", "d.csv"], in: fresh)
        XCTAssertFalse(first.stderr.contains("replaced"), first.stderr)
    }

    /// While another process holds the directory's lock, dlplot writes its temporaries but renames nothing.
    func testTheRenamesWaitForTheDirectoryLock() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("dlplot")
        process.arguments = ["activation", "relu", "--size", "480x270", "-o", "p.png", "--data", "p.csv"]
        process.currentDirectoryURL = dir
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (up to a minute on a loaded machine) until all three temporaries are written.
        var temporaries: [String] = []
        for _ in 0..<600 where temporaries.count < 3 {
            usleep(100_000)
            temporaries = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        }
        XCTAssertEqual(temporaries.count, 3, "\(temporaries)")
        usleep(300_000)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertFalse(before.contains("p.png") || before.contains("p.csv") || before.contains("p-2.csv"), "renamed under the lock: \(before)")
        XCTAssertTrue(process.isRunning)
        flock(fd, LOCK_UN)
        close(fd)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)), ["p.png", "p.csv", "p-2.csv"])
    }

    /// Two runs writing the same set at once: every round ends with one run's whole set.
    /// DLPLOT_CONCURRENT_ROUNDS sets the number of rounds (default 4).
    func testConcurrentRunsLeaveOneWholeSet() throws {
        let rounds = Int(ProcessInfo.processInfo.environment["DLPLOT_CONCURRENT_ROUNDS"] ?? "") ?? 4
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<rounds {
            let processes = ["relu", "sigmoid"].map { name -> Process in
                let p = Process()
                p.executableURL = productsDirectory.appendingPathComponent("dlplot")
                p.arguments = ["activation", name, "--size", "480x270", "-o", "p.png", "--data", "p.csv"]
                p.currentDirectoryURL = dir
                p.standardError = FileHandle.nullDevice
                return p
            }
            for p in processes { try p.run() }
            for p in processes { p.waitUntilExit(); XCTAssertEqual(p.terminationStatus, 0) }
            // The PNG's metadata names the command; the CSV tables name the activation.
            let png = String(decoding: try Data(contentsOf: dir.appendingPathComponent("p.png")), as: UTF8.self)
            let csv = try String(contentsOf: dir.appendingPathComponent("p.csv"), encoding: .utf8)
            let csv2 = try String(contentsOf: dir.appendingPathComponent("p-2.csv"), encoding: .utf8)
            let winner = png.contains("dlplot activation relu") ? "relu" : "sigmoid"
            XCTAssertTrue(png.contains("dlplot activation \(winner)"), "round \(round)")
            XCTAssertTrue(csv.contains(winner), "round \(round): p.csv is not from the \(winner) run")
            XCTAssertTrue(csv2.contains(winner), "round \(round): p-2.csv is not from the \(winner) run")
        }
    }

    func testATitleTooLongForThePageIsCutAndWarnedAbout() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let title = String(repeating: "A ", count: 200)
        let r = try runDLPlot(["activation", "relu", "--title", title, "-o", "t.png", "--layout-report", "t.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "warning: --title is 400 characters, more than two lines at the smallest title size fit a 1280-pixel-wide "
            + "page: drawn cut short with \"…\" (shorten it or give a wider --size)\n")
        let report = try String(contentsOf: dir.appendingPathComponent("t.json"), encoding: .utf8)
        let titleLine = try XCTUnwrap(report.split(separator: "\n").first { $0.contains("\"kind\": \"title\"") })
        XCTAssertTrue(titleLine.contains("\"truncated\": true"), String(titleLine))
        // The title stays readable: its box is at least two lines of 0.6 × the 14.3-point title font tall (at 160 dpi).
        let box = try XCTUnwrap(titleLine.range(of: "\"box\": [").map { titleLine[$0.upperBound...].split(separator: "]")[0] })
        let height = try XCTUnwrap(Double(box.split(separator: ",")[3].trimmingCharacters(in: .whitespaces)))
        XCTAssertGreaterThan(height, 2 * 0.6 * 14.3 * 160 / 72 * 0.9)
        // A title that fits gets no warning.
        XCTAssertEqual(try runDLPlot(["activation", "relu", "--title", "Short", "-o", "s.png"], in: dir).stderr, "")
    }

    /// An output named like a file the command reads was written over it (a training log, a --path file).
    func testNoOutputReplacesAnInput() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = Data("step,loss\n0,1\n1,0.5\n".utf8)
        try log.write(to: dir.appendingPathComponent("a.csv"))
        try Data("x,y\n1,1\n2,1.5\n".utf8).write(to: dir.appendingPathComponent("keep.csv"))
        XCTAssertEqual(link(dir.appendingPathComponent("a.csv").path, dir.appendingPathComponent("hard.csv").path), 0)
        let cases: [([String], String)] = [
            (["runs", "a.csv", "-o", "a.csv", "--format", "png"], "Error: invalid -o 'a.csv': it is an input of this command (the log 'a.csv')"),
            (["runs", "a.csv", "-o", "k.png", "--data", "./a.csv"], "Error: invalid --data './a.csv': it is an input of this command (the log 'a.csv')"),
            (["runs", "a.csv", "-o", "k.png", "--data", "hard.csv"], "Error: invalid --data 'hard.csv': it is an input of this command (the log 'a.csv')"),
            (["surface", "bowl", "--path", "keep.csv", "-o", "k.png", "--data", "keep.csv"],
             "Error: invalid --data 'keep.csv': it is an input of this command (--path 'keep.csv')"),
        ]
        for (args, message) in cases {
            let r = try runDLPlot(args, in: dir)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertTrue(r.stderr.hasPrefix(message), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
        }
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("a.csv")), log)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.png").path))
        // A different name is fine.
        XCTAssertEqual(try runDLPlot(["runs", "a.csv", "-o", "k.png", "--data", "k.csv"], in: dir).status, 0)
    }

    /// Standard output is written after every file: a companion file that fails leaves the pipe empty.
    func testStandardOutputIsWrittenLast() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The 18 KB table does not fit under a 10 KB file-size limit; the PNG on the pipe is not limited.
        let r = try runShell("ulimit -f 10; \"$0\" activation relu -o - --data d.csv | wc -c", shell: "/bin/bash", in: dir)
        XCTAssertEqual(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0", "a figure went down the pipe without its table")
        XCTAssertEqual(r.stderr, "Error: cannot write 'd.csv': file too large\n")
    }

    /// `-o a.png -o b.svg` wrote b.svg alone; `--data a.csv --data b.csv` dropped a.csv: both silently.
    func testAnOutputOptionGivenTwiceIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let twice = try runDLPlot(["activation", "relu", "-o", "a.png", "-o", "b.svg"], in: dir)
        XCTAssertEqual(twice.status, 64)
        XCTAssertEqual(twice.stderr, "Error: -o is given 2 times ('a.png', 'b.svg'); a command writes one such file: give it once\n")
        let data = try runDLPlot(["activation", "relu", "-o", "a.png", "--data", "a.csv", "--data=b.csv"], in: dir)
        XCTAssertEqual(data.status, 64)
        XCTAssertEqual(data.stderr, "Error: --data is given 2 times ('a.csv', 'b.csv'); a command writes one such file: give it once\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        // "-o" as another option's value is not an output option.
        XCTAssertEqual(try runDLPlot(["activation", "relu", "--title", "-o", "-o", "t.png"], in: dir).status, 0)
    }
}
