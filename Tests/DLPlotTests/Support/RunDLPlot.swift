import Foundation
import XCTest

/// The result of running the `dlplot` executable.
struct DLPlotRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `dlplot` executable, next to the test bundle in the products directory.
func dlplotExecutable() -> URL {
    var dir = Bundle(for: DLPlotRunAnchor.self).bundleURL
    while dir.pathExtension == "xctest" || dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
    return dir.appendingPathComponent("dlplot")
}

private final class DLPlotRunAnchor {}

/// Runs `dlplot` with `arguments` in `directory` and waits for it.
func runDLPlot(_ arguments: [String], in directory: URL? = nil) throws -> DLPlotRun {
    let process = Process()
    process.executableURL = dlplotExecutable()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return DLPlotRun(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                     stderr: String(decoding: e, as: UTF8.self))
}

/// A fresh empty directory for one test.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names of the files in a directory.
func listing(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
}
