import ArgumentParser
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

    /// Removes the numbered frames in `dir` that a run with more frames (or the other format) left and this
    /// one did not write, so the directory holds what the command made.
    static func removeStale(in dir: String, keeping written: Set<String>) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        var stale: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("frame-"), name.hasSuffix(".png") || name.hasSuffix(".pdf"), !written.contains(name) else { continue }
            let digits = name.dropFirst(6).dropLast(4)
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { stale.append(name) }
        }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        for name in stale { unlink(prefix + name) }
    }

    /// Draws every frame and writes the PNGs (or PDFs) and the snippet into `dir` (created if missing), all or nothing.
    static func write(_ animation: Animation, to dir: String, format: OutputFormat = .png, settings: AnimationOptions.Settings,
                      command: String, progress forced: Bool?) throws {
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
        if mkdir(dir, 0o755) != 0 && errno != EEXIST {
            throw FigureError("cannot create --frames-dir '\(dir)': " + String(cString: strerror(errno)).lowercased())
        }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        var files = pngs.enumerated().map { (path: prefix + name($0.offset, count: pngs.count, format: format), bytes: $0.element) }
        files.append((prefix + "animation.tex", Array(snippet(dir: dir, count: pngs.count, timing: settings.timing, command: command).utf8)))
        if case let .failure(e) = Result(catching: { () throws(VizError) in try AtomicFile.writeAll(files) }) {
            throw FigureError(e.commandLineMessage)
        }
        removeStale(in: dir, keeping: Set((0..<pngs.count).map { name($0, count: pngs.count, format: format) }))
        let bad = unreadableByLaTeX(dir)
        if let c = bad.first {
            writeStandardError("note: \(dir)/animation.tex will not compile: LaTeX cannot read '\(c)' in a file path; name the --frames-dir without \(bad) to use it\n")
        }
    }
}
