import Optim
import RunLogs
import Viz

/// A path read from a file (`dlplot surface --path`), prepared the way a computed run is: drawn in every
/// piece inside the view (arrowheads where it leaves and comes back, a note), with a gap at non-finite
/// rows followed by finite ones (as `runs` draws them) and ended by non-finite rows that run to the end
/// of the file ("diverged"), and described in the legend by where it ended and its loss.
public struct UserPathRun: Sendable {
    /// The legend name (the file's `label` column, `--path-label`, or the file name).
    public var label: String
    /// The steps of the drawn points (those before the first non-finite row).
    public var steps: [Int]
    /// The drawn points (finite).
    public var points: [Point]
    /// The loss at each drawn point: the file's `loss` column, else the surface's value there.
    public var values: [Double]
    /// Whether `values` come from the file.
    public var loggedLoss: Bool
    /// The surface's value f(x, y) at each drawn point (equal to `values` when the file has no loss).
    public var surfaceValues: [Double] = []
    /// The first step whose position is outside the view after one inside it, if any.
    public var leavesView: Int?
    /// For a path that starts outside the view: the step where it first comes into it (nil: it starts
    /// inside, or never comes in; see `outsideThroughout`).
    public var entersView: Int?
    /// Every time the path is outside the view after it was first in it, and when it comes back.
    public var excursions = ViewExcursions(steps: [], inside: [])
    /// No drawn point is inside the view.
    public var outsideThroughout = false
    /// The view's width and height (the precision its coordinates are printed at).
    public var spans: (x: Double, y: Double) = (1, 1)
    /// The view the path was prepared for.
    var viewBox: Rect?
    /// The step of the first of the rows with a non-finite position or loss that end the file, if any.
    public var diverged: Int?
    /// The stretches of non-finite rows followed by finite ones: gaps in the drawn path.
    public var gaps: [PathGap] = []
    /// The series style index and the position among the figure's series (see `SurfaceRun`).
    public var style = 0
    public var order = 0

    public func styleIndex(_ theme: Theme) -> Int { theme.seriesInFigureOrder ? order : style }

    public init(_ path: UserPath, label: String? = nil, surface: Surface, plan: SurfacePlan) {
        viewBox = Rect(x: plan.x.lower, y: plan.y.lower, width: plan.x.upper - plan.x.lower, height: plan.y.upper - plan.y.lower)
        spans = (plan.x.upper - plan.x.lower, plan.y.upper - plan.y.lower)
        self.label = label ?? path.label
        loggedLoss = !path.loss.isEmpty
        var steps: [Int] = [], points: [Point] = [], values: [Double] = []
        var gaps: [PathGap] = []
        for i in path.steps.indices {
            let f = loggedLoss ? path.loss[i] : (path.x[i].isFinite && path.y[i].isFinite ? surface.value(path.x[i], path.y[i]) : .nan)
            // A row with a non-finite cell is a gap (the path's end when only such rows follow); f overflowing
            // at a finite far row (x² + y² at 10³⁰⁰) is not: that row is drawn (to the edge of the view) like any other.
            guard path.x[i].isFinite, path.y[i].isFinite, loggedLoss ? f.isFinite : !f.isNaN else {
                if let last = gaps.last, last.before == points.count { gaps[gaps.count - 1].count += 1 } else {
                    gaps.append(PathGap(step: path.steps[i], count: 1, before: points.count))
                }
                continue
            }
            steps.append(path.steps[i]); points.append(Point(path.x[i], path.y[i])); values.append(f)
        }
        if let last = gaps.last, last.before == points.count {
            diverged = last.step  // non-finite to the end
            gaps.removeLast()
        }
        self.gaps = gaps
        self.steps = steps; self.points = points; self.values = values
        surfaceValues = loggedLoss ? points.map { surface.value($0.x, $0.y) } : values
        let inside = points.map { plan.inView($0.x, $0.y) }
        if let first = inside.firstIndex(of: true) {
            entersView = first > 0 ? steps[first] : nil
            leavesView = inside[first...].firstIndex(of: false).map { steps[$0] }
        } else {
            outsideThroughout = !points.isEmpty
        }
        excursions = ViewExcursions(steps: steps, inside: inside)
    }

