import Foundation
import Optim
import Viz

/// The learning rate a surface figure uses for an optimizer when none is given.
///
/// Candidates are 1, 2, 5 × 10ᵏ from 10⁻⁴ to 50. Each is run from the figure's start for the figure's
/// step budget (at most `tuningSteps`). Progress is log₁₀ of how much the distance to the nearest minimum
/// shrank; when no run gets half a decade closer to a global minimum (none, or runs settle in local minima),
/// how much the gap between f and the lowest final f of any run shrank. Among the runs that stay in
/// the view, the choice is the smallest rate whose progress is at least `share` of the best run's, or at
/// least three decades: a run that gets well along, with the least zig-zag. If every run leaves the view, the smallest rate. The other hyper-parameters
/// keep PyTorch's defaults. Deterministic.
enum DefaultLearningRate {
    static let candidates: [Double] = (-4...1).flatMap { e in [1.0, 2, 5].map { $0 * pow10(e) } }
    /// Decades of progress that always suffice.
    static let enough = 3.0
    /// The share of the best run's progress a chosen run must make.
    static let share = 0.6
    static let tuningSteps = 2000

    static func pow10(_ e: Int) -> Double {
        var v = 1.0
        for _ in 0..<abs(e) { v *= 10 }
        return e < 0 ? 1 / v : v
    }

    /// The rate for `choice` on `plan` (see the type's description).
    static func choose(for choice: OptimizerListOptions.Choice, plan: SurfacePlan) throws -> Double {
        var tuning = plan
        tuning.steps = min(plan.steps, tuningSteps)
        let minima = plan.surface.minima
        func distance(_ x: Double, _ y: Double) -> Double {
            minima.map { ((x - $0.x) * (x - $0.x) + (y - $0.y) * (y - $0.y)).squareRoot() }.min() ?? 0
        }
        var finals: [(lr: Double, f: Double, d: Double)] = []
        for lr in candidates {
            let optimizer = Optimizer(config: try choice.config(lr: lr))
            let t = try tuning.run(optimizer, options: TrajectoryOptions(steps: tuning.steps, recordGradients: false))
            guard case .maxSteps = t.stop, let f = t.finalValue, let p = t.finalPosition else { continue }
            let d = t.positionData
            let inView = stride(from: 0, to: d.count - 1, by: 2).allSatisfy { plan.inView(d[$0], d[$0 + 1]) }
            if inView { finals.append((lr, f, distance(p[0], p[1]))) }
        }
        guard !finals.isEmpty else { return candidates[0] }
        if !minima.isEmpty, let lr = pick(finals.map { ($0.lr, $0.d) }, start: distance(plan.start.x, plan.start.y), floor: 0, minimum: 0.5) {
            return lr
        }
        let best = finals.map(\.f).min() ?? 0
        return pick(finals.map { ($0.lr, $0.f) }, start: plan.surface.value(plan.start), floor: best, minimum: 0) ?? finals[0].lr
    }

    /// The smallest rate whose measure shrank by at least `share` of the best run's decades (or `enough`),
    /// or nil when the best run's progress is below `minimum` decades.
    static func pick(_ finals: [(lr: Double, m: Double)], start m0: Double, floor: Double, minimum: Double) -> Double? {
        guard m0 > floor, let best = finals.map(\.m).min() else { return nil }
        func progress(_ m: Double) -> Double {
            m - floor > 0 ? Foundation.log10((m0 - floor) / (m - floor)) : .infinity
        }
        let top = progress(best)
        guard top >= minimum else { return nil }
        let needed = min(share * top, enough)
        return finals.first { progress($0.m) >= needed }?.lr
    }
}
