/// Marked points with labels — minima, saddles, maxima — for annotating a field.
///
/// Each label goes to the first of eight positions around its marker (right, upper right, above, …) that
/// lies fully inside the plot, overlaps no marker and no label placed before it, and is nearer its own
/// marker than any other (half as far again from every other when it is set apart from its marker), so it
/// cannot be read as a neighbour's; when none is, the same positions slid along the plot's edge into it (a marker near the edge with a wide label); labels sit on a
/// translucent background patch so they stay legible over filled contours. A label with no free position
/// (inside the plot, clear of markers, other labels and the context's `textObstacles`) is left out.
public struct PointLabelMark: Mark {
    /// The symbol drawn at a point.
    public enum Symbol: Sendable, Hashable {
        /// A five-pointed star (minima).
        case star
        /// A square turned 45° with a cross inside (saddle points).
        case saddle
        /// Any standard marker.
        case marker(MarkerShape)
    }

    /// One annotated point.
    public struct Item: Sendable {
        /// The point, in data units.
        public var point: Point
        /// Its label (nil: the marker alone).
        public var label: String?
        /// The symbol drawn there.
        public var shape: Symbol
        /// The symbol's fill (nil: the theme's `markerFillColor`); its edge is the theme's `outlineColor`.
        public var color: Color?
        /// A point drawn as `shape` filled with `color` (nil: the theme's), labelled `label`.
        public init(_ point: Point, label: String? = nil, shape: Symbol = .star, color: Color? = nil) {
            self.point = point; self.label = label; self.shape = shape; self.color = color
        }
    }

    /// The points, labelled in this order (earlier ones get the better spots).
    public var items: [Item]
    /// Symbol size in points.
    public var markerSize: Double
    /// False to draw the markers whole over the plot's frame (see `Mark.clipsToPlot`).
    public var clipsToPlot = true
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { .pointLabel }
    /// Labels go around other marks' texts (placed before contour labels, after notes).
    public var placesTextAroundOthers: Bool { true }
    /// `Mark`: Among marks that place their texts around others, higher goes first (its texts are the others'
    /// obstacles); 0 by default.
    public var textPriority: Double { 1 }
    /// Data points (lines' vertices, NaN between lines) a label should not cover when another free spot
    /// exists: a "start" label over a run's one step hid it, a minimum's label over the last steps of seven
    /// runs hid them. Among the free spots, a label takes the first that covers none of them, else the one
    /// that covers the fewest.
    public var avoiding: [Point] = []

    /// Labelled points.
    public init(_ items: [Item], markerSize: Double = 9, zOrder: Double = 4) {
        self.items = items; self.markerSize = markerSize; self.zOrder = zOrder
    }

    /// Minima as stars in the theme's `markerFillColor` labelled "min" (or the given labels).
    public static func minima(_ points: [Point], labels: [String]? = nil) -> PointLabelMark {
        PointLabelMark(points.enumerated().map { k, p in Item(p, label: labels?[k] ?? "min", shape: .star) })
    }

    /// Saddle points as crosses labelled "saddle" (or the given labels).
    public static func saddles(_ points: [Point], labels: [String]? = nil) -> PointLabelMark {
        PointLabelMark(points.enumerated().map { k, p in Item(p, label: labels?[k] ?? "saddle", shape: .saddle) })
    }

    /// Whether a device point is on the plot, its edges included (within half a pixel, so a point on
    /// the top edge is not lost to rounding).
    static func onPlot(_ p: Point, _ rect: Rect) -> Bool {
        p.x >= rect.minX - 0.5 && p.x <= rect.maxX + 0.5 && p.y >= rect.minY - 0.5 && p.y <= rect.maxY + 0.5
    }

