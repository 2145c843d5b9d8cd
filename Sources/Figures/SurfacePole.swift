import Optim
import Viz

extension SurfaceFieldView {
    /// Where the largest |f| of the grid is an isolated pole of `surface`: the grid's largest |f| at an
    /// inner sample, then eight zooms (a 9 × 9 grid over ±h around the largest value so far, h shrinking
    /// 4× each time) in which |f| grows more than 100-fold or reaches ±∞, and |f| on a square of half-side three
    /// grid steps around it within a factor 20 of itself (a point, not a line of poles like 1/x). Nil otherwise.
    static func pole(in f: ScalarField, surface: Surface) -> (point: Point, positive: Bool)? {
        var best = -1.0, bi = 0, bj = 0
        for j in 0..<f.ny { for i in 0..<f.nx { let v = abs(f[i, j]); if v.isFinite, v > best { best = v; bi = i; bj = j } } }
        guard best > 0, bi > 0, bj > 0, bi < f.nx - 1, bj < f.ny - 1 else { return nil }
        let step = max(f.xs[bi + 1] - f.xs[bi], f.ys[bj + 1] - f.ys[bj])
        var c = Point(f.xs[bi], f.ys[bj]), h = step, top = best, sign = f[bi, bj] > 0
        zoom: for _ in 0..<8 {
            var next = c
            for a in -4...4 {
                for b in -4...4 {
                    let p = Point(c.x + Double(a) * h / 4, c.y + Double(b) * h / 4)
                    let v = surface.value(p.x, p.y)
                    if v.isInfinite { c = p; top = .infinity; sign = v > 0; break zoom }
                    if v.isFinite, abs(v) > top { top = abs(v); next = p; sign = v > 0 }
                }
            }
            c = next
            h /= 4
        }
        guard top > 100 * best else { return nil }
        // The border of a square of half-side three grid steps, 8 points a side.
        let ring = (0..<32).map { k -> Double in
            let side = k / 8, t = Double(k % 8) / 4 - 1
            let (u, w) = [(t, -1.0), (1.0, t), (-t, 1.0), (-1.0, -t)][side]
            return abs(surface.value(c.x + 3 * step * u, c.y + 3 * step * w))
        }
        guard let lo = ring.min(), let hi = ring.max(), lo.isFinite, hi.isFinite, lo > 0, hi < 20 * lo else { return nil }
        return (c, sign)
    }
}
