/// A page that draws paths, images and text in device points (1/72 inch, origin top left, y down),
/// under a current transform changed by `translate`/`rotate` and undone by `restore`.
///
/// The contract follows matplotlib's `RendererBase` (`lib/matplotlib/backend_bases.py`): a backend knows
/// only paths, text and images; layout measures text through `measure` and never looks at pixels.
/// `beginElement`/`endElement` bracket the primitives of one figure element (a title, a tick label, a
/// curve) so that a backend which keeps geometry can say what each primitive belongs to; drawing
/// backends ignore them.
public protocol DrawingBackend: AnyObject {
    /// The page size in points.
    var size: Size { get }
    /// Pushes the transform and clip.
    func save()
    /// Pops the transform and clip pushed by the matching `save()`.
    func restore()
    /// Moves the origin by (`dx`, `dy`) points.
    func translate(_ dx: Double, _ dy: Double)
    /// Rotates the axes by `radians` (clockwise on the page, as Cairo).
    func rotate(_ radians: Double)
    /// Restricts drawing to `rect` (in the current transform) until the matching `restore()`.
    func clip(_ rect: Rect)
    /// Paints the whole page with `color`.
    func paint(_ color: Color)
    /// Strokes `path` with `style`.
    func stroke(_ path: Path, _ style: StrokeStyle)
    /// Fills `path` with `color` (non-zero winding, or even-odd for shapes with holes).
    func fill(_ path: Path, _ color: Color, evenOdd: Bool)
    /// Draws `width`×`height` straight-alpha RGBA pixels (row 0 on top) stretched into `rect`.
    func drawImage(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool)
    /// The advance width, ascent and descent of one line of `text` in `font`, in points.
    func measure(_ text: String, font: Font) -> TextMetrics
    /// Draws one line of text with the left end of its baseline at `origin` (in the current transform).
    func drawText(_ text: String, font: Font, color: Color, at origin: Point)
    /// Starts the primitives of one figure element (nested elements are allowed).
    func beginElement(_ element: FigureElement)
    /// Ends the element started by the matching `beginElement`.
    func endElement()
}

extension DrawingBackend {
    /// Fills `path` with `color` (non-zero winding).
    public func fill(_ path: Path, _ color: Color) { fill(path, color, evenOdd: false) }
    /// Ignored: a backend that only draws keeps no elements.
    public func beginElement(_ element: FigureElement) {}
    /// Ignored, as `beginElement(_:)`.
    public func endElement() {}

    /// Runs `body` between `beginElement(element)` and `endElement()`.
    func element(_ element: FigureElement, _ body: () -> Void) {
        beginElement(element)
        body()
        endElement()
    }
}

/// What a group of primitives is, for backends that keep geometry (the layout report's element kinds).
public struct FigureElement: Sendable, Hashable {
    /// The kinds of text, and data ink (what legends and notes must not cover).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case title, subtitle, footnote
        case panelTitle = "panel-title"
        case axisLabel = "axis-label"
        case tickLabel = "tick-label"
        case legend, note, annotation
        /// A shaded band's label; "band-label" in the layout report, whose schema is published.
        case bandLabel = "band-label"
        case pointLabel = "point-label"
        case contourLabel = "contour-label"
        case colorbarLabel = "colorbar-label"
        case tableCell = "table-cell"
        /// Curves, paths, markers and bars: what text placed inside a plot should not cover.
        case dataInk = "data-ink"
        /// Everything drawn for one panel; its `box` is the plot rectangle (inside the frame).
        case plotArea = "plot-area"

        /// True for the kinds that are text.
        public var isText: Bool { self != .dataInk && self != .plotArea }
    }
    /// What the element is.
    public var kind: Kind
    /// The text shown (empty for data ink).
    public var text: String
    /// The panel (0-based, in the order added), or nil for the figure's own texts; nested elements
    /// without one belong to the enclosing element's panel.
    public var panel: Int?
    /// A box known in advance (the plot rectangle of a plot area), in device points.
    public var box: Rect?
    /// The text was cut short (ended with "…") to fit: a page text longer than two lines at its smallest size.
    public var cut = false
    /// The device points of a leader line drawn from the text to what it marks (its end near the mark left
    /// out), or empty: the layout report counts the data ink it crosses as covered.
    public var leader: [Point] = []
    /// An element of `kind` showing `text`.
    public init(_ kind: Kind, text: String = "", panel: Int? = nil, box: Rect? = nil, cut: Bool = false) {
        self.kind = kind; self.text = text; self.panel = panel; self.box = box; self.cut = cut
    }
}
