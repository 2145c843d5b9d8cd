/// Runs `optimizer` (a fresh copy: its state starts from this call's first step) on `objective`
/// from `start` and records the path.
///
/// Each step: the step gradient at θₖ, one optimizer step to θₖ₊₁, then f(θₖ₊₁) and the next
/// gradient. The run stops after `options.steps` steps (`.maxSteps`), when the convergence test
/// holds (`.converged(step:)`, only if `options.tolerance` is set), or when a parameter becomes
/// non-finite or f undefined (NaN) (`.diverged(step:)`; that step is not recorded). A large but finite
/// position is not divergence, nor is f overflowing to ±∞ there: that row is recorded with f = ±∞. Memory is O(rows recorded) and no allocation happens per step.
///
/// With a `schedule`, one `scheduler.step()` follows each optimizer step (torch's order) and each
/// row records the lr its step uses (`Trajectory.learningRates`). LBFGS makes one row per
/// `step(closure)` call and records torch's running count of function evaluations; with positions
/// recorded every step, also where each extra evaluation inside a call was made
/// (`Trajectory.evaluationPositions`, at most 10⁵ of them).
///
/// Throws `OptimError` when `start` does not have `objective.dimension` entries, `steps` < 0,
/// `recordEvery` < 1, the tolerance is negative or not finite, or the schedule cannot run this
/// optimizer or this many steps (OneCycleLR's total_steps).
public func runTrajectory<O: Objective>(
    objective: O, optimizer: Optimizer, start: [Double], options: TrajectoryOptions, schedule: LRSchedule? = nil
) throws -> Trajectory {
    // Positions of LBFGS's extra evaluations, for figures that mark them (bounded: 10⁵ points).
    let evaluationLog = optimizer.needsObjective && options.recordPositions && options.recordEvery == 1
        ? EvaluationLog(capacity: 100_000) : nil
    var stepper = try TrajectoryStepper(checking: objective, optimizer: optimizer, start: start, options: options,
                                        schedule: schedule, evaluationLog: evaluationLog)
    var trajectory = stepper.run()
    if let evaluationLog {
        trajectory.evaluationPositions = evaluationLog.positions
        trajectory.evaluationSteps = evaluationLog.steps
    }
    return trajectory
}

/// One recorded row of a run as `streamTrajectory` hands it over: the step (0 = the start), θ after it,
/// f(θ), the learning rate the next step uses, and for LBFGS torch's running count of function evaluations.
public struct TrajectoryRow: Sendable {
    public let step: Int
    public let position: [Double]
    public let value: Double
    public let learningRate: Double
    public let evaluations: Int?
}

/// `runTrajectory`, streamed: each recorded row goes to `row` as soon as it is made, in order, and the
/// returned trajectory keeps only the last recorded row (with the stop reason, `divergedPosition`,
/// `leftDomain` and `overflowStep`, as `runTrajectory` gives them). Memory is O(1) in the steps, so
/// 10⁷ steps can be printed without holding them; the rows are exactly `runTrajectory`'s for the same
/// arguments (LBFGS's inner evaluation positions are not kept; `everyValue` still keeps every f). Throws as `runTrajectory`.
public func streamTrajectory<O: Objective>(
    objective: O, optimizer: Optimizer, start: [Double], options: TrajectoryOptions, schedule: LRSchedule? = nil,
    row: @escaping (TrajectoryRow) -> Void
) throws -> Trajectory {
    var stepper = try TrajectoryStepper(checking: objective, optimizer: optimizer, start: start, options: options,
                                        schedule: schedule, evaluationLog: nil)
    stepper.onRow = row
    return stepper.run()
}

/// The end of a run that stays finite and where `staysInView` wants it at every step (the start
/// included): f and θ after `steps` steps, or nil as soon as a step diverges or leaves the view. Nothing
/// is recorded on the way, so a search over many rates costs only the steps (and stops a run that
/// overshoots at once); for the same run `runTrajectory` would reach `.maxSteps` with every recorded
/// position in view exactly when this returns a value, and the same final value and position.
/// Throws `OptimError` like `runTrajectory` for a start of the wrong length or steps < 0.
func runEndInView<O: Objective>(objective: O, optimizer: Optimizer, start: [Double], steps: Int,
                                staysInView: ([Double]) -> Bool) throws -> (value: Double, position: [Double])? {
    var optimizer = optimizer
    optimizer.reset()
    guard start.count == objective.dimension else {
        throw OptimError("start has \(start.count) coordinates but the objective has \(objective.dimension) parameters")
    }
    guard steps >= 0 else { throw OptimError("steps = \(steps) is not allowed; expected steps >= 0") }
    let evaluationLog: EvaluationLog? = nil
    var stepper = TrajectoryStepper(objective: objective, optimizer: optimizer, scheduler: nil, start: start,
                                    options: TrajectoryOptions(steps: steps, recordPositions: false, recordGradients: false),
                                    evaluationLog: evaluationLog)
    return stepper.runToEnd(staysInView: staysInView)
}

