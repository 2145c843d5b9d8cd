/// Everything that can go wrong when building or writing a figure, with a message for people.
public enum VizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value is not one of the allowed ones (`what` names the setting).
    case invalidValue(what: String, value: String, allowed: String)
    /// The page (`width` × `height` output pixels) has no room for what the figure holds (`needs`).
    case pageTooSmall(width: Int, height: Int, needs: PageNeed)
    /// An output path (as given) has no file extension to tell its format by.
    case missingExtension(path: String)
    /// Data that cannot be plotted (empty, all NaN...).
    case invalidData(String)
    /// Cairo reported an error; the text is cairo's own message.
    case cairo(operation: String, message: String)
    /// The memory for a `width` × `height`-pixel raster image (4 bytes a pixel) could not be allocated.
    case imageTooLarge(width: Int, height: Int)
    /// The output file could not be written.
    case io(path: String, message: String)
    /// The PNG encoder failed.
    case png(path: String, message: String)
    /// A codec's shared library could not be opened at run time: the format (`GIF`), the soname, how to
    /// install it (`apt install libgif7`) and the loader's reason.
    case missingLibrary(format: String, library: String, install: String, reason: String)

    /// The error in words, naming the bad value.
    public var description: String {
        switch self {
        case let .invalidValue(what, value, allowed): "invalid \(what) '\(value)': expected \(allowed)"
        case let .pageTooSmall(width, height, needs): "invalid figure size '\(width)x\(height)': expected \(needs)"
        case let .missingExtension(path): "invalid output file extension '\(path)': expected a file name ending in .png, .svg or .pdf"
        case let .invalidData(message): message
        case let .cairo(operation, message): "cairo failed to \(operation): \(message)"
        case let .imageTooLarge(width, height): "cannot draw a \(width)x\(height) image: " + Self.memoryText(width: width, height: height)
        case let .io(path, message): "cannot write '\(path)': \(message)"
        case let .png(path, message): "cannot encode PNG '\(path)': \(message)"
        case let .missingLibrary(format, library, install, _):
            "\(format) output needs \(library), which could not be loaded; install it with '\(install)', or write an .svg"
        }
    }

    /// "it needs 1.6 GB of memory, which could not be allocated" for a `width` × `height` raster.
    public static func memoryText(width: Int, height: Int) -> String {
        let tenths = (width * height * 4 + 50_000_000) / 100_000_000
        let amount = tenths >= 10 ? "\(tenths / 10).\(tenths % 10) GB" : "\((width * height * 4 + 500_000) / 1_000_000) MB"
        return "it needs \(amount) of memory, which could not be allocated"
    }

    /// What a page too small for its figure lacks room for.
    public enum PageNeed: Sendable, Equatable, CustomStringConvertible {
        /// The legend, placed beside the plot, would leave the page.
        case legendBeside
        /// The titles and axes leave no plot area.
        case titleAndAxes
        /// `count` plots with their tick and axis labels do not fit their cells.
        case plots(count: Int)
        /// A plot drawn to equal units on both axes would be under four tick labels high.
        case equalUnitPlot
        /// A plot would be under five tick labels wide or high: no room for three readable ticks.
        case readablePlots
        /// A panel title would not fit over its plot on two lines at `TextLayout.panelTitleFloor` of its size.
        case panelTitles
        /// The smallest text (notes) would be under `Figure.minimumTextPixels` output pixels high at the
        /// figure's resolution and font scale.
        case readableText

        /// The error in words, naming the bad value.
        public var description: String {
            switch self {
            case .legendBeside: "a page with room for the legend beside the plot"
            case .titleAndAxes: "a page large enough for its title and axes"
            case let .plots(count): "enough room for \(count) plot(s) with their labels"
            case .equalUnitPlot: "room for an equal-unit plot at least four tick labels high"
            case .readablePlots: "room for every plot at least five tick labels wide and high"
            case .panelTitles: "room for every panel title at the size of the tick labels or larger"
            case .readableText: "text at least 8 pixels high"
            }
        }
    }
}
