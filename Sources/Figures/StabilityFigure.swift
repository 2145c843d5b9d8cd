import Optim
import Viz

/// A stability map: final loss (or steps to a tolerance) over two hyper-parameters, diverged cells in
/// their own colour, cells that never reached the tolerance in grey, and the analytic stability
/// boundary of SGD with momentum on a convex quadratic, lr·λ_max = 2(1 + β), where it applies.
public struct StabilityFigure: FigureRecipe {
    public var surface: Surface
    public var map: StabilityMap
    public var label: String
    public var logX: Bool
    public var logY: Bool
    public var steps: Int
    public var start: Point2
    /// Nesterov momentum (changes the boundary), when the optimizer is SGD.
    public var boundaryKind: (sgd: Bool, nesterov: Bool)

    /// A recipe (or value) with these fields; see each field.
    public init(surface: Surface, map: StabilityMap, label: String, logX: Bool, logY: Bool, steps: Int, start: Point2, boundaryKind: (sgd: Bool, nesterov: Bool)) {
        self.surface = surface
        self.map = map
        self.label = label
        self.logX = logX
        self.logY = logY
        self.steps = steps
        self.start = start
        self.boundaryKind = boundaryKind
    }

    public func axisValue(_ v: Double, log: Bool) -> Double { log ? Double.log10(v) : v }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let xs = map.xs.map { axisValue($0, log: logX) }, ys = map.ys.map { axisValue($0, log: logY) }
        let isSteps: Bool
        if case .stepsToTolerance = map.measure { isSteps = true } else { isSteps = false }
        figure.title = "Stability of \(label) on \(surface.displayName)"
        var sub = "\(steps) steps from (\(TickFormat.short(start.x)), \(TickFormat.short(start.y)))"
        if case .stepsToTolerance(let tol) = map.measure { sub += "; steps until f − f* ≤ \(TickFormat.short(tol))" }
        figure.subtitle = sub
        var ax = Axes(xLabel: logX ? "\(map.xSetting) (log scale)" : map.xSetting, yLabel: logY ? "\(map.ySetting) (log scale)" : map.ySetting)
        ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false
        // Below the map: a legend beside it would take a third of the width from the cells.
        ax.legend = .below
        if logX { ax.xTickLabels = StabilityFigure.powerTicks(xs) }
        if logY { ax.yTickLabels = StabilityFigure.powerTicks(ys) }
        let values = zip(map.values, map.diverged).map { v, bad in bad ? Double.nan : (isSteps ? v : max(v, 1e-300)) }
        let field = try ScalarField(xs: xs, ys: ys, z: values)
        var cmap = Colormap.viridis
        cmap = cmap.reversed()   // bright is good: few steps, or a small final gap
        var heat = HeatmapMark(field: field, colormap: cmap, normalization: try Self.colourScale(values))
        heat.wholeCells = true  // every cell as wide as the others, the axes ending at cell edges
        if field.finiteRange != nil {
            ax.add(heat)
            ax.sideGuides = [Colorbar(for: heat, label: isSteps ? "steps to tolerance" : "final $f - f^{*}$")]
        }
        // Hatched: in greyscale (and --theme print) the dark red equalled the colour scale's dark end, so cells
        // that need 10 steps read as diverged ones.
        ax.add(HatchedRegionMark(rings: Self.cellRuns(xs: xs, ys: ys, where: map.diverged), fill: CategoryColors.diverged,
                                 hatch: StrokeStyle(color: Color(hex: 0xFFFFFF, alpha: 0.6), width: 0.9), angle: 45, spacing: 5,
                                 label: "diverged (loss grew or overflowed)", zOrder: 0.6))
        if isSteps {
            let never = zip(map.values, map.diverged).map { v, bad in !bad && v.isNaN }
            try addMask(&ax, xs: xs, ys: ys, where: never, color: CategoryColors.notConverged, label: "tolerance not reached")
        }
        // The view is the map: the theory line (lr ≈ 1…4 on the bowl) must not widen it, which squeezed a map
        // of lr in 0…10⁻²⁰ to a sliver no drawing could invert ("invalid matrix", exit 1).
        if let b = heat.dataBounds() { ax.xLimits = b.x; ax.yLimits = b.y }
        if let note = addBoundary(&ax, theme: figure.theme) { figure.footnote = [figure.footnote, note].compactMap { $0 }.joined(separator: " ") }
        figure.add(ax)
        var table = DataTable(name: "stability", columns: [map.xSetting, map.ySetting, isSteps ? "steps" : "final_loss_gap", "diverged"], cells: [])
        table.cells = map.values.enumerated().map { c, v in
            let steps = isSteps && v.isFinite && v.rounded() == v && abs(v) < 9e15
            return [.real(map.xs[c % map.xs.count]), .real(map.ys[c / map.xs.count]), steps ? .integer(Int64(v)) : .real(v), .bool(map.diverged[c])]
        }
        return [table]
    }

    /// A log colour scale over every finite value, from the smallest to the largest: the cells that
    /// converge fastest (fewest steps, or the smallest final gap, down to 1e-300) keep their own colours
    /// instead of sharing the floor of a quantile-based scale. Linear when every value is the same.
    static func colourScale(_ values: [Double]) throws -> Normalization {
        let finite = values.filter { $0.isFinite && $0 > 0 }
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else {
            let v = finite.first ?? 1
            return try Normalization(.linear, lower: v - 1, upper: v + 1)
        }
        return try Normalization(.log, lower: lo, upper: hi)
    }

    /// A flat-coloured overlay of the cells where `mask` holds, with a legend swatch.
    public func addMask(_ ax: inout Axes, xs: [Double], ys: [Double], where mask: [Bool], color: Color, label: String) throws {
        guard mask.contains(true) else { return }
        let field = try ScalarField(xs: xs, ys: ys, z: mask.map { $0 ? 0.5 : .nan })
        var cells = HeatmapMark(field: field, colormap: try CategoryColors.colormap([color, color]),
                                normalization: try Normalization(.linear, lower: 0, upper: 1), zOrder: 0.6)
        cells.wholeCells = true
        ax.add(cells)
        ax.add(ScatterMark(points: [], shape: .square, size: 10, color: color, label: label))
    }

    /// The cells where `mask` holds, as rectangles (one per run of neighbouring cells in a row) on the heatmap's
    /// grid: each sample's cell is centred on it, one step wide, as the image is drawn (n equal cells spread over
    /// the samples' span met the image's centred cells nowhere but the middle: white slivers between them).
    static func cellRuns(xs: [Double], ys: [Double], where mask: [Bool]) -> [[Point]] {
        let (nx, ny) = (xs.count, ys.count)
        guard nx > 0, ny > 0, mask.count == nx * ny, let x0 = xs.first, let x1 = xs.last, let y0 = ys.first, let y1 = ys.last else { return [] }
        let (dx, dy) = (nx > 1 ? (x1 - x0) / Double(nx - 1) : 1, ny > 1 ? (y1 - y0) / Double(ny - 1) : 1)
        func xe(_ i: Int) -> Double { x0 + dx * (Double(i) - 0.5) }
        func ye(_ j: Int) -> Double { y0 + dy * (Double(j) - 0.5) }
        var rings: [[Point]] = []
        for j in 0..<ny {
            var i = 0
            while i < nx {
                guard mask[j * nx + i] else { i += 1; continue }
                let start = i
                while i < nx, mask[j * nx + i] { i += 1 }
                rings.append([Point(xe(start), ye(j)), Point(xe(i), ye(j)), Point(xe(i), ye(j + 1)), Point(xe(start), ye(j + 1))])
            }
        }
        return rings
    }

    /// lr = 2(1 + β)/λ_max (or Nesterov's 2(1 + β)/((1 + 2β)λ_max)) over the momentum axis, with its legend
    /// entry; when the whole line lies outside the view (`ax.xLimits`), neither, and the sentence for the
    /// footnote that says where it lies ("… lies left of this view (lr ≤ 2)") is returned instead.
    @discardableResult
    public func addBoundary(_ ax: inout Axes, theme: Theme) -> String? {
        guard boundaryKind.sgd, map.xSetting == "lr", map.ySetting == "momentum",
              let lambda = StabilityMap.curvatures(of: surface)?.last else { return nil }
        let fine = (0...200).map { map.ys[0] + (map.ys[map.ys.count - 1] - map.ys[0]) * Double($0) / 200 }
        let pts = fine.compactMap { beta -> Point? in
            guard let lr = StabilityMap.largestStableLR(surface: surface, momentum: beta, nesterov: boundaryKind.nesterov) else { return nil }
            return Point(axisValue(lr, log: logX), axisValue(beta, log: logY))
        }
        let formula = boundaryKind.nesterov ? "lr·λ = 2(1+β)/(1+2β)" : "lr·λ = 2(1+β)"
        if let view = ax.xLimits, !pts.isEmpty {
            let (lo, hi) = (min(view.lower, view.upper), max(view.lower, view.upper))
            if !pts.contains(where: { $0.x >= lo && $0.x <= hi }) {
                let lrs = pts.map { logX ? Double.pow(10, $0.x) : $0.x }
                let left = pts.allSatisfy { $0.x < lo }
                let bound = left ? "lr ≤ \(TickFormat.short(lrs.max() ?? 0))" : "lr ≥ \(TickFormat.short(lrs.min() ?? 0))"
                return "The theory boundary \(formula), λ = \(TickFormat.short(lambda)), lies \(left ? "left" : "right") of this view (\(bound))."
            }
        }
        ax.add(LineMark(points: pts, style: StrokeStyle(color: theme.foreground, width: theme.lineWidth * 1.2, dash: [4, 2]),
                        label: "\(formula), λ = \(TickFormat.short(lambda)) (theory)"))
        return nil
    }

    /// Tick labels 10^k at the whole powers inside the range of log10 values `v`.
    public static func powerTicks(_ v: [Double]) -> [(value: Double, label: String)] {
        guard let lo = v.min(), let hi = v.max() else { return [] }
        return Array(Int(lo.rounded(.up))...max(Int(lo.rounded(.up)), Int(hi.rounded(.down)))).map {
            (Double($0), $0 == 0 ? "1" : "10" + TickFormat.superscript($0))
        }
    }
}
