import RealModule

/// Minima that are no isolated points but a curve: (x² + y² − 4)² is 0 on the whole circle r = 2, x² on the
/// line x = 0, sin(x² + y²) is −1 on circles. Newton's method stops at some point of such a curve, where the
/// Hessian is singular along it; each such point had been a minimum of its own (24 stars on the circle, and
/// the learning-rate search measured its runs' distances to those stars, choosing a rate that never got there).
public struct MinimumCurve: Sendable, Hashable {
    /// Points along the curve, about a search-grid cell apart, in order (inside the searched box).
    public var points: [Point2]
    /// f on the curve.
    public var value: Double
}

extension CriticalPoints {
    /// The direction along which the Hessian `h` is singular (its smaller eigenvalue within 10⁻⁶ of the
    /// larger, which is positive), as a unit vector, with the larger eigenvalue; nil otherwise.
    static func valleyDirection(_ h: (xx: Double, xy: Double, yy: Double)) -> (tangent: Point2, curvature: Double)? {
        let half = (h.xx + h.yy) / 2, det = h.xx * h.yy - h.xy * h.xy
        let disc = max(0, half * half - det).squareRoot()
        let big = half + disc, small = half - disc
        guard big > 0, big.isFinite, abs(small) <= 1e-6 * big else { return nil }
        // Eigenvectors of [[xx, xy], [xy, yy]] for `small`: (xy, small − xx) and (small − yy, xy); the longer.
        let a = Point2(h.xy, small - h.xx), b = Point2(small - h.yy, h.xy)
        let v = a.x * a.x + a.y * a.y >= b.x * b.x + b.y * b.y ? a : b
        let n = (v.x * v.x + v.y * v.y).squareRoot()
        guard n > 0 else { return nil }
        return (Point2(v.x / n, v.y / n), big)
    }

    /// The lowest point near `q` along the unit direction `n` (Newton's method on the derivative along n).
    static func valleyFloor(_ f: MathExpression, near q: Point2, across n: Point2) -> Point2 {
        var p = q
        for _ in 0..<8 {
            let g = f.gradient(p.x, p.y), h = hessian(f, p)
            let slope = g.dx * n.x + g.dy * n.y
            let curvature = n.x * n.x * h.xx + 2 * n.x * n.y * h.xy + n.y * n.y * h.yy
            guard slope.isFinite, curvature > 0 else { break }
            let t = slope / curvature
            p = Point2(p.x - t * n.x, p.y - t * n.y)
            if abs(t) < 1e-13 * (1 + abs(p.x) + abs(p.y)) { break }
        }
        return p
    }

    /// The curve of minima through the critical point `p`, followed both ways in steps of `step` (each step
    /// along the curve's tangent, then down to the valley's floor) while f stays at f(p) — to 10⁻⁶ of what it
    /// rises across the valley over one step — and inside `box`, or until it closes; nil when f rises along the
    /// Hessian's singular direction (x⁴ + y² at its minimum is an isolated point) or the curve is under three steps
    /// without leaving the box.
    static func minimumCurve(_ f: MathExpression, through p: Point2, in box: ViewBox, step: Double) -> MinimumCurve? {
        guard let valley = valleyDirection(hessian(f, p)) else { return nil }
        let f0 = f.value(p.x, p.y)
        let tolerance = 1e-6 * 0.5 * valley.curvature * step * step
        let limit = Int(4 * ((box.xmax - box.xmin) + (box.ymax - box.ymin)) / step)
        func inBox(_ q: Point2) -> Bool { q.x >= box.xmin && q.x <= box.xmax && q.y >= box.ymin && q.y <= box.ymax }
        func distance(_ a: Point2, _ b: Point2) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
        var sides: [[Point2]] = [], leftBox = false
        for sign in [1.0, -1.0] {
            var (previous, tangent, points) = (p, Point2(sign * valley.tangent.x, sign * valley.tangent.y), [Point2]())
            while points.count < limit {
                let guess = Point2(previous.x + step * tangent.x, previous.y + step * tangent.y)
                let q = valleyFloor(f, near: guess, across: Point2(-tangent.y, tangent.x))
                let v = f.value(q.x, q.y), d = distance(q, previous)
                if !inBox(q) { leftBox = true }
                guard inBox(q), v.isFinite, abs(v - f0) <= tolerance, d > 0.5 * step, d < 2 * step else { break }
                points.append(q)
                tangent = Point2((q.x - previous.x) / d, (q.y - previous.y) / d)
                previous = q
                if points.count > 3, distance(q, p) < 0.75 * step { return MinimumCurve(points: [p] + points + [p], value: f0) }
            }
            sides.append(points)
        }
        // A short arc across a corner of the box leaves it within a few steps: a curve all the same.
        guard sides[0].count + sides[1].count >= 3 || (leftBox && sides[0].count + sides[1].count >= 1) else { return nil }
        return MinimumCurve(points: sides[1].reversed() + [p] + sides[0], value: f0)
    }

    /// Whether `p` lies within `cell` (each coordinate) of a point of one of `curves`.
    static func lies(_ p: Point2, on curves: [MinimumCurve], cell: (x: Double, y: Double)) -> Bool {
        curves.contains { c in c.points.contains { abs($0.x - p.x) <= cell.x && abs($0.y - p.y) <= cell.y } }
    }
}
