/// Streamlines of a vector field: curves everywhere tangent to it, from evenly spaced seeds.
///
/// Integration is RK4 on the unit-speed direction field in coordinates normalised to the view box (so a
/// step is the same fraction of the box on both axes). A line grows both ways from its seed and stops at
/// the boundary, at NaN or a vanishing vector, when it enters a cell of the occupancy grid already taken by
/// another line, or after a maximum length; lines shorter than two cells are dropped. Each line carries an
/// arrowhead at its middle pointing downstream.
public struct StreamlineMark: Mark {
    /// The lines in data space.
    public let lines: [[Point]]
    /// The lines' colour; nil: the theme's foreground at 70 % opacity.
    public var color: Color?
    /// Line width in points.
    public var lineWidth: Double
    /// A rim drawn under the lines and heads, 0.75 pt each side (nil: none): a dark rim keeps light lines
    /// legible over light fills.
    public var halo: Color?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double

    /// Streamlines of `vector` over `x`×`y`; `density` is the number of occupancy cells per axis (about
    /// the number of lines across the view).
    /// - Throws: `VizError.invalidValue` when `density` is not 2…200 or a range is not finite and non-empty.
    public init(x: Interval, y: Interval, density: Int = 24, color: Color? = nil,
                lineWidth: Double = 0.9, zOrder: Double = 1.5, vector: @Sendable (Double, Double) -> Point) throws(VizError) {
        guard density >= 2, density <= 200 else {
            throw VizError.invalidValue(what: "streamline density", value: "\(density)", allowed: "2 to 200")
        }
        guard x.isFinite, y.isFinite, x.span != 0, y.span != 0 else {
            throw VizError.invalidValue(what: "streamline range", value: "\(x.lower):\(x.upper), \(y.lower):\(y.upper)", allowed: "finite, non-empty ranges")
        }
        let n = density
        var owner = [Int](repeating: -1, count: n * n)
        // Direction in normalised coordinates u = (x − x0)/span.
        func dir(_ u: Point) -> Point? {
            let v = vector(x.lower + u.x * x.span, y.lower + u.y * y.span)
            let w = Point(v.x / x.span, v.y / y.span)
            let l = w.length
            guard l.isFinite, l > 1e-12 else { return nil }
            return w * (1 / l)
        }
        func cellOf(_ u: Point) -> Int? {
            guard u.x >= 0, u.x <= 1, u.y >= 0, u.y <= 1 else { return nil }
            let i = min(n - 1, Int(u.x * Double(n))), j = min(n - 1, Int(u.y * Double(n)))
            return j * n + i
        }
        let h = 0.25 / Double(n)
        func trace(_ seed: Point, sign: Double, id: Int) -> [Point] {
            var out: [Point] = []
            var p = seed
            let maxSteps = 8 * n * 4
            for _ in 0..<maxSteps {
                guard let k1 = dir(p) else { break }
                guard let k2 = dir(p + k1 * (sign * h / 2)) else { break }
                guard let k3 = dir(p + k2 * (sign * h / 2)) else { break }
                guard let k4 = dir(p + k3 * (sign * h)) else { break }
                let step = (k1 + k2 * 2 + k3 * 2 + k4) * (sign * h / 6)
                let q = p + step
                guard let c = cellOf(q) else { break }
                if owner[c] >= 0 && owner[c] != id { break }
                // Stop at a closed orbit or a sink: back near the seed, or no progress.
                if out.count > 8, (q - seed).length < h * 0.8 { out.append(q); break }
                if step.length < h * 0.01 { break }
                owner[c] = id
                out.append(q)
                p = q
            }
            return out
        }
        var result: [[Point]] = []
        // Seeds at cell centres, visited from the middle outwards so the central structure is drawn first.
        var seeds: [Point] = []
        for j in 0..<n { for i in 0..<n { seeds.append(Point((Double(i) + 0.5) / Double(n), (Double(j) + 0.5) / Double(n))) } }
        seeds.sort { ($0 - Point(0.5, 0.5)).length < ($1 - Point(0.5, 0.5)).length }
        for (id, s) in seeds.enumerated() {
            guard let c = cellOf(s), owner[c] < 0, dir(s) != nil else { continue }
            owner[c] = id
            let back = trace(s, sign: -1, id: id), fwd = trace(s, sign: 1, id: id)
            let line = back.reversed() + [s] + fwd
            let length = zip(line, line.dropFirst()).reduce(0.0) { $0 + ($1.1 - $1.0).length }
            if length < 2.0 / Double(n) {
                // Too short: release its cells.
                for k in owner.indices where owner[k] == id { owner[k] = -1 }
                owner[c] = -2
                continue
            }
            result.append(line.map { Point(x.lower + $0.x * x.span, y.lower + $0.y * y.span) })
        }
        lines = result
        self.color = color; self.lineWidth = lineWidth; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { Bounds(points: lines.flatMap { $0 }) }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        var path = Path(), heads = Path()
        for line in lines {
            let d = line.map(ctx.point)
            path.append(Path(polyline: d))
            guard d.count >= 3 else { continue }
            let m = d.count / 2
            let dir = d[m + 1] - d[m - 1]
            let size = 3 + lineWidth * 2.2
            heads.append(Arrowhead.path(tip: d[m] + dir * (0.5 * size / max(dir.length, 1e-9)), direction: dir, length: size, width: size * 0.8))
        }
        let ink = color ?? ctx.theme.foreground.withAlpha(0.7)
        if let halo {
            ctx.stroke(path, StrokeStyle(color: halo, width: lineWidth + 1.5, join: .round))
            ctx.stroke(heads, StrokeStyle(color: halo, width: 1.5, join: .round))
        }
        ctx.stroke(path, StrokeStyle(color: ink, width: lineWidth, join: .round))
        ctx.fill(heads, ink)
    }
}
