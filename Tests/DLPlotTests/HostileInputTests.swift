import Foundation
import XCTest

/// Hostile input, by kind (see `HostileKind`; at least 60 cases each): every case runs `dlplot` through
/// /bin/sh under a memory limit (`ulimit -v`) and a time limit (`timeout -s KILL`) in a directory of
/// its own. Each must end by itself (no signal, no timeout), exit 64 with ONE line on standard error,
/// `Error: …` (for a malformed expression, followed by the expression and a caret line), that names the option and the value as typed, print nothing on standard output, and
/// leave the directory exactly as it was (no file written, none changed). `DLPLOT_HOSTILE_MEMORY_KB`
/// changes the memory limit (default 3 GB of address space); two cases run at a time; 60 cases of each
/// kind run by default and every case with `DLPLOT_HOSTILE_FULL=1`.
final class HostileInputTests: XCTestCase {
    static let memoryKB = ProcessInfo.processInfo.environment["DLPLOT_HOSTILE_MEMORY_KB"] ?? "3000000"
    static let secondsPerCase = 60

    func testValues() throws { try check(.values) }
    func testNames() throws { try check(.names) }
    func testCommandLines() throws { try check(.commandLine) }
    func testOutputTargets() throws { try check(.outputTargets) }
    func testCost() throws { try check(.cost) }
    func testEnvironmentAndFiles() throws { try check(.environmentAndFiles) }

    /// Cases run per kind by default: 60, spread evenly over the kind's list; `DLPLOT_HOSTILE_FULL=1` runs all.
    static let defaultCount = 60

