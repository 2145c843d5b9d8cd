import Foundation
import Viz
import XCTest

/// The sweep pointed at a built `dlplot` (`DLPLOT_SWEEP_BINARY`, e.g. a release build): each command runs as
/// a user would run it, with `--layout-report`, and the JSON it writes is read back.
enum SweepBinary {
    /// A command the binary refused: exit status and its standard error.
    struct Refusal: Error, CustomStringConvertible {
        let status: Int32
        let message: String
        /// A page too small for the figure (exit 64 naming what fits) is a refusal by design.
        var tooSmall: Bool { status == 64 && (message.contains(" fits") || message.contains("too small")) }
        var description: String { "exit \(status): \(message)" }
    }

    /// The layout report `binary` writes for `args` (the figure goes to a temporary PNG).
    static func report(_ args: [String], binary: String) throws -> LayoutReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dlplot-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("f.json"), errors = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let handle = try FileHandle(forWritingTo: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args + ["-o", dir.appendingPathComponent("f.png").path, "--layout-report", json.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else { throw Refusal(status: process.terminationStatus, message: message) }
        return try decode(Data(contentsOf: json))
    }

    /// A `LayoutReport` from the JSON `--layout-report` writes.
    static func decode(_ data: Data) throws -> LayoutReport {
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        func rect(_ v: Any?) throws -> Rect {
            let b = try XCTUnwrap(v as? [Double])
            return Rect(x: b[0], y: b[1], width: b[2], height: b[3])
        }
        let elements = try (root["elements"] as? [[String: Any]] ?? []).map { e in
            LayoutReport.Element(kind: try XCTUnwrap(FigureElement.Kind(rawValue: e["kind"] as? String ?? "")), text: e["text"] as? String ?? "",
                                 box: try rect(e["box"]), panel: e["panel"] as? Int, covers: e["covers"] as? Int ?? 0,
                                 truncated: e["truncated"] as? Bool ?? false)
        }
        let frames = try (root["frames"] as? [[String: Any]] ?? []).map { f in
            LayoutReport.Frame(panel: f["panel"] as? Int ?? 0, box: try rect(f["box"]))
        }
        return LayoutReport(width: root["width"] as? Double ?? 0, height: root["height"] as? Double ?? 0, elements: elements, frames: frames)
    }
}
