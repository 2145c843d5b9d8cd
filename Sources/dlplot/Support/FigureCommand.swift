import ArgumentParser
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
}

/// Errors figure commands report at run time (after argument validation).
struct FigureError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension FigureCommand {
    /// Builds the figure once, renders it in every requested format, then writes all files atomically
    /// (nothing is written if any rendering fails). Returns the paths written.
    @discardableResult
    func write(to targets: [(path: String, format: OutputFormat)], data: String?, command: String) throws -> [String] {
        var (figure, tables) = try makeFigure()
        if let title = figureOptions.title { figure.title = title }
        try figureOptions.layout.apply(to: &figure)
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
        if let data { rendered.append((data, Array(DataTable.csv(tables).utf8))) }
        if let path = figureOptions.layout.layoutReport {
            do { rendered.append((path, Array(try figure.layoutReport().json.utf8))) } catch { throw FigureError(error.description) }
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
