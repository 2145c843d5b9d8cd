/// A backend that draws nothing and keeps every primitive with its page geometry: stroke and fill
/// vertices, image rectangles and text boxes in device points (origin top left, y down), each tagged
/// with the figure element it belongs to. Tests assert geometry through it, and the layout report is
/// read off it. Text is measured by a measuring Cairo surface, so boxes match the drawn output exactly.
public final class RecordingBackend: DrawingBackend {
    /// One primitive, with its vertices already through the current transform.
    public enum Primitive: Sendable {
        /// A stroked path: its vertices (curve control points included) and its style.
        case stroke([Point], StrokeStyle)
        /// A filled path: its vertices and its colour.
        case fill([Point], Color)
        /// An image stretched into an axis-aligned box.
        case image(Rect)
        /// A line of text and its box (axis-aligned bound of the rotated box).
        case text(String, Font, Color, box: Rect)
        /// The whole page painted.
        case paint(Color)

        /// The axis-aligned bound of the primitive, or nil when it has no extent.
        public var bounds: Rect? {
            switch self {
            case let .stroke(pts, _), let .fill(pts, _): Rect.bounding(pts)
            case let .image(r), let .text(_, _, _, r): r
            case .paint: nil
            }
        }
    }

    /// A recorded primitive: what it is, the clip it was drawn under, and its innermost element.
    public struct Record: Sendable {
        /// The path, fill, image, text or paint, with its geometry in device points.
        public var primitive: Primitive
        /// The active clip rectangle (bounding box, in device points), or nil for the whole page.
        public var clip: Rect?
        /// Index into `elements` of the innermost open element, or nil.
        public var element: Int?
        /// For a stroke drawn as data ink: points along its straight segments at most
        /// `RecordingBackend.sampleSpacing` apart (its vertices not repeated), so that a box lying across a
        /// long segment is seen to cover it although no vertex is inside.
        public var segmentSamples: [Point] = []
    }

    /// The spacing of `Record.segmentSamples`, in device points.
    public static let sampleSpacing = 3.0

    /// An element with the primitives drawn while it was open (nested elements' included).
    public struct Element: Sendable {
        /// What the element is (kind, text, panel).
        public var element: FigureElement
        /// The enclosing element's index in `elements`, or nil.
        public var parent: Int?
        /// The union of the bounds of its primitives, or the element's own box when it gave one.
        public var box: Rect?
        /// `records.indices` drawn while the element was open.
        public var records: Range<Int>
    }

    /// `DrawingBackend`: The page size in points.
    public let size: Size
    /// Every primitive in drawing order.
    public private(set) var records: [Record] = []
    /// Every element in the order it was begun; `Record.element` and `Element.parent` index this.
    public private(set) var elements: [Element] = []
    private let measurer: CairoBackend
    private var transform = Affine.identity
    private var clipRect: Rect?
    private var stack: [(Affine, Rect?)] = []
    private var open: [Int] = []

    /// A recorder for a page of `size` points, measuring text as a raster of `pixelsPerPoint` would.
    /// - Throws: `VizError.cairo` when Cairo or Pango cannot make the surface that measures text (out of memory).
    public init(size: Size, pixelsPerPoint: Double = 1) throws(VizError) {
        self.size = size
        measurer = try CairoBackend(size: Size(1, 1), kind: .measuring(pixelsPerPoint: pixelsPerPoint))
    }

    /// `DrawingBackend`: Pushes the transform and clip.
    public func save() { stack.append((transform, clipRect)) }
    /// `DrawingBackend`: Pops the transform and clip pushed by the matching `save()`.
    public func restore() { if let (t, c) = stack.popLast() { transform = t; clipRect = c } }
    /// `DrawingBackend`: Moves the origin by (`dx`, `dy`) points.
    public func translate(_ dx: Double, _ dy: Double) { transform = transform.translated(dx, dy) }
    /// `DrawingBackend`: Rotates the axes by `radians` (clockwise on the page, as Cairo).
    public func rotate(_ radians: Double) { transform = transform.rotated(radians) }
    /// `DrawingBackend`: Restricts drawing to `rect` (in the current transform) until the matching `restore()`.
    public func clip(_ rect: Rect) {
        guard let r = Rect.bounding(rect.corners.map(transform.apply)) else { return }
        clipRect = clipRect.map { $0.intersection(r) } ?? r
    }
    /// `DrawingBackend`: Paints the whole page with `color`.
    public func paint(_ color: Color) { append(.paint(color)) }
    /// `DrawingBackend`: Strokes `path` with `style`.
    public func stroke(_ path: Path, _ style: StrokeStyle) {
        guard !path.isEmpty, style.width > 0, style.color.a > 0 else { return }
        append(.stroke(vertices(path), style))
        if open.contains(where: { elements[$0].element.kind == .dataInk }) { records[records.count - 1].segmentSamples = samples(path) }
    }

