/// How fast a typed surface oscillates: the shortest period of its gradient along x or y, measured by
/// counting sign changes of ∂f/∂x along 5 rows and of ∂f/∂y along 5 columns of a box, 961 samples each
/// (two sign changes per period). A grid resolves f when its step is well under that period; a coarser
/// one aliases (sin(50x) sampled every 0.1 shows a slow zig-zag that is not the function).
public enum Oscillation {
    /// The shortest period (in the box's units) of ∂f/∂x along x or ∂f/∂y along y, or nil when the
    /// derivative changes sign at most a few times along every row and column (no oscillation worth
    /// the name: a polynomial, a bowl, Himmelblau).
    public static func shortestPeriod(_ f: MathExpression, in box: ViewBox, samples m: Int = 961) -> Double? {
        let width = box.xmax - box.xmin, height = box.ymax - box.ymin
        guard width > 0, height > 0, width.isFinite, height.isFinite else { return nil }
        var shortest: Double?
        for k in 0..<5 {
            let t = (Double(k) + 0.5) / 5
            // A row at height y (∂f/∂x along x), then a column at x (∂f/∂y along y).
            for alongX in [true, false] {
                var xs: [Double] = [], ys: [Double] = []
                for i in 0..<m {
                    let u = Double(i) / Double(m - 1)
                    xs.append(alongX ? box.xmin + u * width : box.xmin + t * width)
                    ys.append(alongX ? box.ymin + t * height : box.ymin + u * height)
                }
                var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
                f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
                let g = alongX ? gx : gy
                var changes = 0, last = 0.0
                for d in g where d.isFinite && d != 0 {
                    if last != 0, (d > 0) != (last > 0) { changes += 1 }
                    last = d
                }
                guard changes >= 8 else { continue }
                let period = 2 * (alongX ? width : height) / Double(changes)
                shortest = min(shortest ?? .infinity, period)
            }
        }
        return shortest
    }
}
