/// Which faces of a 3-D surface are drawn, and which pale. The faces are those of the subsampled grid; the
/// full grid under each says what the face stands for. A face over a line of poles (1/(x − y)) has corners of
/// moderate height while the samples under it run to both cuts: drawn, it was a tooth from the top of the box
/// to the bottom in the colormap's middle colours, and a row of them made a comb along the pole. A face with
/// one undefined corner (on the pole, or past the edge of f's domain: −√(1 − x² − y²)) is drawn as the
/// triangle of its other three, so the edge is a line along the gap rather than a staircase of notches.
extension SurfaceMark {
    /// The corners to draw for the face over columns `ci` and rows `cj` of the full grid (4, or 3 when one is
    /// undefined) and whether it is drawn pale (the samples under it reach one of `offScale`'s cuts, as the
    /// clamped heights there do); nil when it is left out (two or more corners undefined, or samples under it
    /// at both cuts: across a pole that changes sign).
    func drawnFace(_ ci: ClosedRange<Int>, _ cj: ClosedRange<Int>) -> (corners: [Point3], pale: Bool)? {
        let all = [(ci.lowerBound, cj.lowerBound), (ci.upperBound, cj.lowerBound), (ci.upperBound, cj.upperBound),
                   (ci.lowerBound, cj.upperBound)].map { a, b in Point3(field.xs[a], field.ys[b], field[a, b]) }
        let corners = all.filter(\.isFinite)
        guard corners.count >= 3 else { return nil }
        var below = false, above = false
        for b in cj {
            for a in ci {
                let z = field[a, b]
                guard z.isFinite else { continue }
                if let hi = offScale.above, z >= hi { above = true }
                if let lo = offScale.below, z <= lo { below = true }
            }
        }
        guard !(below && above) else { return nil }
        return (corners, below || above)
    }
}
