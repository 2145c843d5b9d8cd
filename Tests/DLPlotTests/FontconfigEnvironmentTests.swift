import Foundation
import XCTest

/// `FONTCONFIG_PATH` and `FONTCONFIG_FILE` that would make fontconfig read forever (a device, a FIFO,
/// a link to `/dev/zero`) or read a huge file are refused up front with one line naming the variable;
/// a missing directory or a malformed file is fontconfig's to report, and the figure is still drawn
/// with its defaults. Every run is under a time limit, so a hang fails the test instead of stalling it.
final class FontconfigEnvironmentTests: XCTestCase {
    func testConfigurationsThatWouldNeverEndAreRefused() throws {
        let setup = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: setup) }
        let fm = FileManager.default
        for name in ["zero", "fifo", "huge", "fine", "custom"] {
            try fm.createDirectory(at: setup.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try fm.createSymbolicLink(atPath: setup.path + "/zero/fonts.conf", withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(setup.path + "/fifo/fonts.conf", 0o644), 0)
        XCTAssertEqual(mkfifo(setup.path + "/custom/my.conf", 0o644), 0)
        XCTAssertTrue(fm.createFile(atPath: setup.path + "/huge/fonts.conf", contents: nil))
        XCTAssertEqual(truncate(setup.path + "/huge/fonts.conf", 17 << 20), 0)
        let cases: [([String: String], String)] = [
            (["FONTCONFIG_PATH": setup.path + "/zero"], "invalid FONTCONFIG_PATH '\(setup.path)/zero': the fontconfig file ('\(setup.path)/zero/fonts.conf') is not a regular file"),
            (["FONTCONFIG_PATH": setup.path + "/fifo"], "invalid FONTCONFIG_PATH '\(setup.path)/fifo'"),
            (["FONTCONFIG_PATH": "/nonexistent:" + setup.path + "/fifo"], "('\(setup.path)/fifo/fonts.conf') is not a regular file"),
            (["FONTCONFIG_PATH": setup.path + "/huge"], "is a file of 17825792 bytes"),
            (["FONTCONFIG_PATH": setup.path + "/custom", "FONTCONFIG_FILE": "my.conf"], "('\(setup.path)/custom/my.conf') is not a regular file"),
            (["FONTCONFIG_FILE": "/dev/zero"], "invalid FONTCONFIG_FILE '/dev/zero': the fontconfig file is not a regular file"),
            (["FONTCONFIG_FILE": setup.path + "/fifo/fonts.conf"], "invalid FONTCONFIG_FILE '\(setup.path)/fifo/fonts.conf'"),
        ]
        for (environment, message) in cases {
            let dir = try makeTemporaryDirectory()
            defer { try? fm.removeItem(at: dir) }
            let r = try HostileInputTests.runLimited(["activation", "relu", "-o", "f.png"], in: dir, memoryKB: "3000000",
                                                     seconds: 30, environment: environment)
            XCTAssertEqual(r.status, 64, "\(environment): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("Error: invalid FONTCONFIG_") && r.stderr.contains(message), "\(environment): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertEqual(listing(dir), [], "\(environment): nothing written")
        }
    }

    func testMissingOrMalformedConfigurationsFallBackToFontconfigsDefaults() throws {
        let setup = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: setup) }
        try Data("<fontconfig><unclosed".utf8).write(to: setup.appendingPathComponent("fonts.conf"))
        for environment in [["FONTCONFIG_PATH": "/nonexistent"], ["FONTCONFIG_PATH": setup.path], ["FONTCONFIG_PATH": "/proc/self"]] {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try HostileInputTests.runLimited(["activation", "relu", "--size", "480x270", "-o", "f.png"], in: dir,
                                                     memoryKB: "3000000", seconds: 30, environment: environment)
            XCTAssertEqual(r.status, 0, "\(environment): \(r.stderr)")
            XCTAssertEqual(listing(dir), ["f.png"])
        }
    }
}
