// Gallery: `dlplot gallery`: the manifest, rendering every figure, and the README and web page.

import ArgumentParser
import Dispatch
import Synchronization
import Viz
import Platform

extension DLPlot {
    /// `dlplot gallery`: renders every figure in the manifest, in parallel, and rewrites the index.
    struct Gallery: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named, so `DLPlot.main` parses it as the other commands (its hidden `--render-entry` is in no help text).
            commandName: "gallery",
            abstract: "Render the gallery: every figure listed in gallery/gallery.toml.",
            discussion: """
                Each [[figure]] entry of the manifest is a dlplot command line (without `dlplot` and `-o`); \
                it is parsed by the same parser as the command itself. Files are written atomically as \
                <out>/<name>.<format>, and <out>/README.md and <out>/index.html are rewritten (together, \
                all or nothing) as indexes showing every figure, its caption and the exact command that \
                reproduces it; index.html is a self-contained web page (thumbnails grouped by section, a copy \
                button for each command, animations playing in place, a dark variant) that works from \
                file:// with no network. Each entry renders in a process of its own: a bad entry, or one \
                that crashes, is reported with its line in the manifest (its warnings too); the other figures \
                still render, the indexes are written without it, and the exit status is non-zero.
                """)

        @Option(help: ArgumentHelp("The manifest to read.", valueName: "file"))
        var manifest = "gallery/gallery.toml"

        @Option(help: ArgumentHelp("Where to write the figures, README.md and index.html (default: the manifest's folder).", valueName: "dir"))
        var out: String?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Render only these entries (by name); README.md and index.html are not rewritten.", valueName: "name"))
        var only: [String] = []

        @Option(help: ArgumentHelp("Comma-separated formats to write: png, svg, pdf.", valueName: "list"), completion: .figureFormats)
        var formats = "png,svg"

        @Option(parsing: .unconditional, help: ArgumentHelp("Figures rendered at once, 1 to 256 (default: the number of cores).", valueName: "n"))
        var jobs: Int?

        /// The child's side of rendering each entry in a process of its own (see `renderInChild`).
        @Option(help: ArgumentHelp(visibility: .hidden))
        var renderEntry: String?

        mutating func validate() throws {
            if let jobs, jobs < 1 || jobs > 256 { throw ArgumentRefusal.invalid("--jobs", jobs, "expected 1 to 256") }
            for f in formats.split(separator: ",", omittingEmptySubsequences: false) {
                guard OutputFormat(rawValue: String(f)) != nil else {
                    throw ArgumentRefusal.invalid("--formats", formats, "'\(f)' is not a format; expected a comma-separated list of png, svg, pdf")
                }
            }
        }

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let text: String
            do { text = try readText(manifest) } catch let error as FigureError where error.description.contains("larger than") {
                throw ArgumentRefusal.invalid("--manifest", manifest, "larger than 4 MB")
            } catch let error as FigureError where error.description.contains("directory") {
                throw ArgumentRefusal.invalid("--manifest", manifest, "it is a directory; expected a TOML file such as gallery/gallery.toml")
            } catch {
                throw ValidationError("cannot read --manifest '\(manifest)': no such file (run from the project folder, or give --manifest)")
            }
            let parsed = try GalleryManifest(text: text, path: manifest)
            var problems = parsed.problems
            var entries = parsed.entries
            if !only.isEmpty {
                let known = Set(entries.map(\.name))
                for name in only where !known.contains(name) {
                    throw ValidationError("unknown gallery entry '\(name)'; entries: " + entries.map(\.name).joined(separator: ", "))
                }
                entries = entries.filter { only.contains($0.name) }
            }
            let outDir = out ?? AtomicFile.directory(of: manifest)
            let fmts = formats.split(separator: ",").compactMap { OutputFormat(rawValue: String($0)) }
            if let renderEntry { return try Gallery.renderAsChild(renderEntry, entries: entries, outDir: outDir, formats: fmts, manifest: manifest) }
            // A directory made here and left empty (every entry failed) is removed again: nothing written.
            let made = out != nil ? Gallery.missingDirectories(outDir) : []
            if out != nil { try Gallery.makeDirectory(outDir) }
            if only.isEmpty { try GalleryRules.checkIndexes(in: outDir) }
            GalleryRules.removeStaleTemporaries(in: outDir, names: entries.flatMap { e in e.files(fmts) } + ["README.md", "index.html"])
            let n = entries.count
            let workers = max(1, min(jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), max(n, 1)))
            let state = GalleryProgress(total: n, interactive: isatty(2) != 0)
            let list = entries, manifestPath = manifest
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let k = state.nextIndex() {
                    let e = list[k]
                    let result = Gallery.renderInChild(e, outDir: outDir, formats: fmts, manifest: manifestPath)
                    state.finished(k, name: e.name, problem: result.problem, warnings: result.warnings)
                }
            }
            state.endLine()
            problems += state.problems.sorted { $0.0 < $1.0 }.map(\.1)
            // The indexes list what rendered: when nothing did (a full disk), the old ones are kept.
            if only.isEmpty, n == 0 || state.problems.count < n {
                try Gallery.writeIndexes(entries: entries, formats: fmts, failed: Set(state.problems.map { list[$0.0].name }),
                                         outDir: outDir, manifest: manifest)
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            for p in problems { printError(p) }
            // One tally: entries refused by the manifest count among the figures, failed (was "1 of 2 … 2 failed" for 3).
            let failed = problems.count, rendered = n - state.problems.count
            if rendered == 0 { for dir in made { _ = rmdir(dir) } }  // rmdir removes empty directories only
            print("gallery: \(rendered) of \(rendered + failed) figures rendered (\(fmts.map(\.rawValue).joined(separator: "+"))) "
                  + "in \(TickFormat.fixed(seconds, 2)) s with \(workers) job\(workers == 1 ? "" : "s")" + (failed > 0 ? "; \(failed) failed" : ""))
            if failed > 0 { throw ExitCode.failure }
        }

        /// Writes README.md and index.html together (both or neither) for the entries that rendered.
        static func writeIndexes(entries: [GalleryManifest.Entry], formats: [OutputFormat], failed: Set<String>, outDir: String,
                                 manifest: String) throws {
            let markdown = GalleryIndex.markdown(entries: entries, formats: formats, failed: failed, manifest: manifest, outDir: outDir)
            let figures = entries.filter { !failed.contains($0.name) }.map { e in
                // The files written for the entry, in order; the page picks what to show by extension, so an
                // entry that writes an animation (.gif, .webp, .mp4, or .svg with --animate) plays in place.
                let files = e.files(formats)
                let shown = GalleryPage.shown(files, command: e.command)
                return GalleryPage.Figure(entry: e, files: files, size: shown.flatMap { MediaSize.read(outDir + "/" + $0) })
            }
            let page: String
            do { page = try GalleryPage.html(figures: figures) } catch {
                throw FigureError("cannot build index.html: \(error)")
            }
            try AtomicFile.writeAll([(outDir + "/README.md", Array(markdown.utf8)), (outDir + "/index.html", Array(page.utf8))])
        }

        /// Creates `path` and any missing parents (like `mkdir -p`), or names why it cannot.
        /// The directories `makeDirectory(path)` would make, deepest first (none when `path` exists).
        static func missingDirectories(_ path: String) -> [String] {
            var missing: [String] = [], p = path
            while !p.isEmpty, OS.status(of: p) == nil, !missing.contains(p) {
                missing.append(p)
                p = AtomicFile.directory(of: p)
            }
            return missing
        }

        static func makeDirectory(_ path: String) throws {
            if let st = OS.status(of: path) {
                guard st.kind == .directory else { throw ArgumentRefusal.invalid("--out", path, "it is a file, not a directory") }
                return
            }
            let parent = AtomicFile.directory(of: path)
            if parent != path, !parent.isEmpty { try makeDirectory(parent) }
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw directoryFailure(path, errno: errno) }
        }

        /// Why `--out`'s directory `path` could not be made, by the README's exit statuses: a name that cannot be
        /// a directory (a file on the way, a name too long, a loop of links) is bad input (exit 64); a file
        /// system that refuses a valid one (read-only, no permission, full, an I/O error) is a failed write
        /// ("cannot write …", exit 1), as for `-o`.
        static func directoryFailure(_ path: String, errno code: Int32) -> any Error {
            let reason = (strerror(code).map { String(cString: $0) } ?? "error \(code)").lowercased()
            switch code {
            case ENOTDIR, ENAMETOOLONG, ELOOP:
                return ArgumentRefusal.invalid("--out", path, "cannot create the directory: \(reason)")
            default:
                return FigureError("cannot write --out '\(path)': cannot create the directory: \(reason)")
            }
        }

        /// Renders one entry; returns a problem message or nil.
        static func renderEntry(_ e: GalleryManifest.Entry, outDir: String, formats: [OutputFormat], manifest: String) -> String? {
            let place = place(e, manifest: manifest)
            let targets = formats.map { (path: outDir + "/" + e.name + "." + $0.rawValue, format: $0) }
            do {
                let args = try CommandSplitter.split(e.command)
                if args.contains(where: { $0 == "-o" || $0 == "--output" || $0.hasPrefix("--output=") || $0 == "--data" || $0.hasPrefix("--data=") }) {
                    throw FigureError("the gallery chooses file names: remove -o/--output and --data from the command")
                }
                let parsed: ParsableCommand
                do { parsed = try DLPlot.parseCommandLine(args) } catch {
                    throw FigureError(DLPlot.message(for: error))
                }
                guard var figure = parsed as? any FigureCommand else {
                    throw FigureError("'\(args.first ?? "")' does not make a figure")
                }
                // An animation is one GIF, whatever the still formats.
                if e.isAnimated {
                    figure.figureOptions.output = outDir + "/" + e.name + ".gif"
                    _ = try figure.writeAnimation(showsProgress: false)
                    return nil
                }
                try figure.write(to: targets, data: nil, command: "dlplot " + e.command)
                return nil
            } catch {
                // A failing entry writes nothing and deletes nothing (an existing file of that name may
                // not be ours); the index leaves the entry out, so no old image stands for it.
                return "\(place): \(error)"
            }
        }
    }
}