    /// Points are annotations: they do not widen the view.
    public func dataBounds() -> Bounds? { nil }
    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] { items.map(\.point) }

    /// The label rectangles chosen for a plot of the given geometry (device space), nil for unlabelled or hidden items.
    func layout(_ ctx: PlotContext) -> [Rect?] {
        let font = ctx.theme.noteFont
        let centres = items.map { ctx.point($0.point) }
        var taken: [Rect] = centres.map { Rect(x: $0.x - markerSize / 2, y: $0.y - markerSize / 2, width: markerSize, height: markerSize) }
            + ctx.textObstacles
        var out: [Rect?] = []
        let gap = markerSize * 0.5 + 3
        let ink = InkGrid(Self.inkSamples(avoiding, ctx), cell: 2)
        for (k, item) in items.enumerated() {
            guard let text = item.label, Self.onPlot(centres[k], ctx.plotRect) else { out.append(nil); continue }
            let size = ctx.textBox(text, at: Point(0, 0), anchor: .center, font: font)
            let w = size.width + 6, h = size.height + 2
            let c = centres[k]
            // The eight spots around the marker, then the same a little farther out (past a path running
            // beside the marker): farther spots are taken only when every nearer one covers ink.
            let candidates = [1.0, 1.8].flatMap { f -> [Rect] in
                let g = gap * f
                return [
                    Point(c.x + g, c.y - h / 2), Point(c.x + g * 0.7, c.y - g * 0.7 - h), Point(c.x - w / 2, c.y - g - h),
                    Point(c.x - g * 0.7 - w, c.y - g * 0.7 - h), Point(c.x - g - w, c.y - h / 2),
                    Point(c.x - g * 0.7 - w, c.y + g * 0.7), Point(c.x - w / 2, c.y + g), Point(c.x + g * 0.7, c.y + g * 0.7),
                ].map { Rect(x: $0.x, y: $0.y, width: w, height: h) }
            }
            let inside = candidates.filter { ctx.plotRect.contains(Point($0.minX, $0.minY)) && ctx.plotRect.contains(Point($0.maxX, $0.maxY)) }
            // No free position: the marker goes unlabelled (its symbol still tells what it is).
            // A label nearer another marker than its own reads as that marker's ("saddle" under a minimum's star).
            let others = centres.indices.filter { $0 != k && Self.onPlot(centres[$0], ctx.plotRect) }.map { centres[$0] }
            // Nearer by the box's edge and by its centre: a box below-left of a triangle reached under the diamond
            // beside it, nearest to the triangle only by its corner (six-hump camel's "local min" read as the saddle's).
            // A box beside its marker: nearer it by its edge and its centre, or clearly nearer by its edge (15 %) with its
            // centre nearly as near (a wide "start" left of its circle had its centre 26 px from a triangle above it,
            // 28 px from its own). A box set apart from its marker (the farther spots, one slid along the edge): half as
            // far again from any other by its edge, and nearer by its centre ("saddle" 51 px from its diamond and 71 px
            // from a triangle read as either's).
            let own = { (r: Rect) in
                let d = Self.distance(r, c), apart = d > gap + 0.5, mine = (r.center - c).length
                return others.allSatisfy {
                    let (edge, centre) = (Self.distance(r, $0), (r.center - $0).length)
                    return apart ? edge > Self.clearlyNearer * d && centre > mine
                        : (edge > d && centre > mine) || (edge > 1.15 * d && centre > 0.9 * mine)
                }
            }
            var free = inside.filter { r in own(r) && !taken.contains { $0.overlapArea(r) > 0 } }
            // A marker near the plot's edge, its label wider than the room beside it: the spots slid along that edge
            // into the plot ("min (3, 0.5)" under a star 55 px from the right edge), only when no spot is free as it
            // is, and only over no path (a slid box lies farther from its marker; over paths it hid them).
            if free.isEmpty {
                free = candidates.compactMap { Self.slid($0, into: ctx.plotRect) }.filter { r in
                    own(r) && !taken.contains { $0.overlapArea(r) > 0 } && ink.count(in: r.expanded(by: 4)) == 0
                }
            }
            // The first free spot over no ink, else the one over the least (order breaks ties).
            let pick = free.enumerated().min { a, b in
                // A margin of a marker's half size: a path's end dot beside the box is covered by it otherwise.
                let (ca, cb) = (ink.count(in: a.element.expanded(by: 4)), ink.count(in: b.element.expanded(by: 4)))
                return ca != cb ? ca < cb : a.offset < b.offset
            }?.element
            if let pick { taken.append(pick) }
            out.append(pick)
        }
        return out
    }

    /// How many times farther than its own marker a label's box must be from any other marker.
    static let clearlyNearer = 1.5

    /// `r` moved the least distance that puts it inside `plot`, nil when it is inside already or larger than the plot.
    static func slid(_ r: Rect, into plot: Rect) -> Rect? {
        guard r.width <= plot.width, r.height <= plot.height else { return nil }
        let x = Swift.min(Swift.max(r.minX, plot.minX), plot.maxX - r.width)
        let y = Swift.min(Swift.max(r.minY, plot.minY), plot.maxY - r.height)
        guard x != r.minX || y != r.minY else { return nil }
        return Rect(x: x, y: y, width: r.width, height: r.height)
    }

    /// `avoiding` in device space, with points every 3 px along the segments between consecutive ones.
    static func inkSamples(_ points: [Point], _ ctx: PlotContext) -> [Point] {
        let d = points.map { ctx.point($0) }
        var out: [Point] = []
        for (a, b) in zip(d, d.dropFirst()) where a.isFinite && b.isFinite {
            // A path leaving the map may end 10³⁰⁰ px away: the count is capped before it becomes an Int.
            let length = (b - a).length
            guard length.isFinite else { continue }
            // Every 3 px up to 2000 samples (a 6000-px segment), so a long straight step still crosses a label's box.
            let n = Int(Swift.min(2000, length / 3))
            for k in 0...max(0, n) { out.append(a + (b - a) * (Double(k) / Double(max(1, n)))) }
        }
        if d.count == 1, let only = d.first, only.isFinite { out.append(only) }
        return out
    }

    /// The distance from a device point to the nearest point of a rectangle (0 inside it).
    static func distance(_ r: Rect, _ p: Point) -> Double {
        let dx = Swift.max(r.minX - p.x, 0, p.x - r.maxX), dy = Swift.max(r.minY - p.y, 0, p.y - r.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The markers on the plot and their labels' boxes.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] {
        let markers = items.map { ctx.point($0.point) }.filter { Self.onPlot($0, ctx.plotRect) }
            .map { Rect(x: $0.x - markerSize / 2, y: $0.y - markerSize / 2, width: markerSize, height: markerSize) }
        return markers + layout(ctx).compactMap { $0 }
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let boxes = layout(ctx)
        for item in items {
            let c = ctx.point(item.point)
            guard Self.onPlot(c, ctx.plotRect) else { continue }
            let edge = ctx.theme.outlineColor, fill = item.color ?? ctx.theme.markerFillColor
            switch item.shape {
            case let .marker(m): ctx.marker(m, at: c, size: markerSize, fill: fill, edge: edge, edgeWidth: 1)
            case .star:
                var pts: [Point] = []
                for k in 0..<10 {
                    let r = (k % 2 == 0 ? 0.75 : 0.32) * markerSize
                    let a = -Double.pi / 2 + Double(k) * Double.pi / 5
                    pts.append(Point(c.x + r * Math.cos(a), c.y + r * Math.sin(a)))
                }
                let star = Path(polygon: pts)
                ctx.fill(star, fill); ctx.stroke(star, StrokeStyle(color: edge, width: 1))
            case .saddle:
                let d = markerSize * 0.6
                let diamond = Path(polygon: [Point(c.x, c.y - d), Point(c.x + d, c.y), Point(c.x, c.y + d), Point(c.x - d, c.y)])
                ctx.fill(diamond, fill); ctx.stroke(diamond, StrokeStyle(color: edge, width: 1))
                var x = Path()
                x.move(to: Point(c.x - d / 2, c.y - d / 2)); x.line(to: Point(c.x + d / 2, c.y + d / 2))
                x.move(to: Point(c.x - d / 2, c.y + d / 2)); x.line(to: Point(c.x + d / 2, c.y - d / 2))
                ctx.stroke(x, StrokeStyle(color: edge, width: 1.2))
            }
        }
        let font = ctx.theme.noteFont
        for (item, box) in zip(items, boxes) {
            guard let box, let text = item.label else { continue }
            ctx.fill(Path(rect: box), ctx.theme.plotBackground.withAlpha(0.78))
            ctx.text(text, at: box.center, anchor: .center, font: font, color: ctx.theme.foreground)
        }
    }
}
