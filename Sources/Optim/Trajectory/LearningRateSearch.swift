import RealModule

/// A learning rate for an optimizer when the user gives none: the smallest rate on a 1-2-5 grid that makes
/// good progress on an objective and keeps its path where the caller wants it (for a figure, in view).
///
/// Candidates are 1, 2, 5 × 10ᵏ from 10⁻⁴ to 50. Each is run from `start` for `steps` steps (at most
/// `tuningSteps`). Progress is log₁₀ of how much the distance to the nearest minimum shrank; when no run
/// gets half a decade closer to a minimum (none are given, or runs settle in local minima), how much the
/// gap between f and the lowest final f of any run shrank. Among the runs whose every recorded position
/// passes `staysInView`, the choice is the smallest rate whose progress is at least `share` of the best
/// run's, or at least `enough` decades: a run that gets well along, with the least zig-zag. If no run
/// stays in view (or every run diverges) — a steep start — the largest smaller rate (down to 10⁻⁸) whose
/// run does, else the start's Armijo rate (see `steepFallback`), not a fixed 10⁻⁴. The other hyper-parameters are whatever
/// `config` gives. Deterministic: the objective is copied for every run.
public enum LearningRateSearch {
    /// 1, 2, 5 × 10ᵏ for k = −4 … 1, ascending.
    public static let candidates: [Double] = (-4...1).flatMap { e in [1.0, 2, 5].map { $0 * Double.powerOfTen(e) } }
    /// Decades of progress that always suffice.
    public static let enough = 3.0
    /// The share of the best run's progress a chosen run must make.
    public static let share = 0.6
    /// The most steps a tuning run takes.
    public static let tuningSteps = 2000

    /// The rate for the optimizer `config(lr)` on `objective` from `start` (see the type's description).
    ///
    /// - Parameters:
    ///   - minima: the objective's known minima (each of `objective.dimension` coordinates); may be empty.
    ///   - steps: the caller's step budget; the search runs `min(steps, tuningSteps)` steps.
    ///   - staysInView: whether a position counts as in view; runs that leave it are not chosen.
    ///   - config: the optimizer with learning rate `lr`.
    /// - Throws: what `config` or `runTrajectory` throws (`OptimError`).
    public static func choose<O: Objective>(
        objective: O, start: [Double], minima: [[Double]], steps: Int,
        staysInView: ([Double]) -> Bool, config: (Double) throws -> OptimizerConfig
    ) throws -> Double {
        let budget = min(steps, tuningSteps)
        func distance(_ p: [Double]) -> Double {
            minima.map { m in zip(p, m).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() }.min() ?? 0
        }
        var finals: [(lr: Double, f: Double, d: Double)] = []
        for lr in candidates {
            let optimizer = Optimizer(config: try config(lr))
            guard let end = try runEndInView(objective: objective, optimizer: optimizer, start: start, steps: budget,
                                             staysInView: staysInView) else { continue }
            finals.append((lr, end.value, distance(end.position)))
        }
        guard !finals.isEmpty else {
            return try steepFallback(objective: objective, start: start, steps: steps, staysInView: staysInView, config: config)
        }
        if !minima.isEmpty, let lr = pick(finals.map { ($0.lr, $0.d) }, start: distance(start), floor: 0, minimum: 0.5) {
            return lr
        }
        let best = finals.map(\.f).min() ?? 0
        return pick(finals.map { ($0.lr, $0.f) }, start: objective.value(start), floor: best, minimum: 0) ?? finals[0].lr
    }

    /// The rate when no candidate keeps its run in view (a steep start, where even 10⁻⁴ overshoots):
    /// the largest 1-2-5 rate below 10⁻⁴, down to 10⁻⁸, whose run stays in view and finite; when none
    /// does, the Armijo rate of the start (the largest 1-2-5 rate whose plain gradient step lowers f
    /// by at least half of what the slope promises; Nocedal & Wright, Numerical Optimization, §3.1),
    /// which is stable there.
    static func steepFallback<O: Objective>(
        objective: O, start: [Double], steps: Int,
        staysInView: ([Double]) -> Bool, config: (Double) throws -> OptimizerConfig
    ) throws -> Double {
        let budget = min(steps, tuningSteps)
        let smaller = (-8...(-5)).reversed().flatMap { e in [5.0, 2, 1].map { $0 * Double.powerOfTen(e) } }
        for lr in smaller {
            if try runEndInView(objective: objective, optimizer: Optimizer(config: try config(lr)), start: start, steps: budget,
                                staysInView: staysInView) != nil { return lr }
        }
        return armijoRate(objective: objective, start: start)
    }

    /// The largest 1-2-5 rate from 50 down to 10⁻²² with f(θ − lr·g) ≤ f(θ) − ½·lr·|g|² at the start θ
    /// (10⁻⁸ when none passes or the gradient is zero or not finite). The ladder goes below the search's 10⁻⁸:
    /// 10¹⁰(x² + y²) needs 5×10⁻¹¹, and the 10⁻⁸ it was given diverged at step 1.
    static func armijoRate<O: Objective>(objective: O, start: [Double]) -> Double {
        var g = [Double](repeating: 0, count: start.count)
        objective.gradient(start, into: &g)
        let f0 = objective.value(start)
        let g2 = g.reduce(0) { $0 + $1 * $1 }
        guard f0.isFinite, g2.isFinite, g2 > 0 else { return 1e-8 }
        let rates = (-22...1).reversed().flatMap { e in [5.0, 2, 1].map { $0 * Double.powerOfTen(e) } }
        for lr in rates {
            let f = objective.value(zip(start, g).map { $0 - lr * $1 })
            if f.isFinite, f <= f0 - 0.5 * lr * g2 { return lr }
        }
        return 1e-8
    }

    /// The smallest rate whose measure shrank by at least `share` of the best run's decades (or `enough`),
    /// or nil when the best run's progress is below `minimum` decades.
    static func pick(_ finals: [(lr: Double, m: Double)], start m0: Double, floor: Double, minimum: Double) -> Double? {
        guard m0 > floor, let best = finals.map(\.m).min() else { return nil }
        func progress(_ m: Double) -> Double {
            m - floor > 0 ? Double.log10((m0 - floor) / (m - floor)) : .infinity
        }
        let top = progress(best)
        guard top >= minimum else { return nil }
        let needed = min(share * top, enough)
        return finals.first { progress($0.m) >= needed }?.lr
    }
}
