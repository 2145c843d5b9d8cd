import ArgumentParser
import Foundation
import Platform

/// Checks the configuration file fontconfig would read when the environment names one, before any
/// text is drawn. fontconfig reads it to its end: a device or FIFO there (`FONTCONFIG_FILE=/dev/zero`,
/// or a `fonts.conf` in a `FONTCONFIG_PATH` directory that is a FIFO or a link to `/dev/zero`) would
/// never end. Only a regular file of at most 16 MB is accepted; a missing or unreadable file is
/// fontconfig's to handle (it falls back to its defaults, and dlplot's own set-up is not used then).
enum FontconfigEnvironment {
    /// The largest configuration file accepted.
    static let maxBytes = 16 << 20

    /// Throws a one-line ValidationError naming the variable and the file when the file fontconfig
    /// would read is not a regular file of at most `maxBytes`.
    static func check(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let file = environment["FONTCONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let path = environment["FONTCONFIG_PATH"].flatMap { $0.isEmpty ? nil : $0 }
        guard file != nil || path != nil else { return }
        let name = file ?? "fonts.conf"
        if name.hasPrefix("/") {
            try checkFile(name, variable: "FONTCONFIG_FILE '\(name)'")
            return
        }
        // A relative name is looked for in each FONTCONFIG_PATH directory in turn; the first readable one is used.
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            guard access(candidate, R_OK) == 0 else { continue }
            try checkFile(candidate, variable: "FONTCONFIG_PATH '\(path ?? "")'")
            return
        }
    }

    /// Refuses `file` unless it is a regular file (links followed) of at most `maxBytes`.
    static func checkFile(_ file: String, variable: String) throws {
        guard let info = OS.status(of: file) else { return }  // missing: fontconfig falls back to its defaults
        let regular = info.kind == .regular
        guard regular, info.size <= Int64(maxBytes) else {
            let what = regular ? "a file of \(info.size) bytes" : "not a regular file"
            let shown = variable.hasPrefix("FONTCONFIG_FILE") ? "" : " ('\(file)')"
            throw ArgumentRefusal.flag(variable, "the fontconfig file\(shown) is \(what); expected a regular file of at most 16 MB "
                                       + "(unset it to use dlplot's own font set-up)")
        }
    }
}
