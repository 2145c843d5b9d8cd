import RealModule

/// A typed 2-D expression as a surface, with what a figure needs found numerically: the view
/// (given, or [−3, 3]² widened to hold the global minima found in [−10, 10]²), the critical points
/// inside it (Newton's method on ∇f = 0 from every
/// grid cell where |∇f| is locally smallest, classified by the Hessian: minima and saddles), the
/// global minima among them, and a start in the corner region where f is highest.
public struct ExpressionSurface: Sendable, Hashable {
    /// The expression (dimension 2).
    public let expression: MathExpression
    let info: SurfaceInfo
    /// The period of an oscillation too fast for the critical-point search (none are marked then).
    let unresolvedPeriod: Double?

    /// Analyses `expression` over `view` (default: `defaultView`); `start` overrides the suggested start.
    /// With `analyse` false nothing is searched (no minima or saddles; the view [−3, 3]² or `view`, the start
    /// its centre or `start`): for values and gradients alone, whose cost then does not grow with a search.
    init(expression: MathExpression, view: ViewBox?, start: Point2?, analyse: Bool = true) {
        self.expression = expression
        guard analyse else {
            let box = view ?? ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3)
            info = SurfaceInfo(displayName: ExpressionSurface.name(expression), summary: "typed expression " + expression.source,
                               formula: expression.formulaWithParameters, minima: [], saddles: [], viewBox: box,
                               suggestedStart: start ?? Point2((box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2))
            unresolvedPeriod = nil
            return
        }
        let box = view ?? ExpressionSurface.defaultView(expression)
        let critical = CriticalPoints(expression, in: box)
        // A given view is judged against the whole search domain: its lowest dip may be only a local minimum.
        let minima = view.map { ExpressionSurface.minima(expression, view: $0, inView: critical) } ?? Found(critical)
        var info = SurfaceInfo(displayName: ExpressionSurface.name(expression), summary: "typed expression " + expression.source,
                               formula: expression.formulaWithParameters, minima: minima.global, saddles: critical.saddles,
                               viewBox: box, suggestedStart: start ?? ExpressionSurface.corner(expression, box, minima: minima.global))
        info.localMinima = minima.local
        info.minimumCurves = minima.curves
        self.info = info
        unresolvedPeriod = critical.unresolvedPeriod
    }

    /// The expression in math with its parameter values ("$a x^{2} + y^{2}$ ($a = 3$)"), as the titles of curves,
    /// steps, stability and basins name the surface: a slide must say which member of the family it shows.
    static func name(_ e: MathExpression) -> String {
        e.parameters.isEmpty ? e.displayLabel : e.displayLabel + " (" + e.parameterLabel + ")"
    }

