import ArgumentParser
import Figures
import Viz

/// Writing an animation for a figure command: the output and option checks that only apply to animations,
/// then the frames drawn on `--jobs` threads, encoded, and written atomically with the `--data` table.
enum AnimationOutput {
    /// The animated format of `path`, or a one-line error naming -o as typed.
    static func format(of path: String) throws -> AnimationFormat {
        guard !OutputTarget.isStandardOutput(path) else {
            throw ArgumentRefusal.invalid("-o", path, "an animation is written to a file; name it .gif, .webp, .mp4 or .svg")
        }
        guard let f = AnimationFormat(path: path) else {
            throw ArgumentRefusal.invalid("-o", path, "with --animate expected a name ending in .gif, .webp, .mp4 or .svg")
        }
        return f
    }

    /// Refuses a format whose codec library cannot be opened (they are loaded at run time), in one line naming
    /// -o as typed, the library and the package to install. `libraries` replaces the format's own (for tests).
    static func requireCodec(_ format: AnimationFormat, path: String, libraries: CodecLibraries? = nil) throws {
        guard let libraries = libraries ?? CodecLibraries(format) else { return }
        if case let .failure(e) = Result(catching: { () throws(VizError) in try libraries.load() }) {
            throw ArgumentRefusal.invalid("-o", path, "\(e)")
        }
    }

    /// Refuses the still-figure options an animation cannot honour.
    static func checkOptions(_ options: FigureOptions, framesDir: Bool = false) throws {
        if let f = options.format {
            throw ArgumentRefusal.invalid("--format", f, framesDir ? "with --frames-dir the frames' format is --frame-format png or pdf"
                                          : "with --animate the format comes from -o (.gif, .webp, .mp4 or .svg)")
        }
        if options.transparent { throw ArgumentRefusal.flag("--transparent", "an animation has an opaque background") }
        if let r = options.layout.layoutReport { throw ArgumentRefusal.invalid("--layout-report", r, "not available with --animate") }
    }

    /// The -o target (or the default name with `.gif`), checked with every other file the command writes.
    static func target(_ options: FigureOptions, defaultName: String) throws -> (path: String, format: AnimationFormat) {
        try checkOptions(options)
        let path = options.output ?? defaultName + ".gif"
        let f = try format(of: path)
        try FigureOptions.checkTargets([("-o", path)] + (options.data.map { [("--data", $0)] } ?? []))
        return (path, f)
    }

    /// What is said when an .mp4's page has an odd side: 4:2:0 colour needs even sides, so the last column
    /// or row is left out (nil when both are even).
    static func evenSidesNote(width: Int, height: Int) -> String? {
        guard width % 2 == 1 || height % 2 == 1 else { return nil }
        return "an .mp4 (yuv420p) needs even sides: written at \(width - width % 2)x\(height - height % 2), "
            + "without the last \(width % 2 == 1 && height % 2 == 1 ? "column and row" : width % 2 == 1 ? "column" : "row") "
            + "of the \(width)x\(height) frames"
    }

    /// Draws and encodes `animation`, then writes it and the `--data` table all-or-nothing.
    static func write(_ animation: Animation, tables: [DataTable], to path: String, format: AnimationFormat,
                      settings: AnimationOptions.Settings, data: String?, progress forced: Bool?, size typed: String? = nil) throws {
        let line = forced.flatMap { AnimationProgress(total: animation.frameCount, forced: $0) }
        let tick: (@Sendable () -> Void)? = line.map { l in { @Sendable in l.tick() } }
        let result = Result { () throws(VizError) -> [UInt8] in
            let renderer = try AnimationRenderer(animation)
            if format == .mp4, let note = evenSidesNote(width: renderer.width, height: renderer.height) { PendingNotes.add(note) }
            return try AnimationWriter.encode(renderer, as: format, timing: settings.timing, jobs: settings.jobs, progress: tick)
        }
        line?.finish()
        let bytes: [UInt8]
        switch result {
        case let .success(b): bytes = b
        case let .failure(.pageTooSmall(width, height, needs)):
            throw ArgumentRefusal.invalid("--size", typed ?? "\(width)x\(height)", "expected " + needs.commandLineWording)
        case let .failure(.invalidValue(what, value, allowed)):
            throw ArgumentRefusal.invalid("-o", path, "the \(what) \(value) is not possible; expected \(allowed)")
        case let .failure(e): throw FigureError(e.commandLineMessage(size: typed))
        }
        var files: [(path: String, contents: AtomicFile.Contents)] = [(path, .bytes(bytes))]
        // The tidy tables, one a file (NAME.csv, NAME-2.csv, …), as for a still figure.
        if let data {
            let tables = try OutputTarget.dataFiles(tables, path: data)
            try FigureOptions.checkTargets([("-o", path)] + tables.map { ("--data", $0.path) },
                                           typed: Dictionary(tables.dropFirst().map { ($0.path, data) }) { a, _ in a })
            files += tables
        }
        try OutputTarget.writeAll(files) { $0 == path ? "-o" : "--data" }
    }
}
