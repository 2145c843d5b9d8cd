/// The result of a line search: the accepted step length t, f and ∇f at x + t·d, and the number of
/// function evaluations made.
struct LineSearchResult {
    var f: Double
    var g: [Double]
    var t: Double
    var evaluations: Int
}

extension Optimizer {
    /// torch.optim.lbfgs's `_strong_wolfe` (after Nocedal & Wright, Algorithms 3.5–3.6; the code of
    /// minFunc): bracket a step satisfying the strong Wolfe conditions
    ///
    ///     f(x + t·d) ≤ f + c₁·t·gᵀd   and   |∇f(x + t·d)ᵀd| ≤ −c₂·gᵀd     (c₁ = 1e-4, c₂ = 0.9)
    ///
    /// extrapolating by cubic interpolation within [t + 0.01(t − t_prev), 10t], then zoom into the
    /// bracket by cubic interpolation (kept 10 % of the bracket away from its ends when progress
    /// stalls), at most 25 evaluations, stopping when the bracket is shorter than
    /// tolerance_change / max|d|.
    func strongWolfe<O: Objective>(objective: O, x: [Double], t initialT: Double, d: [Double], f: Double,
                                   g: [Double], gtd: Double, toleranceChange: Double) -> LineSearchResult {
        let c1 = 1e-4, c2 = 0.9, maxLS = 25
        var t = initialT
        let dNorm = Vec.maxAbs(d)
        func evaluate(_ t: Double) -> (Double, [Double], Double) {
            let point = Vec.moved(x, t, d)
            var grad = [Double](repeating: 0, count: x.count)
            objective.gradient(point, into: &grad)
            return (objective.value(point), grad, Vec.dot(grad, d))
        }
        var (fNew, gNew, gtdNew) = evaluate(t)
        var evaluations = 1
        var (tPrev, fPrev, gPrev, gtdPrev) = (0.0, f, g, gtd)
        var done = false
        var lsIter = 0
        var bracket: [Double] = [], bracketF: [Double] = [], bracketG: [[Double]] = [], bracketGtd: [Double] = []
        while lsIter < maxLS {
            if fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev) {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            if abs(gtdNew) <= -c2 * gtd {
                (bracket, bracketF, bracketG, bracketGtd) = ([t], [fNew], [gNew], [gtdNew])
                done = true
                break
            }
            if gtdNew >= 0 {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            let minStep = t + 0.01 * (t - tPrev)
            let maxStep = t * 10
            let previousT = t
            t = Optimizer.cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, bounds: (minStep, maxStep))
            (tPrev, fPrev, gPrev, gtdPrev) = (previousT, fNew, gNew, gtdNew)
            (fNew, gNew, gtdNew) = evaluate(t)
            evaluations += 1
            lsIter += 1
        }
        if lsIter == maxLS {
            (bracket, bracketF, bracketG, bracketGtd) = ([0, t], [f, fNew], [g, gNew], [gtd, gtdNew])
        }
        var insufficientProgress = false
        var (low, high) = bracketF[0] <= bracketF[bracketF.count - 1] ? (0, 1) : (1, 0)
        while !done && lsIter < maxLS {
            if abs(bracket[1] - bracket[0]) * dNorm < toleranceChange { break }
            t = Optimizer.cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1])
            let hi = max(bracket[0], bracket[1]), lo = min(bracket[0], bracket[1])
            let eps = 0.1 * (hi - lo)
            if min(hi - t, t - lo) < eps {
                if insufficientProgress || t >= hi || t <= lo {
                    t = abs(t - hi) < abs(t - lo) ? hi - eps : lo + eps
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }
            (fNew, gNew, gtdNew) = evaluate(t)
            evaluations += 1
            lsIter += 1
            if fNew > f + c1 * t * gtd || fNew >= bracketF[low] {
                (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) = (t, fNew, gNew, gtdNew)
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
            } else {
                if abs(gtdNew) <= -c2 * gtd {
                    done = true
                } else if gtdNew * (bracket[high] - bracket[low]) >= 0 {
                    (bracket[high], bracketF[high], bracketG[high], bracketGtd[high])
                        = (bracket[low], bracketF[low], bracketG[low], bracketGtd[low])
                }
                (bracket[low], bracketF[low], bracketG[low], bracketGtd[low]) = (t, fNew, gNew, gtdNew)
            }
        }
        return LineSearchResult(f: bracketF[low], g: bracketG[low], t: bracket[low], evaluations: evaluations)
    }

    /// torch's `_cubic_interpolate`: the minimiser of the cubic through (x₁, f₁, g₁) and (x₂, f₂, g₂),
    /// clamped to `bounds` (default the interval between x₁ and x₂); the midpoint when the cubic has
    /// no real minimiser.
    static func cubicInterpolate(_ x1: Double, _ f1: Double, _ g1: Double, _ x2: Double, _ f2: Double, _ g2: Double,
                                 bounds: (Double, Double)? = nil) -> Double {
        let (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1))
        let d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
        let d2Square = d1 * d1 - g1 * g2
        guard d2Square >= 0 else { return (lower + upper) / 2 }
        let d2 = d2Square.squareRoot()
        let minPos = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return min(max(minPos, lower), upper)
    }
}