    /// [−3, 3]², widened (with a margin of 15 % of the minima's spread, at least 1, rounded out to
    /// halves) to hold every global minimum found in [−10, 10]² (in [−5, 5]² when there are more than 8): typed Himmelblau has its four minima
    /// at |x|, |y| up to 3.8, and a view of [−3, 3]² held only one of them.
    static func defaultView(_ f: MathExpression) -> ViewBox {
        let base = ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3)
        // Many equally low minima (sin x · cos y has 28 in [−10, 10]²) repeat a pattern: the view holds those
        // of [−5, 5]² (five for sin x · cos y, about two periods), or stays [−3, 3]² when even those are many.
        var minima = CriticalPoints(f, in: ViewBox(xmin: -10, xmax: 10, ymin: -10, ymax: 10)).globalMinima
        if minima.count > 8 { minima = minima.filter { abs($0.x) <= 5 && abs($0.y) <= 5 } }
        guard minima.count <= 8, minima.contains(where: { abs($0.x) > 3 || abs($0.y) > 3 }) else { return definedPart(f, of: base) }
        let xs = minima.map(\.x), ys = minima.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return base }
        let margin = max(1, 0.15 * max(x1 - x0, y1 - y0))
        func out(_ v: Double, _ up: Bool) -> Double { up ? (v * 2).rounded(.up) / 2 : (v * 2).rounded(.down) / 2 }
        return ViewBox(xmin: out(min(-3, x0 - margin), false), xmax: out(max(3, x1 + margin), true),
                       ymin: out(min(-3, y0 - margin), false), ymax: out(max(3, y1 + margin), true))
    }

    /// `box`, or where f is defined on less than a quarter of it (sqrt(1 − x² − y²): a disk on 9 % of
    /// [−3, 3]²), the box around the part where it is (on a 41 × 41 grid, one grid step and 10 % more on
    /// each side, rounded out to halves): the view shows the function rather than the hatching around it.
    static func definedPart(_ f: MathExpression, of box: ViewBox) -> ViewBox {
        let n = 41
        var (x0, x1, y0, y1, count) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity, 0)
        let dx = (box.xmax - box.xmin) / Double(n - 1), dy = (box.ymax - box.ymin) / Double(n - 1)
        for j in 0..<n {
            for i in 0..<n {
                let x = box.xmin + Double(i) * dx, y = box.ymin + Double(j) * dy
                guard f.value(x, y).isFinite else { continue }
                (x0, x1, y0, y1, count) = (min(x0, x), max(x1, x), min(y0, y), max(y1, y), count + 1)
            }
        }
        guard count > 0, count * 4 < n * n else { return box }
        let mx = dx + 0.1 * (x1 - x0), my = dy + 0.1 * (y1 - y0)
        func out(_ v: Double, _ up: Bool) -> Double { up ? (v * 2).rounded(.up) / 2 : (v * 2).rounded(.down) / 2 }
        let shrunk = ViewBox(xmin: max(box.xmin, out(x0 - mx, false)), xmax: min(box.xmax, out(x1 + mx, true)),
                             ymin: max(box.ymin, out(y0 - my, false)), ymax: min(box.ymax, out(y1 + my, true)))
        return shrunk.xmax > shrunk.xmin && shrunk.ymax > shrunk.ymin ? shrunk : box
    }

    /// Of the four points 80 % of the way from the centre to each corner, the one where f is highest
    /// (finite) among those whose descent reaches a global minimum (all four when none does): a descent from
    /// there shows the most of the surface. x·e^(−x²−y²) is highest at (2.4, 2.4) on a plateau that falls
    /// away from its minimum (−0.71, 0); from (−2.4, 2.4) the descent reaches it.
    static func corner(_ f: MathExpression, _ box: ViewBox, minima: [Point2] = []) -> Point2 {
        let cx = (box.xmin + box.xmax) / 2, cy = (box.ymin + box.ymax) / 2
        let hx = 0.4 * (box.xmax - box.xmin), hy = 0.4 * (box.ymax - box.ymin)
        let span = max(box.xmax - box.xmin, box.ymax - box.ymin)
        // Where f is undefined at a corner point (a disk, sqrt(1 − x² − y²)), the first defined point on the way
        // along the diagonal to the centre (70 %, 60 %, … of the way out): a start was refused at (2.4, 2.4).
        let corners = [(1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)].compactMap { sx, sy in
            stride(from: 1.0, to: 0, by: -0.125).lazy.map { t in Point2(short(cx + sx * t * hx, span), short(cy + sy * t * hy, span)) }
                .first { f.value($0.x, $0.y).isFinite }
        }
        let reaching = corners.filter { descentReaches(f, from: $0, minima: minima, box: box) }
        return (reaching.isEmpty ? corners : reaching).max { f.value($0.x, $0.y) < f.value($1.x, $1.y) }
            ?? Point2(short(cx + hx, span), short(cy + hy, span))
    }

    /// Whether a descent along −∇f/|∇f| (steps of 1 % of the view, halved whenever f would rise; at most 600)
    /// from `p` ends within 2 % of the view of one of `minima`, never leaving the view.
    static func descentReaches(_ f: MathExpression, from p: Point2, minima: [Point2], box: ViewBox) -> Bool {
        guard !minima.isEmpty else { return false }
        let span = max(box.xmax - box.xmin, box.ymax - box.ymin)
        var (x, y, step) = (p.x, p.y, 0.01 * span)
        var v = f.value(x, y)
        for _ in 0..<600 where step > 1e-4 * span {
            let g = f.gradient(x, y), norm = (g.dx * g.dx + g.dy * g.dy).squareRoot()
            guard norm.isFinite, norm > 0 else { break }
            let (nx, ny) = (x - step * g.dx / norm, y - step * g.dy / norm)
            let nv = f.value(nx, ny)
            guard nv.isFinite, nv < v else { step /= 2; continue }
            guard nx >= box.xmin, nx <= box.xmax, ny >= box.ymin, ny <= box.ymax else { return false }
            (x, y, v) = (nx, ny, nv)
        }
        return minima.contains { abs($0.x - x) <= 0.02 * span && abs($0.y - y) <= 0.02 * span }
    }

    /// `v` rounded to 10⁻⁴ of the view's span (a power of ten), so the start prints as (2.4, 2.4)
    /// rather than (2.4000000000000004, 2.4000000000000004).
    static func short(_ v: Double, _ span: Double) -> Double {
        guard span > 0, span.isFinite, v.isFinite else { return v }
        let e = Double.log10(span).rounded(.down) - 4
        let scale = Double.pow(10, abs(e))
        return e < 0 ? (v * scale).rounded() / scale : (v / scale).rounded() * scale
    }

    public static func == (a: ExpressionSurface, b: ExpressionSurface) -> Bool {
        a.expression == b.expression && a.info.viewBox == b.info.viewBox && a.info.suggestedStart == b.info.suggestedStart
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(expression)
        hasher.combine(info.viewBox)
    }
}

