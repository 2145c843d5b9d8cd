/// The outlines of a field's filled contour regions at every level, found in one sweep over the grid
/// (marching squares for isobands: contourpy's "serial" filled algorithm, `src/serial.cpp` and
/// `src/base_impl.h` in contourpy/contourpy; the isoband tables of the R package `isoband` and of
/// Maple, "Cartographic Contouring: Marching Squares for Isobands", are the same construction; STYLE.md §E2).
///
/// Each valid cell (four finite corners) is classified at its corners against the sorted levels: the
/// levels between its smallest and largest corner are the band boundaries it crosses. For every band it
/// crosses, the cell's piece of that band is the polygon cut out by the two bounding level lines. Joining
/// the pieces of a band along the cell edges they share cancels those shared edges, so what a cell
/// contributes to the joined outlines is only the level-line segments that cut it, plus the grid border
/// and the borders of holes. That is what the sweep emits: for each crossed level one or two directed
/// segments (the same edge crossings, linear interpolation and centre-value saddle rule as
/// `MarchingSquares`, so the fills meet the contour lines exactly), and on border sides the part of the
/// side above each level. Segments run with the region above the level on their left, so joined rings
/// are counter-clockwise around regions and clockwise around holes (in data space, y up).
///
/// Joining is by node identity, never by coordinates (§B5): node `e < edgeCount` is the crossing on grid
/// edge `e` (`EdgeGrid` numbering); node `edgeCount + j·nx + i` is grid corner (i, j). Each crossing node
/// has one segment in and one out; a grid corner where two holes touch diagonally has two of each.
enum Isobands {
    /// Directed outline segments as flat node pairs `[from0, to0, from1, to1, …]`, one array per region
    /// (`levels` sorted increasing, finite). Cost: one visit per cell, one per crossing, and one per border
    /// side and level.
    ///
    /// - `.superlevel`: index 0 is the whole valid domain, index k + 1 the region `z > levels[k]`.
    /// - `.bands`: index k is band k (`levels[k−1] < z ≤ levels[k]`, open-ended at both ends). A band has
    ///   two bounding levels, so its crossings at the upper one are numbered `upperOffset` higher.
    static func segments(_ f: ScalarField, levels: [Double], mode: Mode = .superlevel) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: levels.count + 1)
        let bands = mode == .bands
        let upper = Int32(truncatingIfNeeded: upperOffset(f))
        let nx = f.nx, ny = f.ny
        let g = EdgeGrid(nx: nx, ny: ny)
        let cornerBase = g.edgeCount
        let valid = validCells(f)
        let n = levels.count
        levels.withUnsafeBufferPointer { lv in
            f.z.withUnsafeBufferPointer { z in
                @inline(__always) func isValid(_ i: Int, _ j: Int) -> Bool {
                    guard i >= 0, j >= 0, i < nx - 1, j < ny - 1 else { return false }
                    guard let valid else { return true }
                    return valid[j * (nx - 1) + i]
                }
                // The band of a value: the number of levels below it.
                @inline(__always) func band(_ v: Double) -> Int { lowerBound(lv, v) }
                @inline(__always) func corner(_ i: Int, _ j: Int) -> Int32 { Int32(truncatingIfNeeded: cornerBase + j * nx + i) }
                // The part of border side a→b (walked with the cell on its left) above each level.
                func border(_ a: Int32, _ za: Double, _ b: Int32, _ zb: Double, _ e: Int32) {
                    if bands { bandBorder(a, za, b, zb, e); return }
                    out[0].append(a); out[0].append(b)
                    var k = 0
                    let top = Swift.max(za, zb)
                    while k < n, lv[k] < top {
                        let l = lv[k]
                        if za > l && zb > l { out[k + 1].append(a); out[k + 1].append(b) }
                        else if za > l { out[k + 1].append(a); out[k + 1].append(e) }
                        else { out[k + 1].append(e); out[k + 1].append(b) }
                        k += 1
                    }
                }
                // Border side a→b cut into the bands it passes through, in walking order.
                func bandBorder(_ a: Int32, _ za: Double, _ b: Int32, _ zb: Double, _ e: Int32) {
                    let ba = band(za), bb = band(zb)
                    if ba == bb { out[ba].append(a); out[ba].append(b); return }
                    // Rising from a: band m is left at its upper level's crossing, entered at its lower one's.
                    let step = ba < bb ? 1 : -1
                    var m = ba, from = a
                    while m != bb {
                        let exit = step > 0 ? e &+ upper : e
                        out[m].append(from); out[m].append(exit)
                        m += step
                        from = step > 0 ? e : e &+ upper
                    }
                    out[bb].append(from); out[bb].append(b)
                }
                for j in 0..<(ny - 1) {
                    let row = j * nx, up = row + nx
                    for i in 0..<(nx - 1) {
                        if valid != nil && !isValid(i, j) { continue }
                        let sw = z[row + i], se = z[row + i + 1], ne = z[up + i + 1], nw = z[up + i]
                        let lo = Swift.min(Swift.min(sw, se), Swift.min(ne, nw))
                        let hi = Swift.max(Swift.max(sw, se), Swift.max(ne, nw))
                        if n > 0, hi > lv[0], lo <= lv[n - 1] {
                            var k = lowerBound(lv, lo)
                            let s = g.south(i, j), e = g.east(i, j), nn = g.north(i, j), w = g.west(i, j)
                            while k < n, lv[k] < hi {
                                let c = cell(sw, se, ne, nw, lv[k], s, e, nn, w)
                                for q in 0..<c.count {
                                    let (a, b) = q == 0 ? (c.a0, c.b0) : (c.a1, c.b1)
                                    out[k + 1].append(a); out[k + 1].append(b)
                                    // The band below has this level as its upper bound: the same segment, reversed.
                                    if bands { out[k].append(b &+ upper); out[k].append(a &+ upper) }
                                }
                                k += 1
                            }
                        }
                        if !isValid(i, j - 1) { border(corner(i, j), sw, corner(i + 1, j), se, g.south(i, j)) }
                        if !isValid(i + 1, j) { border(corner(i + 1, j), se, corner(i + 1, j + 1), ne, g.east(i, j)) }
                        if !isValid(i, j + 1) { border(corner(i + 1, j + 1), ne, corner(i, j + 1), nw, g.north(i, j)) }
                        if !isValid(i - 1, j) { border(corner(i, j + 1), nw, corner(i, j), sw, g.west(i, j)) }
                    }
                }
            }
        }
        return out
    }

    /// The directed level-line segments of one cell at `level` (corner bits SW = 1, SE = 2, NE = 4,
    /// NW = 8; a corner is above when `z > level`). Walking the cell counter-clockwise (S, E, N, W sides),
    /// a segment starts where the walk leaves the region above and ends where it next enters it; in a
    /// saddle whose centre (mean of the corners) is below, it ends at the previous entry instead, which
    /// cuts the two above corners off as separate triangles.
    @inline(__always)
    static func cell(_ sw: Double, _ se: Double, _ ne: Double, _ nw: Double, _ level: Double,
                     _ s: Int32, _ e: Int32, _ n: Int32, _ w: Int32) -> (count: Int, a0: Int32, b0: Int32, a1: Int32, b1: Int32) {
        let c = (sw > level ? 1 : 0) | (se > level ? 2 : 0) | (ne > level ? 4 : 0) | (nw > level ? 8 : 0)
        switch c {
        case 1: return (1, s, w, 0, 0)
        case 2: return (1, e, s, 0, 0)
        case 4: return (1, n, e, 0, 0)
        case 8: return (1, w, n, 0, 0)
        case 3: return (1, e, w, 0, 0)
        case 6: return (1, n, s, 0, 0)
        case 12: return (1, w, e, 0, 0)
        case 9: return (1, s, n, 0, 0)
        case 14: return (1, w, s, 0, 0)
        case 13: return (1, s, e, 0, 0)
        case 11: return (1, e, n, 0, 0)
        case 7: return (1, n, w, 0, 0)
        case 5:
            return (sw + se + ne + nw) / 4 > level ? (2, s, e, n, w) : (2, s, w, n, e)
        case 10:
            return (sw + se + ne + nw) / 4 > level ? (2, e, n, w, s) : (2, e, s, w, n)
        default: return (0, 0, 0, 0, 0)
        }
    }

    enum Mode { case superlevel, bands }

    /// Node numbers at or above this are a band's crossings at its upper level (edges plus corners).
    static func upperOffset(_ f: ScalarField) -> Int { EdgeGrid(nx: f.nx, ny: f.ny).edgeCount + f.nx * f.ny }

    /// Per cell (row-major, (nx−1)·(ny−1)), whether all four corners are finite; nil when every value is.
    static func validCells(_ f: ScalarField) -> [Bool]? {
        guard f.z.contains(where: { !$0.isFinite }) else { return nil }
        let nx = f.nx, ny = f.ny
        var valid = [Bool](repeating: false, count: (nx - 1) * (ny - 1))
        f.z.withUnsafeBufferPointer { z in
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) {
                    let a = j * nx + i
                    valid[j * (nx - 1) + i] = z[a].isFinite && z[a + 1].isFinite && z[a + nx].isFinite && z[a + nx + 1].isFinite
                }
            }
        }
        return valid
    }

    /// The first index whose value is >= `v` in increasing `a`.
    @inline(__always) static func lowerBound(_ a: UnsafeBufferPointer<Double>, _ v: Double) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
