import Foundation
import XCTest

/// Headless Chromium for tests of web pages (Debian package `chromium`).
struct Chromium {
    let executable: String

    /// The installed browser, or a skip naming the package when there is none.
    static func find() throws -> Chromium {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return Chromium(executable: "\(dir)/\(name)")
            }
        }
        throw XCTSkip("headless Chromium not found: install the Debian package `chromium` (`make deps` tries to) to run this test")
    }

    /// Loads `page` (a file), lets it run for up to `budget` ms of virtual time, and returns the DOM it
    /// then has and the page's console messages (`CONSOLE` lines of Chromium's log).
    func dumpDOM(of page: URL, budget: Int = 10_000) throws -> (dom: String, console: [String]) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=\(budget)", "--dump-dom", page.absoluteString]
        let out = Pipe()
        let errURL = profile.appendingPathExtension("log")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A browser that hangs is ended, so the test fails instead of waiting forever.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(90), execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        try errHandle.close()
        let log = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (String(decoding: data, as: UTF8.self), console)
    }

    /// A `width`×`height` CSS-pixel screenshot (PNG bytes) of `page` after up to `budget` ms of virtual time.
    func screenshot(of page: URL, width: Int, height: Int, budget: Int = 3000) throws -> [UInt8] {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        let shot = profile.appendingPathComponent("shot.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "--force-device-scale-factor=1",
                             "--virtual-time-budget=\(budget)", "--screenshot=\(shot.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(90), execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return [UInt8](try Data(contentsOf: shot))
    }
}
