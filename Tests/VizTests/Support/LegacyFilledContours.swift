import Viz

/// The filled-contour regions as dlplot computed them before the one-pass isobands, kept as the reference
/// the new fills are compared with (pixels may differ only by anti-aliasing).
///
/// The regions `z > level` of a field as polygons, for painting filled contour bands.
///
/// Bands are painted cumulatively: first every valid cell in the lowest band's colour, then for each level
/// in increasing order the region above it in the next band's colour. Each region is one path of
/// counter-clockwise polygons (runs of whole cells merged into rectangles, plus the marching-squares polygon
/// of each cell the level crosses), filled at once with the non-zero rule, so neighbouring cells leave no
/// hairline seams and bands meet without gaps. Saddles follow the same cell-centre rule as the lines.
/// Cells with a non-finite corner are left out (holes).
enum LegacyFilledContours {
    /// Polygons (data space, counter-clockwise) covering the valid cells: `z > level`, or all valid cells
    /// when `level` is nil.
    static func region(_ f: ScalarField, above level: Double?) -> [[Point]] {
        var polys: [[Point]] = []
        let nx = f.nx, ny = f.ny, xs = f.xs, ys = f.ys
        f.z.withUnsafeBufferPointer { z in
            for j in 0..<(ny - 1) {
                let row = j * nx, up = row + nx
                var runStart = -1
                func flush(_ end: Int) {
                    guard runStart >= 0 else { return }
                    polys.append([Point(xs[runStart], ys[j]), Point(xs[end], ys[j]), Point(xs[end], ys[j + 1]), Point(xs[runStart], ys[j + 1])])
                    runStart = -1
                }
                for i in 0..<(nx - 1) {
                    let sw = z[row + i], se = z[row + i + 1], ne = z[up + i + 1], nw = z[up + i]
                    guard sw.isFinite, se.isFinite, ne.isFinite, nw.isFinite else { flush(i); continue }
                    guard let level else { if runStart < 0 { runStart = i }; continue }
                    let lo = Swift.min(Swift.min(sw, se), Swift.min(ne, nw))
                    if lo > level { if runStart < 0 { runStart = i }; continue }
                    flush(i)
                    let hi = Swift.max(Swift.max(sw, se), Swift.max(ne, nw))
                    guard hi > level else { continue }
                    cellPolygons(i, j, [sw, se, ne, nw], level, xs, ys, into: &polys)
                }
                flush(nx - 1)
            }
        }
        return polys
    }

    /// The part of cell (i, j) above `level`, walking SW → SE → NE → NW (counter-clockwise in data space).
    private static func cellPolygons(_ i: Int, _ j: Int, _ v: [Double], _ level: Double, _ xs: [Double], _ ys: [Double],
                                     into polys: inout [[Point]]) {
        let c = [Point(xs[i], ys[j]), Point(xs[i + 1], ys[j]), Point(xs[i + 1], ys[j + 1]), Point(xs[i], ys[j + 1])]
        func crossing(_ a: Int, _ b: Int) -> Point {
            let t = (level - v[a]) / (v[b] - v[a])
            return c[a] + (c[b] - c[a]) * Swift.min(1, Swift.max(0, t))
        }
        let above = v.map { $0 > level }
        let saddle = above[0] == above[2] && above[1] == above[3] && above[0] != above[1]
        if saddle && !((v[0] + v[1] + v[2] + v[3]) / 4 > level) {
            // Centre below: the two above corners are separate triangles.
            for k in 0..<4 where above[k] {
                polys.append([c[k], crossing(k, (k + 1) % 4), crossing((k + 3) % 4, k)])
            }
            return
        }
        var p: [Point] = []
        for k in 0..<4 {
            let n = (k + 1) % 4
            if above[k] { p.append(c[k]) }
            if above[k] != above[n] { p.append(crossing(k, n)) }
        }
        polys.append(p)
    }
}

/// Paints a filled-contour mark's bands the old way: cumulative regions made of per-cell polygons.
struct LegacyFilledContourMark: Mark {
    let mark: FilledContourMark
    var zOrder: Double { mark.zOrder }
    func dataBounds() -> Bounds? { mark.field.bounds }
    func draw(in ctx: PlotContext) {
        guard let range = mark.field.finiteRange else { return }
        let below = mark.levels.values.filter { $0 < range.lower }.count
        var regions = [LegacyFilledContours.region(mark.field, above: nil)]
        for l in mark.levels.values where l < range.upper { regions.append(LegacyFilledContours.region(mark.field, above: l)) }
        for (k, polys) in regions.enumerated() {
            var path = Path()
            for poly in polys { path.append(Path(polygon: poly.map(ctx.point))) }
            ctx.fill(path, mark.bandColor(max(k, below)))
        }
    }
}
