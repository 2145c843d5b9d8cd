import Optim

/// The step a 1-D run took to a finite w where f came out NaN although w is not outside f's domain:
/// f overflowed on the way there. `w⁴ − w²` at w = −5×10³⁰¹ is ∞ − ∞ = NaN in float64, and the run stops
/// there ("diverged at step k"); the step itself is a result to draw (a chord leaving the view, "f
/// overflows"), not nothing. A step out of f's domain (`Trajectory.leftDomain`, √w stepping below 0) is
/// not an overflow.
struct OverflowStep {
    /// The step's index and where it went.
    var step: Int
    var w: Double
    /// f there as drawn: ±∞, signed as f is at the farthest point towards w where it is still finite.
    var f: Double

    init?(_ run: Trajectory, curve: Curve1D) {
        guard case let .diverged(k) = run.stop, !run.leftDomain, run.divergedToUndefined,
              let to = run.divergedPosition.first, run.divergedPosition.count == 1, to.isFinite else { return nil }
        step = k
        w = to
        f = Self.overflowSign(towards: to, curve: curve) * .infinity
    }

    /// +1 or −1: the sign of f at the farthest of w/2, w/4, … (at most 1 100 halvings, to below the
    /// smallest normal) where f is defined and finite, the side f ran off to; +1 when there is none.
    static func overflowSign(towards w: Double, curve: Curve1D) -> Double {
        var x = w
        for _ in 0..<1_100 {
            x /= 2
            let v = curve.value(x)
            if v.isFinite { return v < 0 ? -1 : 1 }
            if x == 0 { break }
        }
        return 1
    }
}
