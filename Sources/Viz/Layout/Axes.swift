// Layout: figures and axes, and where everything goes on the page (titles, ticks, frames, notes).

/// One plot: two scales, their limits, labels, guides and the marks drawn inside.
public struct Axes: Sendable {
    /// The panel title above the plot (math syntax allowed), or nil.
    public var title: String?
    /// In an animation that reveals timed marks (`Animation(revealing:)`): the panel title at time t in the
    /// frames before the last, which shows `title` (a title that keeps its conclusion for the end); nil for
    /// `title` in every frame.
    public var animatedTitle: (@Sendable (Double) -> String)?
    /// The x-axis label (math syntax allowed), or nil.
    public var xLabel: String?
    /// The y-axis label (math syntax allowed), or nil.
    public var yLabel: String?
    /// With no `yLabel` (a panel whose title or neighbour names its values): the name written before a shared
    /// power of ten or offset the y labels need, "loss (×10³⁰⁸)" rather than a bare "×10³⁰⁸". Nil: the bare factor.
    public var yQuantity: String?
    /// Linear or log x.
    public var xScale: ScaleKind = .linear
    /// Linear or log y.
    public var yScale: ScaleKind = .linear
    /// Fixed limits (lower may exceed upper to invert the axis), or nil for automatic ones.
    public var xLimits: Interval?
    /// Fixed y limits, as `xLimits`.
    public var yLimits: Interval?
    /// Draw x decreasing to the right (automatic limits reversed).
    public var xInverted = false
    /// Draw y decreasing upwards (automatic limits reversed).
    public var yInverted = false
    /// Automatic limits are padded by this fraction of the data span on each side.
    public var xPadding = 0.03
    /// As `xPadding`, for y.
    public var yPadding = 0.05
    /// Extend automatic limits to nice tick values.
    public var niceLimits = false
    /// One data unit is the same length on both axes.
    public var equalAspect = false
    /// With `equalAspect`: widen the shorter data range to the frame's shape instead of narrowing the
    /// frame (matplotlib's `adjustable='datalim'`), so a strip of such panels fills its cells.
    public var aspectAdjustsLimits = false
    /// Draw grid lines at the major ticks.
    public var grid = true
    /// Draw the vertical (x) or horizontal (y) grid lines when `grid` is on (bar charts turn x off).
    public var xGrid = true
    /// Draw the horizontal grid lines when `grid` is on.
    public var yGrid = true
    /// Draw unlabelled minor ticks between the major ones.
    public var minorTicks = false
    /// Draw x = 0 and y = 0 when they are inside the view (not along an axis with fixed tick labels,
    /// where 0 may be a category index).
    public var zeroLines = true
    /// Draw the frame, ticks and tick labels (off for marks that draw their own axes, such as 3-D views).
    public var showAxes = true
    /// A narrow strip beside a main plot (a learning-rate schedule under loss curves): it needs room for two
    /// tick labels across, not the four every other plot keeps (`FigureRenderer.minimumPlotSide`).
    public var isStrip = false
    /// Write the x tick labels (off for panels that share x with the one below).
    public var showXTickLabels = true
    /// Write the y tick labels (off for panels that share y with the one to the left).
    public var showYTickLabels = true
    /// Fixed x ticks with their labels (categories, multiples of π…), replacing the automatic ones.
    /// Ticks outside the x limits are not drawn. Math syntax is allowed in the labels.
    public var xTickLabels: [(value: Double, label: String)]?
    /// Fixed y ticks with their labels, replacing the automatic ones.
    public var yTickLabels: [(value: Double, label: String)]?
    /// Where the legend goes (inside at the emptiest corner by default).
    public var legend: LegendPlacement = .best
    /// Texts the legend's rows must also have room for, one a row in the order of the legend's entries (an
    /// animation's widest row texts over all its frames, `Animation.reservingLegendRoom()`): the legend is
    /// measured as if each row said the wider of its own label and this one, so a box laid out once holds
    /// every frame's rows at one type size. Empty: the labels alone.
    public var legendReserve: [String] = []
    /// Whether an outside legend beside a map stays on the right (set when the layout tries that form
    /// against the one it chose, see `FigureRenderer.largestMapLayout`).
    var legendStaysRight = false
    /// Guides drawn beside the plot (a colorbar).
    public var sideGuides: [any SideGuide] = []
    /// The marks in the order added (drawn by increasing `zOrder`, ties in this order).
    public private(set) var marks: [any Mark] = []

    /// Empty axes with these texts; add marks with `add(_:)`.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    /// Adds a mark.
    public mutating func add(_ mark: any Mark) { marks.append(mark) }
    /// Adds several marks.
    public mutating func add(contentsOf m: [any Mark]) { marks.append(contentsOf: m) }
    /// Puts `mark` in place of the mark at `index` (same drawing order).
    mutating func replaceMark(at index: Int, with mark: any Mark) {
        if marks.indices.contains(index) { marks[index] = mark }
    }
    /// Removes the marks for which `predicate` is true (the others keep their order).
    public mutating func removeMarks(where predicate: (any Mark) -> Bool) { marks.removeAll(where: predicate) }

    /// The union of the marks' data bounds.
    public func dataBounds() -> Bounds? {
        var b: Bounds?
        for m in marks { if let mb = m.dataBounds() { b = b.map { $0.union(mb) } ?? mb } }
        return b
    }

