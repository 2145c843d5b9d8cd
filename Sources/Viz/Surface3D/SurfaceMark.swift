/// A static 3-D view of a scalar field z = f(x, y): shaded faces through a colormap, drawn back to front
/// (painter's algorithm over quads), an optional wireframe, paths lifted onto the surface, and a box with
/// ticks and labels on three axes. Where nearer faces hide a path it is still drawn, over the faces,
/// faded and dotted (see `SurfacePathScene`), so a path is never lost behind a ridge.
///
/// The mark draws into the whole plot area; put it in an `Axes.surface3D()` (no 2-D frame, grid or zero
/// lines). Faces are sorted by mean depth; each visible path segment (cut to under half a face) is sorted
/// with them, nudged slightly towards the viewer so it shows on its own face.
public struct SurfaceMark: Mark {
    /// The surface's heights z = f(x, y) on a grid.
    public let field: ScalarField
    /// Colours the faces by height.
    public var colormap: Colormap
    /// Colour normalisation of z (default: automatic, log for fields spanning decades).
    public var normalization: Normalization
    /// Degrees; matplotlib's defaults are −60 and 30.
    public var azimuth: Double
    /// Degrees above the xy plane (matplotlib's `elev`).
    public var elevation: Double
    /// Draw the face edges.
    public var wireframe: Bool
    /// The wireframe's colour; nil: the theme's `outlineColor` at 25 % opacity.
    public var wireColor: Color?
    /// A path on the surface (x, y, z), e.g. a sequence of iterates.
    public var path: [Point3]
    /// How `path` is drawn; nil: the theme's first series colour, 2.2 points wide.
    public var pathStyle: StrokeStyle?
    /// More paths on the surface, each with its own style (several paths on one view); drawn like `path`.
    public var extraPaths: [(points: [Point3], style: StrokeStyle)] = []
    /// The indices of `extraPaths` that go on beyond the box: their last point (on the box's edge) ends in
    /// an arrowhead along the path, not in an end marker.
    public var openEnds: Set<Int> = []
    /// The indices of `extraPaths` that come in from beyond the box: their first point (on the box's edge)
    /// has a hollow arrowhead instead of the start ring.
    public var openStarts: Set<Int> = []
    /// The end marker's shape of each of `extraPaths` by index (a series' legend marker); a circle where none
    /// is given.
    public var endShapes: [Int: MarkerShape] = [:]
    /// The x axis name.
    public var xLabel: String
    /// The y axis name.
    public var yLabel: String
    /// The z axis name.
    public var zLabel: String
    /// Faces per axis at most (the field is subsampled to this).
    public var maxFaces: Int
    /// Height of the box relative to its width.
    public var boxAspect: Double
    /// The z range of the box (nil: the field's finite range); values outside are clamped to it.
    public var zLimits: Interval?
    /// Faces with a corner at or beyond these heights are drawn in `offScaleColor` (a field clamped to a
    /// range shows its cut as pale plateaus, not as the colormap's ends); nil: none.
    public var offScale: (below: Double?, above: Double?) = (nil, nil)
    /// The fill of faces beyond the colour scale; nil: the theme's `offScaleColor`.
    public var offScaleColor: Color?
    /// Draw a path's consecutive visible pieces as one polyline where nothing drawn between them comes near
    /// (see `SurfaceStrokeBatch`) and a face's wire as its seam-closing hairline (see `drawFace`): the
    /// default. False draws every piece and every wire on its own (for comparisons).
    public var joinStrokes = true
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { .tickLabel }

    /// A surface of `field` seen from `azimuth` and `elevation` degrees; colours not given come from the theme.
    /// - Throws: `VizError.invalidValue` for non-finite angles or `maxFaces` outside 1…400.
    public init(field: ScalarField, colormap: Colormap = .viridis, normalization: Normalization? = nil,
                azimuth: Double = -60, elevation: Double = 30, wireframe: Bool = true,
                wireColor: Color? = nil, path: [Point3] = [], pathStyle: StrokeStyle? = nil,
                xLabel: String = "x", yLabel: String = "y", zLabel: String = "z", maxFaces: Int = 48,
                boxAspect: Double = 0.7, zOrder: Double = 1) throws(VizError) {
        guard azimuth.isFinite, elevation.isFinite else {
            throw VizError.invalidValue(what: "view angles", value: "\(azimuth), \(elevation)", allowed: "finite degrees")
        }
        guard maxFaces >= 1, maxFaces <= 400 else {
            throw VizError.invalidValue(what: "faces per axis", value: "\(maxFaces)", allowed: "1 to 400")
        }
        self.field = field; self.colormap = colormap
        self.normalization = normalization ?? .automatic(for: field)
        self.azimuth = azimuth; self.elevation = elevation; self.wireframe = wireframe; self.wireColor = wireColor
        self.path = path; self.pathStyle = pathStyle
        self.xLabel = xLabel; self.yLabel = yLabel; self.zLabel = zLabel
        self.maxFaces = maxFaces; self.boxAspect = boxAspect > 0 && boxAspect.isFinite ? boxAspect : 0.7; self.zOrder = zOrder
    }

