/// Contour lines of a scalar field, optionally coloured by level and labelled inline.
///
/// Lines are computed when the mark is made (marching squares, STYLE.md §B). Labels are placed on the
/// straightest stretch of each line long enough to hold them, upright, never outside the plot, never over
/// another label or another line; the line is broken under the label. A line with no room gets no label.
public struct ContourMark: Mark {
    /// The field the lines were traced on.
    public let field: ScalarField
    /// The resolved levels.
    public let levels: ContourLevels.Resolved
    /// The lines, one array per level in `levels.values`.
    public let lines: [[ContourLine]]
    /// Line colour when `colormap` is nil; nil: the theme's foreground at 75 % opacity.
    public var color: Color?
    /// Line width in points.
    public var lineWidth: Double
    /// Colour each level by its position in the level list instead of `color`.
    public var colormap: Colormap?
    /// Write the level value on the lines.
    public var showLabels: Bool
    /// Label text for a level; nil (the default): three significant digits, more where two levels
    /// would otherwise read the same (levels 200.5 and 201 read "200.5" and "201").
    public var labelFormat: (@Sendable (Double) -> String)?
    /// Legend label, if any.
    public var label: String?
    /// Each level's label colour, or nil for the line's colour: over filled bands or a heatmap a label takes the
    /// colour that reads on the fill under it (see `labelColor(onFill:)`): dark "200" on viridis's dark purple
    /// was a contrast of about 1.5.
    public var labelColors: [Color]?
    /// Data points (lines' vertices, NaN between lines) no level label may lie on: the paths drawn over the
    /// lines ("200" on Booth half hidden under the gd path beside its start, only "00" readable).
    public var avoiding: [Point] = []
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { .contourLabel }
    /// Labels go where no other mark's text or marker is (the least important text, placed last).
    public var placesTextAroundOthers: Bool { showLabels }
    /// `Mark`: Among marks that place their texts around others, higher goes first (its texts are the others'
    /// obstacles); 0 by default.
    public var textPriority: Double { -1 }

    /// Contours of `field` at `levels`.
    /// - Throws: What `ContourLevels.resolve(for:)` throws (an invalid level request).
    public init(field: ScalarField, levels: ContourLevels = .automatic, color: Color? = nil,
                lineWidth: Double = 0.9, colormap: Colormap? = nil, showLabels: Bool = false,
                labelFormat: (@Sendable (Double) -> String)? = nil,
                label: String? = nil, zOrder: Double = 1) throws(VizError) {
        self.field = field
        let resolved = try levels.resolve(for: field)
        self.levels = resolved
        self.lines = MarchingSquares.contours(field, levels: resolved.values)
        self.color = color; self.lineWidth = lineWidth; self.colormap = colormap
        self.showLabels = showLabels; self.labelFormat = labelFormat; self.label = label; self.zOrder = zOrder
    }

    /// The longest inline label drawn, in characters.
    static let longestLabel = 9

    /// The text written on each level's lines (see `labelFormat`).
    public var levelLabels: [String] { labelFormat.map { levels.values.map($0) } ?? TickFormat.distinct(levels.values) }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { field.bounds }

    /// The legend entry as drawn in the light theme (see `legendEntries(theme:)`).
    public var legendEntries: [LegendEntry] { legendEntries(theme: .light) }

    /// `Mark`: Entries this mark contributes to the legend.
    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .line(StrokeStyle(color: lineColor(theme), width: lineWidth), marker: nil))]
    }

    /// The line colour without a colormap: `color`, else the theme's foreground at 75 % opacity.
    public func lineColor(_ theme: Theme) -> Color { color ?? theme.foreground.withAlpha(0.75) }

    /// The label colour that reads best on a fill of luminance `luminance`: white on dark fills, near-black on
    /// light ones (they give the same WCAG contrast at 0.18).
    public static func labelColor(onFill luminance: Double) -> Color {
        luminance < 0.18 ? Color(hex: 0xFFFFFF) : Color(hex: 0x1A1A1A)
    }

    /// The colour of level `k` in `theme`: from the stretch of the colormap that keeps a 3:1 contrast with the
    /// plot's background (`Colormap.readableRange`), so no level line or label fades into it (viridis's
    /// darkest purples on the dark theme, its yellow on white).
    public func levelColor(_ k: Int, theme: Theme) -> Color {
        guard let colormap else { return lineColor(theme) }
        let n = levels.values.count, range = colormap.readableRange(on: theme.plotBackground)
        let t = n > 1 ? Double(k) / Double(n - 1) : 0.5
        return colormap.color(at: range.lowerBound + (range.upperBound - range.lowerBound) * t)
    }

    /// The note saying why no line is drawn ("no contour level lies within the data range …"), if any.
    var shownNote: String? {
        guard let note = levels.note, field.finiteRange == nil || lines.allSatisfy(\.isEmpty) else { return nil }
        return note
    }

    /// `Mark`: The device box of text the layout may move off the data (a note), or nil; the mark draws it
    /// shifted by the context's `textShift`.
    public func movableTextBox(in ctx: PlotContext) -> Rect? { shownNote.map { FieldNote.box($0, in: ctx) } }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        if let note = shownNote { FieldNote.draw(note, in: ctx) }
        let bound = ctx.plotRect.expanded(by: lineWidth * 4 + 2)
        let tolerance = 0.2 / max(ctx.resolution, 1)
        // Device polylines per level (rings closed by repeating the first point), clipped and simplified.
        var device: [[[Point]]] = []
        for levelLines in lines {
            var runs: [[Point]] = []
            for l in levelLines {
                var pts = l.points.map(ctx.point)
                if l.isClosed, let first = pts.first { pts.append(first) }
                for run in Polyline.clip(pts, to: bound) { runs.append(Polyline.reduce(run, tolerance: tolerance)) }
            }
            device.append(runs)
        }
        var placed: [ContourLabeler.Placed] = []
        if showLabels {
            var labeler = ContourLabeler(runs: device, plot: ctx.plotRect, obstacles: ctx.textObstacles)
            if !avoiding.isEmpty { labeler.ink = PointLabelMark.InkGrid(PointLabelMark.inkSamples(avoiding, ctx), cell: 2) }
            // Levels that take more than 9 characters to tell apart (2000001500000 on a view far from the origin)
            // are not written on the lines: unreadable there; the colour bar or legend gives the values.
            let texts = levelLabels
            for (k, text) in texts.enumerated() where k < device.count && text.count <= Self.longestLabel {
                let box = ctx.textBox(text, at: Point(0, 0), anchor: .center, font: ctx.theme.noteFont)
                labeler.place(level: k, text: text, size: Size(box.width, box.height))
            }
            placed = labeler.placed
            device = labeler.runs
        }
        for (k, runs) in device.enumerated() {
            var path = Path()
            for r in runs { path.append(Path(polyline: r)) }
            ctx.stroke(path, StrokeStyle(color: levelColor(k, theme: ctx.theme), width: lineWidth, join: .round))
        }
        for p in placed {
            let c = labelColors.flatMap { $0.indices.contains(p.level) ? $0[p.level] : nil } ?? levelColor(p.level, theme: ctx.theme)
            ctx.text(p.text, at: p.center, anchor: .center, font: ctx.theme.noteFont, color: c.withAlpha(1), angle: p.angle)
        }
    }
}
