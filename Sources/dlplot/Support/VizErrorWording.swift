import Viz

/// Viz's errors in the command line's words. Viz names the bad value only; where the way out is an
/// option of `dlplot`, the message here names it.
extension VizError {
    /// The message `dlplot` prints for this error.
    var commandLineMessage: String {
        switch self {
        case let .pageTooSmall(width, height, needs): "invalid figure size '\(width)x\(height)': expected " + needs.commandLineWording
        case .missingExtension: description + " (or give --format)"
        case .imageTooLarge: description + "; give a smaller --size, or write .svg or .pdf"
        default: description
        }
    }

    /// The message, naming `--size` as typed (`typed`, nil when not given) where the page was too large to draw:
    /// `cannot draw --size '20000x20000': a 20000x20000 image needs 1.6 GB of memory, which could not be allocated; …`.
    func commandLineMessage(size typed: String?) -> String {
        guard case let .imageTooLarge(width, height) = self, let typed else { return commandLineMessage }
        return "cannot draw --size '\(typed)': a \(width)x\(height) image " + VizError.memoryText(width: width, height: height).dropFirst(3)
            + "; give a smaller --size, or write .svg or .pdf"
    }
}

extension VizError.PageNeed {
    /// What the page lacks room for, with the options that give it more where that is the way out.
    var commandLineWording: String {
        switch self {
        case .plots: description + " (try a larger --size or a smaller --font-scale)"
        default: description
        }
    }
}
