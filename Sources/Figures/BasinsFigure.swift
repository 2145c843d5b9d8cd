import Optim
import Viz

/// Basins of attraction: every start on a grid coloured by the minimum its optimizer reaches
/// (or diverged / not converged), one panel per optimizer side by side with the minima marked, and a
/// table of each basin's share of the starts.
public struct BasinsFigure: FigureRecipe, Sendable {
    public var surface: Surface
    public var maps: [(label: String, map: BasinMap)]
    public var steps: Int
    public var x: Interval
    public var y: Interval

    /// A recipe (or value) with these fields; see each field.
    public init(surface: Surface, maps: [(label: String, map: BasinMap)], steps: Int, x: Interval, y: Interval) {
        self.surface = surface
        self.maps = maps
        self.steps = steps
        self.x = x
        self.y = y
    }

    /// Grid rows of the maps; the share table takes `tableRows` more under them.
    public static let mapRows = 3
    /// Grid rows of the share table under the maps.
    public static let tableRows = 2

    /// The page's grid (rows, columns) for `maps` maps on a page `width` × `height`: the maps side by side
    /// over the share table; one map on a landscape page beside its table (under it, the map was a 212-pixel
    /// square above a page two-thirds blank).
    public static func grid(maps: Int, width: Int, height: Int) -> (rows: Int, columns: Int) {
        maps == 1 && width > height ? (1, 2) : (mapRows + tableRows, maps)
    }

    /// A, B, …, Z, then AA, AB, … (never reused: 28 minima of sin x · cos y had two "A"s).
    public func letter(_ i: Int) -> String {
        let single = String(UnicodeScalar(UInt8(65 + i % 26)))
        return i < 26 ? single : letter(i / 26 - 1) + single
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        guard let first = maps.first?.map else { return [] }
        let targets = first.targets
        let colors = CategoryColors.basins(targets.count, theme: theme) + [CategoryColors.diverged, CategoryColors.notConverged]
        let colormap = try CategoryColors.colormap(colors)
        let k = colors.count
        figure.title = "Basins of attraction on " + surface.displayName
        figure.subtitle = "\(first.xs.count)×\(first.ys.count) starts, \(steps) steps each; a start's colour is the minimum it "
            + "ends within \(TickFormat.short(first.radius, significant: 2)) of"
        // One map beside its table when the page was laid out so (see `grid`).
        let beside = maps.count == 1 && figure.columns == 2
        let contour = try FieldSampler.sample(x: x, y: y, nx: 160, ny: 160) { surface.value($0, $1) }
        for (column, entry) in maps.enumerated() {
            let z = entry.map.outcomes.map { o -> Double in
                switch o {
                case BasinMap.diverged: return CategoryColors.value(targets.count, of: k)
                case BasinMap.notConverged: return CategoryColors.value(targets.count + 1, of: k)
                default: return CategoryColors.value(Int(o), of: k)
                }
            }
            let field = try ScalarField(xs: entry.map.xs, ys: entry.map.ys, z: z)
            var ax = Axes(title: entry.label, xLabel: "$x$ (start)", yLabel: column == 0 ? "$y$ (start)" : nil)
            ax.yQuantity = "$y$ (start)"
            ax.xLimits = x; ax.yLimits = y
            ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false
            ax.equalAspect = true
            ax.legend = .none
            ax.add(HeatmapMark(field: field, colormap: colormap, normalization: try Normalization(.linear, lower: 0, upper: 1)))
            ax.add(try ContourMark(field: contour, levels: .count(10), color: Color(hex: 0x1A1A1A, alpha: 0.25), lineWidth: 0.5,
                                   showLabels: false))
            let items = targets.enumerated().filter { x.contains($0.element.x) && y.contains($0.element.y) }.map {
                PointLabelMark.Item(Point($0.element.x, $0.element.y), label: letter($0.offset), shape: .star)
            }
            // A minimum on the border of the map keeps its whole star.
            var stars = PointLabelMark(items, markerSize: 10, zOrder: 6)
            stars.clipsToPlot = false
            ax.add(stars)
            figure.add(ax, row: 0, column: column, rowSpan: beside ? 1 : BasinsFigure.mapRows)
        }
        let table = shareTable(colors: colors, targets: targets, theme: theme)
        if beside {
            figure.add(table, row: 0, column: 1)
        } else {
            figure.add(table, row: BasinsFigure.mapRows, column: 0, rowSpan: BasinsFigure.tableRows, columnSpan: maps.count)
        }
        return dataTables()
    }

    /// The legend and the shares in one: a row per basin (its colour swatch and minimum), diverged and
    /// not converged, a column per optimizer.
    public func shareTable(colors: [Color], targets: [Point2], theme: Theme) -> Axes {
        var ax = Axes(title: nil)
        ax.showAxes = false; ax.grid = false; ax.zeroLines = false
        ax.xLimits = Interval(0, 1); ax.yLimits = Interval(0, 1)
        ax.legend = .none
        var names = targets.enumerated().map { "■ \(letter($0.offset)) (\(SurfaceRun.coordinate($0.element.x)), \(SurfaceRun.coordinate($0.element.y)))" }
        names += ["■ diverged", "■ not converged"]
        let shares = maps.map(\.map.shares)
        // Diverged and not converged only where some map has such starts (basins always: they are the key).
        let shown = names.indices.filter { i in i < targets.count || shares.contains { $0[i] > 0 } }
        // Each column adds up to 100 % as shown, and a basin one start reaches is not "0.0 %" (SharePercents).
        let percents = SharePercents.labels(shares)
        let rows = shown.map { i in [names[i]] + percents.map { $0[i] } }
        let header = ["share of starts"] + maps.map { maps.count == 1 ? "" : $0.label.split(separator: " ").prefix(2).joined(separator: " ") }
        let swatches: [[Color?]] = shown.map { [colors[$0].mixed(with: theme.foreground, 0.25)] }
        ax.add(TableMark(header: header, rows: rows, alignments: [.leading] + maps.map { _ in .trailing }, cellColors: swatches,
                         fillsWidth: false))
        return ax
    }

    /// One tidy table `run,x0,y0,outcome`: every start of every map, its outcome `minimum A` (the letter
    /// the figure marks it with), `diverged` or `not converged`.
    public func dataTables() -> [DataTable] {
        var table = DataTable(name: "basins", columns: ["run", "x0", "y0", "outcome"], cells: [])
        for entry in maps {
            let n = entry.map.xs.count
            let names = entry.map.targets.indices.map { "minimum " + letter($0) }
            table.cells.reserveCapacity(table.cells.count + entry.map.outcomes.count)
            for (s, o) in entry.map.outcomes.enumerated() {
                let outcome = o >= 0 && Int(o) < names.count ? names[Int(o)] : (o == BasinMap.diverged ? "diverged" : "not converged")
                table.cells.append([.text(entry.label), .real(entry.map.xs[s % n]), .real(entry.map.ys[s / n]), .text(outcome)])
            }
        }
        return [table]
    }
}
