/// A scalar field drawn as an image through a colormap: each grid value colours the cell around its
/// sample (`nearest`) or colours are blended between samples (`bilinear`). The image covers exactly the
/// grid's extent; NaN values take the colormap's `bad` colour (transparent by default).
public struct HeatmapMark: Mark {
    /// How colours fill the space between samples.
    public enum Interpolation: Sendable, Hashable { case nearest, bilinear }

    /// The gridded values.
    public var field: ScalarField
    /// Maps normalised values to colours.
    public var colormap: Colormap
    /// Maps values to [0, 1] (linear or log, with limits).
    public var normalization: Normalization
    /// Flat cells or colours blended between samples.
    public var interpolation: Interpolation
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double
    /// Draw every sample's whole cell, half a step past the grid's ends (false, the default: the image is cut at
    /// the first and last samples, so the end cells are half as wide); the axes' limits should then be
    /// `cellBounds`.
    public var wholeCells = false

    /// A heatmap of `field`; the normalisation defaults to `Normalization.automatic` (log when the data
    /// spans more than two decades).
    public init(field: ScalarField, colormap: Colormap = .viridis, normalization: Normalization? = nil,
                interpolation: Interpolation = .nearest, zOrder: Double = 0.5) {
        self.field = field; self.colormap = colormap
        self.normalization = normalization ?? .automatic(for: field)
        self.interpolation = interpolation; self.zOrder = zOrder
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { wholeCells ? cellBounds : field.bounds }

    /// The extent of the samples' whole cells: the grid widened by half a step at each end (a one-sample axis
    /// by half a unit).
    public var cellBounds: Bounds {
        func widened(_ v: [Double]) -> Interval {
            guard let a = v.first, let b = v.last else { return Interval(0, 1) }
            let h = v.count > 1 ? (b - a) / Double(v.count - 1) / 2 : 0.5
            return Interval(a - h, b + h)
        }
        return Bounds(x: widened(field.xs), y: widened(field.ys))
    }

    /// The image: `width`×`height` straight RGBA pixels, row 0 at the largest y, one pixel per sample
    /// (resampled to an even grid first when the field's axes are uneven).
    public func image() -> (rgba: [UInt8], width: Int, height: Int) {
        let f = evenField()
        let nx = f.nx, ny = f.ny
        let lut = colormap.lut()
        let norm = normalization
        let map = colormap
        var out = [UInt8](repeating: 0, count: nx * ny * 4)
        out.withUnsafeMutableBytes { raw in
            let px = raw.bindMemory(to: UInt32.self)
            f.z.withUnsafeBufferPointer { z in
                for j in 0..<ny {
                    let src = j * nx, dst = (ny - 1 - j) * nx
                    for i in 0..<nx { px[dst + i] = map.rgba(norm(z[src + i]), lut: lut).littleEndian }
                }
            }
        }
        return (out, nx, ny)
    }

    /// The field on even axes (itself when already even).
    private func evenField() -> ScalarField {
        guard !field.isUniform(field.xs) || !field.isUniform(field.ys) else { return field }
        let nx = min(max(field.nx * 2, 64), 2048), ny = min(max(field.ny * 2, 64), 2048)
        let xs = FieldSampler.linspace(field.xs[0], field.xs[field.nx - 1], count: nx)
        let ys = FieldSampler.linspace(field.ys[0], field.ys[field.ny - 1], count: ny)
        var z = [Double](repeating: .nan, count: nx * ny)
        for j in 0..<ny {
            for i in 0..<nx {
                switch interpolation {
                case .bilinear: z[j * nx + i] = field.value(at: xs[i], ys[j])
                case .nearest:
                    guard let (a, ta) = ScalarField.locate(xs[i], in: field.xs), let (b, tb) = ScalarField.locate(ys[j], in: field.ys) else { continue }
                    z[j * nx + i] = field[ta < 0.5 ? a : a + 1, tb < 0.5 ? b : b + 1]
                }
            }
        }
        return (try? ScalarField(xs: xs, ys: ys, z: z)) ?? field
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        guard field.finiteRange != nil else {
            FieldNote.draw("no finite values to show", in: ctx)
            return
        }
        let img = image()
        let x0 = field.xs[0], x1 = field.xs[field.nx - 1], y0 = field.ys[0], y1 = field.ys[field.ny - 1]
        // Pixel centres sit on the samples: the image extends half a step past the grid, then is clipped to it.
        let hx = (x1 - x0) / Double(img.width - 1) / 2, hy = (y1 - y0) / Double(img.height - 1) / 2
        let a = ctx.point(Point(x0 - hx, y1 + hy)), b = ctx.point(Point(x1 + hx, y0 - hy))
        let grid = wholeCells ? deviceRect(a, b) : deviceRect(ctx.point(Point(x0, y1)), ctx.point(Point(x1, y0)))
        var rgba = img.rgba
        // Inverted axes: mirror the pixels rather than handing Cairo a negative rectangle.
        if a.x > b.x { rgba = HeatmapMark.mirror(rgba, img.width, img.height, horizontal: true) }
        if a.y > b.y { rgba = HeatmapMark.mirror(rgba, img.width, img.height, horizontal: false) }
        let rect = deviceRect(a, b)
        ctx.clipped(to: grid) {
            ctx.image(rgba: rgba, width: img.width, height: img.height, in: rect, smooth: interpolation == .bilinear)
        }
    }

    private func deviceRect(_ p: Point, _ q: Point) -> Rect {
        Rect(x: min(p.x, q.x), y: min(p.y, q.y), width: abs(q.x - p.x), height: abs(q.y - p.y))
    }

    private static func mirror(_ rgba: [UInt8], _ w: Int, _ h: Int, horizontal: Bool) -> [UInt8] {
        var out = rgba
        for y in 0..<h {
            for x in 0..<w {
                let (sx, sy) = horizontal ? (w - 1 - x, y) : (x, h - 1 - y)
                for c in 0..<4 { out[(y * w + x) * 4 + c] = rgba[(sy * w + sx) * 4 + c] }
            }
        }
        return out
    }
}

/// A short message drawn at the top of the plot when a field mark has nothing to draw ("constant field
/// (z = 0.736): no contours"): fitted to the plot's width (broken into lines, then shrunk to 70 % at
/// most) on a pale box so it reads over any fill, and movable by the layout off the data and other text
/// (the mark returns `box` as its movable text box and draws at the context's `textShift`).
enum FieldNote {
    /// Space between the text and its box, and between the box and the frame (points).
    static let padding = 3.0

