import Optim
import Viz

/// The loss landscape of a small MLP (Li et al. 2018): the loss on a filter-normalised random plane
/// around the trained weights, and each optimizer's training path on the top two PCA directions of
/// its own path (variance shares on the axes), SGD and Adam from the same initialisation.
public struct LandscapeFigure: FigureRecipe {
    public var task: LandscapeTask
    public var objective: NetworkObjective
    public var runs: [(label: String, run: Trajectory)]
    public var grid: Int
    public var seed: UInt64
    /// nil: the random plane as filled contours; (azimuth, elevation) in degrees: as a 3-D surface.
    public var view3D: (azimuth: Double, elevation: Double)?

    /// - Parameters: `runs` are the training runs (the last one's end is the centre of the random plane);
    ///   `grid` samples per side of the plane; `seed` seeds the random directions.
    public init(task: LandscapeTask, objective: NetworkObjective, runs: [(label: String, run: Trajectory)], grid: Int, seed: UInt64) {
        self.task = task; self.objective = objective; self.runs = runs; self.grid = grid; self.seed = seed
    }

    public func build(into figure: inout Figure) throws -> [DataTable] {
        figure.title = "Loss landscape of a 2-16-16-1 MLP on \(task.rawValue)"
        figure.subtitle = "filter-normalised random directions around the trained weights (Li et al. 2018); seed \(seed); "
            + "each PCA panel on its own loss scale, darker is lower"
        var tables: [DataTable] = [], paths: [DataTable] = []
        guard let main = runs.last, let centre = main.run.finalPosition else { return [] }
        var sampler = GaussianSampler(seed: seed &+ 1)
        let u = LossLandscape.filterNormalisedDirection(objective, theta: centre, sampler: &sampler)
        let v = LossLandscape.filterNormalisedDirection(objective, theta: centre, sampler: &sampler)
        let axis = (0..<grid).map { -1 + 2 * Double($0) / Double(grid - 1) }
        let z = LossLandscape.grid(objective, centre: centre, u: u, v: v, alphas: axis, betas: axis)
        let field = try ScalarField(xs: axis, ys: axis, z: z)
        let plane = try view3D.map { try planeIn3D(field, angles: $0, label: main.label) } ?? planeContours(field, label: main.label)
        // The plane (with its colorbar) on the left over both rows; the PCA panels, drawn to equal scale and so
        // wider than tall, one above the other on the right (side by side they were slivers 70 px high).
        figure.add(plane, row: 0, column: 0, rowSpan: 2)
        tables.append(DataTable(name: "random plane", columns: ["alpha", "beta", "loss"],
                                rows: z.indices.map { [axis[$0 % grid], axis[$0 / grid], z[$0]] }))
        for (i, entry) in runs.enumerated() {
            if let blowUp = Self.blowUp(entry.run) {
                figure.add(divergedPanel(entry.label, blowUp), row: i, column: 1)
                continue
            }
            let pca = LossLandscape.pca(entry.run.positions)
            guard pca.directions.count == 2, let end = entry.run.finalPosition else { continue }
            let xs = pca.coordinates.map(\.0), ys = pca.coordinates.map(\.1)
            let pad = 0.15
            let (x0, x1) = (xs.min() ?? -1, xs.max() ?? 1), (y0, y1) = (ys.min() ?? -1, ys.max() ?? 1)
            // One unit of PC 2 as long as one of PC 1 (the panel is drawn to equal scale): stretched to PC 1's
            // size, a 2.4 %-variance wiggle looked as large as the travel. The shorter side spans at least half
            // the longer, so the panel is not a sliver and shows the landscape beside the path.
            var sx = max(x1 - x0, 1e-6), sy = max(y1 - y0, 1e-6)
            (sx, sy) = (max(sx, sy * 0.5), max(sy, sx * 0.5))
            let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2)
            let ax0 = (0..<61).map { cx - (0.5 + pad) * sx + (1 + 2 * pad) * sx * Double($0) / 60 }
            let ay0 = (0..<61).map { cy - (0.5 + pad) * sy + (1 + 2 * pad) * sy * Double($0) / 60 }
            let pz = LossLandscape.grid(objective, centre: end, u: pca.directions[0], v: pca.directions[1], alphas: ax0, betas: ay0)
            let pfield = try ScalarField(xs: ax0, ys: ay0, z: pz)
            let share = { (k: Int) in TickFormat.fixed(100 * pca.shares[k], 1) + " %" }
            // A path that does not move (sgd-lr 10⁻³⁰⁰) has no variance to share out: "0.0 % of variance" said nothing.
            let moved = pca.shares.allSatisfy(\.isFinite) && pca.shares.reduce(0, +) > 0
            var (ax, _) = try Self.contoured(pfield, levels: 12, title: entry.label + " path on its PCA plane",
                                             xLabel: moved ? "PC 1 (\(share(0)) of variance)" : "direction 1 (the path does not move)",
                                             yLabel: moved ? "PC 2 (\(share(1)))" : "direction 2")
            ax.equalAspect = true
            let look = TrajectoryStyle(index: i, theme: figure.theme)
            ax.add(PathMark(points: zip(xs, ys).map { Point($0, $1) }, style: look.stroke, markerSize: 7, zOrder: 3))
            ax.add(PointLabelMark([.init(Point(xs[0], ys[0]), label: "init", shape: .marker(.circle)),
                                   .init(Point(0, 0), label: "end", shape: .star)], markerSize: 9, zOrder: 6))
            figure.add(ax, row: i, column: 1)
            paths.append(DataTable(name: entry.label, columns: ["step", "pc1", "pc2", "loss"],
                                    rows: xs.indices.map { [Double(entry.run.steps[$0]), xs[$0], ys[$0], entry.run.values[$0]] }))
        }
        return tables + [DataTable.long(name: "paths (PCA coordinates)", key: "run", paths)]
    }

    /// Where a run blew up: the first recorded row whose loss is not finite or more than a million
    /// times the loss at the start (its step and loss), or nil when the run stayed bounded. A PCA plane
    /// of such a path is dominated by the blow-up and says nothing about the landscape.
    /// Weights beyond 10¹⁰⁰ count too (lr 10³⁰⁰: a sigmoid's loss stays bounded while the weights reach
    /// 10³⁰⁰, and a plane spanning them cannot be gridded in float64).
    public static func blowUp(_ run: Trajectory) -> (step: Int, loss: Double)? {
        let start = abs(run.values.first ?? 0)
        let rows = run.values.indices.filter { i in
            let v = run.values[i]
            let far = !run.positionData.isEmpty && run.position(i).contains { !(abs($0) <= 1e100) }
            return !v.isFinite || abs(v) > 1e6 * max(start, 1e-12) || far
        }
        if let k = rows.first { return (run.steps[k], run.values[k]) }
        if case .diverged(let step) = run.stop { return (step, .nan) }
        return nil
    }

    /// The panel of a run that blew up: no plane, a note with the step and the loss.
    func divergedPanel(_ label: String, _ blowUp: (step: Int, loss: Double)) -> Axes {
        var ax = Axes(title: label + " path on its PCA plane")
        ax.showAxes = false; ax.grid = false; ax.zeroLines = false; ax.legend = .none
        ax.xLimits = Interval(0, 1); ax.yLimits = Interval(0, 1)
        let loss = blowUp.loss.isFinite ? "loss " + TickFormat.short(blowUp.loss, significant: 3) : "loss not finite"
        var note = TextMark("diverged by step \(blowUp.step)\n(\(loss));\na smaller lr converges", at: Point(0.5, 0.5))
        note.avoidsData = false
        ax.add(note)
        return ax
    }

    /// A plane of the loss seen from above, edge to edge: `levels` filled viridis contours under thin dark
    /// lines at the same levels, no grid, zero lines or legend; the axes and the filled mark (for a colorbar).
    static func contoured(_ field: ScalarField, levels: Int, title: String, xLabel: String,
                          yLabel: String) throws -> (Axes, FilledContourMark) {
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false
        ax.legend = .none
        var filled = try FilledContourMark(field: field, levels: .count(levels), colormap: .viridis)
        filled.showsNote = false  // the lines' mark says why there are no contours
        ax.add(filled)
        ax.add(try ContourMark(field: field, levels: .count(levels), color: Color(hex: 0x1A1A1A, alpha: 0.4), lineWidth: 0.5, showLabels: false))
        return (ax, filled)
    }

    /// The random plane seen from above: filled contours, the trained weights as a star, a colorbar.
    func planeContours(_ field: ScalarField, label: String) throws -> Axes {
        let (contoured, filled) = try Self.contoured(field, levels: 14, title: "around the \(label) solution",
                                                     xLabel: "$\\alpha$ (direction 1)", yLabel: "$\\beta$ (direction 2)")
        var plane = contoured
        plane.add(PointLabelMark([.init(Point(0, 0), label: "trained", shape: .star)], markerSize: 10, zOrder: 6))
        plane.sideGuides = [Colorbar(for: filled, label: "loss")]
        return plane
    }

    /// The random plane as a surface in perspective; the trained weights (α = β = 0) are the ringed
    /// point on it.
    func planeIn3D(_ field: ScalarField, angles: (azimuth: Double, elevation: Double), label: String) throws -> Axes {
        var plane = Axes.surface3D(title: "around the \(label) solution (○ trained)")
        var mark = try SurfaceMark(field: field, azimuth: angles.azimuth, elevation: angles.elevation,
                                   path: SurfaceMark.lift([Point(0, 0)], on: field), xLabel: "α", yLabel: "β", zLabel: "loss")
        mark.pathStyle = StrokeStyle(color: Color(hex: 0xD55E00), width: 2.2, cap: .round, join: .round)
        plane.add(mark)
        return plane
    }
}
