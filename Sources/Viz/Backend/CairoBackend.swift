// Backend: where drawing goes. `DrawingBackend` is the seam between layout and output; the Cairo
// backend writes PNG, SVG and PDF, and the recording backend keeps every primitive with its geometry.

import CCairo
import Platform

/// The Cairo drawing backend: one page of output as a Cairo surface and context, with Pango for text.
///
/// Device units are points (1/72 inch) for every output kind; raster output scales them by
/// `pixelsPerPoint` so that layout is identical in PNG, SVG and PDF. A backend is created, drawn on and
/// finished inside one render call; it owns (and destroys) every Cairo and Pango object it creates.
/// Cairo keeps its first error inside the context, so status is checked at creation and at the end.
final class CairoBackend: DrawingBackend {
    /// What the canvas draws into.
    enum Kind {
        case raster(pixelsPerPoint: Double), svg
        /// A PDF page; `creator` (the program that made it) is stored as the document's Creator.
        case pdf(creator: String?)
        /// Text measurement only (layout without drawing): a 1×1 pixel surface measuring like `raster`.
        case measuring(pixelsPerPoint: Double)
    }

    let size: Size
    let kind: Kind
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let sink: ByteSink?
    private let layout: OpaquePointer
    private let fontOptions: OpaquePointer
    private var fonts: [Font: OpaquePointer] = [:]
    private var metricsCache: [MeasureKey: TextMetrics] = [:]
    private let pixelWidth: Int
    private let pixelHeight: Int

    private struct MeasureKey: Hashable { var text: String; var font: Font }

    /// Whether a raster of `pixels` can be allocated with room left for what drawing and encoding need
    /// after it (Pango's worker threads, libpng's rows). Under a memory limit, an image buffer that
    /// only just fits would let a later allocation fail inside GLib, which aborts the process; a large
    /// buffer is therefore tried first with 256 MB to spare, and refused ("out of memory") without it.
    static func hasHeadroom(forPixels pixels: Int) -> Bool {
        let bytes = pixels * 4
        guard bytes > 64 << 20 else { return true }
        guard let probe = malloc(bytes + (256 << 20)) else { return false }
        free(probe)
        return true
    }