    /// Points lifted onto the field (z by bilinear interpolation; NaN outside the grid). Each step is cut
    /// into pieces of at most 1/200 of the grid's width so the path follows the surface between points
    /// instead of cutting through it.
    public static func lift(_ points: [Point], on field: ScalarField) -> [Point3] {
        let b = field.bounds
        let unit = max(abs(b.x.span), abs(b.y.span)) / 200
        var out: [Point3] = []
        for (k, p) in points.enumerated() {
            if k > 0, p.isFinite, points[k - 1].isFinite {
                let a = points[k - 1]
                let n = min(400, Int(((p - a).length / unit).rounded(.up)))
                for m in Swift.stride(from: 1, to: max(n, 1), by: 1) {
                    let q = a + (p - a) * (Double(m) / Double(n))
                    out.append(Point3(q.x, q.y, field.value(at: q.x, q.y)))
                }
            }
            out.append(Point3(p.x, p.y, field.value(at: p.x, p.y)))
        }
        return out
    }

    /// The mark fills the plot area whatever the limits; report a unit box so limits are valid.
    public func dataBounds() -> Bounds? { Bounds(x: Interval(0, 1), y: Interval(0, 1)) }

    /// The z range drawn (the finite range of the field, widened when constant).
    var zRange: Interval {
        if let z = zLimits, z.isFinite, z.lower < z.upper { return z }
        guard let r = field.finiteRange else { return Interval(-1, 1) }
        return r.lower == r.upper ? Interval(r.lower - 1, r.upper + 1) : r
    }

    /// Data → normalised box coordinates ([-1, 1]² × [−aspect, aspect]); z is clamped to the range.
    func normalized(_ p: Point3) -> Point3 {
        let b = field.bounds, zr = zRange
        let z = min(max(p.z, zr.lower), zr.upper)
        return Point3(2 * (p.x - b.x.lower) / b.x.span - 1, 2 * (p.y - b.y.lower) / b.y.span - 1,
                      boxAspect * (2 * (z - zr.lower) / zr.span - 1))
    }

    /// The shaded faces of the subsampled grid (screen corners through `dev`, painter's depth, colour)
    /// and the paths split into visible and hidden pieces, with the colours `theme` gives where the mark
    /// names none.
    func scene(projection proj: Projection3D, dev: (Point3) -> Point, theme: Theme)
        -> (faces: [(depth: Double, corners: [Point], color: Color)], paths: SurfacePathScene) {
        func depth(_ p: Point3) -> Double { proj.project(p).1 }
        let sx = max(1, (field.nx - 1 + maxFaces - 1) / maxFaces), sy = max(1, (field.ny - 1 + maxFaces - 1) / maxFaces)
        let ix = Array(Swift.stride(from: 0, to: field.nx - 1, by: sx)) + [field.nx - 1]
        let iy = Array(Swift.stride(from: 0, to: field.ny - 1, by: sy)) + [field.ny - 1]
        var faces: [(depth: Double, corners: [Point], color: Color)] = []
        let light = (proj.eye * 0.6 + proj.up * 0.6 + proj.right * -0.5)
        let lightDir = light * (1 / light.length)
        // Faces seen from below (their upper side turned away): a path on top of one is hidden by it.
        var underside = [Bool](repeating: false, count: max(0, (ix.count - 1) * (iy.count - 1)))
        for j in 0..<(iy.count - 1) {
            for i in 0..<(ix.count - 1) {
                guard let (ps, pale) = drawnFace(ix[i]...ix[i + 1], iy[j]...iy[j + 1]) else { continue }
                let n = ps.map(normalized)
                let normal = n.count == 4 ? (n[2] - n[0]).cross(n[3] - n[1]) : (n[1] - n[0]).cross(n[2] - n[0])
                // Clearly from below (more than 3° past edge-on), so a face seen edge-on does not flicker.
                underside[j * (ix.count - 1) + i] = normal.dot(proj.eye) * (normal.z < 0 ? -1 : 1) < -0.05 * normal.length
                let nl = normal.length
                let shade = nl > 0 ? 0.62 + 0.38 * abs(normal.dot(lightDir)) / nl : 1
                let zMean = ps.reduce(0) { $0 + $1.z } / Double(ps.count)
                let base = pale ? offScaleColor ?? theme.offScaleColor : colormap.color(at: min(max(normalization(zMean), 0), 1))
                let c = Color(r: base.r * shade, g: base.g * shade, b: base.b * shade)
                let d = n.reduce(0) { $0 + depth($1) } / Double(n.count)
                faces.append((d, n.map(dev), c))
            }
        }
        let faceSize = 2.0 / Double(max(ix.count, iy.count))
        let paths = SurfacePathScene(paths: [(path, pathStyle ?? StrokeStyle(color: theme.color(0), width: 2.2, cap: .round, join: .round), false, false)] + extraPaths.enumerated().map {
            ($1.points, $1.style, openEnds.contains($0), openStarts.contains($0))
        },
                                     normalized: normalized, faceSize: faceSize, dev: dev, depth: depth,
                                     cover: FaceCover(faces: faces.map { ($0.depth, $0.corners) }),
                                     underside: undersideLookup(underside, ix: ix, iy: iy),
                                     endShapes: Dictionary(uniqueKeysWithValues: endShapes.map { ($0.key + 1, $0.value) }))
        return (faces, paths)
    }

