import Optim
import Viz

/// Small multiples of activations: one panel per function with f solid, f′ dashed, saturation and
/// dead zones shaded, kinks sharp, jumps drawn as jumps, the steepest slope marked — every panel on
/// the same x and y ranges so shapes and slopes compare across the grid.
public struct ActivationGridFigure: FigureRecipe {
    public var activations: [Activation]
    public var range: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// Shade where |f′| < τ.
    public var saturation: Double = 0.05
    public var zones = true
    /// nil: chosen from the panel count and the page shape.
    public var columns: Int?
    /// Whether the y axis will be logarithmic (`--log-y`): the ranges are fitted to the positive values.
    public var logY = false

    /// A recipe (or value) with these fields; see each field.
    public init(activations: [Activation], range: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, saturation: Double = 0.05, zones: Bool = true, columns: Int? = nil) {
        self.activations = activations
        self.range = range
        self.yRange = yRange
        self.saturation = saturation
        self.zones = zones
        self.columns = columns
    }

    /// The shared x range: symmetric, at least [−4, 4], wide enough to show every kink and jump with a
    /// unit of room (ReLU6's cap at 6 gives [−7, 7]).
    public static func defaultRange(for acts: [Activation]) -> ClosedRange<Double> {
        let reach = acts.flatMap { $0.kinks + $0.jumps }.map { abs($0) + 1 }.max() ?? 0
        let a = max(4, reach)
        return -a...a
    }

    /// The shared y range: everything f and f′ reach over `x`, but not below −2 (curves that fall
    /// further, like the identity, leave through the bottom), padded by 5 %. A typed function counts
    /// only its values away from where it or f′ is unbounded (1/x near 0 would flatten every panel);
    /// a panel that would flatten the others gets its own range (`ActivationGridYRanges`).
    public static func defaultYRange(for acts: [Activation], x: ClosedRange<Double>) -> ClosedRange<Double> {
        ActivationGridYRanges(for: acts, x: x).shared
    }

    /// Rows and columns for `n` panels on a `width`×`height` page: the grid whose cells are closest
    /// to square, with few empty cells (24 on 3:2 → 4 rows of 6).
    public static func grid(count n: Int, width: Double, height: Double, columns: Int? = nil) -> (rows: Int, columns: Int) {
        if let c = columns { let cc = max(1, min(c, n)); return ((n + cc - 1) / cc, cc) }
        var best = (rows: 1, columns: n), bestScore = Double.infinity
        for c in 1...max(1, n) {
            let r = (n + c - 1) / c
            let aspect = (width / Double(c)) / (height / Double(r))
            let score = abs(Double.log(aspect)) + 0.35 * Double(r * c - n)
            if score < bestScore { best = (r, c); bestScore = score }
        }
        return best
    }

    /// A panel's (or table row's) title: the display name, with the parameter values for a typed formula that
    /// has parameters, or a built-in listed more than once (a `--param` family: one panel per value).
    public static func title(of a: Activation, among all: [Activation]) -> String {
        if a.expression != nil, !a.parameters.isEmpty { return a.label }
        return a.label(among: all)
    }

    /// "same axes in every panel: x from −4 to 4", or, when some panels keep their own y range, "x from −4 to 4
    /// in every panel; y shared except by e^{e^x} (own y scale, clipped above 31.7)".
    func ownRangesNote(_ ranges: ActivationGridYRanges, over xr: ClosedRange<Double>) -> String {
        let x = "$x$ from " + TickFormat.short(xr.lowerBound) + " to " + TickFormat.short(xr.upperBound)
        guard !ranges.own.isEmpty else { return "same axes in every panel: " + x }
        let named = ranges.own.keys.sorted().map { k -> String in
            let a = activations[k], fit = ranges.own[k]
            let name = Self.title(of: a, among: activations)
            guard let fit, fit.trimmed else { return name }
            return name + " clipped above " + TickFormat.short(fit.shownUpper)
        }
        if ranges.own.count == activations.count {
            let clipped = named.filter { $0.contains(" clipped above ") }
            return x + " in every panel, each on its own y scale" + (clipped.isEmpty ? "" : " (" + clipped.joined(separator: ", ") + ")")
        }
        return x + " in every panel; own y scale: " + named.joined(separator: ", ")
    }

