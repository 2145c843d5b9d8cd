// Theme: every visual default (colours, fonts, widths) in one place: light, dark and print.

/// Every visual default in one place: colours, fonts, line widths, paddings, the categorical palette.
public struct Theme: Sendable {
    /// The theme's name (`light`, `dark`, `print`), as `Theme.named(_:)` takes it.
    public var name: String
    /// The page.
    public var background: Color
    /// Inside the plot frames.
    public var plotBackground: Color
    /// Titles, labels and the default colour of lines drawn over a field.
    public var foreground: Color
    /// Secondary text (tick labels, notes).
    public var muted: Color
    /// Frames and ticks.
    public var axisColor: Color
    /// Grid lines at major ticks.
    public var gridColor: Color
    /// Grid lines at minor ticks.
    public var minorGridColor: Color
    /// The lines x = 0 and y = 0.
    public var zeroLineColor: Color
    /// The categorical colours series take in turn (`color(_:)`).
    public var palette: [Color]
    /// True when `palette` was chosen for this figure (a user's list): series take its colours in the
    /// order they are added, instead of a fixed style per series name.
    public var paletteInOrder = false
    /// True when series take the styles in the order they are added although the palette is the theme's
    /// own (print: so that the first four differ in grey level).
    public var stylesInOrder = false
    /// Whether series take the styles in figure order (`paletteInOrder` or `stylesInOrder`), not one per name.
    public var seriesInFigureOrder: Bool { paletteInOrder || stylesInOrder }
    /// Dash patterns series take in turn, in line widths (`dash(_:width:)`).
    public var dashes: [[Double]]
    /// Marker shapes series take in turn (`marker(_:)`).
    public var markers: [MarkerShape]
    /// Fills for bands (ranges of x or y shaded across the plot, `BandMark`) and their labels, in the
    /// order a figure numbers its kinds of band.
    public var bandColors: [Color]
    /// Outlines drawn over filled colour (marker edges, a 3-D surface's wireframe at 25 % opacity): a
    /// dark ink in every built-in theme, since the colormaps under them do not change with the theme.
    public var outlineColor = Color(hex: 0x1A1A1A)
    /// The fill of points marked over filled colour (`PointLabelMark`'s minima stars and saddles): white in
    /// every built-in theme, under the `outlineColor` edge, for the same reason.
    public var markerFillColor = Color.white
    /// The back panes of a 3-D box (the floor and two walls), their grid lines and their edges.
    public var paneColor = Color(hex: 0xF2F2F2)
    /// Grid lines on the 3-D panes.
    public var paneGridColor = Color(hex: 0xD0D0D0)
    /// The edges of the 3-D panes.
    public var paneEdgeColor = Color(hex: 0x9A9A9A)
    /// Faces of a 3-D surface beyond its colour scale (a clamped field's cut, shown as plateaus).
    public var offScaleColor = Color(hex: 0xF2F0E6)
    /// The fontconfig family of every text.
    public var fontFamily: String
    /// Base font size in points before `fontScale`.
    public var baseFontSize: Double
    /// Multiplies every font size (1 = `baseFontSize`).
    public var fontScale: Double
    /// Series lines, in points.
    public var lineWidth: Double
    /// Frames and ticks, in points.
    public var axisLineWidth: Double
    /// Grid lines, in points.
    public var gridLineWidth: Double
    /// Tick marks, in points.
    public var tickLength: Double
    /// Marker diameter, in points.
    public var markerSize: Double
    /// Space between the figure edge and anything drawn, in points.
    public var figurePadding: Double
    /// Space between panels, in points.
    public var panelGap: Double

    /// The font for tick labels.
    public var tickFont: Font { Font(family: fontFamily, size: baseFontSize * fontScale * 0.9) }
    /// The font for axis labels and legends.
    public var labelFont: Font { Font(family: fontFamily, size: baseFontSize * fontScale) }
    /// The font for panel titles.
    public var titleFont: Font { Font(family: fontFamily, size: baseFontSize * fontScale * 1.12, bold: true) }
    /// The font for the figure title.
    public var figureTitleFont: Font { Font(family: fontFamily, size: baseFontSize * fontScale * 1.3, bold: true) }
    /// The font for small annotations.
    public var noteFont: Font { Font(family: fontFamily, size: baseFontSize * fontScale * 0.82) }
    /// The font for legend entries.
    public var legendFont: Font { Font(family: fontFamily, size: baseFontSize * fontScale * 0.88) }