    /// Whether the face under a normalised point is seen from below (`flags` per face of the subsampled grid
    /// `ix` × `iy`): from `--elevation -90` a bowl's paths, on its upper side, were drawn as if on top.
    func undersideLookup(_ flags: [Bool], ix: [Int], iy: [Int]) -> (Point3) -> Bool {
        let b = field.bounds
        let u = ix.map { 2 * (field.xs[$0] - b.x.lower) / b.x.span - 1 }, v = iy.map { 2 * (field.ys[$0] - b.y.lower) / b.y.span - 1 }
        func cell(_ edges: [Double], _ t: Double) -> Int? {
            guard edges.count > 1, let lo = edges.first, let hi = edges.last, t >= min(lo, hi), t <= max(lo, hi) else { return nil }
            let k = edges.firstIndex { lo <= hi ? $0 > t : $0 < t } ?? edges.count - 1
            return min(max(k - 1, 0), edges.count - 2)
        }
        return { p in
            guard let i = cell(u, p.x), let j = cell(v, p.y) else { return false }
            return flags.indices.contains(j * (ix.count - 1) + i) && flags[j * (ix.count - 1) + i]
        }
    }

    /// The fraction of the paths' pieces that nearer faces hide (drawn faded and dotted), from 0 to 1;
    /// independent of the figure size (occlusion depends on the view angles only).
    public func hiddenPathFraction() -> Double {
        let proj = Projection3D(azimuth: azimuth, elevation: elevation)
        let paths = scene(projection: proj, dev: { proj.project($0).0 }, theme: .light).paths
        let visible = paths.items.reduce(0) { n, item in if case .segment = item.1 { return n + 1 } else { return n } }
        let hidden = paths.hiddenPieceCount
        return visible + hidden == 0 ? 0 : Double(hidden) / Double(visible + hidden)
    }

    /// The box fitted into the plot: the projection, the device point of a normalised 3-D point, and the
    /// screen centre of the box; nil when the projection is degenerate.
    private func screen(_ ctx: PlotContext) -> (proj: Projection3D, dev: (Point3) -> Point, centre: Point)? {
        let proj = Projection3D(azimuth: azimuth, elevation: elevation)
        let a = boxAspect
        let corners = [-1.0, 1].flatMap { x in [-1.0, 1].flatMap { y in [-a, a].map { z in Point3(x, y, z) } } }
        guard let sb = Bounds(points: corners.map { proj.project($0).0 }) else { return nil }
        let font = ctx.theme.tickFont
        let margin = font.size * 4.2
        var insets = Insets(top: font.size, left: margin, bottom: margin * 1.1, right: margin)
        func fitted(_ i: Insets) -> (dev: (Point3) -> Point, centre: Point) {
            let avail = ctx.plotRect.inset(by: i)
            let bw = max(sb.x.span, 1e-9), bh = max(sb.y.span, 1e-9)
            let s = max(1e-9, min(avail.width / bw, avail.height / bh))
            let cx = avail.midX - (sb.x.lower + sb.x.upper) / 2 * s, cy = avail.midY + (sb.y.lower + sb.y.upper) / 2 * s
            return ({ p in let q = proj.project(p).0; return Point(cx + q.x * s, cy - q.y * s) }, Point(cx, cy))
        }
        var fit = fitted(insets)
        // The tick labels and axis names inside the plot: seen from below (elevation < 0) they are on the box's top
        // side, where the room above was a tick label's height ("4" under the subtitle showed only its lower part).
        for _ in 0..<4 {
            let r = ctx.plotRect
            guard let u = box(proj).textBoxes(ctx, fit.dev, screenCentre: fit.centre).reduce(nil, { (a: Rect?, b: Rect) in a.map { $0.union(b) } ?? b })
            else { break }
            let over = (top: r.minY - u.minY, left: r.minX - u.minX, bottom: u.maxY - r.maxY, right: u.maxX - r.maxX)
            guard max(over.top, over.left, over.bottom, over.right) > 0.5 else { break }
            insets = Insets(top: insets.top + max(0, over.top + 1), left: insets.left + max(0, over.left + 1),
                            bottom: insets.bottom + max(0, over.bottom + 1), right: insets.right + max(0, over.right + 1))
            guard insets.top + insets.bottom < r.height * 0.8, insets.left + insets.right < r.width * 0.8 else { break }
            fit = fitted(insets)
        }
        return (proj, fit.dev, fit.centre)
    }