    /// Points along the straight segments of `path` (device space), at most `sampleSpacing` apart.
    private func samples(_ path: Path) -> [Point] {
        var out: [Point] = []
        var last: Point?, start: Point?
        func along(_ a: Point, _ b: Point) {
            let d = b - a, n = Int((d.length / Self.sampleSpacing).rounded(.down))
            guard n >= 1, n < 100_000 else { return }
            for k in 1...n { out.append(a + d * (Double(k) / Double(n + 1))) }
        }
        for e in path.elements {
            switch e {
            case let .move(p): last = transform.apply(p); start = last
            case let .line(p):
                let q = transform.apply(p)
                if let a = last { along(a, q) }
                last = q
            case let .curve(_, _, p): last = transform.apply(p)
            case .close:
                if let a = last, let b = start { along(a, b) }
                last = start
            }
        }
        return out
    }
    /// `DrawingBackend`: Fills `path` with `color` (non-zero winding, or even-odd for shapes with holes).
    public func fill(_ path: Path, _ color: Color, evenOdd: Bool) {
        guard !path.isEmpty, color.a > 0 else { return }
        append(.fill(vertices(path), color))
    }
    /// `DrawingBackend`: Draws `width`×`height` straight-alpha RGBA pixels (row 0 on top) stretched into `rect`.
    public func drawImage(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool) {
        guard width > 0, height > 0, let r = Rect.bounding(rect.corners.map(transform.apply)) else { return }
        append(.image(r))
    }
    /// `DrawingBackend`: The advance width, ascent and descent of one line of `text` in `font`, in points.
    public func measure(_ text: String, font: Font) -> TextMetrics { measurer.measure(text, font: font) }
    /// `DrawingBackend`: Draws one line of text with the left end of its baseline at `origin` (in the current
    /// transform).
    public func drawText(_ text: String, font: Font, color: Color, at origin: Point) {
        let m = measure(text, font: font)
        let local = Rect(x: origin.x, y: origin.y - m.ascent, width: m.width, height: m.height)
        guard let box = Rect.bounding(local.corners.map(transform.apply)) else { return }
        append(.text(text, font, color, box: box))
    }

    /// `DrawingBackend`: Starts the primitives of one figure element (nested elements are allowed).
    public func beginElement(_ element: FigureElement) {
        var e = element
        if e.panel == nil, let p = open.last { e.panel = elements[p].element.panel }
        elements.append(Element(element: e, parent: open.last, box: e.box, records: records.count..<records.count))
        open.append(elements.count - 1)
    }

    /// `DrawingBackend`: Ends the element started by the matching `beginElement`.
    public func endElement() {
        guard let k = open.popLast() else { return }
        elements[k].records = elements[k].records.lowerBound..<records.count
        guard elements[k].element.box == nil else { return }
        var box: Rect?
        for r in records[elements[k].records] {
            guard let b = r.primitive.bounds else { continue }
            box = box.map { $0.union(b) } ?? b
        }
        elements[k].box = box
    }

    private func append(_ p: Primitive) { records.append(Record(primitive: p, clip: clipRect, element: open.last)) }

    private func vertices(_ path: Path) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(path.elements.count)
        for e in path.elements {
            switch e {
            case let .move(p), let .line(p): out.append(transform.apply(p))
            case let .curve(a, b, p): out.append(transform.apply(a)); out.append(transform.apply(b)); out.append(transform.apply(p))
            case .close: break
            }
        }
        return out
    }
}

/// A 2-D affine transform (Cairo's matrix: x' = xx·x + xy·y + x0, y' = yx·x + yy·y + y0).
struct Affine: Sendable {
    var xx = 1.0, yx = 0.0, xy = 0.0, yy = 1.0, x0 = 0.0, y0 = 0.0
    static let identity = Affine()
    func apply(_ p: Point) -> Point { Point(xx * p.x + xy * p.y + x0, yx * p.x + yy * p.y + y0) }
    func translated(_ dx: Double, _ dy: Double) -> Affine {
        var t = self
        t.x0 += xx * dx + xy * dy; t.y0 += yx * dx + yy * dy
        return t
    }
    func rotated(_ a: Double) -> Affine {
        let c = Math.cos(a), s = Math.sin(a)
        var t = self
        t.xx = xx * c + xy * s; t.xy = -xx * s + xy * c
        t.yx = yx * c + yy * s; t.yy = -yx * s + yy * c
        return t
    }
}