extension Surface {
    /// A typed expression of x and y as a surface, accepted wherever a built-in surface is. Its
    /// view is `view` or [−3, 3]²; its start `start` or the corner region where f is highest; its
    /// minima and saddles are found numerically inside the view. (An expression of x alone is a
    /// valid surface, constant along y.)
    public init(expression: MathExpression, view: ViewBox? = nil, start: Point2? = nil) {
        self.init(typed: ExpressionSurface(expression: expression, view: view, start: start))
    }

    /// A typed expression of x and y for its values and gradients only (`eval surface`): no view, minima
    /// or start are searched, so the set-up does not grow with the search (a 1000-term sum took 10 s).
    public init(evaluating expression: MathExpression) {
        self.init(typed: ExpressionSurface(expression: expression, view: nil, start: nil, analyse: false))
    }

    /// The typed expression, or nil for a built-in surface.
    public var expression: MathExpression? { typed?.expression }

    /// For a typed surface that oscillates faster than its critical-point search can resolve (sin(50x)),
    /// the shortest period found along x or y: its minima and saddles are then not listed. Nil otherwise.
    public var unresolvedPeriod: Double? { typed?.unresolvedPeriod }
}

/// Critical points of a 2-D expression inside a box.
struct CriticalPoints {
    var minima: [(Point2, Double)] = []
    var saddles: [Point2] = []
    /// When f oscillates faster than the search grid resolves (sin(50x) has period 0.126; the grid's step
    /// over [−3, 3] is 0.1), the shortest period found (x or y) and no critical points: the points a
    /// coarse grid would find are aliasing artefacts (minima every 2.5 units where there are ~50 per unit).
    var unresolvedPeriod: Double?
    /// The lowest f sampled on the search grid (its edges included), NaN when none is a number.
    var lowestSampled = Double.nan
    /// Minima that lie along curves (see `MinimumCurve`), each once.
    var curves: [MinimumCurve] = []

    /// The lowest minima (all those within 1e-9 of the lowest value), or none when f is lower somewhere on the
    /// grid: x³ − 3x + y² has a minimum at (1, 0) with f = −2, but f(−3, 0) = −18 and f → −∞, so (1, 0) is local.
    var globalMinima: [Point2] {
        guard let best = (minima.map(\.1) + curves.map(\.value)).min() else { return [] }
        let tolerance = 1e-9 * max(1, abs(best))
        if lowestSampled < best - tolerance { return [] }
        return minima.filter { $0.1 - best <= tolerance }.map(\.0)
    }

    /// The curves of minima as low as the lowest minimum (`globalMinima`'s rule).
    var globalCurves: [MinimumCurve] {
        guard let best = (minima.map(\.1) + curves.map(\.value)).min() else { return [] }
        let tolerance = 1e-9 * max(1, abs(best))
        if lowestSampled < best - tolerance { return [] }
        return curves.filter { $0.value - best <= tolerance }
    }