/// Thread-safe progress of a gallery run: hands out entries and prints progress.
final class GalleryProgress: Sendable {
    private struct State {
        var next = 0
        var done = 0
        var problems: [(Int, String)] = []
    }
    private let state = Mutex(State())
    let total: Int
    let interactive: Bool

    init(total: Int, interactive: Bool) { self.total = total; self.interactive = interactive }

    /// (entry index, message) for every entry that failed.
    var problems: [(Int, String)] { state.withLock { $0.problems } }

    /// The next entry to render, or nil when all are handed out.
    func nextIndex() -> Int? {
        state.withLock { s in
            guard s.next < total else { return nil }
            defer { s.next += 1 }
            return s.next
        }
    }

    /// Records that entry `index` finished, with its problem if it failed.
    /// `warnings`: the entry's warnings, each line prefixed with its place in the manifest, printed at once.
    func finished(_ index: Int, name: String, problem: String?, warnings: String = "") {
        state.withLock { s in
            s.done += 1
            if let problem { s.problems.append((index, problem)) }
            if !warnings.isEmpty { writeStandardError((interactive ? "\r" + String(repeating: " ", count: 48) + "\r" : "") + warnings) }
            if interactive {
                var line = "\r[\(s.done)/\(total)] \(name)"
                line += String(repeating: " ", count: max(0, 40 - name.count))
                writeStandardError(line)
            } else {
                writeStandardError("[\(s.done)/\(total)] \(name)\(problem == nil ? "" : " FAILED")\n")
            }
        }
    }

    func endLine() { if interactive { writeStandardError("\n") } }
}

func printError(_ s: String) { writeStandardError(s + "\n") }

/// Writes text to standard error (unbuffered, safe from any thread).
func writeStandardError(_ s: String) {
    var bytes = Array(s.utf8)
    var off = 0
    while off < bytes.count {
        let n = bytes.withUnsafeMutableBytes { OS.write(2, $0.baseAddress?.advanced(by: off), $0.count - off) }
        if n <= 0 { break }
        off += n
    }
}

/// Reads a whole text file of at most `limit` bytes (a manifest of /dev/zero must not fill memory).
func readText(_ path: String, limit: Int = 4 << 20) throws -> String {
    if OS.status(of: path)?.kind == .directory { throw FigureError("'\(path)' is a directory") }
    guard let f = fopen(path, "rb") else { throw FigureError("cannot open '\(path)'") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes += buf[0..<n]
        if bytes.count > limit { throw FigureError("'\(path)' is larger than \(limit >> 20) MB") }
    }
    return String(decoding: bytes, as: UTF8.self)
}
