import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Viz

/// `--frames-dir DIR`: every frame as a numbered PNG (`frame-0001.png`, …) or, with `--frame-format pdf`, a
/// numbered one-page PDF of vectors (`frame-0001.pdf`, …), and `animation.tex`, a snippet for LaTeX's animate
/// package (`\animategraphics`), so that Beamer slides play the animation inside the PDF.
enum FramesDirectory {
    /// Checks DIR: an existing directory, or a new one whose parent exists.
    static func check(_ dir: String) throws {
        var st = stat()
        if stat(dir, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw ValidationError("invalid --frames-dir '\(dir)': it is a file, not a directory") }
            return
        }
        let parent = AtomicFile.directory(of: dir)
        guard stat(parent, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw ValidationError("invalid --frames-dir '\(dir)': directory '\(parent)' does not exist")
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

    /// The `.tex` snippet for frames in `dir` at `timing`.
    static func snippet(dir: String, count: Int, timing: AnimationTiming, command: String) -> String {
        let first = number(0, count: count), last = number(count - 1, count: count)
        var options = ["controls", "autoplay", "width=\\linewidth"]
        if timing.loop { options.insert("loop", at: 2) }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        return """
            % \(command)
            % \(count) frames at \(TickFormat.shortest(timing.fps)) frames per second, for LaTeX's animate package:
            % put \\usepackage{animate} in the preamble and \\input this file (paths are from the main document;
            % the frames' extension, .pdf or .png, is found by LaTeX).
            \\animategraphics[\(options.joined(separator: ","))]{\(TickFormat.shortest(timing.fps))}{\(prefix)frame-}{\(first)}{\(last)}

            """
    }

    /// Draws every frame and writes the PNGs (or PDFs) and the snippet into `dir` (created if missing), all or nothing.
    static func write(_ animation: Animation, to dir: String, format: OutputFormat = .png, settings: AnimationOptions.Settings,
                      command: String, progress forced: Bool?) throws {
        let line = forced.flatMap { AnimationProgress(total: animation.frameCount, forced: $0) }
        let tick: (@Sendable () -> Void)? = line.map { l in { @Sendable in l.tick() } }
        let meta = FileMetadata(software: "dlplot " + DLPlotVersion.string, command: command)
        let result = Result { () throws(VizError) -> [[UInt8]] in
            format == .png ? try AnimationWriter.pngFrames(try AnimationRenderer(animation), jobs: settings.jobs, metadata: meta, progress: tick)
                : try AnimationWriter.documentFrames(AnimationDocuments(animation), as: format, jobs: settings.jobs, progress: tick)
        }
        line?.finish()
        let pngs: [[UInt8]]
        switch result {
        case let .success(p): pngs = p
        case let .failure(e): throw FigureError(e.description)
        }
        if mkdir(dir, 0o755) != 0 && errno != EEXIST { throw FigureError("cannot create --frames-dir '\(dir)'") }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        var files = pngs.enumerated().map { (path: prefix + name($0.offset, count: pngs.count, format: format), bytes: $0.element) }
        files.append((prefix + "animation.tex", Array(snippet(dir: dir, count: pngs.count, timing: settings.timing, command: command).utf8)))
        if case let .failure(e) = Result(catching: { () throws(VizError) in try AtomicFile.writeAll(files) }) {
            throw FigureError(e.description)
        }
    }
}