    /// Prepared paths with their series styles, continuing after `runs` (a path labelled like an
    /// optimizer, e.g. "adam", takes that optimizer's colour unless a computed run already has it).
    public static func prepare(_ paths: [(UserPath, String?)], after runs: [SurfaceRun], surface: Surface,
                               plan: SurfacePlan) -> [UserPathRun] {
        var out = paths.map { UserPathRun($0.0, label: $0.1, surface: surface, plan: plan) }
        let names = runs.map(\.config.name) + out.map(\.label)
        let styles = SeriesStyles.indices(for: names, catalogue: OptimizerConfig.allNames)
        for k in out.indices { out[k].style = styles[runs.count + k]; out[k].order = runs.count + k }
        return out
    }

    /// What happened and where it ended: "→ (x, y), f = v" (L for a dataset surface, loss for a logged
    /// one) after its times outside the view ("leaves the view at step 3, returns at step 4; → (0, 0), f = 0";
    /// see `ViewExcursions.words`), "leaves the view at step k" when it ends outside, "…, diverged at step k";
    /// for a path that starts outside the view, "starts outside the view, enters at step k; …", or
    /// "outside the view throughout".
    public func outcome(surface: Surface) -> String {
        if outsideThroughout { return "outside the view throughout" + (diverged.map { ", diverged at step \($0)" } ?? "") }
        let entry = (gapWords.map { $0 + "; " } ?? "") + (entersView.map { "starts outside the view, enters at step \($0); " } ?? "")
        let away = excursions.words.map { entry + $0 } ?? entry
        if let k = diverged { return (away.isEmpty || away.hasSuffix("; ") ? away : away + ", ") + "diverged at step \(k)" }
        guard let p = points.last, let f = values.last else { return away }
        if excursions.endsOutside { return away }
        let name = loggedLoss ? "loss" : (surface.dataset == nil ? "f" : "L")
        let row = SurfaceRun.legendRow(name: name, value: f, at: p, spans: spans, surface: surface)
        return (away.isEmpty || away.hasSuffix("; ") ? away : away + "; ") + row
    }

    /// "non-finite at step 1", "3 non-finite points from step 40", "…, and at step 90" for the gaps.
    var gapWords: String? {
        guard let first = gaps.first else { return nil }
        let words = { (g: PathGap) in g.count == 1 ? "at step \(g.step)" : "\(g.count) non-finite points from step \(g.step)" }
        let head = first.count == 1 ? "non-finite at step \(first.step)" : words(first)
        let more = gaps.dropFirst().prefix(2).map(words)
        return ([head] + more).joined(separator: ", ") + (gaps.count > 3 ? ", …" : "")
    }

    /// At most about `limit` points for drawing: every k-th, always the last one, the two around the
    /// points where the path leaves and comes back into the view (so the arrows are where they are) and
    /// those around a gap; a NaN point at each gap.
    public func drawnPoints(limit: Int = 20_000) -> [Point] {
        guard points.count > limit || !gaps.isEmpty else { return points }
        var keep: Set<Int>
        if points.count > limit {
            let every = (points.count + limit - 1) / limit
            keep = Set(stride(from: 0, to: points.count, by: every))
            let inside = points.map { viewBox?.contains($0) ?? true }
            for j in 1..<points.count where inside[j] != inside[j - 1] { keep.insert(j); keep.insert(j - 1) }
        } else {
            keep = Set(points.indices)
        }
        keep.insert(points.count - 1)
        for g in gaps where g.before > 0 && g.before < points.count { keep.insert(g.before); keep.insert(g.before - 1) }
        let breaks = Set(gaps.map(\.before))
        var out: [Point] = []
        for j in keep.sorted() where j >= 0 {
            if breaks.contains(j), j > 0 { out.append(Point(.nan, .nan)) }
            out.append(points[j])
        }
        return out
    }

