/// The visible data-ink vertices of a recorded figure (stroke and fill vertices of data marks, and points
/// every few points along their strokes' straight segments, inside the clip they were drawn under), bucketed in a uniform grid so that counting the vertices inside a
/// box visits only the cells the box overlaps, not every vertex (a spatial hash, as in d3-quadtree's
/// use for hit testing, flattened to fixed cells).
struct InkIndex {
    private let cell: Double
    private let columns: Int
    private let rows: Int
    /// Cell k holds points[starts[k]..<starts[k + 1]] (compressed sparse rows).
    private var starts: [Int]
    private var points: [Point]

    /// Indexes the data ink of `rec` in cells of `cell` points.
    init(_ rec: RecordingBackend, cell: Double) {
        self.cell = cell
        columns = max(1, Int((rec.size.width / cell).rounded(.up)))
        rows = max(1, Int((rec.size.height / cell).rounded(.up)))
        var inkElement = [Bool](repeating: false, count: rec.elements.count)
        for (k, e) in rec.elements.enumerated() {
            // Ink is data ink not inside a text element (a bar's value label is text, not ink).
            inkElement[k] = e.element.kind == .dataInk || (!e.element.kind.isText && e.parent.map { inkElement[$0] } == true)
        }
        var raw: [Point] = []
        for r in rec.records {
            guard let k = r.element, inkElement[k] else { continue }
            switch r.primitive {
            case let .stroke(pts, _), let .fill(pts, _):
                for p in pts where p.x.isFinite && p.y.isFinite && (r.clip?.contains(p) ?? true) { raw.append(p) }
                for p in r.segmentSamples where p.x.isFinite && p.y.isFinite && (r.clip?.contains(p) ?? true) { raw.append(p) }
            default: break
            }
        }
        var counts = [Int](repeating: 0, count: columns * rows + 1)
        let c = cell, cols = columns, rs = rows
        func key(_ p: Point) -> Int {
            let i = Int(min(max(p.x / c, 0), Double(cols - 1))), j = Int(min(max(p.y / c, 0), Double(rs - 1)))
            return j * cols + i
        }
        for p in raw { counts[key(p) + 1] += 1 }
        for k in 1..<counts.count { counts[k] += counts[k - 1] }
        var fill = counts
        var sorted = [Point](repeating: Point(0, 0), count: raw.count)
        for p in raw { let k = key(p); sorted[fill[k]] = p; fill[k] += 1 }
        starts = counts
        points = sorted
    }

    /// The number of indexed vertices within `within` of the segment `a`–`b`.
    func count(near a: Point, _ b: Point, within: Double) -> Int {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return 0 }
        let box = Rect(x: min(a.x, b.x) - within, y: min(a.y, b.y) - within, width: abs(b.x - a.x) + 2 * within, height: abs(b.y - a.y) + 2 * within)
        let d = b - a, l2 = d.x * d.x + d.y * d.y
        return vertices(in: box).filter { p in
            let t = l2 > 0 ? min(1, max(0, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / l2)) : 0
            let q = a + d * t
            return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) <= within * within
        }.count
    }

    /// The number of indexed vertices inside `box` (edges included).
    func count(in box: Rect) -> Int { vertices(in: box).count }

    /// The indexed vertices inside `box` (edges included).
    private func vertices(in box: Rect) -> [Point] {
        guard box.maxX >= 0, box.maxY >= 0, box.minX.isFinite, box.minY.isFinite, box.maxX.isFinite, box.maxY.isFinite else { return [] }
        func cellOf(_ v: Double, _ n: Int) -> Int { Int(min(max(v / cell, 0), Double(n - 1))) }
        let i0 = cellOf(box.minX, columns), i1 = cellOf(box.maxX, columns)
        let j0 = cellOf(box.minY, rows), j1 = cellOf(box.maxY, rows)
        guard i0 <= i1, j0 <= j1 else { return [] }
        var out: [Point] = []
        for j in j0...j1 {
            for i in i0...i1 {
                let k = j * columns + i
                for q in starts[k]..<starts[k + 1] where box.contains(points[q]) { out.append(points[q]) }
            }
        }
        return out
    }
}
