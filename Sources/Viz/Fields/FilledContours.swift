/// One connected filled region: an outer ring and the holes inside it (data space; rings do not repeat
/// their first point; the exterior runs counter-clockwise, holes clockwise, with y up).
public struct FilledPolygon: Sendable {
    /// The outer ring.
    public var exterior: [Point]
    /// The rings cut out of it.
    public var holes: [[Point]]
    /// A region of `exterior` minus `holes`.
    public init(exterior: [Point], holes: [[Point]]) { self.exterior = exterior; self.holes = holes }
}

/// Filled contour regions of a field, from one isoband sweep (`Isobands`, STYLE.md §E2).
///
/// A region is given by its outline rings: counter-clockwise around filled parts, clockwise around holes,
/// so one path of all of a region's rings fills it with the non-zero (or even–odd) rule. The rings of
/// `z > level` are exactly the level's contour lines (the same edge crossings and saddle choices as
/// `MarchingSquares`) closed along the grid border and around holes (cells with a non-finite corner).
public enum FilledContours {
    /// The outline rings of the valid domain (`nil`) and of `z > level` for each level, in the order given,
    /// all from one sweep over the grid. Non-finite levels give empty regions (above +inf, NaN) or the
    /// whole domain (above −inf).
    public static func regions(_ f: ScalarField, above levels: [Double?]) -> [[[Point]]] {
        let finite = levels.indices.filter { levels[$0]?.isFinite ?? false }
        let order = finite.sorted { (levels[$0] ?? 0) < (levels[$1] ?? 0) }
        let sorted = order.map { levels[$0] ?? 0 }
        let segments = Isobands.segments(f, levels: sorted)
        let g = EdgeGrid(nx: f.nx, ny: f.ny)
        var out = [[[Point]]](repeating: [], count: levels.count)
        var stitcher = RingStitcher()
        var domain: [[Point]]?
        func wholeDomain() -> [[Point]] {
            if let domain { return domain }
            let d = stitcher.rings(segments[0]) { node in point(node, level: -.infinity, g, f) }
            domain = d
            return d
        }
        for (k, level) in levels.enumerated() {
            guard let level else { out[k] = wholeDomain(); continue }
            if level == -.infinity { out[k] = wholeDomain() }
        }
        for (rank, k) in order.enumerated() {
            let level = sorted[rank]
            out[k] = stitcher.rings(segments[rank + 1]) { node in point(node, level: level, g, f) }
        }
        return out
    }

    /// The outline rings of `z > level`, or of every valid cell when `level` is nil.
    public static func region(_ f: ScalarField, above level: Double?) -> [[Point]] {
        regions(f, above: [level])[0]
    }

    /// The bands between consecutive levels as connected polygons with holes: band 0 is `z ≤ levels[0]`,
    /// band k is `levels[k−1] < z ≤ levels[k]`, band n is `z > levels[n−1]` (`levels` increasing).
    public static func bands(_ f: ScalarField, levels: [Double]) -> [[FilledPolygon]] {
        let sorted = levels.filter(\.isFinite).sorted()
        let segments = Isobands.segments(f, levels: sorted, mode: .bands)
        let g = EdgeGrid(nx: f.nx, ny: f.ny)
        let upper = Int32(truncatingIfNeeded: Isobands.upperOffset(f))
        var stitcher = RingStitcher()
        return segments.enumerated().map { k, band in
            let below = k > 0 ? sorted[k - 1] : -.infinity, above = k < sorted.count ? sorted[k] : .infinity
            return polygons(stitcher.rings(band) { node in
                node >= upper ? point(node &- upper, level: above, g, f) : point(node, level: below, g, f)
            })
        }
    }