    /// Resolved limits along one axis: the fixed ones, else the data padded, else [0, 1] ([1, 10] on a
    /// log scale) when no mark says anything about this axis. Throws when a log axis has only
    /// non-positive data to show.
    func limits(_ fixed: Interval?, data: Interval?, kind: ScaleKind, padding: Double, inverted: Bool, axis: String) throws(VizError) -> Interval {
        var lim: Interval
        if let fixed {
            lim = fixed
        } else if var d = data, !d.isEmpty {
            if case .log = kind {
                guard d.upper > 0 else {
                    throw VizError.invalidData("the \(axis) axis has a log scale but no positive data to show (largest value \(TickFormat.short(d.upper).replacingMinus())); use a linear or symlog scale, or set \(axis) limits")
                }
                let lo = d.lower > 0 ? d.lower : max(d.upper * 1e-3, Double.leastNormalMagnitude)
                d = Interval(lo, max(d.upper, lo))
                var a = Math.log10(d.lower), b = Math.log10(d.upper)
                if a == b { a -= 0.5; b += 0.5 }
                let pad = (b - a) * padding
                a -= pad; b += pad
                if niceLimits { a = a.rounded(.down); b = b.rounded(.up) }
                // Padding never leaves the doubles (data near 10³⁰⁸, a run diverging, stays drawable).
                lim = Interval(max(Math.pow(10, a), Double.leastNormalMagnitude), min(Math.pow(10, b), Double.greatestFiniteMagnitude))
            } else if case .symlog = kind, d.lower < d.upper {
                // Padded in the scale's own space, as a log axis is: a linear 5 % of −9×10¹⁷…0 added 4.6×10¹⁶
                // above 0, which a symlog axis draws as 17 empty decades, half the plot.
                let s = Scale(kind, domain: d)
                let a = s.transform(d.lower), b = s.transform(d.upper), pad = (b - a) * padding
                let big = Double.greatestFiniteMagnitude
                lim = Interval(max(s.untransform(a - pad), -big), min(s.untransform(b + pad), big))
            } else {
                var a = d.lower, b = d.upper
                if a == b {
                    // ±10 % of a single value; at least the smallest normal double, so a subnormal value
                    // (5×10⁻³²⁴, whose tenth rounds to 0) still gets two different limits.
                    let w = a == 0 ? 1 : max(abs(a) * 0.1, Double.leastNormalMagnitude)
                    a = max(a - w, -Double.greatestFiniteMagnitude); b = min(b + w, Double.greatestFiniteMagnitude)
                }
                // Padding taken before subtracting and kept finite: data near ±1.8×10³⁰⁸ stays drawable.
                let pad = b * padding - a * padding
                a = max(a - pad, -Double.greatestFiniteMagnitude)
                b = min(b + pad, Double.greatestFiniteMagnitude)
                if niceLimits { (a, b) = Ticks.nice(a, b, count: 6) }
                lim = Interval(a, b)
            }
        } else {
            lim = kind == .log ? Interval(1, 10) : Interval(0, 1)
        }
        if inverted && lim.lower < lim.upper { lim = Interval(lim.upper, lim.lower) }
        return lim
    }
}

/// Where the legend goes.
public enum LegendPlacement: Sendable, Hashable {
    /// Inside, in the corner that covers the least data.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight
    /// Outside, to the right of the plot.
    case outsideRight
    /// Outside, below the plot.
    case below
    case none
}

/// A guide drawn in its own strip to the right of a plot (a colorbar, for example).
public protocol SideGuide: Sendable {
    /// The strip width the guide needs, in points.
    func width(_ context: GuideContext) -> Double
    /// Draws the guide in `strip` (its height matches the plot area).
    func draw(in strip: Rect, _ context: GuideContext)
    /// How far (points) the guide's ink reaches above the top of a strip `height` tall: half its top
    /// tick label, or more for a title along the strip longer than the strip.
    func topOverhang(height: Double, _ context: GuideContext) -> Double
}

extension SideGuide {
    /// Half a tick label.
    public func topOverhang(height: Double, _ context: GuideContext) -> Double { context.theme.tickFont.size * 0.75 }
}

/// What a side guide draws with: the theme and text/path drawing in device space.
public struct GuideContext {
    /// The figure's theme.
    public let theme: Theme
    let canvas: any DrawingBackend
    /// Strokes a device-space path.
    public func stroke(_ path: Path, _ style: StrokeStyle) { canvas.stroke(path, style) }
    /// Fills a device-space path.
    public func fill(_ path: Path, _ color: Color) { canvas.fill(path, color) }
    /// Draws `text` (math syntax allowed) at a device point, recorded as a colorbar label.
    public func text(_ text: String, at p: Point, anchor: TextAnchor, font: Font, color: Color, angle: Double = 0) {
        canvas.element(FigureElement(.colorbarLabel, text: text)) {
            canvas.draw(TextLayout.make(text, font: font, canvas: canvas), at: p, anchor: anchor, angle: angle, color: color)
        }
    }
    /// The width and height of `text` in `font`.
    public func measure(_ text: String, font: Font) -> Size {
        let t = TextLayout.make(text, font: font, canvas: canvas)
        return Size(t.width, t.height)
    }
    /// Draws straight-alpha RGBA pixels (row 0 on top) into a device rectangle.
    public func image(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool) {
        canvas.drawImage(rgba: rgba, width: width, height: height, in: rect, smooth: smooth)
    }
}
