/// The file formats a figure can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// The format named by a file's extension (case-insensitive).
    public init(path: String) throws(VizError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            throw VizError.invalidValue(what: "output file extension", value: path,
                                        allowed: "a file name ending in .png, .svg or .pdf (or give --format)")
        }
        let ext = String(name[name.index(after: dot)...]).lowercased()
        guard let f = OutputFormat(rawValue: ext) else {
            throw VizError.invalidValue(what: "output file extension", value: "." + ext, allowed: ".png, .svg or .pdf")
        }
        self = f
    }

    /// The format called `name` (png, svg, pdf).
    public init(name: String) throws(VizError) {
        guard let f = OutputFormat(rawValue: name.lowercased()) else {
            throw VizError.invalidValue(what: "format", value: name, allowed: "png, svg or pdf")
        }
        self = f
    }
}

/// Text stored with a written file (PNG tEXt chunks): the command that made it, the software version.
public struct FileMetadata: Sendable {
    public var software: String
    public var command: String?
    public init(software: String = "dlplot", command: String? = nil) { self.software = software; self.command = command }
}