    /// The other minima, lowest first, when there are at most 8 (a basin map colours each one; a
    /// landscape of many, such as Rastrigin's, lists none).
    var localMinima: [Point2] {
        let global = globalMinima
        let rest = minima.filter { m in !global.contains { $0 == m.0 } }.sorted { $0.1 < $1.1 }
        return rest.count <= 8 ? rest.map(\.0) : []
    }

    init(_ f: MathExpression, in box: ViewBox, grid n: Int = 60) {
        if let period = Oscillation.shortestPeriod(f, in: box), period < 4 * max(box.xmax - box.xmin, box.ymax - box.ymin) / Double(n) {
            unresolvedPeriod = period
            return
        }
        var xs: [Double] = [], ys: [Double] = []
        for j in 0...n {
            for i in 0...n {
                xs.append(box.xmin + (box.xmax - box.xmin) * Double(i) / Double(n))
                ys.append(box.ymin + (box.ymax - box.ymin) * Double(j) / Double(n))
            }
        }
        var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
        f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
        lowestSampled = v.filter { !$0.isNaN }.min() ?? .nan
        let norm = zip(gx, gy).map { ($0 * $0 + $1 * $1).squareRoot() }
        let tolerance = 1e-6 * max(1, norm.filter(\.isFinite).max() ?? 1)
        var found: [Point2] = []
        // Points closer than a grid cell are one point: at a degenerate critical point (the monkey saddle's
        // origin) Newton converges slowly, and each seed stops at a different spot of a small cluster.
        let cell = (x: (box.xmax - box.xmin) / Double(n), y: (box.ymax - box.ymin) / Double(n))
        for k in CriticalPoints.seeds(norm: norm, values: v, n: n) {
            guard let p = CriticalPoints.newton(f, from: Point2(xs[k], ys[k]), tolerance: tolerance),
                  p.x >= box.xmin, p.x <= box.xmax, p.y >= box.ymin, p.y <= box.ymax,
                  !found.contains(where: { abs($0.x - p.x) < cell.x && abs($0.y - p.y) < cell.y }),
                  !CriticalPoints.lies(p, on: curves, cell: cell)
            else { continue }
            let radius = 1e-3 * max(box.xmax - box.xmin, box.ymax - box.ymin)
            if CriticalPoints.ring(f, p, radius: radius).noneBelow,
               let curve = CriticalPoints.minimumCurve(f, through: p, in: box, step: max(cell.x, cell.y)) {
                curves.append(curve)
                continue
            }
            let h = CriticalPoints.hessian(f, p)
            let det = h.xx * h.yy - h.xy * h.xy
            // The Hessian's word is checked on values around p: where f is nearly flat (x^y at (10, −10),
            // f ≈ 10⁻¹⁰) a tiny gradient passes the tolerance and a tiny Hessian can look positive.
            let ring = CriticalPoints.ring(f, p, radius: radius)
            // Only a classified point takes its cell: a spot of the cluster too near the degenerate point for the
            // Hessian to speak must not hide one where it does.
            // A degenerate saddle (the monkey saddle's origin, where Newton's steps now take it) has a Hessian of 0
            // to rounding: the ring's sign changes speak for it.
            if det <= 1e-12 * max(1, h.xx * h.xx + h.yy * h.yy), ring.signChanges >= 4 {
                saddles.append(p)
                found.append(p)
            } else if det > 0, h.xx > 0, ring.noneBelow {
                minima.append((p, f.value(p.x, p.y)))
                found.append(p)
            }
        }
        minima.removeAll { CriticalPoints.lies($0.0, on: curves, cell: cell) }
    }

