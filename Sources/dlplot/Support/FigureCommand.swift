import ArgumentParser
import Figures
import Viz

/// A command that makes one figure: it builds the figure from its options, and `run()` writes it.
/// The gallery calls `render()` on commands parsed from the manifest, so a gallery entry is exactly
/// a command line.
protocol FigureCommand: ParsableCommand {
    /// The shared output options.
    var figureOptions: FigureOptions { get set }
    /// The file name used when `-o` is not given (without extension).
    var defaultFileName: String { get }
    /// Builds the figure and the data behind it.
    func makeFigure() throws -> (Figure, [DataTable])
    /// The first column of a long `--data` table made from one table per series (optimizer, activation, …).
    var dataKey: String { get }
    /// Whether `--data` writes one tidy table per file (NAME.csv, NAME-2.csv, …) rather than the tables
    /// stacked in one file under `# name` lines (the commands not yet moved to tidy tables).
    var writesTidyData: Bool { get }
}

/// Errors figure commands report at run time (after argument validation).
struct FigureError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension FigureCommand {
    var dataKey: String { "series" }
    var writesTidyData: Bool { false }

    /// Builds the figure once, renders it in every requested format, then writes all files atomically
    /// (nothing is written if any rendering fails). Returns the paths written.
    @discardableResult
    func write(to targets: [(path: String, format: OutputFormat)], data: String?, command: String) throws -> [String] {
        var (figure, tables) = try makeFigure()
        if let title = figureOptions.title { figure.title = title }
        let meta = FileMetadata(software: "dlplot " + DLPlotVersion.string, command: command)
        var rendered: [(String, [UInt8])] = []
        for t in targets {
            let result = Result { () throws(VizError) -> [UInt8] in try figure.render(as: t.format, metadata: meta) }
            switch result {
            case let .success(bytes): rendered.append((t.path, bytes))
            case let .failure(.png(_, message)): throw FigureError(VizError.png(path: t.path, message: message).description)
            case let .failure(e): throw FigureError(e.description)
            }
        }
        if let data {
            if writesTidyData {
                for file in DataTable.files(DataTable.tidy(tables, key: dataKey), path: data) { rendered.append((file.path, Array(file.text.utf8))) }
            } else {
                rendered.append((data, Array(DataTable.stacked(tables).utf8)))
            }
        }
        for (path, bytes) in rendered {
            if case let .failure(e) = Result(catching: { () throws(VizError) in try AtomicFile.write(bytes, to: path) }) {
                throw FigureError(e.description)
            }
        }
        return rendered.map(\.0)
    }

    func run() throws {
        let path = figureOptions.output ?? (defaultFileName + "." + (figureOptions.format ?? "png"))
        let format = try figureOptions.outputFormat(for: path)
        try write(to: [(path, format)], data: figureOptions.data, command: commandLine())
    }

    /// The command line that made this figure, for the PNG's metadata.
    func commandLine() -> String {
        (["dlplot"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
    }
}