/// The step loop of `runTrajectory` (arguments checked there; `optimizer` already reset): the state of
/// one run (θ, the step gradient, the rows recorded so far) and the step that advances it.
private struct TrajectoryStepper<O: Objective> {
    var objective: O
    var optimizer: Optimizer
    var scheduler: LRScheduler?
    let options: TrajectoryOptions
    let evaluationLog: EvaluationLog?
    let n: Int
    var trajectory: Trajectory
    var theta: [Double]
    var g: [Double]
    var fullGradient: [Double]
    var evaluations = 0
    var lastRecorded = -1
    /// Where recorded rows go as they are made; when set, the trajectory keeps only the last one.
    var onRow: ((TrajectoryRow) -> Void)?

    init(objective: O, optimizer: Optimizer, scheduler: LRScheduler?, start: [Double], options: TrajectoryOptions,
         evaluationLog: EvaluationLog?) {
        self.objective = objective; self.optimizer = optimizer; self.scheduler = scheduler
        self.options = options; self.evaluationLog = evaluationLog
        n = start.count
        trajectory = Trajectory(dimension: n)
        theta = start
        g = [Double](repeating: 0, count: n)
        fullGradient = [Double](repeating: 0, count: n)
    }

    /// Checks the arguments as `runTrajectory` documents and resets `optimizer`.
    init(checking objective: O, optimizer: Optimizer, start: [Double], options: TrajectoryOptions, schedule: LRSchedule?,
         evaluationLog: EvaluationLog?) throws {
        var optimizer = optimizer
        optimizer.reset()
        let scheduler = try schedule.map { try LRScheduler(schedule: $0, optimizer: &optimizer) }
        if let schedule, let limit = schedule.stepLimit, options.steps > limit {
            throw OptimError("\(schedule.text) allows at most \(limit) steps (torch raises after total_steps); this run has \(options.steps)")
        }
        guard start.count == objective.dimension else {
            throw OptimError("start has \(start.count) coordinates but the objective has \(objective.dimension) parameters")
        }
        guard options.steps >= 0 else { throw OptimError("steps = \(options.steps) is not allowed; expected steps >= 0") }
        guard options.recordEvery >= 1 else {
            throw OptimError("recordEvery = \(options.recordEvery) is not allowed; expected >= 1")
        }
        if let tol = options.tolerance, !(tol.isFinite && tol >= 0) {
            throw OptimError("tolerance = \(tol) is not allowed; expected a finite number >= 0")
        }
        self.init(objective: objective, optimizer: optimizer, scheduler: scheduler, start: start, options: options,
                  evaluationLog: evaluationLog)
    }

    mutating func record(_ k: Int, _ f: Double) {
        if f.isInfinite {
            if trajectory.infiniteSince == nil { trajectory.infiniteSince = k }
        } else {
            trajectory.infiniteSince = nil
        }
        if let onRow {
            onRow(TrajectoryRow(step: k, position: theta, value: f, learningRate: optimizer.lr,
                                evaluations: optimizer.needsObjective ? evaluations : nil))
            trajectory.steps.removeAll(keepingCapacity: true)
            trajectory.values.removeAll(keepingCapacity: true)
            trajectory.positionData.removeAll(keepingCapacity: true)
            trajectory.gradientData.removeAll(keepingCapacity: true)
            trajectory.learningRates.removeAll(keepingCapacity: true)
            trajectory.functionEvaluations.removeAll(keepingCapacity: true)
        }
        trajectory.steps.append(k)
        trajectory.values.append(f)
        if options.recordPositions { trajectory.positionData.append(contentsOf: theta) }
        if options.recordGradients { trajectory.gradientData.append(contentsOf: g) }
        trajectory.learningRates.append(optimizer.lr)
        if optimizer.needsObjective { trajectory.functionEvaluations.append(evaluations) }
        lastRecorded = k
    }