    /// The grid cells (row-major on an (n+1)² grid) from which Newton's method starts: those where
    /// |∇f| is lowest among their neighbours, then those where f is (in a steep, narrow valley the
    /// first are spread along the valley's floor, where Newton may not converge, while the cell
    /// where f is lowest lies beside the minimum: a typed Himmelblau-like valley at x ≈ 3.3 had none).
    static func seeds(norm: [Double], values: [Double], n: Int) -> [Int] {
        func lowest(_ field: [Double]) -> [Int] {
            var cells: [Int] = []
            for j in 0...n {
                for i in 0...n {
                    let k = j * (n + 1) + i
                    guard field[k].isFinite else { continue }
                    var isLowest = true
                    for dj in -1...1 {
                        for di in -1...1 where (di != 0 || dj != 0) && (0...n).contains(i + di) && (0...n).contains(j + dj) {
                            if field[(j + dj) * (n + 1) + i + di] < field[k] { isLowest = false }
                        }
                    }
                    if isLowest { cells.append(k) }
                }
            }
            return cells
        }
        let byGradient = lowest(norm)
        return byGradient + lowest(values).filter { !byGradient.contains($0) }
    }

    /// Newton's method on ∇f = 0 (exact gradients, Hessian by central differences of them), up
    /// to 40 steps; nil unless |∇f| falls below `tolerance`. It stops where its step does, not where |∇f| is
    /// small: e^{10x} + y² spans 87 decades on [−10, 10]², so every gradient was "small" beside its largest,
    /// and the point x = −10, where f had underflowed towards its infimum, stood as a minimum; walking on,
    /// it leaves the box. (Its steps also take a degenerate minimum, x⁴ or x⁶, to its place, not 10⁻³ from it.)
    static func newton(_ f: MathExpression, from start: Point2, tolerance: Double) -> Point2? {
        var p = start
        for _ in 0..<40 {
            let g = f.gradient(p.x, p.y)
            guard g.dx.isFinite, g.dy.isFinite else { return nil }
            if g.dx == 0 && g.dy == 0 { return p }
            let h = hessian(f, p)
            let det = h.xx * h.yy - h.xy * h.xy
            guard det != 0, det.isFinite else { break }
            let step = Point2((h.yy * g.dx - h.xy * g.dy) / det, (h.xx * g.dy - h.xy * g.dx) / det)
            p = Point2(p.x - step.x, p.y - step.y)
            if abs(step.x) + abs(step.y) < 1e-14 * (1 + abs(p.x) + abs(p.y)) { break }
        }
        let g = f.gradient(p.x, p.y)
        return abs(g.dx) + abs(g.dy) <= tolerance ? p : nil
    }

    /// f on 16 points at `radius` around p, compared with f(p): `noneBelow` when at least 12 are finite and none is
    /// below f(p) (by more than 10⁻¹³ f(p)), `signChanges` the number of sign changes of f − f(p) around the ring
    /// (finite values only): 4 or more at a saddle.
    static func ring(_ f: MathExpression, _ p: Point2, radius r: Double) -> (noneBelow: Bool, signChanges: Int) {
        let centre = f.value(p.x, p.y)
        guard centre.isFinite else { return (false, 0) }
        let tolerance = 1e-13 * abs(centre)
        let d = (0..<16).map { k -> Double in
            let t = Double(k) * Double.pi / 8
            return f.value(p.x + r * Double.cos(t), p.y + r * Double.sin(t)) - centre
        }.filter(\.isFinite)
        let signs = d.filter { abs($0) > tolerance }.map { $0 > 0 }
        let changes = zip(signs, signs.dropFirst() + signs.prefix(1)).filter { $0 != $1 }.count
        return (d.count >= 12 && d.allSatisfy { $0 >= -tolerance }, signs.count > 1 ? changes : 0)
    }

    /// ∇²f at p by central differences of the exact gradient.
    static func hessian(_ f: MathExpression, _ p: Point2) -> (xx: Double, xy: Double, yy: Double) {
        let hx = 1e-6 * max(1, abs(p.x)), hy = 1e-6 * max(1, abs(p.y))
        let gxp = f.gradient(p.x + hx, p.y), gxm = f.gradient(p.x - hx, p.y)
        let gyp = f.gradient(p.x, p.y + hy), gym = f.gradient(p.x, p.y - hy)
        let xy = ((gxp.dy - gxm.dy) / (2 * hx) + (gyp.dx - gym.dx) / (2 * hy)) / 2
        return ((gxp.dx - gxm.dx) / (2 * hx), xy, (gyp.dy - gym.dy) / (2 * hy))
    }
}
