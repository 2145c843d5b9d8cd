/// Something drawn in an axes: it reports the data it covers, its legend entries, and draws itself
/// through a `PlotContext` (which maps data to device space and clips to the plot area).
public protocol Mark: Sendable {
    /// Marks are drawn in increasing z order (ties keep insertion order).
    var zOrder: Double { get }
    /// The data extent the axes' automatic limits should include, or nil.
    func dataBounds() -> Bounds?
    /// Entries this mark contributes to the legend.
    var legendEntries: [LegendEntry] { get }
    /// The entries as drawn in `theme` (a mark whose colours default from the theme resolves them here);
    /// `legendEntries` by default.
    func legendEntries(theme: Theme) -> [LegendEntry]
    /// Data points the legend should avoid covering.
    func occupiedPoints() -> [Point]
    /// The radius (device points) of the ink drawn around each of `occupiedPoints()`: a marker's half size
    /// and edge; 0 for lines and text.
    var markerRadius: Double { get }
    /// Device rectangles (text boxes) the legend should avoid covering even more than data points.
    func occupiedRects(in context: PlotContext) -> [Rect]
    /// Draws the mark.
    func draw(in context: PlotContext)
    /// True when the mark's text is the most dispensable on the plot: it gives way to the legend and to
    /// every other mark's text (it is shortened or left out instead of covering them).
    var textGivesWay: Bool { get }
    /// True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    var isDataInk: Bool { get }
    /// True when the mark's `occupiedPoints` are the vertices of lines, whose segments are ink however
    /// long (a curve of five points spans the plot with five segments); false for scattered points, which
    /// legends and notes treat as joined only across short gaps.
    var joinsPoints: Bool { get }
    /// True when the mark is a band drawn with data (an area under or around a curve): not data ink, but when
    /// it grows in an animation, nothing drawn below it may go into the still background of the frames.
    var isDataBand: Bool { get }
    /// What the mark's texts are, for a layout report.
    var textKind: FigureElement.Kind { get }
    /// The device box of text the layout may move off the data (a note), or nil; the mark draws it
    /// shifted by the context's `textShift`.
    func movableTextBox(in context: PlotContext) -> Rect?
    /// The only shifts (device points) the layout may give the movable text, best first, or nil to let
    /// it search rings around its place (a label that must stay on its line lists spots along it).
    func movableTextShifts(in context: PlotContext) -> [Point]?
    /// The device point a leader line runs to from the movable text, or nil when it has none: the layout then
    /// keeps the leader, as the box, a few points clear of every curve (a leader lying along a crest read as
    /// an outline of it).
    func movableTextLeaderTarget(in context: PlotContext) -> Point?
    /// The sentence the figure's footnote says instead when the mark's movable text finds no spot in the
    /// plot free of data and other text (the mark then draws nothing), or nil: the text stays, pulled wholly
    /// inside the plot. Give one only for a text that says what it is about ("gd: leaves the view at step 2").
    var footnoteText: String? { get }
    /// True when the mark places its texts around other marks' texts and markers (given to it as the
    /// context's `textObstacles`): contour labels, point labels.
    var placesTextAroundOthers: Bool { get }
    /// Among marks that place their texts around others, higher goes first (its texts are the others'
    /// obstacles); 0 by default.
    var textPriority: Double { get }
    /// False for a mark drawn whole over the plot's frame (matplotlib's `clip_on=False`): a marker at
    /// the edge of the data, such as a minimum on the border of a map, is not cut in half.
    var clipsToPlot: Bool { get }
}

extension Mark {
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double { 2 }
    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] { [] }
    /// `Mark`: Entries this mark contributes to the legend.
    public func legendEntries(theme: Theme) -> [LegendEntry] { legendEntries }
    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] { [] }
    /// `Mark`: The radius (device points) of the ink drawn around each of `occupiedPoints()`; 0 for lines and text.
    public var markerRadius: Double { 0 }
    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in context: PlotContext) -> [Rect] { [] }
    /// `Mark`: True when the mark's text is the most dispensable on the plot: it gives way to the legend and to
    /// every other mark's text (it is shortened or left out instead of covering them).
    public var textGivesWay: Bool { false }
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { false }
    /// `Mark`: True when the mark is a band drawn with data (an area under or around a curve); false for
    /// backgrounds and for data ink.
    public var isDataBand: Bool { false }
    /// `Mark`: True when the mark's `occupiedPoints` are the vertices of lines, whose segments are ink however
    /// long (a curve of five points spans the plot with five segments); false for scattered points, which legends
    /// and notes treat as joined only across short gaps.
    public var joinsPoints: Bool { false }
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { .annotation }
    /// `Mark`: The device box of text the layout may move off the data (a note), or nil; the mark draws it
    /// shifted by the context's `textShift`.
    public func movableTextBox(in context: PlotContext) -> Rect? { nil }
    /// `Mark`: The only shifts (device points) the layout may give the movable text, best first, or nil to let it
    /// search rings around its place (a label that must stay on its line lists spots along it).
    public func movableTextShifts(in context: PlotContext) -> [Point]? { nil }
    /// `Mark`: The device point a leader line runs to from the movable text, or nil when it has none.
    public func movableTextLeaderTarget(in context: PlotContext) -> Point? { nil }
    /// `Mark`: False for a mark drawn whole over the plot's frame (matplotlib's `clip_on=False`): a marker at the
    /// edge of the data, such as a minimum on the border of a map, is not cut in half.
    public var clipsToPlot: Bool { true }
    /// `Mark`: The sentence the figure's footnote says instead when the mark's movable text finds no spot in the
    /// plot free of data and other text (the mark then draws nothing), or nil: the text stays, pulled wholly
    /// inside the plot.
    public var footnoteText: String? { nil }
    /// `Mark`: True when the mark places its texts around other marks' texts and markers (given to it as the
    /// context's `textObstacles`): contour labels, point labels.
    public var placesTextAroundOthers: Bool { false }
    /// `Mark`: Among marks that place their texts around others, higher goes first (its texts are the others'
    /// obstacles); 0 by default.
    public var textPriority: Double { 0 }
}

