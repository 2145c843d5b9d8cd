/// Arrows of a vector field on a coarse grid (a quiver plot): one arrow centred in each cell, lengths
/// scaled so the longest spans 90% of a cell and none overlaps its neighbours.
public struct VectorFieldMark: Mark {
    /// How arrow lengths follow the vector magnitudes.
    public enum Scaling: Sendable, Hashable {
        /// Proportional to |v|.
        case linear
        /// Proportional to log |v| over the range shown (for fields spanning decades, e.g. Rosenbrock).
        case log
        /// All the same length: direction only.
        case uniform
    }

    /// Arrow centres (data space).
    public let anchors: [Point]
    /// Vectors at the anchors (data units; NaN or zero: no arrow).
    public let vectors: [Point]
    /// Cell size in data units.
    public let cell: Size
    /// How arrow lengths follow the vectors' magnitudes.
    public var scaling: Scaling
    /// The arrows' colour; nil: the theme's foreground at 85 % opacity.
    public var color: Color?
    /// Shaft width in points.
    public var lineWidth: Double
    /// A rim drawn under the shafts and heads, 0.75 pt each side (nil: none): a dark rim keeps light arrows
    /// legible over light fills.
    public var halo: Color?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double

    /// Arrows of `vector(x, y)` at the centres of an `nx`×`ny` grid of cells over `x`×`y`.
    /// - Throws: `VizError.invalidValue` when `nx` or `ny` is below 1 or `nx × ny` above 40000, or a range is not finite and
    ///   non-empty.
    public init(x: Interval, y: Interval, nx: Int = 20, ny: Int = 20, scaling: Scaling = .linear,
                color: Color? = nil, lineWidth: Double = 1, zOrder: Double = 0.8,
                vector: @Sendable (Double, Double) -> Point) throws(VizError) {
        guard nx >= 1, ny >= 1, nx * ny <= 40_000 else {
            throw VizError.invalidValue(what: "arrow grid", value: "\(nx)x\(ny)", allowed: "1 to 200 arrows per axis")
        }
        guard x.isFinite, y.isFinite, x.span != 0, y.span != 0 else {
            throw VizError.invalidValue(what: "arrow range", value: "\(x.lower):\(x.upper), \(y.lower):\(y.upper)", allowed: "finite, non-empty ranges")
        }
        let dx = x.span / Double(nx), dy = y.span / Double(ny)
        var a: [Point] = [], v: [Point] = []
        for j in 0..<ny {
            for i in 0..<nx {
                let p = Point(x.lower + (Double(i) + 0.5) * dx, y.lower + (Double(j) + 0.5) * dy)
                a.append(p); v.append(vector(p.x, p.y))
            }
        }
        anchors = a; vectors = v; cell = Size(abs(dx), abs(dy))
        self.scaling = scaling; self.color = color; self.lineWidth = lineWidth; self.zOrder = zOrder
    }

    /// Arrows of −∇f (`descent`, the default) or ∇f, by central differences.
    /// - Throws: What `init(x:y:nx:ny:scaling:color:lineWidth:zOrder:vector:)` throws.
    public static func gradient(of f: @escaping @Sendable (Double, Double) -> Double, x: Interval, y: Interval, nx: Int = 20, ny: Int = 20,
                                descent: Bool = true, scaling: Scaling = .linear,
                                color: Color? = nil) throws(VizError) -> VectorFieldMark {
        let hx = abs(x.span) * 1e-6, hy = abs(y.span) * 1e-6
        let sign = descent ? -1.0 : 1.0
        return try VectorFieldMark(x: x, y: y, nx: nx, ny: ny, scaling: scaling, color: color) { px, py in
            Point(sign * (f(px + hx, py) - f(px - hx, py)) / (2 * hx), sign * (f(px, py + hy) - f(px, py - hy)) / (2 * hy))
        }
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? {
        guard let b = Bounds(points: anchors) else { return nil }
        return Bounds(x: Interval(b.x.lower - cell.width / 2, b.x.upper + cell.width / 2),
                      y: Interval(b.y.lower - cell.height / 2, b.y.upper + cell.height / 2))
    }

    /// Device length of each arrow for a cell of `maxLength` points (0: no arrow).
    func lengths(maxLength: Double) -> [Double] {
        let mags = vectors.map { $0.isFinite ? $0.length : 0 }
        let top = mags.max() ?? 0
        guard top > 0 else { return mags.map { _ in 0 } }
        switch scaling {
        case .linear: return mags.map { maxLength * $0 / top }
        case .uniform: return mags.map { $0 > 0 ? maxLength * 0.8 : 0 }
        case .log:
            let positive = mags.filter { $0 > 0 }
            let low = max(positive.min() ?? top, top * 1e-6)
            guard top > low else { return mags.map { $0 > 0 ? maxLength : 0 } }
            let span = Math.log10(top / low)
            return mags.map { $0 > 0 ? maxLength * (0.2 + 0.8 * Math.log10(max($0, low) / low) / span) : 0 }
        }
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard let a0 = anchors.first else { return }
        let cw = abs(ctx.px(a0.x + cell.width) - ctx.px(a0.x)), ch = abs(ctx.py(a0.y + cell.height) - ctx.py(a0.y))
        let maxLength = 0.9 * min(cw, ch)
        let lens = lengths(maxLength: maxLength)
        var shafts = Path(), heads = Path()
        for (k, a) in anchors.enumerated() where lens[k] > 0.5 {
            let v = vectors[k]
            // Device direction of v: data → device is a scaling (y flipped), so map a small step.
            let c = ctx.point(a)
            let eps = 1e-3 * min(cell.width, cell.height) / max(v.length, 1e-300)
            let d = ctx.point(Point(a.x + v.x * eps, a.y + v.y * eps)) - c
            let n = d.length
            guard n > 0, n.isFinite else { continue }
            let u = d * (1 / n)
            let len = lens[k]
            let tail = c - u * (len / 2), tip = c + u * (len / 2)
            let head = min(len * 0.4, 3.2 + lineWidth * 2)
            shafts.move(to: tail); shafts.line(to: tip - u * (head * 0.8))
            heads.append(Arrowhead.path(tip: tip, direction: u, length: head, width: head * 0.75))
        }
        let ink = color ?? ctx.theme.foreground.withAlpha(0.85)
        if let halo {
            ctx.stroke(shafts, StrokeStyle(color: halo, width: lineWidth + 1.5, cap: .butt))
            ctx.stroke(heads, StrokeStyle(color: halo, width: 1.5, join: .round))
        }
        ctx.stroke(shafts, StrokeStyle(color: ink, width: lineWidth, cap: .butt))
        ctx.fill(heads, ink)
    }
}
