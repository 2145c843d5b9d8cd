/// Filled contour bands of a scalar field through a colormap.
///
/// With levels L₀ < … < Lₙ₋₁ there are n + 1 bands: below L₀, between neighbours, and above Lₙ₋₁;
/// band k has the colour at (k + ½)/(n + 1) of the colormap, so colours are spread evenly whatever the
/// level spacing (log levels get as many distinct colours as linear ones). Use the same levels for a
/// `ContourMark` on top and a band `Colorbar` beside.
public struct FilledContourMark: Mark {
    /// The field the bands were traced on.
    public let field: ScalarField
    /// The resolved levels (band boundaries).
    public let levels: ContourLevels.Resolved
    /// Colours the bands by level.
    public var colormap: Colormap
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// Opacity of the fill (lines drawn on top stay crisp).
    public var opacity: Double
    /// Whether the mark says why it has no bands ("constant field …"); false when a `ContourMark` of the
    /// same levels on top says it, so the note is written once.
    public var showsNote = true
    /// Outline rings per region (index 0: every valid cell; k > 0: `z > levels[k − 1]`), from one
    /// isoband sweep (`FilledContours.regions`).
    let regions: [[[Point]]]

    /// Bands of `field` at `levels`.
    /// - Throws: What `ContourLevels.resolve(for:)` throws (an invalid level request).
    public init(field: ScalarField, levels: ContourLevels = .automatic, colormap: Colormap = .viridis,
                opacity: Double = 1, zOrder: Double = 0.5) throws(VizError) {
        self.field = field
        self.levels = try levels.resolve(for: field)
        self.colormap = colormap; self.opacity = opacity; self.zOrder = zOrder
        if let range = field.finiteRange {
            let above = self.levels.values.filter { $0 < range.upper }
            regions = FilledContours.regions(field, above: [nil] + above.map { Optional($0) })
        } else {
            regions = []
        }
    }

    /// The number of colour bands (levels + 1).
    public var bandCount: Int { levels.values.count + 1 }
    /// The colour of band `k` (0 = below the first level).
    public func bandColor(_ k: Int) -> Color { colormap.color(at: (Double(k) + 0.5) / Double(bandCount)).withAlpha(opacity) }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { field.bounds }

    /// The note's text when one is drawn (see `showsNote`).
    var shownNote: String? {
        guard showsNote, let note = levels.note, field.finiteRange == nil || levels.values.isEmpty else { return nil }
        return note
    }

    /// `Mark`: The device box of text the layout may move off the data (a note), or nil; the mark draws it
    /// shifted by the context's `textShift`.
    public func movableTextBox(in ctx: PlotContext) -> Rect? { shownNote.map { FieldNote.box($0, in: ctx) } }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        if let note = shownNote { FieldNote.draw(note, in: ctx) }
        guard let range = field.finiteRange else { return }
        // The base colour is the band that holds the minimum (explicit levels may lie below it).
        let below = levels.values.filter { $0 < range.lower }.count
        // Painted in increasing order, each region over the ones below it: every edge between two bands has
        // the lower band's colour underneath, so anti-aliasing never lets the background through (abutting
        // fills would show a hairline where their partial coverages meet). Each region is one path, its
        // rings simplified to the output resolution.
        let tolerance = 0.2 / max(ctx.resolution, 1)
        var path = Path()
        var ring: [Point] = []
        for (k, rings) in regions.enumerated() {
            path.removeAll()
            for r in rings {
                ring.removeAll(keepingCapacity: true)
                for p in r { ring.append(ctx.point(p)) }
                if let first = ring.first { ring.append(first) }
                path.addPolygon(Polyline.reduce(ring, tolerance: tolerance))
            }
            ctx.fill(path, bandColor(max(k, below)))
        }
    }
}
