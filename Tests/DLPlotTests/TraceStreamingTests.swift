#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// `dlplot trace` writes its rows as the run makes them: its peak memory does not grow with --steps
/// (`--steps 10000000` held every row, then the whole table as text, and aborted under `ulimit -v 1500000`).
final class TraceStreamingTests: XCTestCase {
    /// Runs dlplot with standard output to `output`: exit status and peak resident memory in KiB.
    private func measured(_ arguments: [String], output: String) -> (status: Int32, peakKiB: Int) {
        let argv = [productsDirectory.appendingPathComponent("dlplot").path] + arguments
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        guard posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ) == 0 else { return (-1, 0) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return ((status >> 8) & 0xFF, Int(usage.ru_maxrss))
    }

    private func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// 10 000 and 200 000 steps of adam on Rosenbrock as CSV: every row is printed, and the longer run's
    /// peak memory is within 4 MiB of the shorter one's (holding 190 000 more rows of five numbers and
    /// their text took 27 MiB more).
    func testTracePeakMemoryDoesNotGrowWithTheSteps() throws {
        // The sanitizer's allocator keeps freed memory in quarantine (up to 256 MiB), so a peak measures it, not dlplot.
        try XCTSkipIf(HostileInputTests.underAddressSanitizer, "peak memory is measured without the address sanitizer")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var peaks: [Int] = []
        for steps in [10_000, 200_000] {
            let out = dir.appendingPathComponent("trace-\(steps).csv").path
            let r = measured(["trace", "--surface", "rosenbrock", "--optimizer", "adam", "--steps", "\(steps)"], output: out)
            XCTAssertEqual(r.status, 0)
            let rows = try lines(out)
            XCTAssertEqual(rows.count, steps + 2, "a header and one row per step from 0")
            XCTAssertEqual(rows.first, "step,x,y,f")
            XCTAssertTrue(rows.last?.hasPrefix("\(steps),") ?? false)
            peaks.append(r.peakKiB)
        }
        XCTAssertLessThan(peaks[1] - peaks[0], 4 * 1024, "peak resident KiB for 10 000 and 200 000 steps: \(peaks)")
    }

    /// The streamed table is the table: CSV and JSON of the same run agree row by row, JSON still
    /// carries lr, stop and stop_step, and --every keeps the start and the last step.
    func testStreamedCSVAndJSONAgree() throws {
        let args = ["trace", "--surface", "rosenbrock", "--optimizer", "adam", "--steps", "1000", "--every", "7", "--lr", "0.05"]
        let csv = try runDLPlot(args)
        let json = try runDLPlot(args + ["--format", "json"])
        XCTAssertEqual(csv.status, 0)
        XCTAssertEqual(json.status, 0)
        // Compared as printed (JSONSerialization does not read every double back exactly).
        let rows = csv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        func column(_ name: String) -> [String] {
            guard let start = json.stdout.range(of: "\"\(name)\":[") else { return [] }
            let rest = json.stdout[start.upperBound...]
            return rest[..<(rest.firstIndex(of: "]") ?? rest.endIndex)].split(separator: ",").map(String.init)
        }
        XCTAssertEqual(rows.count, 1000 / 7 + 2)
        XCTAssertEqual(column("step"), rows.map { $0[0] })
        XCTAssertEqual(column("x"), rows.map { $0[1] })
        XCTAssertEqual(column("y"), rows.map { $0[2] })
        XCTAssertEqual(column("f"), rows.map { $0[3] })
        XCTAssertEqual(Set(column("lr")), ["0.05"])
        XCTAssertEqual(column("step").first, "0")
        XCTAssertEqual(column("step").last, "1000")
        let object = try parseJSON(json.stdout)
        XCTAssertEqual(object["stop"] as? String, "max_steps")
        XCTAssertEqual((object["stop_step"] as? NSNumber)?.intValue, 1000)
    }

    /// A standard output that fails part-way (a full device) ends the run with the one message and a
    /// non-zero status, not after every step.
    func testAFullStandardOutputStopsTheRun() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runShell("\"$0\" trace --surface rosenbrock --optimizer adam --steps 200000 > /dev/full", in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cannot write standard output"), r.stderr)
    }
}
