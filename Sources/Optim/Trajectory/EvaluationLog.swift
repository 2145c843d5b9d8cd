// Trajectory: running an optimizer on an objective step by step, and the learning-rate search.

/// Where an optimizer that calls the objective itself (torch.optim.LBFGS's `closure`) evaluated it
/// inside its steps: the trial points of the line search and the inner iterations of one
/// `step(closure)` call, which the trajectory's one row per call does not show.
final class EvaluationLog {
    /// The positions, `dimension` numbers each, in evaluation order.
    var positions: [Double] = []
    /// The step (1-based, as in `Trajectory.steps`) each position belongs to.
    var steps: [Int] = []
    /// The step being taken.
    var step = 0
    /// Evaluations of the current step so far (the first is at the step's own start and is not kept).
    var inStep = 0
    /// The most positions kept; later ones are counted in `Trajectory.functionEvaluations` only.
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Starts step `k`.
    func begin(step k: Int) {
        step = k
        inStep = 0
    }

    /// Notes an evaluation at `p`.
    func note(_ p: [Double]) {
        inStep += 1
        guard inStep > 1, steps.count < capacity else { return }
        positions.append(contentsOf: p)
        steps.append(step)
    }
}

/// `base` with every evaluation of f noted in `log`.
struct LoggedObjective<Base: Objective>: Objective {
    let base: Base
    let log: EvaluationLog

    var dimension: Int { base.dimension }

    func value(_ parameters: [Double]) -> Double {
        log.note(parameters)
        return base.value(parameters)
    }

    func gradient(_ parameters: [Double], into gradient: inout [Double]) {
        base.gradient(parameters, into: &gradient)
    }
}
