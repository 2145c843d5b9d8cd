import Foundation
import XCTest

/// Hostile input: every case runs `dlplot` through /bin/sh under a memory limit (`ulimit -v`) and a
/// per-case time limit (`timeout`), in an empty directory. Each must end by itself (no signal, no
/// timeout), exit 64 with the offending value named on standard error, and leave no file behind.
/// `DLPLOT_HOSTILE_MEMORY_KB` changes the memory limit (default 3 GB of address space).
final class HostileInputTests: XCTestCase {
    struct Case {
        var args: [String]
        /// Text standard error must contain (the option or value as typed).
        var names: String
        var environment: [String: String] = [:]
    }

    private static let nested = "$" + String(repeating: "{", count: 50_000) + "$"
    private static let deep = "$" + String(repeating: "{", count: 30_000) + "x" + String(repeating: "}", count: 30_000) + "$"
    private static let manyLogits = (0..<20_000).map { String($0 % 7) }.joined(separator: ",")
    private static let manyLevels = (1...2_000).map { String(Double($0) / 100) }.joined(separator: ",")
    private static let manyNames = Array(repeating: "sigmoid", count: 5_000)

    private static let cases: [Case] = [
        // Numbers out of range or malformed, negative values after a space included.
        Case(args: ["activation", "relu", "--dpi", "-160"], names: "--dpi"),
        Case(args: ["activation", "relu", "--dpi", "0"], names: "--dpi"),
        Case(args: ["activation", "relu", "--dpi", "nan"], names: "--dpi"),
        Case(args: ["activation", "relu", "--dpi", "1e400"], names: "--dpi"),
        Case(args: ["activation", "relu", "--size", "-5x10"], names: "-5x10"),
        Case(args: ["activation", "relu", "--size", "0x0"], names: "0x0"),
        Case(args: ["activation", "relu", "--size", "20000x20000x3"], names: "20000x20000x3"),
        Case(args: ["activation", "relu", "--size", "axb"], names: "axb"),
        Case(args: ["activation", "relu", "--size", "100000x100"], names: "100000x100"),
        Case(args: ["activation", "relu", "--size", "1e308x1e308"], names: "1e308x1e308"),
        Case(args: ["activation", "relu", "--size", ""], names: "--size"),
        Case(args: ["activation", "relu", "--font-scale", "-1"], names: "--font-scale"),
        Case(args: ["activation", "relu", "--font-scale", "100"], names: "--font-scale"),
        Case(args: ["activation", "relu", "--theme", "neon"], names: "neon"),
        Case(args: ["activation", "relu", "--format", "gif"], names: "gif"),
        Case(args: ["activation", "relu", "-o", "a.gif"], names: "a.gif"),
        Case(args: ["activation", "relu", "-o", "a.png", "--format", "svg"], names: "svg"),
        Case(args: ["activation", "relu", "--data", "d.txt"], names: "d.txt"),
        Case(args: ["softmax", "--temperature", "-1"], names: "-1"),
        Case(args: ["softmax", "--temperature", "0"], names: "--temperature"),
        Case(args: ["softmax", "--logits", "1,x,3"], names: "x"),
        Case(args: ["softmax", "--logits", ""], names: "--logits"),
        Case(args: ["eval", "softmax", "--logits", "1,2", "--temperature", "-1"], names: "--temperature"),
        Case(args: ["eval", "softmax", "--logits", "1,2", "--temperature", "inf"], names: "--temperature"),
        Case(args: ["eval", "activation", "gelu", "--x", "1,,2"], names: "--x"),
        Case(args: ["eval", "activation", "gelu", "--x", "nan"], names: "nan"),
        Case(args: ["eval", "activation", "nosuch", "--x", "1"], names: "nosuch"),
        Case(args: ["eval", "surface", "nosuch", "--points", "1:2"], names: "nosuch"),
        Case(args: ["eval", "surface", "bowl", "--points", "1:"], names: "--points"),
        Case(args: ["eval", "loss", "cce", "--prediction", "0.5,0.5", "--target", "1,0,0"], names: "--target"),
        Case(args: ["activation", "nosuch"], names: "nosuch"),
        Case(args: ["activation", "relu", "--range", "3:1"], names: "3:1"),
        Case(args: ["activation", "relu", "--range", "nan:1"], names: "nan:1"),
        Case(args: ["activation", "leaky_relu", "--param", "negative_slop=0.1"], names: "negative_slop"),
        Case(args: ["activation", "elu", "--param", "alpha=-1"], names: "alpha"),
        Case(args: ["activation", "relu", "--saturation", "-1"], names: "--saturation"),
        Case(args: ["surface", "nosuch"], names: "nosuch"),
        Case(args: ["surface", "bowl", "--optimizers", "gd,nosuch"], names: "nosuch"),
        Case(args: ["surface", "bowl", "--steps", "-5"], names: "--steps"),
        Case(args: ["surface", "bowl", "--steps", "1e9"], names: "1e9"),
        Case(args: ["surface", "bowl", "--lr", "-1"], names: "--lr"),
        Case(args: ["surface", "bowl", "--start", "1"], names: "--start"),
        Case(args: ["surface", "bowl", "--xrange", "2:2"], names: "2:2"),
        Case(args: ["trace", "--surface", "bowl", "--optimizer", "gd", "--steps", "-1"], names: "--steps"),
        Case(args: ["lr", "--rates", "0.1,zero"], names: "zero"),
        Case(args: ["vanishing", "--depth", "-3"], names: "--depth"),
        Case(args: ["curves", "--surface", "nosuch"], names: "nosuch"),
        Case(args: ["steps", "--optimizer", "nosuch"], names: "nosuch"),
        // Misspelt commands name the closest.
        Case(args: ["activaton", "sigmoid"], names: "'activation'"),
        Case(args: ["surfce", "rosenbrock"], names: "'surface'"),
        Case(args: ["galery"], names: "'gallery'"),
        // Output targets that are not regular files, or named twice.
        Case(args: ["activation", "relu", "-o", "/dev/null", "--format", "png"], names: "/dev/null"),
        Case(args: ["activation", "relu", "-o", "nodir/a.png"], names: "nodir"),
        Case(args: ["activation", "relu", "-o", "a.png", "--data", "nodir/d.csv"], names: "nodir/d.csv"),
        Case(args: ["activation", "relu", "-o", "same.csv", "--format", "png", "--data", "same.csv"], names: "same.csv"),
        Case(args: ["activation", "relu", "-o", ".", "--format", "png"], names: "'.'"),
        Case(args: ["activation", "relu", "-o", "", "--format", "png"], names: "-o"),
        // Gallery manifests that are hostile.
        Case(args: ["gallery", "--manifest", "/dev/zero", "--out", "g"], names: "/dev/zero"),
        Case(args: ["gallery", "--manifest", "nosuch.toml"], names: "nosuch.toml"),
        Case(args: ["gallery", "--formats", "png,gif"], names: "gif"),
        Case(args: ["gallery", "--jobs", "0"], names: "--jobs"),
        // Sizes too big to allocate are refused before allocating.
        Case(args: ["activation", "relu", "--size", "20001x20000"], names: "20001x20000"),
        Case(args: ["eval", "softmax", "--logits", manyLogits, "--format", "nosuch"], names: "nosuch"),
        // Unbounded cost refused before it is spent.
        Case(args: ["surface", "bowl", "--levels", manyLevels], names: "--levels: 2000 levels"),
        Case(args: ["eval", "softmax", "--logits", manyLogits, "--format", "json"], names: "--logits: 20000 logits"),
        Case(args: ["activation"] + manyNames, names: "5001 arguments"),
        Case(args: ["activation"] + Array(repeating: "relu", count: 13), names: "13 activations"),
        Case(args: ["activation", "elu", "--param", "alpha=" + (1...13).map(String.init).joined(separator: ",")], names: "13 curves"),
        // An unknown option is named, not the value after it.
        Case(args: ["activation", "relu", "--color", "red"], names: "'--color'"),
        Case(args: ["eval", "softmax", "--logits", "1,2", "--tempreature", "2"], names: "'--tempreature'"),
        // Values a plot cannot show are refused up front, naming them.
        Case(args: ["activation", "leaky_relu", "--param", "negative_slope=1e308"], names: "negative_slope=1e308"),
        Case(args: ["activation", "elu", "--param", "alpha=1e308"], names: "alpha=1e308"),
        Case(args: ["softmax", "--temperature", "1e308"], names: "'1e308'"),
        Case(args: ["activation", "relu", "--range", "-1e308:1e308"], names: "-1e308:1e308"),
        Case(args: ["surface", "bowl", "--xrange", "-1e308:1e308"], names: "-1e308:1e308"),
        Case(args: ["lr", "--start", "1e200"], names: "'1e200'"),
        Case(args: ["loss", "--delta", "-2"], names: "'-2'"),
        Case(args: ["xor", "--lr", "1e3"], names: "'1e3'"),
        // fontconfig would read a device forever.
        Case(args: ["activation", "relu"], names: "FONTCONFIG_FILE '/dev/zero'", environment: ["FONTCONFIG_FILE": "/dev/zero"]),
    ]