    /// The colour of the i-th series (cycled).
    public func color(_ i: Int) -> Color { palette[((i % palette.count) + palette.count) % palette.count] }
    /// The dash pattern of the i-th series, scaled to the line width.
    public func dash(_ i: Int, width: Double? = nil) -> [Double] {
        let w = width ?? lineWidth
        return dashes[((i % dashes.count) + dashes.count) % dashes.count].map { $0 * w }
    }
    /// The marker of the i-th series.
    public func marker(_ i: Int) -> MarkerShape { markers[((i % markers.count) + markers.count) % markers.count] }
    /// The first `count` series colours whose grey level (relative luminance) differs from `other`'s by at
    /// least 0.1, so that they stay apart from it in greyscale (the print palette starts with black, the
    /// print foreground). Falls back to the series colours in order when the palette has too few.
    public func colors(_ count: Int, apartFrom other: Color) -> [Color] {
        let apart = palette.filter { abs($0.luminance - other.luminance) >= 0.1 }
        return (0..<max(0, count)).map { apart.count >= count ? apart[$0] : color($0) }
    }

    /// Light background, for documents and light slides (the default).
    public static let light = Theme(
        name: "light", background: .white, plotBackground: .white, foreground: Color(hex: 0x1A1A1A),
        muted: Color(hex: 0x4D4D4D), axisColor: Color(hex: 0x333333), gridColor: Color(hex: 0xDDDDDD),
        minorGridColor: Color(hex: 0xF0F0F0), zeroLineColor: Color(hex: 0x8C8C8C),
        palette: Palette.light, dashes: Palette.dashes, markers: Palette.markers,
        bandColors: [Color(hex: 0xE69F00, alpha: 0.16), Color(hex: 0x7F7F7F, alpha: 0.22), Color(hex: 0x56B4E9, alpha: 0.16)],
        fontFamily: "DejaVu Sans", baseFontSize: 11, fontScale: 1, lineWidth: 2, axisLineWidth: 0.9,
        gridLineWidth: 0.6, tickLength: 4, markerSize: 7, figurePadding: 10, panelGap: 14)

    /// Dark background, for dark slides.
    public static let dark: Theme = {
        var t = Theme.light
        t.name = "dark"
        t.background = Color(hex: 0x15191F); t.plotBackground = Color(hex: 0x15191F)
        t.foreground = Color(hex: 0xECECEC); t.muted = Color(hex: 0xBBBBBB); t.axisColor = Color(hex: 0xC8C8C8)
        t.gridColor = Color(hex: 0x363C45); t.minorGridColor = Color(hex: 0x242930); t.zeroLineColor = Color(hex: 0x7A828C)
        t.palette = Palette.dark
        t.bandColors = [Color(hex: 0xE69F00, alpha: 0.22), Color(hex: 0xAAAAAA, alpha: 0.22), Color(hex: 0x56B4E9, alpha: 0.2)]
        t.paneColor = Color(hex: 0x1F242B); t.paneGridColor = Color(hex: 0x363C45); t.paneEdgeColor = Color(hex: 0x5C646E)
        t.offScaleColor = Color(hex: 0x6B6F76)
        return t
    }()

    /// Greyscale-safe print: black text, thicker lines, series told apart by dash and marker first. Series
    /// take the styles in figure order (`stylesInOrder`), so that the first four differ in grey level
    /// (black, orange, dark green, blue: L* 0, 61, 31, 46) whichever names they have; by catalogue position,
    /// sigmoid, tanh, ReLU and GELU took four greys of L* 32–50.
    public static let print: Theme = {
        var t = Theme.light
        t.name = "print"
        t.stylesInOrder = true
        t.foreground = .black; t.muted = Color(hex: 0x222222); t.axisColor = .black
        t.gridColor = Color(hex: 0xD0D0D0); t.minorGridColor = Color(hex: 0xEDEDED)
        t.palette = Palette.print
        t.lineWidth = 2.6; t.axisLineWidth = 1.2; t.gridLineWidth = 0.7
        t.bandColors = [Color(hex: 0x000000, alpha: 0.10), Color(hex: 0x000000, alpha: 0.22), Color(hex: 0x000000, alpha: 0.06)]
        return t
    }()

    /// The built-in themes by name.
    public static let all: [Theme] = [.light, .dark, .print]

    /// The theme called `name`.
    /// - Throws: `VizError.invalidValue` when `name` (any case) is not light, dark or print.
    public static func named(_ name: String) throws(VizError) -> Theme {
        guard let t = all.first(where: { $0.name == name.lowercased() }) else {
            throw VizError.invalidValue(what: "theme", value: name, allowed: all.map(\.name).joined(separator: ", "))
        }
        return t
    }
}
