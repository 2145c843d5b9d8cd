import Foundation
import XCTest

/// The result of one `dlplot` run.
struct DLPlotResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `dlplot` executable (found next to the test bundle in the products directory)
/// with `arguments` (and `environment` added to this process's) and returns its exit status, stdout and stderr.
func runDLPlot(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
               file: StaticString = #filePath, line: UInt = #line) throws -> DLPlotResult {
    let executable = productsDirectory.appendingPathComponent("dlplot")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
        XCTFail("dlplot not built at \(executable.path)", file: file, line: line)
        return DLPlotResult(status: -1, stdout: "", stderr: "")
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    // stdout through a pipe (read to the end before waiting); stderr into a temporary file, so
    // neither stream can fill up and block the child.
    let out = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let errHandle = try FileHandle(forWritingTo: errURL)
    defer { try? FileManager.default.removeItem(at: errURL) }
    process.standardOutput = out
    process.standardError = errHandle
    try process.run()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let stderrData = try Data(contentsOf: errURL)
    return DLPlotResult(status: process.terminationStatus,
                        stdout: String(decoding: stdoutData, as: UTF8.self),
                        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// The directory holding the built products (and the test bundle).
var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    fatalError("no .xctest bundle found")
    #else
    return Bundle.main.bundleURL
    #endif
}

/// The PyTorch reference file `name`.json (kept with the Optim tests).
func referenceJSON(_ name: String) throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OptimTests/Reference/\(name).json")
    let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
    return try XCTUnwrap(object as? [String: Any])
}

/// Parses one JSON object printed by dlplot.
func parseJSON(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try XCTUnwrap(object as? [String: Any])
}

/// The numbers of a JSON array (numbers, or the strings "inf", "-inf", "nan").
func numbers(_ value: Any?) -> [Double] {
    (value as? [Any] ?? []).map { element in
        if let n = element as? NSNumber { return n.doubleValue }
        switch element as? String {
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return .nan
        }
    }
}

/// |got − ref| ≤ rel·|ref| + abs.
func close(_ got: Double, _ ref: Double, rel: Double = 1e-12, abs absTol: Double = 1e-15) -> Bool {
    Swift.abs(got - ref) <= rel * Swift.abs(ref) + absTol
}

/// A number as the command line takes it (the shortest round-trip form).
func arg(_ v: Double) -> String { v.description }

/// A fresh empty directory for one test.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names of the files in a directory, sorted.
func listing(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
}

/// Runs dlplot in a fresh directory and checks a refusal: exit 64 and nothing written; the stderr line.
func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runDLPlot(arguments, in: dir)
    XCTAssertEqual(r.status, 64, r.stderr, file: file, line: line)
    XCTAssertEqual(listing(dir), [], "nothing written", file: file, line: line)
    return r.stderr.trimmingCharacters(in: .newlines)
}

/// Runs `script` with `shell` (`/bin/sh` or `/bin/bash`) in `directory`, with `$0` set to the built
/// `dlplot`, for tests of redirections, pipes and limits; returns its exit status, stdout and stderr.
func runShell(_ script: String, shell: String = "/bin/sh", in directory: URL) throws -> DLPlotResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: shell)
    p.arguments = ["-c", script, productsDirectory.appendingPathComponent("dlplot").path]
    p.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return DLPlotResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}