    func testHostileInputsExit64NamingTheValueAndWriteNothing() throws {
        let memory = ProcessInfo.processInfo.environment["DLPLOT_HOSTILE_MEMORY_KB"] ?? "3000000"
        XCTAssertGreaterThanOrEqual(Self.cases.count, 60)
        for c in Self.cases {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try Self.runLimited(c.args, in: dir, memoryKB: memory, seconds: 60, environment: c.environment)
            let shown = c.args.joined(separator: " ").prefix(80)
            XCTAssertEqual(r.status, 64, "\(shown): \(r.stderr.prefix(300))")
            XCTAssertTrue(r.stderr.contains(c.names), "\(shown): stderr does not name \(c.names): \(r.stderr.prefix(300))")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(shown): not one line: \(r.stderr.prefix(600))")
            XCTAssertTrue(r.stderr.hasPrefix("Error: "), "\(shown): \(r.stderr.prefix(300))")
            XCTAssertTrue(r.stdout.isEmpty, "\(shown): printed on stdout")
            XCTAssertEqual(listing(dir), [], "\(shown): left files behind")
        }
    }

    func testMalformedMathIsDrawnLiterallyWithAWarning() throws {
        for title in [Self.nested, Self.deep, "$\\frac{a$", "cost $5"] {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try Self.runLimited(["activation", "relu", "--size", "640x360", "--title", title, "-o", "t.png"],
                                        in: dir, memoryKB: "3000000", seconds: 60)
            XCTAssertEqual(r.status, 0, r.stderr.prefix(300) + "")
            XCTAssertTrue(r.stderr.contains("warning: --title"), r.stderr.prefix(300) + "")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line")
            XCTAssertEqual(listing(dir), ["t.png"])
        }
    }

    /// Runs dlplot through /bin/sh with `ulimit -v` and `timeout`; a signal shows as status ≥ 124.
    static func runLimited(_ args: [String], in dir: URL, memoryKB: String, seconds: Int,
                           environment: [String: String] = [:]) throws -> DLPlotResult {
        let exe = productsDirectory.appendingPathComponent("dlplot").path
        let script = "ulimit -v \(memoryKB); exec timeout -s KILL \(seconds) \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, exe] + args
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