    public func build(into figure: inout Figure) -> [DataTable] {
        let theme = figure.theme
        let xr = range ?? Self.defaultRange(for: activations)
        let ranges = yRange.map { ActivationGridYRanges(shared: $0) } ?? ActivationGridYRanges(for: activations, x: xr, logScale: logY)
        let yr = ranges.shared
        let columns = figure.columns
        let rows = figure.rows
        let n = activations.count
        figure.title = "Activation functions $f$ (solid) and their derivatives $f'$ (dashed)"
        figure.subtitle = ownRangesNote(ranges, over: xr)
            // Saturation: a tail where f′ → 0 (Leaky ReLU's constant 0.01 is not, and is not shaded).
            + (zones ? ";  shaded: saturated tails ($|f'|$ → 0, below " + TickFormat.short(saturation) + "), grey: dead ($f'$ = 0)" : "")
            + ";  ◆ largest $|f'|$"
        let sampler = FunctionSampler()
        let width = theme.lineWidth * 0.85
        let fColor = theme.color(0), dColor = theme.color(1)
        var tables: [DataTable] = []
        var zoneRows: [TidyTables.Zone] = []
        for (k, a) in activations.enumerated() {
            let row = k / columns, column = k % columns
            var axes = Axes(title: Self.title(of: a, among: activations))
            axes.xLimits = Interval(xr.lowerBound, xr.upperBound)
            axes.yLimits = Interval(yr.lowerBound, yr.upperBound)
            axes.legend = .none
            // Tick labels on the outer edges only: the bottom panel of each column, the first column.
            let bottom = k + columns >= n || row == rows - 1
            axes.showXTickLabels = bottom
            // … and on a panel whose left neighbour has another y range than its own.
            axes.showYTickLabels = column == 0 || (ranges.own[k] != nil) != (ranges.own[k - 1] != nil)
            if bottom { axes.xLabel = "$x$" }
            if a.expression != nil {
                let domain = ActivationDomain(value: a.value, derivative: a.derivative, over: xr, poles: a.poles)
                axes.add(contentsOf: ActivationFigure.undefinedBands(domain, theme: theme))
            }
            if let fit = ranges.own[k] {
                axes.yLimits = Interval(fit.lower, fit.upper)
                axes.showYTickLabels = true
                if fit.trimmed { ActivationFigure(activations: [a]).addClipMarks(a, fit: fit, over: xr, to: &axes, theme: theme) }
            }

            if zones {
                // Saturation is a tail property (see `Activation.zones`): a sliver where f′ merely crosses
                // zero inside the range (GELU's minimum) is not shaded; dead zones are shaded wherever they are.
                let found = a.zones(over: xr, threshold: saturation)
                for z in found {
                    axes.add(BandMark(.vertical, from: z.lower, to: z.upper, color: theme.bandColors[z.kind == .dead ? 1 : 0]))
                    zoneRows.append(.init(activation: a.name, dead: z.kind == .dead, lower: z.lower, upper: z.upper))
                }
            }
            axes.add(contentsOf: Self.asymptoteLines(a, over: xr, theme: theme))
            axes.add(LineMark(points: sampler.sample(xr, kinks: a.kinks, jumps: a.jumps + a.poles.map(\.at), a.value),
                              style: StrokeStyle(color: fColor, width: width, join: .miter), zOrder: 3))
            for j in a.jumps where xr.contains(j) {
                axes.add(ActivationFigure.jumpDots(a, at: j, range: xr, color: fColor, size: theme.markerSize * 0.8))
            }
            let derivativeBreaks = Array(Set(a.kinks + a.jumps + a.poles.map(\.at))).sorted()
            // f′ drawn where f is defined (log(x)'s 1/x left of 0 is AD's, not a derivative of anything drawn).
            axes.add(LineMark(points: sampler.sample(xr, kinks: [], jumps: derivativeBreaks, ActivationFigure.drawnDerivative(a, range: xr)),
                              style: StrokeStyle(color: dColor, width: width, dash: [width * 3, width * 1.8], join: .miter), zOrder: 3.1))
            for dots in ActivationFigure.derivativeJumpDots(a, range: xr, color: dColor, size: theme.markerSize * 0.7) { axes.add(dots) }
            let steep = a.steepestSlope
            if steep.magnitude > 0, steep.magnitude.isFinite, steep.at.isFinite, xr.contains(steep.at) {
                axes.add(ActivationFigure.steepestMarker(steep, color: dColor, size: theme.markerSize * 1.1, theme: theme))
            }
            figure.add(axes, row: row, column: column)

            let xs = FieldSampler.linspace(xr.lowerBound, xr.upperBound, count: 241)
            tables.append(DataTable(name: a.tableName, columns: ["x", "f", "df"], rows: xs.map { [$0, a.value($0), a.derivative($0)] }))
        }
        return [TidyTables.curves(tables), TidyTables.zones(zoneRows)]
    }

    /// A panel's asymptotes as dotted lines left out of its limits: a vertical one at each pole in view, as
    /// the single figure draws (1/x at 0), and the horizontal ones of the tails.
    static func asymptoteLines(_ a: Activation, over xr: ClosedRange<Double>, theme: Theme) -> [ReferenceLineMark] {
        let style = StrokeStyle(color: theme.muted, width: 0.8, dash: [2, 3])
        var lines = a.poles.filter { xr.contains($0.at) }.map {
            ReferenceLineMark(.vertical, at: $0.at, style: style, includeInLimits: false, zOrder: 1.5)
        }
        for asym in a.asymptotes {
            var line = ReferenceLineMark.horizontal(y: asym, style: style)
            line.includeInLimits = false
            lines.append(line)
        }
        return lines
    }
}
