/// A table drawn in the plot area (use an axes with `showAxes = false`): a bold header row on a
/// tinted band, body rows with optional zebra shading, and columns as wide as their widest cell, the
/// spare width shared between them. Cells may use math syntax and have their own text colour. The
/// table fills the plot width and hangs from its top; when it cannot fit at the font given, the font
/// shrinks just enough to fit.
public struct TableMark: Mark {
    /// How text sits in its column.
    public enum Alignment: Sendable, Hashable { case leading, center, trailing }

    /// The header row's cells.
    public var header: [String]
    /// The body rows' cells (math syntax allowed).
    public var rows: [[String]]
    /// One per column (missing ones: leading).
    public var alignments: [Alignment]
    /// Text colours of body cells by row and column (nil or missing: the theme's foreground), each darkened (on
    /// a dark page lightened) as far as it needs to keep WCAG's 4.5:1 for text on the table (`readableText`).
    public var cellColors: [[Color?]]
    /// Shade every other body row.
    public var zebra: Bool
    /// nil: the theme's label font (the header uses its bold form).
    public var font: Font?
    /// true: the columns share the plot's spare width (the table spans it); false: columns as wide as
    /// their cells plus padding, the table centred.
    public var fillsWidth: Bool
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { .tableCell }

    /// A table of `header` and `rows`.
    public init(header: [String], rows: [[String]], alignments: [Alignment] = [], cellColors: [[Color?]] = [],
                zebra: Bool = true, font: Font? = nil, fillsWidth: Bool = true, zOrder: Double = 2) {
        self.header = header; self.rows = rows; self.alignments = alignments; self.cellColors = cellColors
        self.zebra = zebra; self.font = font; self.fillsWidth = fillsWidth; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { nil }

    /// The number of columns: the most cells in any row.
    public var columnCount: Int { ([header.count] + rows.map(\.count)).max() ?? 0 }

    /// Where everything goes: the font, column edges (device x, `columnCount + 1` values) and row
    /// height, for a plot rectangle.
    public struct Geometry: Sendable {
        /// The body font after any shrinking to fit.
        public var font: Font
        /// Device x of the column edges, left to right.
        public var columnEdges: [Double]
        /// Device y of the table's top edge.
        public var top: Double
        /// Height of a row of one line in points.
        public var rowHeight: Double
        /// Device y of the row edges, top to bottom (rows + 2 values: the header's top first): a row with a
        /// cell taller than one line (a script, a root) is taller than `rowHeight` by what that cell needs.
        public var rowEdges: [Double]
        /// The device rectangle of row `r` (0: the header).
        public func rowRect(_ r: Int) -> Rect {
            Rect(x: columnEdges[0], y: rowEdges[r], width: (columnEdges.last ?? 0) - columnEdges[0], height: rowEdges[r + 1] - rowEdges[r])
        }
    }

    /// Lays the table out in `ctx.plotRect`.
    public func geometry(in ctx: PlotContext) -> Geometry {
        let r = ctx.plotRect
        var f = font ?? ctx.theme.labelFont
        let n = columnCount
        func naturalWidths(_ f: Font) -> [Double] {
            (0..<n).map { c in
                let cells = [header.count > c ? header[c] : ""] + rows.map { $0.count > c ? $0[c] : "" }
                return cells.enumerated().map { k, text in
                    text.isEmpty ? 0 : ctx.textBox(text, at: Point(0, 0), anchor: TextAnchor(0, .top), font: k == 0 ? f.with(bold: true) : f).width
                }.max() ?? 0
            }
        }
        var widths = naturalWidths(f)
        // What each row needs, in em: one line (1.6 em), or its tallest cell (a script, a root) and a little room.
        let needs = ([header] + rows).enumerated().map { k, cells in
            max(1.6, (cells.filter { !$0.isEmpty }.map {
                ctx.textBox($0, at: Point(0, 0), anchor: TextAnchor(0, .top), font: k == 0 ? f.with(bold: true) : f).height
            }.max() ?? 0) / f.size + 0.5)
        }
        let pad = { (f: Font) in f.size * 0.9 }
        let needed = widths.reduce(0, +) + Double(n) * pad(f)
        // Shrink to fit only as a last resort; rows of one line never get taller than 2.4 em.
        let rowsCount = Double(rows.count + 1)
        let byWidth = needed > r.width ? r.width / needed : 1
        let tall = f.size * needs.reduce(0, +)
        let byHeight = tall > r.height ? r.height / tall : 1
        let shrink = min(byWidth, byHeight)
        if shrink < 1 {
            f = f.scaled(shrink)
            widths = naturalWidths(f)
        }
        let free = max(0, r.width - widths.reduce(0, +))
        let spare = fillsWidth ? free / Double(max(1, n)) : min(pad(f) * 2, free / Double(max(1, n)))
        let left = fillsWidth ? r.minX : r.minX + max(0, free - spare * Double(n)) / 2
        var edges = [left]
        for w in widths { edges.append((edges.last ?? left) + w + spare) }
        // Rows share the height; a row that needs more (x³/3 − x touched its rules) takes it from the others.
        var rowHeight = min(r.height / rowsCount, f.size * 2.4)
        let grown = needs.filter { $0 * f.size > rowHeight }
        if !grown.isEmpty, grown.count < needs.count {
            let rest = (r.height - f.size * grown.reduce(0, +)) / Double(needs.count - grown.count)
            rowHeight = max(f.size * 1.6, min(rowHeight, rest))
        }
        var rowEdges = [r.minY]
        for need in needs { rowEdges.append((rowEdges.last ?? r.minY) + max(rowHeight, need * f.size)) }
        return Geometry(font: f, columnEdges: edges, top: r.minY, rowHeight: rowHeight, rowEdges: rowEdges)
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let n = columnCount
        guard n > 0 else { return }
        let g = geometry(in: ctx)
        let fg = ctx.theme.foreground
        ctx.fill(Path(rect: g.rowRect(0)), fg.withAlpha(0.10))
        if zebra {
            for r in rows.indices where r % 2 == 1 { ctx.fill(Path(rect: g.rowRect(r + 1)), fg.withAlpha(0.045)) }
        }
        let pad = g.font.size * 0.45
        func put(_ text: String, row: Int, column c: Int, font: Font, color: Color) {
            guard !text.isEmpty else { return }
            let a = alignments.count > c ? alignments[c] : .leading
            let lo = g.columnEdges[c] + pad, hi = g.columnEdges[c + 1] - pad
            let x: Double, h: Double
            switch a {
            case .leading: (x, h) = (lo, 0)
            case .center: (x, h) = ((lo + hi) / 2, 0.5)
            case .trailing: (x, h) = (hi, 1)
            }
            ctx.text(text, at: Point(x, g.rowRect(row).midY), anchor: TextAnchor(h, .middle), font: font, color: color)
        }
        for (c, text) in header.enumerated() { put(text, row: 0, column: c, font: g.font.with(bold: true), color: fg) }
        // A cell's own colour is darkened (lightened on a dark page) to 4.5:1 on its row, plain or shaded: pale
        // basin colours were printed at 2:1 on white.
        let backgrounds = [ctx.theme.plotBackground, ctx.theme.plotBackground.mixed(with: fg.withAlpha(1), 0.045)]
        for (r, cells) in rows.enumerated() {
            for (c, text) in cells.enumerated() {
                let color = (cellColors.count > r && cellColors[r].count > c ? cellColors[r][c] : nil)?.readableText(on: backgrounds) ?? fg
                put(text, row: r + 1, column: c, font: g.font, color: color)
            }
        }
        // Rules: above and below the header, below the last row.
        let left = g.columnEdges[0], right = g.columnEdges.last ?? left
        for (y, w) in [(g.top, 1.2), (g.rowEdges[1], 0.9), (g.rowEdges.last ?? g.top, 1.2)] {
            var p = Path()
            p.move(to: Point(left, y)); p.line(to: Point(right, y))
            ctx.stroke(p, StrokeStyle(color: fg, width: w))
        }
    }
}
