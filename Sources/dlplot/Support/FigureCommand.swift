import Foundation
import ArgumentParser
import RunLogs
import Figures
import Viz

/// A command that makes one figure: it builds the figure from its options, and `run()` writes it.
/// The gallery calls `render()` on commands parsed from the manifest, so a gallery entry is exactly
/// a command line.
protocol FigureCommand: ParsableCommand {
    /// The shared output options.
    var figureOptions: FigureOptions { get set }
    /// The file name used when `-o` is not given (without extension), before `DefaultOutputName`'s hash.
    var defaultFileName: String { get }
    /// The options whose values `defaultFileName` spells (`--param`; `lr --function`): alone they add no hash.
    var optionsInFileName: Set<String> { get }
    /// Builds the figure and the data behind it.
    func makeFigure() throws -> (Figure, [DataTable])
    /// True when the command itself uses `--y-range` and `--log-y` (as its y setting's values).
    var drawsItsOwnYAxis: Bool { get }
    /// Writes the animation when `--animate` asks for one and returns true; false for a still figure.
    /// Without `showsProgress` the progress line stays silent even on a terminal (the gallery's own shows).
    func writeAnimation(showsProgress: Bool) throws -> Bool
    /// The files the command reads (logs, `--path`, `--dataset`), which no output may replace; none by default.
    var inputFiles: [(what: String, path: String)] { get }
}

extension FigureCommand {
    var drawsItsOwnYAxis: Bool { false }
}

/// Errors figure commands report at run time (after argument validation).
struct FigureError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Where a figure goes: a file, or standard output (`-o -` or `-o /dev/stdout`).
enum OutputTarget {
    /// Whether `path` means standard output.
    static func isStandardOutput(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }

    /// The `--data` files for `tables`: NAME.csv, NAME-2.csv, …; standard output (`--data -`) takes
    /// exactly one table.
    /// - Throws: `ValidationError` (exit 64) for several tables on standard output.
    /// Each table is written as it is made, in pieces (`DataTable.writeCSV`), never held whole.
    static func dataFiles(_ tables: [DataTable], path: String) throws -> [(path: String, contents: AtomicFile.Contents)] {
        if isStandardOutput(path), tables.count > 1 {
            throw ArgumentRefusal.invalid("--data", path, "this figure has \(tables.count) tables and standard output "
                + "takes one; give a file name (NAME.csv, NAME-2.csv, … are written)")
        }
        return tables.enumerated().map { k, table in
            (DataTable.fileName(k, path: path), .pieces { write in table.writeCSV(write) })
        }
    }

    /// Writes every file all-or-nothing (see `AtomicFile.writeAll`): the files to temporaries, then the entries for
    /// standard output, then the renames. A pipeline never receives a figure whose companion files failed (`-o -
    /// --data full-disk/d.csv`), and no file is replaced when standard output fails (`-o x.png --data - > /dev/full`).
    /// A file the command read as input (a log, a --path or --dataset file) is never replaced: `option` names the
    /// option of each path.
    static func writeAll(_ rendered: [(path: String, contents: AtomicFile.Contents)], option: (String) -> String = { _ in "-o" }) throws {
        for r in rendered where !isStandardOutput(r.path) && InputSpool.isInput(r.path) {
            throw ValidationError(InputOutputCheck.message(option: option(r.path), path: r.path, input: nil))
        }
        let regular = rendered.filter { !isStandardOutput($0.path) }
        var standardOutputFailure: String?
        let written = Result { () throws(VizError) in
            try AtomicFile.writeAll(regular) {
                for r in rendered where isStandardOutput(r.path) {
                    if let failure = r.contents.write(to: 1) { standardOutputFailure = failure; return failure }
                }
                return nil
            }
        }
        if let standardOutputFailure { throw FigureError("cannot write standard output: \(standardOutputFailure)") }
        if case let .failure(e) = written { throw FigureError(e.commandLineMessage) }
    }
}

