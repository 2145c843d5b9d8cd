import Synchronization

/// Draws the frames of an `Animation` as raster images: the background once, then each frame as a copy of
/// it with the moving layer drawn over. Frames may be drawn on several threads at once (each on its own
/// canvas); a frame's pixels depend only on its index, never on the thread or the order.
///
/// Canvases are kept for the next frame (a pool, one a thread at most): a frame restarts a canvas from the
/// background instead of making a new one, so its text metrics (Pango's shaping of the legend's rows) carry
/// over, and no new image memory is touched.
public final class AnimationRenderer: Sendable {
    /// The animation drawn.
    public let animation: Animation
    /// Width and height of every frame in pixels.
    public let width: Int
    /// Height of every frame in pixels.
    public let height: Int
    private let final: Figure
    private let layout: FigureLayout
    private let background: [UInt8]
    private let movingFrom: [Int]
    private let scale: Double
    private let texts: FrameTexts
    private let canvases = Mutex<[CanvasBox]>([])

    /// Lays out the last frame and draws the background.
    /// - Throws: `VizError` when the figure cannot be laid out or drawn (too small a page, bad data).
    public init(_ given: Animation) throws(VizError) {
        let animation = given.withLastFrameLegends()
        self.animation = animation
        final = animation.lastFrame
        scale = final.dpi / 72
        movingFrom = animation.still.panels.map(\.axes.marks.count)
        let canvas = try CairoBackend(size: final.size, kind: .raster(pixelsPerPoint: scale))
        layout = try FigureRenderer(figure: final, canvas: canvas, resolution: scale).layout()
        texts = FrameTexts(animation, layout: layout, canvas: canvas)
        PanelDrawing(figure: final, canvas: canvas, resolution: scale, layers: .background(below: animation.stillBelow),
                     titlesMove: animation.titlesMove).draw(texts.background(layout))
        (background, width, height) = try AnimationRenderer.pixels(of: canvas)
    }

    /// The pixels of frame `k`: premultiplied ARGB32 words in native byte order (blue, green, red, alpha in
    /// memory on little-endian machines), `width * 4` bytes a row, top row first.
    /// - Throws: `VizError.cairo` when Cairo cannot make or restart the frame's canvas (out of memory).
    public func frame(_ k: Int) throws(VizError) -> [UInt8] {
        try drawing(k) { (canvas) throws(VizError) in try AnimationRenderer.pixels(of: canvas).0 }
    }

    /// The pixels of frame `k` as native 32-bit words (premultiplied ARGB), `width` a row, top row first.
    /// - Throws: `VizError.cairo` when Cairo cannot make or restart the frame's canvas (out of memory).
    public func frameWords(_ k: Int) throws(VizError) -> [UInt32] {
        try drawing(k) { (canvas) throws(VizError) -> [UInt32] in
            guard case let .raster(argb, w, h, stride) = try canvas.finish(), stride == w * 4, let base = argb.baseAddress else {
                throw VizError.cairo(operation: "draw a frame", message: "not a packed raster canvas")
            }
            return base.withMemoryRebound(to: UInt32.self, capacity: w * h) { Array(UnsafeBufferPointer(start: $0, count: w * h)) }
        }
    }

    /// Frame `k` as `palette` indices (see `IndexedPalette.indices(of:reference:referenceIndices:)`), mapped
    /// from the canvas's own pixels without copying them.
    /// - Throws: `VizError.cairo` when Cairo cannot make or restart the frame's canvas (out of memory).
    public func frameIndices(_ k: Int, palette: IndexedPalette, reference: [UInt32], referenceIndices: [UInt8]) throws(VizError) -> [UInt8] {
        try drawing(k) { (canvas) throws(VizError) -> [UInt8] in
            guard case let .raster(argb, w, h, stride) = try canvas.finish(), stride == w * 4, let base = argb.baseAddress else {
                throw VizError.cairo(operation: "draw a frame", message: "not a packed raster canvas")
            }
            return base.withMemoryRebound(to: UInt32.self, capacity: w * h) {
                palette.indices(of: UnsafeBufferPointer(start: $0, count: w * h), reference: reference, referenceIndices: referenceIndices)
            }
        }
    }

    /// Draws frame `k` on a canvas from the pool (or a new one) and reads it with `read`.
    private func drawing<T>(_ k: Int, _ read: (CairoBackend) throws(VizError) -> T) throws(VizError) -> T {
        let box = canvases.withLock { $0.popLast() }
        let canvas: CairoBackend
        if let box { canvas = box.canvas; try canvas.restart(from: background) } else {
            canvas = try CairoBackend(size: final.size, pixelsPerPoint: scale, startingFrom: background)
        }
        PanelDrawing(figure: final, canvas: canvas, resolution: scale,
                     layers: .overlay(from: animation.stillBelow, movingFrom: movingFrom), titlesMove: animation.titlesMove)
            .draw(AnimationRenderer.frameLayout(animation, final: final, layout: layout, frame: k, canvas: canvas, texts: texts))
        let out = try withExtendedLifetime(canvas) { () throws(VizError) -> T in try read(canvas) }
        let back = CanvasBox(canvas)
        canvases.withLock { $0.append(back) }
        return out
    }