    /// The tidy table of the path: step, position and the surface's value there (`fName`), and the file's
    /// own `loss` when it has one (which may be another function's, or a mini-batch's).
    public func table(xName: String, yName: String, fName: String) -> DataTable {
        var t = DataTable(name: label, columns: ["step", xName, yName, fName] + (loggedLoss ? ["loss"] : []), cells: [])
        t.cells = steps.indices.map { i in
            [.integer(Int64(steps[i])), .real(points[i].x), .real(points[i].y), .real(surfaceValues[i])]
                + (loggedLoss ? [.real(values[i])] : [])
        }
        return t
    }

    /// The first drawn point where the file's loss is not the surface's value (beyond float32 rounding):
    /// its step, the logged loss and f(x, y); nil when they agree or the file has no loss.
    public var lossMismatch: (step: Int, loss: Double, f: Double)? {
        guard loggedLoss else { return nil }
        let i = values.indices.first { i in
            let (a, b) = (values[i], surfaceValues[i])
            return a != b && !(abs(a - b) <= 1e-6 * max(abs(a), abs(b)))
        }
        return i.map { (steps[$0], values[$0], surfaceValues[$0]) }
    }
}

extension SurfaceFigure {
    /// The runs' tables with the columns of the widest: a path file's own loss is a column of its own,
    /// which the other runs leave empty.
    static func paddedToTheWidest(_ parts: [DataTable]) -> [DataTable] {
        let columns = parts.map(\.columns).max { $0.count < $1.count } ?? []
        return parts.map { t in
            var t = t
            if t.columns.count < columns.count { t.cells = t.cells.map { $0 + [.text("")] }; t.columns = columns }
            return t
        }
    }

    /// The user's paths on the plane: clipped at the view's edge, start and end marked, legend entries.
    func addUserPaths(to ax: inout Axes, theme: Theme) {
        for (i, p) in userPaths.enumerated() {
            let look = TrajectoryStyle(index: p.styleIndex(theme), theme: theme)
            // Its end in its series' shape, as the legend's sample and the 3-D view show it.
            var path = PathMark(points: p.drawnPoints(), style: look.stroke, markerSize: 8, zOrder: 3.2 + Double(i) * 0.01)
            path.endShape = look.marker
            ax.add(path)
            if !withCurves {
                ax.add(LineMark(points: [], style: look.stroke, label: p.label, marker: look.marker))
                ax.add(LegendLine(p.outcome(surface: surface)))
            }
            if notesExitsOnMap, let note = exitNote(name: p.label, points: p.points, steps: p.steps, leavesView: p.leavesView,
                                   diverged: p.diverged, index: runs.count + i, away: p.excursions.words) {
                ax.add(note)
            }
        }
    }

    /// The user's loss curves on the `--with-curves` panel (the same axis as the computed runs).
    func addUserCurves(to ax: inout Axes, theme: Theme) {
        let (offset, _, log) = CurvesFigure.lossAxisText(surface)
        for p in userPaths {
            let look = TrajectoryStyle(index: p.styleIndex(theme), theme: theme, width: theme.lineWidth * 0.8)
            var pts = zip(p.steps, p.values).map { k, v -> Point in
                let y = v - offset
                return Point(Double(k), log && !(y >= 1e-300) ? .nan : y)
            }
            for g in p.gaps.reversed() where g.before > 0 && g.before < pts.count { pts.insert(Point(Double(g.step), .nan), at: g.before) }
            ax.add(LineMark(points: pts, style: look.stroke, label: p.label))
            if p.diverged != nil, let last = pts.last(where: \.isFinite) {
                ax.add(ScatterMark(points: [last], shape: .cross, size: theme.markerSize * 1.4, color: look.color))
            }
        }
    }
}

/// A stretch of non-finite rows in a path file followed by finite ones.
public struct PathGap: Sendable, Equatable {
    /// The step of the stretch's first row, and its number of rows.
    public var step: Int
    public var count: Int
    /// The index in `UserPathRun.points` of the first point after the gap (the number drawn before it).
    public var before: Int
}
