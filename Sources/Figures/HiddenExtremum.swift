/// A curve's lowest (or highest) point hidden by a tail that shoots off: x^x on [−6, 6] has its minimum
/// e^(−1/e) ≈ 0.69 at x = 1/e, 0.31 below its value at 0 and 1, while its right tail reaches 4.7×10⁴ (f′
/// 1.3×10⁵); drawn to the tail, the minimum is a flat line on 0. The tail is not fast enough for
/// `RobustYLimits.trimTails` (it is no double exponential), so the extremum itself says where to cut.
extension RobustYLimits {
    /// The level to clip at so that each curve's global minimum (sign +1) or maximum (−1) inside one of
    /// its branches shows: that extremum's relief r (how far the curve rises from it on the side where it
    /// rises least, within the branch) is at least a twentieth of what is shown, so the cut is at
    /// f* + 20·r (f* − 20·r for a maximum). Only for an extremum strictly inside its branch, and only when
    /// everything beyond the level is a tail: the samples within the level form one run around the
    /// extremum. Nil when no curve has such an extremum. The caller applies it only when it shrinks the
    /// shown span tenfold (mish's minimum, 0.29 deep under a rise to 6, keeps its axis).
    static func extremumCut(xs: [Double], series: [[Double]], poles: [Double], step h: Double) -> (level: Double, sign: Double)? {
        for ys in series {
            for sign in [1.0, -1.0] {
                for branch in branches(xs: xs, ys: ys, poles: poles, step: h) where branch.count >= 5 {
                    let v = branch.map { sign * ys[$0] }
                    guard let m = v.indices.min(by: { v[$0] < v[$1] }), m > 0, m < v.count - 1,
                          let left = v[...m].max(), let right = v[m...].max() else { continue }
                    let relief = min(left, right) - v[m]
                    guard relief > 0, relief.isFinite else { continue }
                    let level = v[m] + 20 * relief
                    let within = v.indices.filter { v[$0] <= level }
                    guard let first = within.first, let last = within.last, last - first + 1 == within.count,
                          within.count < v.count else { continue }
                    return (sign * level, sign)
                }
            }
        }
        return nil
    }
}
