import ArgumentParser
import Foundation
import Platform
import Viz

/// `--frames-dir DIR`: every frame as a numbered PNG (`frame-0001.png`, …) or, with `--frame-format pdf`, a
/// numbered one-page PDF of vectors (`frame-0001.pdf`, …), and `animation.tex`, a snippet for LaTeX's animate
/// package (`\animategraphics`), so that Beamer slides play the animation inside the PDF.
enum FramesDirectory {
    /// Checks DIR: an existing directory, or a new one whose parent exists.
    static func check(_ dir: String) throws {
        if dir.isEmpty { throw ArgumentRefusal.invalid("--frames-dir", "", "expected a directory name") }
        if let st = OS.status(of: dir) {
            guard st.kind == .directory else { throw ArgumentRefusal.invalid("--frames-dir", dir, "it is a file, not a directory") }
            return
        }
        let parent = AtomicFile.directory(of: dir)
        guard OS.status(of: parent)?.kind == .directory else {
            throw ArgumentRefusal.invalid("--frames-dir", dir, "directory '\(parent)' does not exist")
        }
    }

    /// The name of frame `k` (0-based) of `count`: `frame-0001.png` (or `.pdf`), with at least four digits.
    static func name(_ k: Int, count: Int, format: OutputFormat = .png) -> String {
        "frame-" + number(k, count: count) + "." + format.rawValue
    }

    /// The frame number as in the file names: `0001`.
    static func number(_ k: Int, count: Int) -> String {
        let digits = max(4, String(count).count)
        let n = String(k + 1)
        return String(repeating: "0", count: digits - n.count) + n
    }

    /// The `.tex` snippet for frames in `dir` at `timing`: one `\animategraphics` line, or, when the last
    /// frame is held, an `animateinline` environment listing the frames, whose last `\newframe[rate]` slows
    /// the frame rate so that the last frame stays 1/fps + hold seconds, as in the other formats.
    static func snippet(dir: String, count: Int, timing: AnimationTiming, command: String) -> String {
        let first = number(0, count: count), last = number(count - 1, count: count)
        var options = ["controls", "autoplay"]
        if timing.loop { options.append("loop") }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        let fps = TickFormat.shortest(timing.fps)
        // A comment ends at a line break: one in an option (a two-line --title) would let the rest run as TeX.
        let oneLine = String(command.map { $0.isNewline ? " " : $0 })
        let head = """
            % \(oneLine)
            % \(count) frames at \(fps) frames per second\(timing.hold > 0 ? ", the last held \(TickFormat.shortest(timing.hold)) s more" : ""), for LaTeX's animate package:
            % put \\usepackage{graphicx} and \\usepackage{animate} in the preamble (Beamer loads graphicx itself) and
            % \\input this file (paths are from the main document; the frames' extension, .pdf or .png, is found by LaTeX).

            """
        guard timing.hold > 0, count > 1 else {
            return head + "\\animategraphics[\((options + ["width=\\linewidth"]).joined(separator: ","))]{\(fps)}{\(prefix)frame-}{\(first)}{\(last)}\n"
        }
        let lastRate = TickFormat.fixed(1 / (1 / timing.fps + timing.hold), 4)
        var lines = ["\\begin{animateinline}[\(options.joined(separator: ","))]{\(fps)}"]
        for k in 0..<count {
            if k > 0 { lines.append(k == count - 1 ? "\\newframe[\(lastRate)]" : "\\newframe") }
            lines.append("\\includegraphics[width=\\linewidth]{\(prefix)frame-\(number(k, count: count))}")
        }
        lines.append("\\end{animateinline}")
        return head + lines.joined(separator: "\n") + "\n"
    }

    /// The characters of `dir` that LaTeX cannot take in a file name (they are TeX's own: a parameter, a
    /// comment, a group…), or an empty string.
    static func unreadableByLaTeX(_ dir: String) -> String {
        String(dir.filter { "#%\\{}~^$&".contains($0) })
    }

