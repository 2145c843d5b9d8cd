/// A uniform-grid spatial index of polyline segments in device space, for asking which segments a small
/// box touches without visiting every line (a bucket grid, as in matplotlib's label placement
/// candidates or any "spatial hash"; cells about the size of a label).
///
/// Runs are added whole and can be retired: entries carry the run's version, so a retired run's segments
/// are skipped without being removed.
struct SegmentIndex {
    struct Entry { var level: Int32; var run: Int32; var segment: Int32; var version: Int32 }

    private let origin: Point
    private let cell: Double
    private let columns: Int
    private let rows: Int
    private var buckets: [[Entry]]
    /// Current version of each run, per level.
    private var versions: [[Int32]]

    /// An index over `area` (device points) with square cells of side `cell`.
    init(area: Rect, cell: Double, levels: Int) {
        let side = max(cell, 1)
        origin = Point(area.minX, area.minY)
        self.cell = side
        columns = max(1, min(512, Int((area.width / side).rounded(.up)) + 1))
        rows = max(1, min(512, Int((area.height / side).rounded(.up)) + 1))
        buckets = [[Entry]](repeating: [], count: columns * rows)
        versions = [[Int32]](repeating: [], count: levels)
    }

    @inline(__always) private func column(_ x: Double) -> Int { min(columns - 1, max(0, Int(((x - origin.x) / cell).rounded(.down)))) }
    @inline(__always) private func row(_ y: Double) -> Int { min(rows - 1, max(0, Int(((y - origin.y) / cell).rounded(.down)))) }

    /// Adds every segment of `points` as run `run` of `level` (a new version when the run was indexed before).
    mutating func add(_ points: [Point], level: Int, run: Int) {
        while versions[level].count <= run { versions[level].append(-1) }
        versions[level][run] += 1
        let version = versions[level][run]
        guard points.count >= 2 else { return }
        for s in 0..<(points.count - 1) {
            let a = points[s], b = points[s + 1]
            guard a.isFinite, b.isFinite else { continue }
            let c0 = column(min(a.x, b.x)), c1 = column(max(a.x, b.x)), r0 = row(min(a.y, b.y)), r1 = row(max(a.y, b.y))
            let e = Entry(level: Int32(level), run: Int32(run), segment: Int32(s), version: version)
            for r in r0...r1 { for c in c0...c1 { buckets[r * columns + c].append(e) } }
        }
    }

    /// Calls `body` with each current segment whose cells meet `box` (a segment may be reported once per
    /// cell it shares with the box); `body` returns true to stop early. Returns whether it stopped.
    func visit(_ box: Bounds, _ body: (Entry) -> Bool) -> Bool {
        let c0 = column(box.x.lower), c1 = column(box.x.upper), r0 = row(box.y.lower), r1 = row(box.y.upper)
        for r in r0...r1 {
            for c in c0...c1 {
                for e in buckets[r * columns + c] where versions[Int(e.level)][Int(e.run)] == e.version {
                    if body(e) { return true }
                }
            }
        }
        return false
    }
}
