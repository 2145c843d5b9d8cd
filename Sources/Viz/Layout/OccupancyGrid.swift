/// Which parts of a plot hold data ink, as a grid of small cells over device space: curves are
/// rasterised segment by segment into the cells they pass through, so asking whether a box is free visits
/// only the cells under the box (no test against every vertex). Used to move notes off the data.
struct OccupancyGrid {
    let origin: Point
    let cell: Double
    let columns: Int
    let rows: Int
    private var cells: [Bool]

    /// An empty grid over `rect` with cells of `cell` points.
    init(over rect: Rect, cell: Double) {
        origin = Point(rect.minX, rect.minY)
        self.cell = cell
        columns = max(1, Int((rect.width / cell).rounded(.up)))
        rows = max(1, Int((rect.height / cell).rounded(.up)))
        cells = [Bool](repeating: false, count: columns * rows)
    }

    private func index(_ p: Point) -> (Int, Int) {
        // Clamped to one cell beyond the grid before conversion: far-away points cannot overflow Int.
        func clamp(_ v: Double, _ n: Int) -> Int { v.isNaN ? -1 : Int(min(max(v.rounded(.down), -1), Double(n))) }
        return (clamp((p.x - origin.x) / cell, columns), clamp((p.y - origin.y) / cell, rows))
    }

    /// Marks the cell under `p` (points outside the grid are ignored).
    mutating func mark(_ p: Point) {
        guard p.x.isFinite, p.y.isFinite else { return }
        let (i, j) = index(p)
        guard i >= 0, j >= 0, i < columns, j < rows else { return }
        cells[j * columns + i] = true
    }

    /// Marks the cells along a polyline of device points; jumps longer than `maxGap` are not joined.
    mutating func mark(polyline pts: [Point], maxGap: Double) {
        var previous: Point?
        for p in pts {
            guard p.x.isFinite, p.y.isFinite else { previous = nil; continue }
            mark(p)
            if let q = previous {
                let d = max(abs(p.x - q.x), abs(p.y - q.y))
                if d > cell, d <= maxGap {
                    let n = Int((d / (cell * 0.5)).rounded(.up))
                    for k in 1..<n { let t = Double(k) / Double(n); mark(Point(q.x + (p.x - q.x) * t, q.y + (p.y - q.y) * t)) }
                }
            }
            previous = p
        }
    }

    /// The number of marked cells a box overlaps.
    func count(in box: Rect) -> Int {
        let (i0, j0) = index(Point(box.minX, box.minY)), (i1, j1) = index(Point(box.maxX, box.maxY))
        let a = max(0, i0), b = min(columns - 1, i1), c = max(0, j0), d = min(rows - 1, j1)
        guard a <= b, c <= d else { return 0 }
        var n = 0
        for j in c...d { for i in a...b where cells[j * columns + i] { n += 1 } }
        return n
    }
}
