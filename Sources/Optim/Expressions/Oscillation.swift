/// How fast a typed surface oscillates: the shortest period of its gradient along x or y, measured by
/// counting sign changes of ∂f/∂x along 5 rows and of ∂f/∂y along 5 columns of a box (two sign changes
/// per period). A grid resolves f when its step is well under that period; a coarser one aliases (sin(50x)
/// sampled every 0.1 shows a slow zig-zag that is not the function).
///
/// The count is trusted only when two samplings of different spacing (961 and 1317 samples) give the same
/// period within 10 % and neither has more than one sign change in four samples: otherwise the samples
/// alias (sin x across [0, 10⁴] sampled every 10.4 read as "period ≈ 30") and the count is repeated on
/// the middle quarter of the row, and so on, until it is resolved.
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
                let line = Line(f: f, alongX: alongX, across: alongX ? box.ymin + t * height : box.xmin + t * width)
                guard let period = line.period(from: alongX ? box.xmin : box.ymin, length: alongX ? width : height, samples: m)
                else { continue }
                shortest = min(shortest ?? .infinity, period)
            }
        }
        return shortest
    }

    /// The period of a function of x on [start, start + length] from the sign changes of its derivative `g`
    /// (two per period), zooming on the middle quarter while the samples alias; nil when `g` changes sign only
    /// a few times or no steady period shows. sin(x) across ±10⁴ sampled once a pixel column read as
    /// "period down to 5.2"; this gives 2π.
    public static func period(ofDerivative g: (Double) -> Double, from start: Double, length: Double, samples m: Int = 961) -> Double? {
        zoomedPeriod(from: start, length: length, samples: m) { lo, length, m in
            var count = 0, last = 0.0
            for i in 0..<m {
                let d = g(lo + Double(i) / Double(m - 1) * length)
                guard d.isFinite, d != 0 else { continue }
                if last != 0, (d > 0) != (last > 0) { count += 1 }
                last = d
            }
            return count
        }
    }

    /// The period from `changes(lo, length, m)` (sign changes at m samples of [lo, lo + length]), trusted when
    /// m and 1.37·m samples agree within 10 % and neither has more than one change in four samples; else
    /// the middle quarter is measured, and so on.
    static func zoomedPeriod(from start: Double, length full: Double, samples m: Int,
                             changes: (Double, Double, Int) -> Int) -> Double? {
        let m2 = m * 137 / 100
        var (lo, length) = (start, full)
        for _ in 0..<40 {
            let (c1, c2) = (changes(lo, length, m), changes(lo, length, m2))
            // A few changes at the first look: no oscillation; after zooming in, no steady one to measure.
            guard c1 >= 8, c2 >= 8 else { return nil }
            let (p1, p2) = (2 * length / Double(c1), 2 * length / Double(c2))
            if c1 <= m / 4, c2 <= m2 / 4, abs(p1 - p2) <= 0.1 * max(p1, p2) { return min(p1, p2) }
            lo += length * 3 / 8
            length /= 4
            guard length > 0, length.ulp < length * 1e-9 else { return nil }
        }
        return nil
    }

    /// One row (or column) of the box.
    private struct Line {
        let f: MathExpression
        let alongX: Bool
        let across: Double

        /// Sign changes of the derivative along the line on [lo, lo + length] at m samples.
        func changes(_ lo: Double, _ length: Double, _ m: Int) -> Int {
            var xs: [Double] = [], ys: [Double] = []
            xs.reserveCapacity(m); ys.reserveCapacity(m)
            for i in 0..<m {
                let s = lo + Double(i) / Double(m - 1) * length
                xs.append(alongX ? s : across)
                ys.append(alongX ? across : s)
            }
            var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
            f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
            var count = 0, last = 0.0
            for d in alongX ? gx : gy where d.isFinite && d != 0 {
                if last != 0, (d > 0) != (last > 0) { count += 1 }
                last = d
            }
            return count
        }

        /// The period on the segment, zooming on its middle quarter while the samples alias.
        func period(from start: Double, length full: Double, samples m: Int) -> Double? {
            Oscillation.zoomedPeriod(from: start, length: full, samples: m) { changes($0, $1, $2) }
        }
    }
}