/// One row of a legend: a sample of the mark's style and a label.
public struct LegendEntry: Sendable {
    /// What the legend draws before the label.
    public enum Sample: Sendable {
        case line(StrokeStyle, marker: MarkerShape?)
        case patch(Color, edge: Color?)
        case marker(MarkerShape, Color)
        /// A marker filled and edged as a plot draws it (a white triangle edged dark, which `.marker`'s halo in
        /// the background colour left invisible on a white legend).
        case outlined(MarkerShape, fill: Color, edge: Color)
    }
    /// The text (math syntax allowed).
    public var label: String
    /// The swatch: a line (with an optional marker), a filled patch, or a marker.
    public var sample: Sample
    /// A further line of the entry before it (no sample of its own): the legend keeps it in the same column.
    public var continuesPrevious: Bool
    /// An entry; `continuesPrevious` makes it a further line of the entry before.
    public init(label: String, sample: Sample, continuesPrevious: Bool = false) {
        self.label = label; self.sample = sample; self.continuesPrevious = continuesPrevious
    }
}

/// What a mark draws with: the plot rectangle, the scales, the theme, and drawing calls in device space.
public struct PlotContext {
    /// The plot area in device points.
    public let plotRect: Rect
    /// Maps x data values to the plot's width.
    public let xScale: Scale
    /// Maps y data values to the plot's height.
    public let yScale: Scale
    /// The figure's theme: colours and fonts a mark is not given come from here.
    public let theme: Theme
    /// Device pixels per point of the output (for simplification to the output resolution).
    public let resolution: Double
    let canvas: any DrawingBackend
    /// Boxes that optional text (a band's label) and text placed around others (contour and point
    /// labels) must not cover: the legend and other marks' texts and markers.
    public internal(set) var textObstacles: [Rect] = []
    /// What texts drawn through `text(_:at:anchor:font:color:angle:)` are, for a layout report.
    var textKind: FigureElement.Kind = .annotation
    /// Where the layout moved this mark's movable text (device points, y down).
    public internal(set) var textShift = Point(0, 0)

    /// The device x of data value `x`.
    @inline(__always) public func px(_ x: Double) -> Double { plotRect.minX + xScale.normalize(x) * plotRect.width }
    /// The device y of data value `y` (y grows downwards on the page).
    @inline(__always) public func py(_ y: Double) -> Double { plotRect.maxY - yScale.normalize(y) * plotRect.height }
    /// The device point of a data point.
    @inline(__always) public func point(_ p: Point) -> Point { Point(px(p.x), py(p.y)) }
    /// The data point at a device point.
    public func data(at d: Point) -> Point {
        Point(xScale.value(atNormalized: (d.x - plotRect.minX) / plotRect.width),
              yScale.value(atNormalized: (plotRect.maxY - d.y) / plotRect.height))
    }

    /// Strokes a device-space path.
    public func stroke(_ path: Path, _ style: StrokeStyle) { canvas.stroke(path, style) }
    /// Fills a device-space path (non-zero winding, or even-odd for shapes with holes).
    public func fill(_ path: Path, _ color: Color, evenOdd: Bool = false) { canvas.fill(path, color, evenOdd: evenOdd) }
    /// Draws `text` (math syntax allowed) at a device point; `leader`: the device points of a leader line drawn
    /// from it, for the layout report (see `FigureElement.leader`).
    public func text(_ text: String, at p: Point, anchor: TextAnchor, font: Font, color: Color, angle: Double = 0, leader: [Point] = []) {
        var element = FigureElement(textKind, text: text)
        element.leader = leader
        canvas.element(element) {
            canvas.draw(TextLayout.make(text, font: font, canvas: canvas), at: p, anchor: anchor, angle: angle, color: color)
        }
    }
    /// The device box `text` would occupy.
    public func textBox(_ text: String, at p: Point, anchor: TextAnchor, font: Font, angle: Double = 0) -> Rect {
        canvas.box(of: TextLayout.make(text, font: font, canvas: canvas), at: p, anchor: anchor, angle: angle)
    }
    /// Draws straight-alpha RGBA pixels (row 0 on top) into a device rectangle.
    public func image(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool) {
        canvas.drawImage(rgba: rgba, width: width, height: height, in: rect, smooth: smooth)
    }
    /// Runs `body` with drawing clipped to `rect`.
    public func clipped(to rect: Rect, _ body: () -> Void) {
        canvas.save(); canvas.clip(rect); body(); canvas.restore()
    }
    /// Draws a marker: filled in `fill` with an `edge` outline, or, for a cross or plus, stroked in `fill` over
    /// an `edge` halo.
    public func marker(_ shape: MarkerShape, at p: Point, size: Double, fill: Color, edge: Color?, edgeWidth: Double = 1) {
        let path = shape.path(at: p, size: size)
        if shape.isStrokeOnly {
            // A cross or plus is its own stroke: the edge colour is a halo under it, never the stroke itself
            // (an edge in the background colour drew the 5th and 6th series' markers invisibly).
            let width = max(edgeWidth, size * 0.18)
            if let edge { canvas.stroke(path, StrokeStyle(color: edge, width: width + 2 * edgeWidth, cap: .round)) }
            canvas.stroke(path, StrokeStyle(color: fill, width: width, cap: .round))
        } else {
            canvas.fill(path, fill)
            if let edge { canvas.stroke(path, StrokeStyle(color: edge, width: edgeWidth)) }
        }
    }
}
