// Surface3D: surfaces z = f(x, y) in perspective: projection, faces, box and paths on the surface.

/// Which points the painter's algorithm paints over: a point at a given depth is covered when a face
/// drawn after it (a greater mean depth, i.e. nearer the eye) contains it on screen.
///
/// Faces are binned on a screen grid by their bounding boxes, so a query tests only the faces over its
/// cell; quads may be non-convex once projected, so containment is the even–odd crossing rule.
struct FaceCover {
    private let faces: [(depth: Double, corners: [Point])]
    private let cells: [[Int]]
    private let origin: Point
    private let cellWidth: Double, cellHeight: Double
    private let columns: Int, rows: Int

    /// `faces`: screen polygons with their mean depth (the painter's sort key).
    init(faces: [(depth: Double, corners: [Point])], gridSize: Int = 64) {
        self.faces = faces
        let all = faces.flatMap(\.corners).filter(\.isFinite)
        guard let b = Bounds(points: all), b.x.span > 0, b.y.span > 0 else {
            cells = []; origin = Point(0, 0); cellWidth = 1; cellHeight = 1; columns = 0; rows = 0
            return
        }
        let n = max(1, gridSize)
        columns = n; rows = n
        origin = Point(b.x.lower, b.y.lower)
        cellWidth = b.x.span / Double(n); cellHeight = b.y.span / Double(n)
        var cells = [[Int]](repeating: [], count: n * n)
        for (index, face) in faces.enumerated() {
            guard let fb = Bounds(points: face.corners.filter(\.isFinite)) else { continue }
            let c0 = Self.clamp(Int((fb.x.lower - b.x.lower) / cellWidth), n), c1 = Self.clamp(Int((fb.x.upper - b.x.lower) / cellWidth), n)
            let r0 = Self.clamp(Int((fb.y.lower - b.y.lower) / cellHeight), n), r1 = Self.clamp(Int((fb.y.upper - b.y.lower) / cellHeight), n)
            for r in r0...r1 { for c in c0...c1 { cells[r * n + c].append(index) } }
        }
        self.cells = cells
    }

    private static func clamp(_ v: Int, _ n: Int) -> Int { min(max(v, 0), n - 1) }

    /// True when a face nearer than `depth` contains `point` on screen.
    func covers(_ point: Point, above depth: Double) -> Bool {
        guard columns > 0, point.isFinite else { return false }
        let c = Int(((point.x - origin.x) / cellWidth).rounded(.down)), r = Int(((point.y - origin.y) / cellHeight).rounded(.down))
        guard c >= 0, c < columns, r >= 0, r < rows else { return false }
        for index in cells[r * columns + c] where faces[index].depth > depth {
            if Self.contains(faces[index].corners, point) { return true }
        }
        return false
    }

    /// Even–odd rule: a horizontal ray from `p` crosses the polygon's edges an odd number of times.
    static func contains(_ polygon: [Point], _ p: Point) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in 0..<polygon.count {
            let a = polygon[i], b = polygon[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }
}
