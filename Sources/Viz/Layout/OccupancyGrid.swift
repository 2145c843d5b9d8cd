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

    /// Marks the cells along a polyline of device points; jumps longer than `maxGap` inside the grid
    /// are not joined. A segment is measured by its part inside the grid, so a curve that leaves the
    /// plot steeply (towards a pole, or a run's step out of view) marks the stretch it draws.
    mutating func mark(polyline pts: [Point], maxGap: Double) {
        var previous: Point?
        for p in pts {
            guard p.x.isFinite, p.y.isFinite else { previous = nil; continue }
            mark(p)
            if let q = previous, let (a, b) = clipped(q, p) {
                let d = max(abs(b.x - a.x), abs(b.y - a.y))
                if d > cell * 0.5, d <= maxGap {
                    let n = Int((d / (cell * 0.5)).rounded(.up))
                    for k in 0...n { let t = Double(k) / Double(n); mark(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)) }
                }
            }
            previous = p
        }
    }

    /// The part of the segment q–p inside the grid grown by `margin` on every side (Liang–Barsky), or
    /// nil when none is.
    private func clipped(_ q: Point, _ p: Point, margin: Double = 0) -> (Point, Point)? {
        let (x0, y0) = (origin.x - margin, origin.y - margin)
        let (x1, y1) = (origin.x + Double(columns) * cell + margin, origin.y + Double(rows) * cell + margin)
        let dx = p.x - q.x, dy = p.y - q.y
        var t0 = 0.0, t1 = 1.0
        for (pk, qk) in [(-dx, q.x - x0), (dx, x1 - q.x), (-dy, q.y - y0), (dy, y1 - q.y)] {
            if pk == 0 {
                if qk < 0 { return nil }
            } else {
                let t = qk / pk
                if pk < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return nil }
            }
        }
        return (Point(q.x + dx * t0, q.y + dy * t0), Point(q.x + dx * t1, q.y + dy * t1))
    }

    /// Marks the cells a disc of `radius` around `center` touches (a marker's ink).
    mutating func mark(disc center: Point, radius: Double) {
        guard center.x.isFinite, center.y.isFinite, radius > 0 else { return }
        let (i0, j0) = index(Point(center.x - radius, center.y - radius)), (i1, j1) = index(Point(center.x + radius, center.y + radius))
        let a = max(0, i0), b = min(columns - 1, i1), c = max(0, j0), d = min(rows - 1, j1)
        guard a <= b, c <= d else { return }
        let reach = radius + cell * 0.7072
        for j in c...d {
            for i in a...b {
                let cx = origin.x + (Double(i) + 0.5) * cell, cy = origin.y + (Double(j) + 0.5) * cell
                if (cx - center.x) * (cx - center.x) + (cy - center.y) * (cy - center.y) <= reach * reach { cells[j * columns + i] = true }
            }
        }
    }

    /// Marks the ink of a mark's points: the polyline through them (see `mark(polyline:maxGap:)`) and, for
    /// markers, a disc of their radius around each.
    mutating func mark(ink points: [Point], radius: Double, maxGap: Double) {
        mark(polyline: points, maxGap: maxGap)
        if radius > cell * 0.5 { for p in points { mark(disc: p, radius: radius) } }
    }

    /// The number of marked cells within about `within` of the segment `a`–`b` (sampled every half cell along
    /// it and on either side), each counted once.
    func count(along start: Point, _ end: Point, within: Double) -> Int {
        guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return 0 }
        // Only the part within `within` of the grid can count: a leader to a point far off the page
        // (a run's end at 10³⁰⁰) is sampled there, never along its whole length.
        guard let (a, b) = clipped(start, end, margin: max(0, within)) else { return 0 }
        let d = b - a, length = d.length
        guard length.isFinite else { return 0 }
        let normal = length > 0 ? Point(-d.y / length, d.x / length) : Point(0, 0)
        let n = max(1, Int((length / (cell * 0.5)).rounded(.up)))
        var seen = Set<Int>()
        for k in 0...n {
            let p = a + d * (Double(k) / Double(n))
            for side in [-within, 0, within] {
                let (i, j) = index(p + normal * side)
                guard i >= 0, j >= 0, i < columns, j < rows, cells[j * columns + i] else { continue }
                seen.insert(j * columns + i)
            }
        }
        return seen.count
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
