import RealModule

/// A running `torch.optim.lr_scheduler` scheduler attached to an `Optimizer`: the constructor makes
/// torch's initial step (so `lastLR` is `get_last_lr()[0]` after 0 steps) and each `step` is one
/// `scheduler.step()`. It reads and writes the optimizer's param group (lr, `initial_lr`, momentum
/// or β₁) exactly where torch does, so schedules inside `SequentialLR` chain as in torch.
public struct LRScheduler: Sendable {
    /// The schedule run.
    public let schedule: LRSchedule
    /// torch's `last_epoch`: scheduler steps taken (0 after construction).
    public private(set) var lastEpoch = -1
    /// torch's `get_last_lr()[0]`.
    public private(set) var lastLR = 0.0
    var baseLR = 0.0
    var stepCount = 0
    /// CosineAnnealingWarmRestarts: position in the cycle and the cycle length.
    var tCur = 0, tI = 0
    /// OneCycleLR: the phase table; CyclicLR: the lrs and momenta it cycles between.
    var phases: [OneCyclePhase] = []
    var children: [LRScheduler] = []

    /// Attaches `schedule` to `optimizer` (changing its lr, and momentum or β₁ for cycling schedules)
    /// and makes torch's initial step. Throws `OptimError` where torch raises: a cycling schedule on
    /// an optimizer without momentum or betas, or a `SequentialLR` inside a `SequentialLR`.
    public init(schedule: LRSchedule, optimizer: inout Optimizer) throws {
        if case .sequential(let list, let milestones) = schedule.rule {
            self = try LRScheduler(sequential: schedule, list, milestones, optimizer: &optimizer)
            return
        }
        self.schedule = schedule
        switch schedule.rule {
        case .oneCycle(let o):
            try LRScheduler.checkMomentum(o.cycleMomentum, schedule, optimizer)
            let initial = o.maxLR / o.divFactor
            optimizer.initialLR = initial
            phases = OneCyclePhase.table(o, initialLR: initial)
            if o.cycleMomentum { optimizer.cycledMomentum = o.maxMomentum }
        case .cyclic(let c):
            try LRScheduler.checkMomentum(c.cycleMomentum, schedule, optimizer)
            optimizer.lr = c.baseLR
            if c.cycleMomentum { optimizer.cycledMomentum = c.maxMomentum }
        default:
            break
        }
        if optimizer.initialLR == nil { optimizer.initialLR = optimizer.lr }
        baseLR = optimizer.initialLR ?? optimizer.lr
        if case .cyclic(let c) = schedule.rule { baseLR = c.baseLR }
        initialStep(&optimizer)
    }

    private init(sequential schedule: LRSchedule, _ list: [LRSchedule], _ milestones: [Int],
                 optimizer: inout Optimizer) throws {
        self.schedule = schedule
        for child in list {
            if case .sequential = child.rule {
                throw OptimError("SequentialLR cannot contain a SequentialLR (torch steps it with an epoch it does not take)")
            }
            children.append(try LRScheduler(schedule: child, optimizer: &optimizer))
        }
        lastEpoch = 0
        optimizer.lr = optimizer.initialLR ?? optimizer.lr
        for i in children.indices { children[i].lastEpoch -= 1 }
        children[0].initialStep(&optimizer)
        lastLR = children[0].lastLR
    }

    private static func checkMomentum(_ cycles: Bool, _ schedule: LRSchedule, _ optimizer: Optimizer) throws {
        guard cycles, !optimizer.config.hasMomentum, !optimizer.config.hasBetas else { return }
        throw OptimError("\(schedule.className) cycles the momentum, but \(optimizer.name) has neither momentum nor betas; "
            + "pass cycle_momentum=False or use SGD, RMSprop, the Adam family or Lion")
    }

    /// torch's `_initial_step`: the step count restarts and one step is made.
    mutating func initialStep(_ optimizer: inout Optimizer) {
        stepCount = 0
        step(optimizer: &optimizer)
    }

    /// One `scheduler.step()`: advances `lastEpoch` and sets the optimizer's lr (and momentum or β₁).
    public mutating func step(optimizer: inout Optimizer) {
        stepCount += 1
        if case .sequential(_, let milestones) = schedule.rule {
            lastEpoch += 1
            let index = milestones.firstIndex { $0 > lastEpoch } ?? milestones.count
            if index > 0 && milestones[index - 1] == lastEpoch {
                children[index].step(epoch: 0, optimizer: &optimizer)
            } else {
                children[index].step(optimizer: &optimizer)
            }
            lastLR = children[index].lastLR
            return
        }
        if case .cosineAnnealingWarmRestarts = schedule.rule {
            warmRestartStep(epoch: nil, optimizer: &optimizer)
            return
        }
        lastEpoch += 1
        optimizer.lr = chainedLR(optimizer: &optimizer)
        lastLR = optimizer.lr
    }

    /// torch's deprecated `scheduler.step(epoch)`, as SequentialLR calls it at a milestone: jumps
    /// to `epoch` and uses the closed form where the class has one.
    mutating func step(epoch: Int, optimizer: inout Optimizer) {
        stepCount += 1
        if case .cosineAnnealingWarmRestarts = schedule.rule {
            warmRestartStep(epoch: epoch, optimizer: &optimizer)
            return
        }
        lastEpoch = epoch
        optimizer.lr = closedFormLR() ?? chainedLR(optimizer: &optimizer)
        lastLR = optimizer.lr
    }

    /// CosineAnnealingWarmRestarts.step: T_cur advances and wraps at T_i (which grows by T_mult).
    private mutating func warmRestartStep(epoch: Int?, optimizer: inout Optimizer) {
        guard case .cosineAnnealingWarmRestarts(let t0, let tMult, let etaMin) = schedule.rule else { return }
        if let epoch {
            if epoch >= t0 {
                if tMult == 1 {
                    tCur = epoch % t0
                } else {
                    let n = Int(Double.log(Double(epoch) / Double(t0) * Double(tMult - 1) + 1) / Double.log(Double(tMult)))
                    tCur = epoch - t0 * (LRScheduler.intPower(tMult, n) - 1) / (tMult - 1)
                    tI = t0 * LRScheduler.intPower(tMult, n)
                }
            } else {
                tI = t0
                tCur = epoch
            }
            lastEpoch = epoch
        } else if lastEpoch < 0 {
            tI = t0
            tCur = 0
            lastEpoch = 0
        } else {
            lastEpoch += 1
            tCur += 1
            if tCur >= tI {
                tCur -= tI
                tI *= tMult
            }
        }
        optimizer.lr = etaMin + (baseLR - etaMin) * (1 + Double.cos(Double.pi * Double(tCur) / Double(tI))) / 2
        lastLR = optimizer.lr
    }

    static func intPower(_ base: Int, _ exponent: Int) -> Int {
        var r = 1
        for _ in 0..<max(0, exponent) { r = r.multipliedReportingOverflow(by: base).partialValue }
        return r
    }
}
