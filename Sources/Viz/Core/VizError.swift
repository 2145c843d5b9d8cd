/// Everything that can go wrong when building or writing a figure, with a message for people.
public enum VizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value is not one of the allowed ones (`what` names the setting).
    case invalidValue(what: String, value: String, allowed: String)
    /// Data that cannot be plotted (empty, all NaN...).
    case invalidData(String)
    /// Cairo reported an error; the text is cairo's own message.
    case cairo(operation: String, message: String)
    /// The output file could not be written.
    case io(path: String, message: String)
    /// The PNG encoder failed.
    case png(path: String, message: String)
    /// A codec's shared library could not be opened at run time: the format (`GIF`), the soname, how to
    /// install it (`apt install libgif7`) and the loader's reason.
    case missingLibrary(format: String, library: String, install: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidValue(what, value, allowed): "invalid \(what) '\(value)': expected \(allowed)"
        case let .invalidData(message): message
        case let .cairo(operation, message): "cairo failed to \(operation): \(message)"
        case let .io(path, message): "cannot write '\(path)': \(message)"
        case let .png(path, message): "cannot encode PNG '\(path)': \(message)"
        case let .missingLibrary(format, library, install, _):
            "\(format) output needs \(library), which could not be loaded; install it with '\(install)', or write an .svg"
        }
    }
}