    /// The last frame's layout with frame `k`'s moving marks, legends rebuilt for their texts (at the last
    /// frame's places and sizes of type; a box widened for wider rows, drawn smaller only past the page), and
    /// as page texts only the moving footnote lines the frame shows (see `FrameTexts`).
    static func frameLayout(_ animation: Animation, final: Figure, layout: FigureLayout, frame k: Int,
                            canvas: any DrawingBackend, texts: FrameTexts) -> FigureLayout {
        var l = layout
        let moving = animation.moving(k)
        l.texts = texts.frameTexts(layout, moving: moving)
        let theme = final.theme
        let titles = animation.panelTitles?(k)
        for p in l.panels.indices {
            var axes = animation.still.panels[p].axes
            if moving.indices.contains(p) { axes.add(contentsOf: moving[p]) }
            MovedNoteMark.applying(layout, panel: p, to: &axes)
            // A frame's own title, fitted to the plot's width (the last frame keeps the still figure's).
            if let titles, titles.indices.contains(p), titles[p] != axes.title {
                axes.title = titles[p]
                let width = l.axes[p].plotRect.width
                l.axes[p].title = titles[p]
                l.axes[p].titleCenterX = nil
                l.axes[p].titleLayout = titles[p].map {
                    TextLayout.fitted($0, font: theme.titleFont, maxWidth: width, hardLimit: width, canvas: canvas)
                }
            }
            l.panels[p].axes = axes
            guard let old = l.axes[p].legend else { continue }
            let given = axes.marks.flatMap { $0.legendEntries(theme: theme) }
            let entries = old.wrap.map { w in LegendLayout.wrapping(given, width: w * old.font.size / theme.legendFont.size) {
                TextLayout.make($0, font: old.font, canvas: canvas).width
            } } ?? (old.joined ? LegendLayout.joiningFirstLines(given) : given)
            if entries.map(\.label) == old.entries.map(\.label) { continue }
            guard !entries.isEmpty else { l.axes[p].legend = nil; continue }
            var legend = LegendLayout(entries: given, theme: theme, canvas: canvas, maxHeight: old.size.height + old.rowHeight / 2,
                                      maxWidth: .infinity, scale: old.font.size / theme.legendFont.size, joined: old.joined,
                                      split: old.split, wrap: old.wrap, reserve: axes.legendReserve)
            // Wider than the page leaves it (a legend not laid out for every frame's rows, on a page too small
            // for that): a little smaller, to the legend's floor; below the floor only where the floor would
            // still cut the box at the page's edge (its rows lost mid-word), never off the page.
            let room = final.size.width - (l.axes[p].legendOrigin?.x ?? 0) - old.font.size * 0.3
            for floor in [LegendPlacer.minimumScale, 0] where legend.size.width > room + 0.5 && room > 0 {
                let scale = legend.font.size / theme.legendFont.size * max(floor, room / legend.size.width)
                legend = LegendLayout(entries: given, theme: theme, canvas: canvas, maxHeight: old.size.height + old.rowHeight / 2,
                                      maxWidth: .infinity, scale: scale, joined: old.joined, split: old.split, wrap: old.wrap)
            }
            // Never narrower than the last frame's box: the box keeps its edges while the numbers change.
            legend.size.width = max(legend.size.width, old.size.width)
            l.axes[p].legend = legend
        }
        return l
    }

    private static func pixels(of canvas: CairoBackend) throws(VizError) -> ([UInt8], Int, Int) {
        try withExtendedLifetime(canvas) { () throws(VizError) -> ([UInt8], Int, Int) in
            guard case let .raster(argb, w, h, stride) = try canvas.finish() else {
                throw VizError.cairo(operation: "draw a frame", message: "not a raster canvas")
            }
            if stride == w * 4 { return (Array(argb), w, h) }
            var out = [UInt8](repeating: 0, count: w * h * 4)
            for y in 0..<h { for x in 0..<(w * 4) { out[y * w * 4 + x] = argb[y * stride + x] } }
            return (out, w, h)
        }
    }
}

/// A canvas handed from thread to thread through the renderer's pool: only one thread draws on it at a time
/// (it is out of the pool while it draws).
private final class CanvasBox: @unchecked Sendable {
    let canvas: CairoBackend
    init(_ canvas: CairoBackend) { self.canvas = canvas }
}
