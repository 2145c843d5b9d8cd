import ArgumentParser
import Platform
import Viz

/// Each gallery entry renders in a process of its own (the gallery runs itself again with the hidden
/// `--render-entry NAME`), so an entry that fails in any way — a Swift runtime trap or a crash included — is
/// reported with its manifest line while the other entries still render and README.md and index.html are
/// still written. The child's warnings reach standard error prefixed with the entry's place in the manifest
/// ("m.toml:16: entry 'c': warning: …"), which with several jobs at once is the only way to tell whose they are.
extension DLPlot.Gallery {
    /// What an entry's child process left: the problem (nil when the entry rendered) and its warnings, each
    /// line prefixed with the entry's place.
    struct ChildResult: Sendable {
        var problem: String?
        var warnings: String
    }

    /// The environment variable naming an entry whose child process traps on purpose (for the tests of this isolation).
    static let trapForTests = "DLPLOT_GALLERY_TEST_TRAP"

    /// Where in the manifest an entry is, the prefix of every line about it.
    static func place(_ e: GalleryManifest.Entry, manifest: String) -> String { "\(manifest):\(e.line): entry '\(e.name)'" }

    /// Renders `e` in a child process; in this process when a child cannot be started.
    static func renderInChild(_ e: GalleryManifest.Entry, outDir: String, formats: [OutputFormat], manifest: String) -> ChildResult {
        let place = place(e, manifest: manifest)
        let arguments = ["dlplot", "gallery", "--manifest", manifest, "--out", outDir,
                         "--formats", formats.map(\.rawValue).joined(separator: ","), "--render-entry", e.name]
        guard let exe = ChildProcess.currentExecutable(), case let .success(child) = ChildProcess.run(exe, arguments) else {
            return ChildResult(problem: renderEntry(e, outDir: outDir, formats: formats, manifest: manifest), warnings: "")
        }
        let lines = String(decoding: child.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        switch child.end {
        case .exited(0):
            return ChildResult(problem: nil, warnings: prefixed(lines, place))
        case .exited:
            // The child's last report of the entry (it begins with the place) is the problem; the lines before are warnings.
            let k = lines.lastIndex { $0.hasPrefix(place + ": ") } ?? lines.count
            let problem = k < lines.count ? lines[k...].joined(separator: "\n") : "\(place): failed with no message"
            return ChildResult(problem: problem, warnings: prefixed(Array(lines[..<k]), place))
        case let .signalled(signal):
            // A killed child may leave its temporaries (`NAME.png.tmp-PID-N`); its process is gone, so they are stale.
            GalleryRules.removeStaleTemporaries(in: outDir, names: e.files(formats))
            var cause = ""
            if let line = lines.first(where: { $0.contains("Fatal error") || $0.contains("runtime failure") }) {
                cause = ": " + (line.count > 200 ? String(line.prefix(200)) + "…" : line)
            }
            return ChildResult(problem: "\(place): crashed (signal \(signal)\(signalName(signal))) while rendering; nothing of it was written\(cause)",
                               warnings: "")
        }
    }

    /// The child's side: renders the one entry `name` of `entries`; its problem on standard error and exit 1 if it failed.
    static func renderAsChild(_ name: String, entries: [GalleryManifest.Entry], outDir: String, formats: [OutputFormat],
                              manifest: String) throws {
        guard let e = entries.first(where: { $0.name == name }) else {
            throw ArgumentRefusal.invalid("--render-entry", name, "no such entry in '\(manifest)'")
        }
        if let trap = getenv(trapForTests), String(cString: trap) == name { fatalError("trap on purpose in entry '\(name)'") }
        if let problem = renderEntry(e, outDir: outDir, formats: formats, manifest: manifest) {
            printError(problem)
            throw ExitCode.failure
        }
    }

    private static func prefixed(_ lines: [String], _ place: String) -> String {
        lines.map { ($0.hasPrefix(place) ? $0 : place + ": " + $0) + "\n" }.joined()
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: return ", SIGILL"
        case SIGSEGV: return ", SIGSEGV"
        case SIGABRT: return ", SIGABRT"
        case SIGBUS: return ", SIGBUS"
        case SIGKILL: return ", SIGKILL"
        case SIGTRAP: return ", SIGTRAP"
        default: return ""
        }
    }
}