    /// Groups outline rings into polygons: each clockwise ring (a hole) goes to the smallest
    /// counter-clockwise ring that contains it (d3-contour's rule: signed area, then point in polygon).
    public static func polygons(_ rings: [[Point]]) -> [FilledPolygon] {
        var outers: [(ring: [Point], area: Double, box: Bounds)] = []
        var holes: [[Point]] = []
        for r in rings where r.count >= 3 {
            let a = signedArea(r)
            if a > 0, let box = Bounds(points: r) { outers.append((r, a, box)) } else if a < 0 { holes.append(r) }
        }
        outers.sort { $0.area < $1.area }
        var result = outers.map { FilledPolygon(exterior: $0.ring, holes: []) }
        for h in holes {
            let p = h[0]
            if let k = outers.indices.first(where: { outers[$0].box.x.contains(p.x) && outers[$0].box.y.contains(p.y) && contains(outers[$0].ring, p) }) {
                result[k].holes.append(h)
            }
        }
        return result
    }

    /// The signed area (positive for counter-clockwise rings, y up).
    static func signedArea(_ r: [Point]) -> Double {
        var a = 0.0
        var prev = r[r.count - 1]
        for p in r { a += prev.x * p.y - p.x * prev.y; prev = p }
        return a / 2
    }

    /// Whether `p` lies inside ring `r` (even–odd crossing test).
    static func contains(_ r: [Point], _ p: Point) -> Bool {
        var inside = false
        var prev = r[r.count - 1]
        for q in r {
            if (q.y > p.y) != (prev.y > p.y), p.x < (prev.x - q.x) * (p.y - q.y) / (prev.y - q.y) + q.x { inside.toggle() }
            prev = q
        }
        return inside
    }

    /// Where node `node` of the isoband sweep lies: an edge crossing at `level`, or a grid corner.
    @inline(__always) static func point(_ node: Int32, level: Double, _ g: EdgeGrid, _ f: ScalarField) -> Point {
        let k = Int(node)
        if k < g.edgeCount { return g.point(on: node, level: level, f) }
        let c = k - g.edgeCount
        let j = c / f.nx
        return Point(f.xs[c - j * f.nx], f.ys[j])
    }
}

/// Joins directed segments (flat node pairs) into closed rings by node identity, in time linear in the
/// number of segments: an open-addressing table maps each node to the segments that start there.
struct RingStitcher {
    private var keys: [Int32] = []
    private var values: [Int32] = []

    mutating func rings(_ segments: [Int32], point: (Int32) -> Point) -> [[Point]] {
        let count = segments.count / 2
        guard count > 0 else { return [] }
        var bits = 4
        while (1 << bits) < 2 * count { bits += 1 }
        let capacity = 1 << bits, mask = capacity - 1
        if keys.count < capacity { keys = [Int32](repeating: -1, count: capacity); values = [Int32](repeating: 0, count: capacity) }
        else { for k in 0..<capacity { keys[k] = -1 } }
        @inline(__always) func slot(_ node: Int32) -> Int {
            Int((UInt32(bitPattern: node) &* 2_654_435_761) >> UInt32(32 - bits)) & mask
        }
        var used = [Bool](repeating: false, count: count)
        var rings: [[Point]] = []
        keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                for s in 0..<count {
                    var h = slot(segments[2 * s])
                    while keys[h] >= 0 { h = (h + 1) & mask }
                    keys[h] = segments[2 * s]; values[h] = Int32(s)
                }
                // An unused segment starting at `node`, or -1.
                func take(_ node: Int32) -> Int {
                    var h = slot(node)
                    while keys[h] >= 0 {
                        if keys[h] == node, !used[Int(values[h])] { return Int(values[h]) }
                        h = (h + 1) & mask
                    }
                    return -1
                }
                for first in 0..<count where !used[first] {
                    let start = segments[2 * first]
                    var ring = [point(start)]
                    var s = first
                    while true {
                        used[s] = true
                        let b = segments[2 * s + 1]
                        if b == start { break }
                        ring.append(point(b))
                        s = take(b)
                        if s < 0 { break }
                    }
                    rings.append(ring)
                }
            }
        }
        return rings
    }
}
