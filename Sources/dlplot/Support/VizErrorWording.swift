import Viz

/// Viz's errors in the command line's words. Viz names the bad value only; where the way out is an
/// option of `dlplot`, the message here names it.
extension VizError {
    /// The message `dlplot` prints for this error.
    var commandLineMessage: String {
        switch self {
        case let .pageTooSmall(width, height, needs): "invalid figure size '\(width)x\(height)': expected " + needs.commandLineWording
        case .missingExtension: description + " (or give --format)"
        default: description
        }
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
