/// The file formats a figure can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// The format named by a file's extension (case-insensitive).
    /// - Throws: `VizError.missingExtension` when the file name has no extension; `.invalidValue` when it is not .png, .svg or
    ///   .pdf.
    public init(path: String) throws(VizError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            throw VizError.missingExtension(path: path)
        }
        let ext = String(name[name.index(after: dot)...]).lowercased()
        guard let f = OutputFormat(rawValue: ext) else {
            throw VizError.invalidValue(what: "output file extension", value: "." + ext, allowed: ".png, .svg or .pdf")
        }
        self = f
    }

    /// The format called `name` (png, svg, pdf).
    /// - Throws: `VizError.invalidValue` when `name` is not png, svg or pdf (any case).
    public init(name: String) throws(VizError) {
        guard let f = OutputFormat(rawValue: name.lowercased()) else {
            throw VizError.invalidValue(what: "format", value: name, allowed: "png, svg or pdf")
        }
        self = f
    }
}

/// Text stored with a written file: the program that made it (a PNG's `Software` tEXt chunk, a PDF's
/// Creator) and the command it ran (a PNG's `Comment`). Nil leaves the entry out (a PDF then names Cairo).
public struct FileMetadata: Sendable {
    /// The program and its version, e.g. `"myplotter 1.2"`.
    public var software: String?
    /// The command line that made the file.
    public var command: String?
    /// Metadata naming the program and the command (nil: left out).
    public init(software: String? = nil, command: String? = nil) { self.software = software; self.command = command }
}