extension FigureCommand {
    /// Builds the figure once, renders it in every requested format, then writes all files
    /// all-or-nothing (see `AtomicFile`): every target is checked before anything is rendered, and
    /// nothing is written if any rendering or check fails. A target `-` or `/dev/stdout` is written to
    /// standard output (when every file is complete, before any is renamed). Returns the paths written.
    @discardableResult
    func write(to targets: [(path: String, format: OutputFormat)], data: String?, command: String) throws -> [String] {
        let report = figureOptions.layout.layoutReport.map { [("--layout-report", $0)] } ?? []
        let output = figureOptions.output == nil ? InputOutputCheck.defaultName : "-o"
        try FigureOptions.checkTargets(targets.map { ("-o", $0.path) } + (data.map { [("--data", $0)] } ?? []) + report)
        try InputOutputCheck.check(outputs: targets.map { (output, $0.path) } + (data.map { [("--data", $0)] } ?? []) + report,
                                   inputs: inputFiles)
        PendingNotes.discard()
        var (figure, tables) = try makeFigure()
        if let title = figureOptions.title { figure.title = title }
        try figureOptions.layout.apply(to: &figure, yAxis: !drawsItsOwnYAxis)
        if let format = targets.first?.format { figure = figureOptions.grownToFit(figure, format: format) }
        // Also a title with malformed math (already warned of as drawn as literal text): the literal text is cut too.
        if let title = figureOptions.title, let format = targets.first?.format,
           (try? figure.cutPageTexts(for: format))?.contains(.title) == true {
            writeStandardError("warning: --title is \(title.count) characters, more than two lines at the smallest title size "
                + "fit a \(figure.pixelSize.width)-pixel-wide page: drawn cut short with \"…\" (shorten it or give a wider --size)\n")
        }
        let meta = FileMetadata(software: "dlplot " + DLPlotVersion.string, command: command)
        var rendered: [(path: String, contents: AtomicFile.Contents)] = []
        var replaced: [String] = []
        for t in targets {
            let result = Result { () throws(VizError) -> [UInt8] in try figure.render(as: t.format, metadata: meta) }
            switch result {
            case let .success(bytes): rendered.append((t.path, .bytes(bytes)))
            case let .failure(.png(_, message)): throw FigureError(VizError.png(path: t.path, message: message).description)
            case let .failure(.pageTooSmall(_, _, needs)): throw figureOptions.tooSmall(figure, format: t.format, needs: needs)
            case let .failure(e): throw FigureError(e.commandLineMessage(size: figureOptions.size))
            }
        }
        if let data {
            // One tidy table per file: NAME.csv, NAME-2.csv, … (the recipes return tidy tables).
            let files = try OutputTarget.dataFiles(tables, path: data)
            // NAME-2.csv, NAME-3.csv, …: checked with every other target, and named as --data's.
            try FigureOptions.checkTargets(targets.map { ("-o", $0.path) } + files.map { ("--data", $0.path) } + report,
                                           typed: Dictionary(files.dropFirst().map { ($0.path, data) }) { a, _ in a })
            try InputOutputCheck.check(outputs: files.map { ($0.path == data ? "--data" : InputOutputCheck.furtherTable(data), $0.path) },
                                       inputs: inputFiles)
            rendered += files
            // Files named here, not by the user, that already exist are replaced: said on standard error.
            replaced = files.dropFirst().map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        }
        if let path = figureOptions.layout.layoutReport {
            do { rendered.append((path, .bytes(Array(try figure.layoutReport().json.utf8)))) } catch { throw FigureError(error.commandLineMessage) }
        }
        try OutputTarget.writeAll(rendered) { path in
            path == figureOptions.layout.layoutReport ? "--layout-report" : targets.contains { $0.path == path } ? output
                : path == data ? "--data" : InputOutputCheck.furtherTable(data ?? "")
        }
        PendingNotes.flush()
        if let data, !replaced.isEmpty {
            writeStandardError("note: replaced the existing " + replaced.map { "'\($0)'" }.joined(separator: ", ")
                + ": --data '\(data)' writes the figure's further tables to NAME-2.csv, NAME-3.csv, … beside it\n")
        }
        if let data, !OutputTarget.isStandardOutput(data) {
            // A further table of an earlier figure (NAME-2.csv beside a one-table NAME.csv) does not belong to this set.
            let next = DataTable.fileName(tables.count, path: data)
            if next != data, FileManager.default.fileExists(atPath: next) {
                writeStandardError("note: left '\(next)' as it is: it is from an earlier figure; this one's --data is "
                    + (tables.count == 1 ? "'\(data)' alone" : "\(tables.count) tables, '\(data)' to '\(DataTable.fileName(tables.count - 1, path: data))'") + "\n")
            }
        }
        return rendered.map(\.path)
    }

    func run() throws {
        if try writeAnimation(showsProgress: true) { return }
        try writeStill()
    }

    var inputFiles: [(what: String, path: String)] { [] }

    /// Commands with `--animate` write the animation here when asked for one, and return true.
    func writeAnimation(showsProgress: Bool) throws -> Bool { false }

    /// Writes the still figure to -o (or the default name), with --data and --layout-report.
    func writeStill() throws {
        let path = figureOptions.output ?? (chosenFileName + "." + (figureOptions.format ?? "png"))
        let format = try figureOptions.outputFormat(for: path)
        let existed = figureOptions.output == nil && FileManager.default.fileExists(atPath: path)
        let written = try write(to: [(path, format)], data: figureOptions.data, command: commandLine())
        // Names chosen here (no -o, or --data's NAME-2.csv, …): say where the files went.
        let extraData = written.count - 1 - (figureOptions.layout.layoutReport == nil ? 0 : 1) > 1
        if figureOptions.output == nil || extraData { writeStandardError(Self.wroteChosen(written, existed: existed)) }
    }

    /// "a.png", "a.png and a.csv", "a.png, a.csv and a-2.csv".
    static func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The command line that made this figure, for the PNG's metadata.
    func commandLine() -> String {
        (["dlplot"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
    }
}