    private func box(_ proj: Projection3D) -> SurfaceBox {
        SurfaceBox(projection: proj, aspect: boxAspect, field: field, zRange: zRange, xLabel: xLabel, yLabel: yLabel, zLabel: zLabel)
    }

    /// `Mark`: The tick labels and axis names: a legend or note placed in the plot keeps clear of them.
    public func occupiedRects(in ctx: PlotContext) -> [Rect] {
        guard let (proj, dev, centre) = screen(ctx) else { return [] }
        return box(proj).textBoxes(ctx, dev, screenCentre: centre)
    }

    /// `Mark`: Draws the box's back, the faces and paths back to front, then the ticks.
    public func draw(in ctx: PlotContext) {
        guard let (proj, dev, centre) = screen(ctx) else { return }
        let (cx, cy) = (centre.x, centre.y)
        let axes = box(proj)
        axes.drawBack(ctx, dev)

        guard field.finiteRange != nil else {
            FieldNote.draw("no finite values to show", in: ctx)
            axes.drawTicks(ctx, dev, screenCentre: Point(cx, cy))
            return
        }

        let (faces, scene) = scene(projection: proj, dev: dev, theme: ctx.theme)
        var items: [(Double, SurfacePathScene.Item)] = faces.map { ($0.depth, .face($0.corners, $0.color)) } + scene.items
        items.sort { $0.0 < $1.0 }
        let wire = StrokeStyle(color: wireColor ?? ctx.theme.outlineColor.withAlpha(0.25), width: 0.5, join: .round)
        var batch = SurfaceStrokeBatch()
        for (_, item) in items {
            switch item {
            case let .face(pts, c):
                batch.flush(near: .polygon(pts), reach: 0.3, in: ctx)
                drawFace(pts, c, wire: wireframe ? wire : nil, in: ctx)
            case let .segment(a, b, style, path):
                if joinStrokes { batch.add(a, b, style: style, path: path, in: ctx) } else { scene.draw(item, in: ctx) }
            case let .marker(at, _, _, _), let .exit(at, _, _, _):
                // A ring of radius 4 or a shape 11 points across, an arrowhead 11 points long from its tip.
                batch.flush(near: .point(at), reach: 12, in: ctx)
                scene.draw(item, in: ctx)
            }
        }
        batch.flushAll(in: ctx)
        scene.drawHidden(in: ctx)
        axes.drawTicks(ctx, dev, screenCentre: Point(cx, cy))
    }
}

extension SurfaceMark {
    /// One face: its fill, and a hairline of its colour that closes antialiasing seams between neighbours.
    /// With a wireframe the hairline takes the colour the translucent wire makes over the face (the wire
    /// drawn over the hairline composites to exactly that inside the face), so a face is one fill and one
    /// stroke (one SVG element) instead of a fill and two strokes; the line is the hairline's 0.6 points
    /// instead of the wire's 0.5. Faces or wires that are not opaque keep the separate wire stroke.
    func drawFace(_ pts: [Point], _ c: Color, wire: StrokeStyle?, in ctx: PlotContext) {
        let poly = Path(polygon: pts)
        ctx.fill(poly, c)
        guard let wire else {
            ctx.stroke(poly, StrokeStyle(color: c, width: 0.6, join: .round))
            return
        }
        if joinStrokes, c.a == 1, wire.dash.isEmpty {
            ctx.stroke(poly, StrokeStyle(color: c.mixed(with: wire.color.withAlpha(1), wire.color.a), width: 0.6, join: .round))
        } else {
            ctx.stroke(poly, StrokeStyle(color: c, width: 0.6, join: .round))
            ctx.stroke(poly, wire)
        }
    }
}

extension Axes {
    /// An axes for a 3-D mark: no 2-D frame, ticks, grid or zero lines, and no padding.
    public static func surface3D(title: String? = nil) -> Axes {
        var a = Axes(title: title)
        a.showAxes = false; a.grid = false; a.zeroLines = false; a.xPadding = 0; a.yPadding = 0
        a.legend = .none
        return a
    }
}