    /// The numbered frames in `dir` (`frame-0001.png`, `frame-12.pdf`, …) this run does not write.
    static func staleFrames(in dir: String, keeping written: Set<String>) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var stale: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("frame-"), name.hasSuffix(".png") || name.hasSuffix(".pdf"), !written.contains(name) else { continue }
            let digits = name.dropFirst(6).dropLast(4)
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { stale.append(name) }
        }
        return stale.sorted()
    }

    /// Whether the file at `path` is a frame dlplot wrote: its PNG text chunk or PDF creator names dlplot.
    static func writtenByDLPlot(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= 64 << 20,
              let bytes = FileManager.default.contents(atPath: path) else { return false }
        return bytes.range(of: Data("Software\0dlplot ".utf8)) != nil || bytes.range(of: Data("(dlplot ".utf8)) != nil
    }

    /// Removes the numbered frames an earlier run (with more frames, or the other format) left in `dir`, so
    /// the directory holds what this command made, and says so on standard error; a frame-named file that
    /// dlplot did not write is kept, with a note.
    static func removeStale(in dir: String, keeping written: Set<String>) {
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        let stale = staleFrames(in: dir, keeping: written)
        let ours = stale.filter { writtenByDLPlot(prefix + $0) }, foreign = stale.filter { !ours.contains($0) }
        for name in ours { unlink(prefix + name) }
        if !ours.isEmpty {
            writeStandardError("note: removed \(listed(ours)) left in --frames-dir '\(dir)' by an earlier run (this run wrote \(written.count - 1) frames)\n")
        }
        if !foreign.isEmpty {
            writeStandardError("note: kept \(listed(foreign)) in --frames-dir '\(dir)': not written by dlplot, but named like its frames\n")
        }
    }

    /// "frame-0009.png", "2 frames (frame-0009.png, frame-0010.png)", "12 frames (frame-0007.png … frame-0018.png)".
    static func listed(_ names: [String]) -> String {
        guard let first = names.first, let last = names.last else { return "no frames" }
        if names.count == 1 { return first }
        return "\(names.count) frames (" + (names.count == 2 ? "\(first), \(last)" : "\(first) … \(last)") + ")"
    }

    /// Draws every frame and writes the PNGs (or PDFs), the snippet and the `--data` tables, all or nothing:
    /// into a new `dir` through a temporary directory beside it, renamed whole; into an existing one (which may
    /// hold the user's other files) as one set of files renamed together with the tables.
    static func write(_ animation: Animation, to dir: String, format: OutputFormat = .png, settings: AnimationOptions.Settings,
                      command: String, progress forced: Bool?, data: [(path: String, contents: AtomicFile.Contents)] = []) throws {
        let line = forced.flatMap { AnimationProgress(total: animation.frameCount, forced: $0) }
        let tick: (@Sendable () -> Void)? = line.map { l in { @Sendable in l.tick() } }
        let meta = FileMetadata(software: "dlplot " + DLPlotVersion.string, command: command)
        let result = Result { () throws(VizError) -> [[UInt8]] in
            format == .png ? try AnimationWriter.pngFrames(try AnimationRenderer(animation), jobs: settings.jobs, metadata: meta, progress: tick)
                : try AnimationWriter.documentFrames(AnimationDocuments(animation), as: format, jobs: settings.jobs, metadata: meta, progress: tick)
        }
        line?.finish()
        let pngs: [[UInt8]]
        switch result {
        case let .success(p): pngs = p
        case let .failure(e): throw FigureError(e.commandLineMessage)
        }
        let names = pngs.indices.map { name($0, count: pngs.count, format: format) } + ["animation.tex"]
        let contents = pngs + [Array(snippet(dir: dir, count: pngs.count, timing: settings.timing, command: command).utf8)]
        var st = stat()
        if stat(dir, &st) == 0 {
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            try OutputTarget.writeAll(zip(names, contents).map { (prefix + $0, .bytes($1)) } + data) { $0.hasPrefix(prefix) ? "--frames-dir" : "--data" }
            removeStale(in: dir, keeping: Set(names))
            StaleTemporaries.remove(of: dir)
        } else {
            try writeNew(dir, files: Array(zip(names, contents)), data: data)
        }
        let bad = unreadableByLaTeX(dir)
        if let c = bad.first {
            writeStandardError("note: \(dir)/animation.tex will not compile: LaTeX cannot read '\(c)' in a file path; name the --frames-dir without \(bad) to use it\n")
        }
    }

    /// A new `dir` with `files` in it, made whole in a temporary directory beside it and renamed, then the
    /// `--data` tables; when they cannot be written the directory is taken back, so a failure leaves nothing.
    static func writeNew(_ dir: String, files: [(name: String, bytes: [UInt8])], data: [(path: String, contents: AtomicFile.Contents)]) throws {
        let target = dir.hasSuffix("/") && dir.count > 1 ? String(dir.dropLast()) : dir
        // Within the file system's 255 bytes a name: the directory's own name is cut, not the suffix.
        let suffix = ".tmp-\(getpid())-frames"
        var base = target
        while ((base + suffix).split(separator: "/").last?.utf8.count ?? 0) > 255, !base.isEmpty, base.last != "/" { base.removeLast() }
        let temporary = base + suffix
        func failed(_ what: String) -> FigureError {
            let reason = String(cString: strerror(errno)).lowercased()
            try? FileManager.default.removeItem(atPath: temporary)
            return FigureError("cannot write --frames-dir '\(dir)': \(what)\(reason)")
        }
        guard mkdir(temporary, 0o755) == 0 else { throw failed("cannot create the directory: ") }
        let written = Result(catching: { () throws(VizError) in
            try AtomicFile.writeAll(files.map { (path: temporary + "/" + $0.name, bytes: $0.bytes) })
        })
        if case let .failure(e) = written {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FigureError(e.commandLineMessage.replacingOccurrences(of: temporary, with: target))
        }
        guard rename(temporary, target) == 0 else { throw failed("") }
        // A run killed while it wrote the frames left its `NAME.tmp-PID-frames`: gone now this one is whole.
        StaleTemporaries.remove(of: target)
        do { try OutputTarget.writeAll(data) { _ in "--data" } } catch {
            if rename(target, temporary) == 0 { try? FileManager.default.removeItem(atPath: temporary) }
            throw error
        }
    }
}