    private func check(_ kind: HostileKind) throws {
        let all = kind.cases
        XCTAssertGreaterThanOrEqual(all.count, 60, "\(kind.rawValue): the acceptance asks for at least 60 cases")
        let full = ProcessInfo.processInfo.environment["DLPLOT_HOSTILE_FULL"] == "1"
        let cases = full || all.count <= Self.defaultCount ? all
            : (0..<Self.defaultCount).map { all[$0 * all.count / Self.defaultCount] }
        let report = HostileReport()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: cases.count, by: 2) {
                do { try Self.run(cases[index], report: report) } catch { report.fail("\(cases[index].args.prefix(4)): \(error)") }
            }
        }
        for failure in report.failures { XCTFail("\(kind.rawValue): \(failure)") }
        print("hostile \(kind.rawValue): \(cases.count) of \(all.count) cases, slowest \(String(format: "%.2f", report.slowest)) s")
    }

    private static func run(_ c: HostileCase, report: HostileReport) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        if let setup = c.setup {
            let made = try runLimited([], in: dir, memoryKB: memoryKB, seconds: 30, script: setup)
            guard made.status == 0 else { return report.fail("setup failed: \(made.stderr)") }
        }
        let before = snapshot(dir)
        let start = Date()
        let r = try runLimited(c.args, in: dir, memoryKB: memoryKB, seconds: secondsPerCase, environment: c.environment)
        report.took(Date().timeIntervalSince(start))
        let shown = c.args.joined(separator: " ").prefix(80) + (c.environment.isEmpty ? "" : " with \(c.environment)")
        var problems: [String] = []
        if r.status != 64 { problems.append("exit \(r.status)") }
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // A malformed typed expression adds itself and a caret under the offending character (issue 12 §4).
        let pointer = lines.count == 3 && lines[1].hasPrefix("  ") && lines[2].hasSuffix("^")
            && lines[2].dropLast().allSatisfy { $0 == " " }
        if !(lines.count == 1 || pointer) || !r.stderr.hasPrefix("Error: ") { problems.append("not one 'Error:' line") }
        for name in c.names where !r.stderr.contains(name) { problems.append("does not name \(name)") }
        if !r.stdout.isEmpty { problems.append("printed on standard output") }
        if snapshot(dir) != before { problems.append("changed the directory: \(snapshot(dir).keys.sorted().prefix(12))") }
        if !problems.isEmpty { report.fail("\(shown): \(problems.joined(separator: ", ")); stderr: \(r.stderr.prefix(300))") }
    }

    /// Every entry under `dir` (links not followed) with its kind, and the bytes of regular files.
    static func snapshot(_ dir: URL) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ path: String, _ relative: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let full = path + "/" + name, rel = relative + name
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: out[rel] = "dir"; walk(full, rel + "/")
                case S_IFREG:
                    let bytes = st.st_size <= 1 << 20 ? (FileManager.default.contents(atPath: full)?.base64EncodedString() ?? "?") : "big"
                    out[rel] = "file \(st.st_size) " + bytes
                default: out[rel] = "mode \(st.st_mode & S_IFMT)"
                }
            }
        }
        walk(dir.path, "")
        return out
    }

    func testMalformedMathIsDrawnLiterallyWithAWarning() throws {
        let nested = "$" + String(repeating: "{", count: 50_000) + "$"
        let deep = "$" + String(repeating: "{", count: 30_000) + "x" + String(repeating: "}", count: 30_000) + "$"
        for title in [nested, deep, "$\\frac{a$", "cost $5"] {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try Self.runLimited(["activation", "relu", "--size", "640x360", "--title", title, "-o", "t.png"],
                                        in: dir, memoryKB: Self.memoryKB, seconds: 60)
            XCTAssertEqual(r.status, 0, r.stderr.prefix(300) + "")
            XCTAssertTrue(r.stderr.contains("warning: --title"), r.stderr.prefix(300) + "")
            // One line for the malformed math; a title too long for two lines also says it was cut short (Y8-22).
            let lines = r.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, title.count > 100 ? 2 : 1, r.stderr.prefix(600) + "")
            XCTAssertEqual(lines.count == 2 ? lines.last?.contains("drawn cut short") : true, true, r.stderr.prefix(600) + "")
            XCTAssertEqual(listing(dir), ["t.png"])
        }
    }

    /// Whether this test process was built with the address sanitizer (its runtime defines `__asan_init`).
    static let underAddressSanitizer: Bool = dlsym(nil, "__asan_init") != nil

    /// Runs dlplot (or `script`, when given) through /bin/sh with `ulimit -v` and `timeout`; a signal
    /// shows as status ≥ 124.
    ///
    /// Under the address sanitizer (`make asan`), whose shadow memory needs terabytes of address space, no
    /// process can start under a `ulimit -v` of a few gigabytes. There the limit is left out and the time
    /// allowed is ten times longer, so that hostile input is still checked for memory errors, unless the
    /// limit is what the caller tests (`limitIsTested`): then the test is skipped.
    static func runLimited(_ args: [String], in dir: URL, memoryKB: String, seconds: Int,
                           environment: [String: String] = [:], script: String? = nil,
                           limitIsTested: Bool = false) throws -> DLPlotResult {
        try XCTSkipIf(underAddressSanitizer && limitIsTested,
                      "a memory limit (ulimit -v) cannot hold a process built with the address sanitizer")
        let exe = productsDirectory.appendingPathComponent("dlplot").path
        let limit = underAddressSanitizer ? "" : "ulimit -v \(memoryKB); "
        let line = script ?? "\(limit)exec timeout -s KILL \(underAddressSanitizer ? seconds * 10 : seconds) \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line, exe] + args
        process.currentDirectoryURL = dir
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-hostile-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        return DLPlotResult(status: process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus,
                            stdout: String(decoding: stdoutData, as: UTF8.self),
                            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Failures and the slowest case, collected from the workers.
final class HostileReport: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var failures: [String] = []
    private(set) var slowest = 0.0
    func fail(_ message: String) { lock.lock(); failures.append(message); lock.unlock() }
    func took(_ seconds: Double) { lock.lock(); slowest = max(slowest, seconds); lock.unlock() }
}
