import Foundation
import XCTest
@testable import RunLogs

/// Paths of the committed fixtures, and temporary files for bad-log cases.
enum Fixture {
    static func path(_ relative: String) throws -> String {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            throw XCTSkip("fixtures not bundled")
        }
        return root.appendingPathComponent(relative).path
    }

    /// Writes `bytes` to a new file named `name` in a fresh temporary directory; returns its path.
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("runlogs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    static func temporary(_ name: String, text: String) throws -> String {
        try temporary(name, Array(text.utf8))
    }

    /// One TFRecord record around `data`, with correct checks.
    static func record(_ data: [UInt8]) -> [UInt8] {
        var length = [UInt8](repeating: 0, count: 8)
        for i in 0..<8 { length[i] = UInt8(truncatingIfNeeded: UInt64(data.count) >> (8 * UInt64(i))) }
        return length + le32(CRC32C.masked(length)) + data + le32(CRC32C.masked(data))
    }

    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    /// An event file: the file-version record, then one `simple_value` scalar per (step, value).
    static func eventFile(tag: String = "loss", _ points: [(Int64, Float)]) throws -> [UInt8] {
        var version = Tensorboard_Event()
        version.wallTime = 1.7e9
        version.fileVersion = "brain.Event:2"
        var bytes = record(try version.serializedBytes())
        for (step, v) in points {
            var e = Tensorboard_Event()
            e.wallTime = 1.7e9 + Double(step)
            e.step = step
            var value = Tensorboard_Summary.Value()
            value.tag = tag
            value.simpleValue = v
            e.summary.value = [value]
            bytes += record(try e.serializedBytes())
        }
        return bytes
    }
}
