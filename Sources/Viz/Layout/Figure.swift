/// A page: a size, a theme, an optional title, and a grid of axes (rows × columns, with spans).
public struct Figure: Sendable {
    /// One axes placed in the grid.
    public struct Panel: Sendable {
        /// The plot.
        public var axes: Axes
        /// The grid row of its top-left cell (0 at the top).
        public var row: Int
        /// The grid column of its top-left cell (0 at the left).
        public var column: Int
        /// How many rows it covers.
        public var rowSpan: Int
        /// How many columns it covers.
        public var columnSpan: Int
    }

    /// Page size in points (1/72 inch).
    public var size: Size
    /// Raster resolution: PNG pixels per inch.
    public var dpi: Double
    /// Colours, fonts and line widths of everything drawn.
    public var theme: Theme
    /// The page title (math syntax allowed), or nil. Setting it drops `plainTitle` (a title given on the
    /// command line is never replaced by the formula's plain form).
    public var title: String? { didSet { plainTitle = nil } }
    /// The title as plain text (a formula as typed, shortened: "f(x) = 1/(1+1/(1+… (121 characters)"), drawn
    /// instead of `title` when `title` holds math that cannot be set whole on the page with every glyph at least
    /// `minimumTextPixels` high; nil: `title` is drawn as well as it fits. Set it after `title`.
    public var plainTitle: String?
    /// A line of smaller text under the title.
    public var subtitle: String?
    /// A note in the bottom-left corner; each `\n` starts a line of its own (fitted on its own).
    public var footnote: String?
    /// One legend for the whole figure, for panels that show the same series in the same styles (give
    /// those panels `legend = .none`): drawn once under the panels, above the footnote, across the page,
    /// its entries in as many columns as the page's width holds (an entry's lines stay together); its font
    /// shrinks to 80 % at most. Empty: none. A page too narrow for it is `VizError.pageTooSmall(.legendBeside)`.
    public var pageLegend: [LegendEntry] = []
    /// Rows of the panel grid.
    public var rows: Int
    /// Columns of the panel grid.
    public var columns: Int
    /// The panels in the order added (`add(_:row:column:rowSpan:columnSpan:)`).
    public private(set) var panels: [Panel] = []
    /// All panels in a column share x limits; only the bottom row shows x tick labels.
    public var shareX = false
    /// All panels in a row share y limits; only the first column shows y tick labels.
    public var shareY = false
    /// Leave the background transparent (PNG alpha, no page fill in SVG/PDF).
    public var transparent = false
    /// The times an animation that reveals this figure's timed marks runs over (`Animation(revealing:)`);
    /// nil: the union of the marks' spans. Set it when the marks go on past what the figure shows (lines
    /// kept to their last time on an axis that ends earlier), so no frame is spent where nothing moves.
    public var revealSpan: ClosedRange<Double>?
    /// The times at which the timed marks change (the steps a log holds, ascending), or nil when they
    /// change at any time. Log time (`FrameTiming.log`) picks its frames among them, so no two frames show
    /// the same data where there are at least as many moments as frames.
    public var revealMoments: [Double]?

    /// The largest raster side accepted, in pixels.
    public static let maxPixels = 20_000

    /// A figure `width`×`height` pixels at `dpi` (the default fits a 16:9 slide: 1280×720 at 160 dpi = 8×4.5 in).
    /// - Throws: `VizError.invalidValue` when `width` or `height` is not 1…`maxPixels` (20000) pixels, `dpi` not 10…2400, or the
    ///   grid not 1…400 panels.
    public init(width: Double = 1280, height: Double = 720, dpi: Double = 160, theme: Theme = .light,
                rows: Int = 1, columns: Int = 1) throws(VizError) {
        try Figure.validate(width: width, height: height, dpi: dpi)
        guard rows >= 1, columns >= 1, rows * columns <= 400 else {
            throw VizError.invalidValue(what: "grid", value: "\(rows)x\(columns)", allowed: "1 to 400 panels")
        }
        self.size = Size(width * 72 / dpi, height * 72 / dpi)
        self.dpi = dpi
        self.theme = theme
        self.rows = rows
        self.columns = columns
    }

    /// Checks a pixel size and resolution.
    /// - Throws: `VizError.invalidValue` naming the width, height or dpi when a side is not a finite 1…`maxPixels` pixels or
    ///   `dpi` not 10…2400.
    public static func validate(width: Double, height: Double, dpi: Double) throws(VizError) {
        for (name, v) in [("width", width), ("height", height)] {
            guard v.isFinite, v >= 1, v <= Double(maxPixels) else {
                throw VizError.invalidValue(what: "figure \(name)", value: TickFormat.short(v, significant: 6).replacingMinus(),
                                            allowed: "1 to \(maxPixels) pixels")
            }
        }
        guard dpi.isFinite, dpi >= 10, dpi <= 2400 else {
            throw VizError.invalidValue(what: "dpi", value: TickFormat.short(dpi, significant: 6).replacingMinus(), allowed: "10 to 2400")
        }
    }

    /// The smallest em size any text may have, in output pixels: below it, notes and tick labels cannot be
    /// read on a screen or a projector (a page is then refused as `VizError.PageNeed.readableText`).
    public static let minimumTextPixels = 8.0

    /// The smallest `theme.fontScale` at which the figure's smallest text (its notes) is
    /// `minimumTextPixels` high at `dpi`.
    public var minimumReadableFontScale: Double {
        let perScale = theme.noteFont.size / max(theme.fontScale, 1e-9) * dpi / 72
        return perScale > 0 ? Figure.minimumTextPixels / perScale : 0
    }

    /// Width and height in raster pixels.
    public var pixelSize: (width: Int, height: Int) {
        (Int((size.width * dpi / 72).rounded()), Int((size.height * dpi / 72).rounded()))
    }

    /// Places `axes` in the grid.
    public mutating func add(_ axes: Axes, row: Int = 0, column: Int = 0, rowSpan: Int = 1, columnSpan: Int = 1) {
        let r = min(max(0, row), rows - 1), c = min(max(0, column), columns - 1)
        panels.append(Panel(axes: axes, row: r, column: c, rowSpan: max(1, min(rowSpan, rows - r)),
                            columnSpan: max(1, min(columnSpan, columns - c))))
    }

    /// Changes the axes of an existing panel.
    public mutating func modifyAxes(_ index: Int, _ body: (inout Axes) -> Void) {
        guard panels.indices.contains(index) else { return }
        body(&panels[index].axes)
    }
}

extension String {
    /// ASCII hyphen for the typographic minus (for messages that name a value as typed).
    func replacingMinus() -> String { String(self.map { $0 == "\u{2212}" ? "-" : $0 }) }
}