    /// The text as drawn: at most the plot's width less the box's margins.
    static func layout(_ text: String, in ctx: PlotContext) -> TextLayout {
        let room = max(ctx.plotRect.width - 4 * padding - 4, 10)
        return TextLayout.fitted(text, font: ctx.theme.noteFont, maxWidth: room, hardLimit: room, floor: 0.7, wrap: true, canvas: ctx.canvas)
    }

    /// The top centre of the text before any shift.
    static func anchor(in ctx: PlotContext) -> Point {
        Point(ctx.plotRect.midX, ctx.plotRect.minY + ctx.theme.noteFont.size * 1.5)
    }

    /// The device box of the note and its pale background, before any shift.
    static func box(_ text: String, in ctx: PlotContext) -> Rect {
        ctx.canvas.box(of: layout(text, in: ctx), at: anchor(in: ctx), anchor: TextAnchor(0.5, .top)).expanded(by: padding)
    }

    static func draw(_ text: String, in ctx: PlotContext) {
        let t = layout(text, in: ctx), p = anchor(in: ctx) + ctx.textShift
        let box = ctx.canvas.box(of: t, at: p, anchor: TextAnchor(0.5, .top)).expanded(by: padding)
        ctx.fill(Path(rect: box), ctx.theme.plotBackground.withAlpha(0.85))
        ctx.canvas.element(FigureElement(.note, text: text)) {
            ctx.canvas.draw(t, at: p, anchor: TextAnchor(0.5, .top), color: ctx.theme.foreground)
        }
    }
}
