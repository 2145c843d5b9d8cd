/// One contour line at one level, in data coordinates.
public struct ContourLine: Sendable {
    /// The level the line traces.
    public var level: Double
    /// Points along the line; a closed ring does not repeat its first point.
    public var points: [Point]
    /// True for a ring (the line returns to its start); open lines end on the grid boundary or at a hole.
    public var isClosed: Bool
    /// A line at `level` through `points`.
    public init(level: Double, points: [Point], isClosed: Bool) { self.level = level; self.points = points; self.isClosed = isClosed }
}

/// Marching squares over a `ScalarField` (STYLE.md §B).
///
/// - A corner is *above* a level when `z > level`; a cell with a non-finite corner is skipped (a hole).
/// - Case bits: SW = 1, SE = 2, NE = 4, NW = 8, with SW = (i, j), SE = (i+1, j), NE = (i+1, j+1), NW = (i, j+1).
/// - Crossings are interpolated linearly along the cell edge.
/// - Saddles (5 and 10) are resolved by the cell-centre value, the mean of the four corners: when the centre
///   is above, the two above corners are joined through the middle (the segments cut off the below corners);
///   otherwise the below corners are joined.
/// - Each crossing is named by its grid edge (`EdgeID`), and segments are stitched by those names, never by
///   coordinates (§B5).
///
/// All levels are found in one pass over the cells: each cell looks up the levels between its smallest and
/// largest corner, so the cost is one visit per cell plus one per crossing.
public enum MarchingSquares {
    /// The contour lines of `field` at each of `levels` (one array per level, in the order given).
    public static func contours(_ field: ScalarField, levels: [Double]) -> [[ContourLine]] {
        let soups = segments(field, levels: levels)
        var stitcher = ContourStitcher(edgeCount: EdgeGrid(nx: field.nx, ny: field.ny).edgeCount)
        return zip(levels, soups).map { level, soup in
            stitcher.stitch(soup) { e in EdgeGrid(nx: field.nx, ny: field.ny).point(on: e, level: level, field) }
                .map { ContourLine(level: level, points: $0.points, isClosed: $0.closed) }
        }
    }

    /// The segments at each level as flat pairs of edge ids `[a0, b0, a1, b1, ...]`.
    static func segments(_ field: ScalarField, levels: [Double]) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: levels.count)
        let finite = levels.indices.filter { levels[$0].isFinite }
        guard !finite.isEmpty else { return out }
        let order = finite.sorted { levels[$0] < levels[$1] }
        let sorted = order.map { levels[$0] }
        let nx = field.nx, ny = field.ny
        let g = EdgeGrid(nx: nx, ny: ny)
        field.z.withUnsafeBufferPointer { z in
            for j in 0..<(ny - 1) {
                let row = j * nx, up = row + nx
                for i in 0..<(nx - 1) {
                    let sw = z[row + i], se = z[row + i + 1], ne = z[up + i + 1], nw = z[up + i]
                    let lo = Swift.min(Swift.min(sw, se), Swift.min(ne, nw))
                    let hi = Swift.max(Swift.max(sw, se), Swift.max(ne, nw))
                    // Crossing levels satisfy lo <= level < hi; NaN or ±inf corners fail one of these checks.
                    guard hi > sorted[0], lo <= sorted[sorted.count - 1], lo.isFinite, hi.isFinite else { continue }
                    var k = lowerBound(sorted, lo)
                    while k < sorted.count, sorted[k] < hi {
                        let level = sorted[k]
                        let c = (sw > level ? 1 : 0) | (se > level ? 2 : 0) | (ne > level ? 4 : 0) | (nw > level ? 8 : 0)
                        let s = g.south(i, j), e = g.east(i, j), n = g.north(i, j), w = g.west(i, j)
                        let dest = order[k]
                        switch c {
                        case 1, 14: out[dest].append(s); out[dest].append(w)
                        case 2, 13: out[dest].append(s); out[dest].append(e)
                        case 4, 11: out[dest].append(e); out[dest].append(n)
                        case 8, 7: out[dest].append(n); out[dest].append(w)
                        case 3, 12: out[dest].append(w); out[dest].append(e)
                        case 6, 9: out[dest].append(s); out[dest].append(n)
                        case 5, 10:
                            let centreAbove = (sw + se + ne + nw) / 4 > level
                            // Case 5: SW and NE above. Joining the above pair cuts off SE and NW.
                            let cutSEandNW = (c == 5) == centreAbove
                            if cutSEandNW {
                                out[dest].append(s); out[dest].append(e); out[dest].append(n); out[dest].append(w)
                            } else {
                                out[dest].append(s); out[dest].append(w); out[dest].append(e); out[dest].append(n)
                            }
                        default: break
                        }
                        k += 1
                    }
                }
            }
        }
        return out
    }

    /// The first index whose value is >= `v` in increasing `a`.
    @inline(__always) static func lowerBound(_ a: [Double], _ v: Double) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Names the edges of an `nx`×`ny` grid: horizontal edges first (row by row), then vertical ones.
struct EdgeGrid {
    let nx: Int
    let ny: Int
    var horizontalCount: Int { (nx - 1) * ny }
    var edgeCount: Int { horizontalCount + nx * (ny - 1) }

    /// The edge from (i, j) to (i+1, j).
    @inline(__always) func south(_ i: Int, _ j: Int) -> Int32 { Int32(truncatingIfNeeded: j * (nx - 1) + i) }
    @inline(__always) func north(_ i: Int, _ j: Int) -> Int32 { south(i, j + 1) }
    /// The edge from (i, j) to (i, j+1).
    @inline(__always) func west(_ i: Int, _ j: Int) -> Int32 { Int32(truncatingIfNeeded: horizontalCount + j * nx + i) }
    @inline(__always) func east(_ i: Int, _ j: Int) -> Int32 { west(i + 1, j) }

    /// The grid corners (column, row) at the two ends of edge `e`.
    @inline(__always) func ends(_ e: Int32) -> (Int, Int, Int, Int) {
        let k = Int(e)
        if k < horizontalCount {
            let j = k / (nx - 1), i = k - j * (nx - 1)
            return (i, j, i + 1, j)
        }
        let v = k - horizontalCount
        let j = v / nx, i = v - j * nx
        return (i, j, i, j + 1)
    }

    /// Where `level` crosses edge `e`, by linear interpolation.
    @inline(__always) func point(on e: Int32, level: Double, _ f: ScalarField) -> Point {
        let (i0, j0, i1, j1) = ends(e)
        let za = f.z[j0 * nx + i0], zb = f.z[j1 * nx + i1]
        let d = zb - za
        let t = d == 0 ? 0.5 : Swift.min(1, Swift.max(0, (level - za) / d))
        let x0 = f.xs[i0], y0 = f.ys[j0]
        return Point(x0 + t * (f.xs[i1] - x0), y0 + t * (f.ys[j1] - y0))
    }
}
