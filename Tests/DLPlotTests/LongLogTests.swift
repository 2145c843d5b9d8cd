#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// A long CSV log streams: `dlplot runs` keeps only the plotted numbers (and thins them for drawing), so
/// its peak memory stays under 300 MB, and `--data` still holds every logged value exactly.
/// `DLPLOT_TEST_LOG_ROWS` sets the row count (default 200 000; 10 000 000 is the benchmark's case).
final class LongLogTests: XCTestCase {
    private var rows: Int { Int(ProcessInfo.processInfo.environment["DLPLOT_TEST_LOG_ROWS"] ?? "") ?? 200_000 }

    /// Writes Lightning CSVLogger-style rows (as the benchmark's file: epoch, lr, step and a noisy decaying
    /// train_loss on every row, a val_loss row at the end of each of 100 epochs) and returns the train_loss texts.
    private func writeLog(_ path: String, rows: Int) throws -> [String] {
        guard let f = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(f) }
        fputs("epoch,lr,step,train_loss,val_loss\n", f)
        var state: UInt64 = 42, texts: [String] = []
        texts.reserveCapacity(rows)
        let perEpoch = max(rows / 100, 1)
        for i in 0..<rows {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let loss = 2.3 / (1 + Double(i) / 1e5) + 0.05 * (Double(state >> 11) / Double(1 << 53) - 0.5)
            texts.append("\(loss)")
            fputs("\(i / perEpoch),\(1e-3 * (1 - Double(i) / Double(rows))),\(i),\(loss),\n", f)
            if i % perEpoch == perEpoch - 1 { fputs("\(i / perEpoch),,\(i),,\(loss + 0.1)\n", f) }
        }
        return texts
    }

    /// Runs dlplot to completion (output discarded): exit status and peak resident memory in MiB.
    private func measured(_ arguments: [String]) -> (status: Int32, peakMiB: Double) {
        let argv = [productsDirectory.appendingPathComponent("dlplot").path] + arguments
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        guard posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ) == 0 else { return (-1, 0) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return ((status >> 8) & 0xFF, Double(usage.ru_maxrss) / 1024)
    }

    func testALongLogStreamsInBoundedMemoryAndItsDataIsExact() throws {
        // The sanitizer's allocator keeps freed memory in quarantine (up to 256 MiB), so a peak measures it, not dlplot.
        try XCTSkipIf(HostileInputTests.underAddressSanitizer, "peak memory is measured without the address sanitizer")
        let dir = try makeTemporaryDirectory()
        let log = dir.appendingPathComponent("long.csv").path
        let logged = try writeLog(log, rows: rows)
        let drawn = measured(["runs", log, "--y", "*", "--x", "epoch", "-o", dir.appendingPathComponent("long.png").path])
        XCTAssertEqual(drawn.status, 0)
        XCTAssertLessThan(drawn.peakMiB, 300, "peak resident memory of dlplot runs over \(rows) rows")
        let png = try Data(contentsOf: dir.appendingPathComponent("long.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])

        let tabulated = measured(["runs", log, "--label", "r", "--data", dir.appendingPathComponent("d.csv").path,
                                  "-o", dir.appendingPathComponent("d.png").path])
        XCTAssertEqual(tabulated.status, 0)
        let text = try String(contentsOfFile: dir.appendingPathComponent("d.csv").path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("run,metric,step,value\n"))
        var count = 0
        for line in text.split(separator: "\n").dropFirst() where line.hasPrefix("r,train_loss,") {
            if line != "r,train_loss,\(count),\(logged[count])" { XCTFail("row \(count): \(line)"); break }
            count += 1
        }
        XCTAssertEqual(count, rows, "one row per logged train_loss point")
    }
}
