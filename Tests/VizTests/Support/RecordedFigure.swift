import Viz
import XCTest

/// A figure drawn into a `RecordingBackend` (public API only), with what geometry tests ask of it: the
/// plot rectangles, and the strokes, fills and texts of each panel, all in device points (y down).
struct RecordedFigure {
    let recording: RecordingBackend
    /// Each panel's plot rectangle: the box of its plot-area element (inside the frame).
    let plots: [Rect]
    /// The first panel's plot rectangle.
    var plot: Rect { plots[0] }

    init(_ figure: Figure) throws {
        recording = try figure.record()
        plots = recording.elements.filter { $0.element.kind == .plotArea }.compactMap(\.box)
    }

    /// The kinds of the elements `record` is drawn in, innermost first.
    func kinds(of record: RecordingBackend.Record) -> [FigureElement.Kind] {
        var out: [FigureElement.Kind] = [], k = record.element
        while let e = k { out.append(recording.elements[e].element.kind); k = recording.elements[e].parent }
        return out
    }

    /// Records drawn in an element of `kind` (at any depth).
    func records(in kind: FigureElement.Kind) -> [RecordingBackend.Record] {
        recording.records.filter { kinds(of: $0).contains(kind) }
    }

    /// Records drawn in an element of `kind`, or every record when `kind` is nil.
    private func records(_ kind: FigureElement.Kind?) -> [RecordingBackend.Record] {
        kind.map { records(in: $0) } ?? recording.records
    }

    /// The vertices of every fill in `color` (inside an element of `kind`, when given), in drawing order.
    func fills(_ color: Color, in kind: FigureElement.Kind? = nil) -> [[Point]] {
        records(kind).compactMap { if case let .fill(pts, c) = $0.primitive, c == color { pts } else { nil } }
    }

    /// The vertices and style of every stroke (inside an element of `kind`, when given) whose style passes
    /// `test`, in drawing order.
    func strokes(in kind: FigureElement.Kind? = nil, where test: (StrokeStyle) -> Bool = { _ in true }) -> [(points: [Point], style: StrokeStyle)] {
        records(kind).compactMap { if case let .stroke(pts, s) = $0.primitive, test(s) { (pts, s) } else { nil } }
    }

    /// Every line of text drawn (inside an element of `kind`, when given), with its font and box.
    func texts(in kind: FigureElement.Kind? = nil) -> [(text: String, font: Font, box: Rect)] {
        records(kind).compactMap { if case let .text(t, f, _, box) = $0.primitive { (t, f, box) } else { nil } }
    }

    /// The device x of data `x` on a linear axis with limits `lim`, mapped across the first panel's plot
    /// rectangle (an independent mapping: no Viz scale involved).
    func x(_ x: Double, _ lim: Interval) -> Double { plot.minX + (x - lim.lower) / lim.span * plot.width }
    /// The device y of data `y` on a linear axis with limits `lim` (y grows downwards on the page).
    func y(_ y: Double, _ lim: Interval) -> Double { plot.maxY - (y - lim.lower) / lim.span * plot.height }
    /// The device point of data `(x, y)` on linear axes with limits `xs` and `ys`.
    func device(_ x: Double, _ y: Double, xs: Interval, ys: Interval) -> Point { Point(self.x(x, xs), self.y(y, ys)) }
}

extension Figure {
    /// The figure drawn into a `RecordingBackend`.
    func recorded() throws -> RecordedFigure { try RecordedFigure(self) }
}

/// Rectangles from a fill's vertices, four corners each (as `Path(rect:)` gives them).
func rectangles(_ pts: [Point]) -> [Rect] {
    stride(from: 0, to: pts.count - pts.count % 4, by: 4).compactMap { Rect.bounding(Array(pts[$0..<$0 + 4])) }
}

/// Asserts that two rectangles agree to within `accuracy` points on every edge.
func assertRect(_ got: Rect?, _ want: Rect, accuracy: Double, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    guard let got else { return XCTFail("no rectangle, expected \(want) \(message)", file: file, line: line) }
    for (g, w, edge) in [(got.minX, want.minX, "left"), (got.maxX, want.maxX, "right"), (got.minY, want.minY, "top"), (got.maxY, want.maxY, "bottom")] {
        XCTAssertEqual(g, w, accuracy: accuracy, "\(edge) edge: \(message)", file: file, line: line)
    }
}

/// True when `p` is inside the closed polygon `poly` (even-odd rule).
func polygon(_ poly: [Point], contains p: Point) -> Bool {
    var inside = false
    for (a, b) in zip(poly, poly.dropFirst() + poly.prefix(1)) where (a.y > p.y) != (b.y > p.y) {
        if p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
    }
    return inside
}