    /// Whether the run can go on from θ: every parameter finite and f defined there. f = ±∞ at a finite θ
    /// (x² + y² at x = 10²⁰⁰ overflows float64) is not divergence: the row is recorded with its infinite
    /// value and the run goes on (gd with lr 0.1 from there converges). A non-finite gradient at a finite
    /// θ is recorded too; the step it makes decides.
    func canContinue(_ f: Double) -> Bool {
        guard !f.isNaN else { return false }
        for i in 0..<n where !theta[i].isFinite { return false }
        return true
    }

    mutating func converged(_ f: Double, previous: Double, step k: Int) -> Bool {
        guard let tol = options.tolerance else { return false }
        switch options.convergence {
        case .gradientNorm:
            objective.gradient(theta, into: &fullGradient)
            var sum = 0.0
            for v in fullGradient { sum += v * v }
            return sum.squareRoot() <= tol
        case .valueChange:
            return k > 0 && abs(f - previous) <= tol
        }
    }

    /// Marks the run diverged at step `k` with value `f`.
    mutating func diverge(at k: Int, value f: Double) {
        trajectory.stop = .diverged(step: k)
        trajectory.divergedPosition = theta
        trajectory.divergedToUndefined = f.isNaN
    }

    /// One optimizer step (and scheduler step) from θ to the next θ, then f and the step gradient there.
    mutating func step(_ k: Int) -> Double {
        if let log = evaluationLog {
            log.begin(step: k)
            evaluations += optimizer.step(parameters: &theta, gradient: &g, objective: LoggedObjective(base: objective, log: log))
        } else if optimizer.needsObjective {
            evaluations += optimizer.step(parameters: &theta, gradient: &g, objective: objective)
        } else {
            optimizer.step(parameters: &theta, gradient: g)
        }
        scheduler?.step(optimizer: &optimizer)
        let f = objective.value(theta)
        objective.stepGradient(theta, into: &g)
        return f
    }

    /// Runs `options.steps` steps recording nothing; nil as soon as the run stops (see `canContinue`)
    /// or θ leaves the view (see `runEndInView`).
    mutating func runToEnd(staysInView: ([Double]) -> Bool) -> (value: Double, position: [Double])? {
        var f = objective.value(theta)
        objective.stepGradient(theta, into: &g)
        guard canContinue(f), staysInView(theta) else { return nil }
        var k = 0
        while k < options.steps {
            k += 1
            f = step(k)
            guard canContinue(f), staysInView(theta) else { return nil }
        }
        return (f, theta)
    }

    /// Runs up to `options.steps` steps and returns the recorded path.
    mutating func run() -> Trajectory {
        var f = objective.value(theta)
        objective.stepGradient(theta, into: &g)
        guard canContinue(f) else {
            diverge(at: 0, value: f)
            return trajectory
        }
        if options.everyValue { trajectory.valueHistory.reserveCapacity(options.steps + 1) }
        if options.everyValue { trajectory.valueHistory.append(f) }
        record(0, f)
        if converged(f, previous: f, step: 0) {
            trajectory.stop = .converged(step: 0)
            return trajectory
        }
        // The last finite state, copied in place each step (no allocation) so that a diverging step
        // can still leave its predecessor recorded.
        var lastTheta = theta
        var lastG = g
        var lastF = f
        var k = 0
        while k < options.steps {
            for i in 0..<n {
                lastTheta[i] = theta[i]
                lastG[i] = g[i]
            }
            lastF = f
            k += 1
            let lastLR = optimizer.lr
            f = step(k)
            if !canContinue(f) {
                diverge(at: k, value: f)
                if k - 1 > lastRecorded {
                    (theta, g) = (lastTheta, lastG)
                    optimizer.lr = lastLR
                    record(k - 1, lastF)
                }
                return trajectory
            }
            if options.everyValue { trajectory.valueHistory.append(f) }
            let stopHere = converged(f, previous: lastF, step: k)
            if k % options.recordEvery == 0 || k == options.steps || stopHere { record(k, f) }
            if stopHere {
                trajectory.stop = .converged(step: k)
                return trajectory
            }
        }
        return trajectory
    }
}