    /// A canvas of `size` points.
    init(size: Size, kind: Kind) throws(VizError) {
        self.size = size
        self.kind = kind
        var sink: ByteSink?
        let surface: OpaquePointer?
        switch kind {
        case let .raster(scale):
            pixelWidth = Int((size.width * scale).rounded())
            pixelHeight = Int((size.height * scale).rounded())
            surface = CairoBackend.hasHeadroom(forPixels: pixelWidth * pixelHeight)
                ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) : nil
        case .svg:
            pixelWidth = 0; pixelHeight = 0
            let s = ByteSink(); sink = s
            surface = cairo_svg_surface_create_for_stream(byteSinkWrite, Unmanaged.passUnretained(s).toOpaque(), size.width, size.height)
            if let surface { cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1) }
        case .measuring:
            pixelWidth = 1; pixelHeight = 1
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        case let .pdf(creator):
            pixelWidth = 0; pixelHeight = 0
            let s = ByteSink(); sink = s
            surface = cairo_pdf_surface_create_for_stream(byteSinkWrite, Unmanaged.passUnretained(s).toOpaque(), size.width, size.height)
            if let surface {
                // Fixed metadata so that the same figure always gives the same bytes.
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
                if let creator { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator) }
            }
        }
        self.sink = sink
        guard let surface else {
            if pixelWidth > 1 { throw VizError.imageTooLarge(width: pixelWidth, height: pixelHeight) }
            throw VizError.cairo(operation: "create a surface", message: "out of memory")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            if status == CAIRO_STATUS_NO_MEMORY, pixelWidth > 1 { throw VizError.imageTooLarge(width: pixelWidth, height: pixelHeight) }
            throw VizError.cairo(operation: "create a surface", message: CairoBackend.message(status))
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw VizError.cairo(operation: "create a context", message: "out of memory")
        }
        self.surface = surface
        self.cr = cr
        if let scale = kind.pixelsPerPoint { cairo_scale(cr, scale, scale) }

        // Unhinted, grey-antialiased text: the same metrics at every size and in every format.
        guard let options = cairo_font_options_create() else {
            cairo_destroy(cr); cairo_surface_destroy(surface)
            throw VizError.cairo(operation: "create font options", message: "out of memory")
        }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        fontOptions = options
        _ = FontDirectories.installed
        guard let layout = pango_cairo_create_layout(cr) else {
            cairo_font_options_destroy(options); cairo_destroy(cr); cairo_surface_destroy(surface)
            throw VizError.cairo(operation: "create a Pango layout", message: "out of memory")
        }
        self.layout = layout
        let context = pango_layout_get_context(layout)
        pango_cairo_context_set_font_options(context, options)
        pango_context_set_round_glyph_positions(context, 0)
        // Shape in an untransformed context: Pango keys its fontconfig match on the size seen through the
        // context matrix, so one fixed matrix means one match per face, whatever the text sizes.
        pango_context_set_matrix(context, nil)
        pango_layout_context_changed(layout)
        let st = cairo_status(cr)
        guard st == CAIRO_STATUS_SUCCESS else { throw VizError.cairo(operation: "create a context", message: CairoBackend.message(st)) }
    }

    /// A raster canvas whose pixels start as a copy of `pixels` (premultiplied ARGB32, `width * 4` bytes a
    /// row, as `Rendered.raster` gives them), for drawing more on an image drawn before.
    convenience init(size: Size, pixelsPerPoint: Double, startingFrom pixels: [UInt8]) throws(VizError) {
        try self.init(size: size, kind: .raster(pixelsPerPoint: pixelsPerPoint))
        try restart(from: pixels)
    }

    /// Replaces every pixel of a raster canvas by `pixels` (as `init(size:pixelsPerPoint:startingFrom:)`
    /// takes them) and clears the clip, so that one canvas draws frame after frame with its text metrics
    /// kept (an animation's legend rows are shaped by Pango once, not once a frame).
    func restart(from pixels: [UInt8]) throws(VizError) {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), stride == pixelWidth * 4, pixels.count == stride * pixelHeight else {
            throw VizError.cairo(operation: "start from an image", message: "the image is not \(pixelWidth)x\(pixelHeight) pixels")
        }
        pixels.withUnsafeBufferPointer { buf in if let b = buf.baseAddress { data.update(from: b, count: buf.count) } }
        cairo_surface_mark_dirty(surface)
        cairo_reset_clip(cr)
        cairo_new_path(cr)
    }

    deinit {
        for (_, d) in fonts { pango_font_description_free(d) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_font_options_destroy(fontOptions)
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    static func message(_ status: cairo_status_t) -> String {
        guard let s = cairo_status_to_string(status) else { return "unknown cairo error" }
        return String(cString: s)
    }

    // MARK: - State

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }
    func translate(_ dx: Double, _ dy: Double) { cairo_translate(cr, dx, dy) }
    func rotate(_ radians: Double) { cairo_rotate(cr, radians) }

    /// Restricts drawing to `rect` until the matching `restore()`.
    func clip(_ rect: Rect) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    /// Paints the whole page.
    func paint(_ color: Color) {
        setSource(color)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
    }

    // MARK: - Paths

    private func setSource(_ c: Color) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }

    private func append(_ path: Path) {
        cairo_new_path(cr)
        for e in path.elements {
            switch e {
            case let .move(p): cairo_move_to(cr, p.x, p.y)
            case let .line(p): cairo_line_to(cr, p.x, p.y)
            case let .curve(c1, c2, p): cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    private func apply(_ s: StrokeStyle) {
        setSource(s.color)
        cairo_set_line_width(cr, s.width)
        switch s.cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch s.join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        if s.dash.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), s.dashOffset) }
        }
    }

    /// Strokes `path` with `style`.
    func stroke(_ path: Path, _ style: StrokeStyle) {
        guard !path.isEmpty, style.width > 0, style.color.a > 0 else { return }
        append(path)
        apply(style)
        cairo_stroke(cr)
    }

    /// Fills `path` (non-zero winding, or even-odd for shapes with holes) with `color`.
    func fill(_ path: Path, _ color: Color, evenOdd: Bool = false) {
        guard !path.isEmpty, color.a > 0 else { return }
        append(path)
        setSource(color)
        cairo_set_fill_rule(cr, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
        cairo_fill(cr)
    }

    // MARK: - Images

    /// Draws an image of `width`×`height` straight-alpha RGBA pixels (row 0 at the top) stretched into `rect`.
    func drawImage(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool) {
        guard width > 0, height > 0, rgba.count >= width * height * 4,
              let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else { return }
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        guard let data = cairo_image_surface_get_data(image) else { return }
        for row in 0..<height {
            // The rebound pointer is used only inside the closure (letting it escape is undefined behaviour).
            data.advanced(by: row * stride).withMemoryRebound(to: UInt32.self, capacity: width) { line in
                for col in 0..<width {
                    let i = (row * width + col) * 4
                    let a = UInt32(rgba[i + 3])
                    let r = (UInt32(rgba[i]) * a + 127) / 255
                    let g = (UInt32(rgba[i + 1]) * a + 127) / 255
                    let b = (UInt32(rgba[i + 2]) * a + 127) / 255
                    line[col] = a << 24 | r << 16 | g << 8 | b
                }
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(cr, image, 0, 0)
        if let pattern = cairo_get_source(cr) {
            cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
            cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        }
        cairo_paint(cr)
        cairo_restore(cr)
    }

    // MARK: - Text

    /// Text is shaped at one reference size per face, in an untransformed Pango context, and scaled by
    /// the Cairo transform when drawn: with hinting off, outlines and advances scale exactly, and Pango
    /// matches each face through fontconfig only once (a match per size and scale costs about 0.5 ms).
    static let referenceSize = 10.0

    private func description(for font: Font) -> OpaquePointer? {
        var key = font
        key.size = CairoBackend.referenceSize
        if let d = fonts[key] { return d }
        // The comma ends the family list, so a family whose last word Pango would read as a style
        // ("Latin Modern Roman") keeps its whole name.
        let spec = font.family + "," + (font.bold ? " Bold" : "") + (font.italic ? " Italic" : "")
        guard let d = pango_font_description_from_string(spec) else { return nil }
        pango_font_description_set_absolute_size(d, CairoBackend.referenceSize * Double(VIZ_PANGO_SCALE))
        fonts[key] = d
        return d
    }

    private func prepare(_ text: String, _ font: Font) {
        pango_layout_set_font_description(layout, description(for: font))
        pango_layout_set_text(layout, text, -1)
    }

    /// The advance width and the ascent/descent of one line of text.
    func measure(_ text: String, font: Font) -> TextMetrics {
        let key = MeasureKey(text: text, font: font)
        if let m = metricsCache[key] { return m }
        let k = font.size / CairoBackend.referenceSize
        prepare(text, font)
        var logical = PangoRectangle(x: 0, y: 0, width: 0, height: 0)
        pango_layout_get_extents(layout, nil, &logical)
        let baseline = Double(pango_layout_get_baseline(layout)) / Double(VIZ_PANGO_SCALE)
        let top = Double(logical.y) / Double(VIZ_PANGO_SCALE)
        let height = Double(logical.height) / Double(VIZ_PANGO_SCALE)
        let m = TextMetrics(width: k * Double(logical.width) / Double(VIZ_PANGO_SCALE), ascent: k * (baseline - top),
                            descent: k * (height - (baseline - top)))
        metricsCache[key] = m
        return m
    }

    /// Draws one line of text with the left end of its baseline at `origin` (in the current transform).
    func drawText(_ text: String, font: Font, color: Color, at origin: Point) {
        let k = font.size / CairoBackend.referenceSize
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        cairo_scale(cr, k, k)
        prepare(text, font)
        let baseline = Double(pango_layout_get_baseline(layout)) / Double(VIZ_PANGO_SCALE)
        setSource(color)
        cairo_move_to(cr, 0, -baseline)
        pango_cairo_show_layout(cr, layout)
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    // MARK: - Output

    /// Finishes the page: the raster pixels (premultiplied ARGB32, `stride` bytes a row) for PNG,
    /// or the complete SVG/PDF document.
    func finish() throws(VizError) -> Rendered {
        cairo_surface_flush(surface)
        let st = cairo_status(cr)
        guard st == CAIRO_STATUS_SUCCESS else { throw VizError.cairo(operation: "draw the figure", message: CairoBackend.message(st)) }
        switch kind {
        case .raster, .measuring:
            guard let data = cairo_image_surface_get_data(surface) else {
                throw VizError.cairo(operation: "read the image", message: "no pixel data")
            }
            let stride = Int(cairo_image_surface_get_stride(surface))
            // The pixels stay owned by the surface: callers use them before the canvas goes away.
            return .raster(argb: UnsafeBufferPointer(start: data, count: stride * pixelHeight), width: pixelWidth,
                           height: pixelHeight, stride: stride)
        case .svg, .pdf:
            cairo_surface_finish(surface)
            let fs = cairo_surface_status(surface)
            guard fs == CAIRO_STATUS_SUCCESS else { throw VizError.cairo(operation: "finish the document", message: CairoBackend.message(fs)) }
            return .document(sink?.bytes ?? [])
        }
    }
}

extension CairoBackend.Kind {
    /// The raster scale, for the kinds that have one.
    var pixelsPerPoint: Double? {
        switch self {
        case let .raster(s), let .measuring(s): s
        case .svg, .pdf: nil
        }
    }
}

/// What a finished canvas holds.
enum Rendered {
    /// Premultiplied ARGB32 pixels owned by the canvas's surface (valid while the canvas lives).
    case raster(argb: UnsafeBufferPointer<UInt8>, width: Int, height: Int, stride: Int)
    case document([UInt8])
}

/// Collects the bytes Cairo writes for a vector document.
final class ByteSink {
    var bytes: [UInt8] = []
}

private let byteSinkWrite: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
