import RealModule

/// One phase of OneCycleLR: up to `endStep` the lr anneals from `startLR` to `endLR` and the
/// momentum from `startMomentum` to `endMomentum`.
struct OneCyclePhase: Sendable {
    var endStep: Double
    var startLR: Double, endLR: Double
    var startMomentum: Double, endMomentum: Double

    /// torch's `_schedule_phases` (two phases, or three with `three_phase`).
    static func table(_ o: LRSchedule.OneCycle, initialLR: Double) -> [OneCyclePhase] {
        let minLR = initialLR / o.finalDivFactor
        let total = Double(o.totalSteps)
        if o.threePhase {
            return [
                OneCyclePhase(endStep: o.pctStart * total - 1, startLR: initialLR, endLR: o.maxLR,
                              startMomentum: o.maxMomentum, endMomentum: o.baseMomentum),
                OneCyclePhase(endStep: 2 * o.pctStart * total - 2, startLR: o.maxLR, endLR: initialLR,
                              startMomentum: o.baseMomentum, endMomentum: o.maxMomentum),
                OneCyclePhase(endStep: total - 1, startLR: initialLR, endLR: minLR,
                              startMomentum: o.maxMomentum, endMomentum: o.maxMomentum),
            ]
        }
        return [
            OneCyclePhase(endStep: o.pctStart * total - 1, startLR: initialLR, endLR: o.maxLR,
                          startMomentum: o.maxMomentum, endMomentum: o.baseMomentum),
            OneCyclePhase(endStep: total - 1, startLR: o.maxLR, endLR: minLR,
                          startMomentum: o.baseMomentum, endMomentum: o.maxMomentum),
        ]
    }
}

extension LRScheduler {
    /// torch's `get_lr()` at `lastEpoch`: the recursive ("chainable") forms that multiply the
    /// optimizer's current lr, written in torch's operation order:
    ///
    ///     StepLR          lr·γ when t > 0 and t mod step_size = 0
    ///     MultiStepLR     lr·γ^(count of t in milestones)
    ///     ConstantLR      lr·factor at t = 0, lr/factor at t = total_iters
    ///     LinearLR        lr·s at t = 0; for 0 < t ≤ T: lr·(1 + (e − s)/(T·s + (t − 1)(e − s)))
    ///     ExponentialLR   lr·γ for t > 0
    ///     CosineAnnealing (1 + cos(πt/T))/(1 + cos(π(t−1)/T))·(lr − η) + η, and at a restart
    ///                     (t − 1 − T) mod 2T = 0: lr + (base − η)(1 − cos(π/T))/2
    ///     PolynomialLR    lr·((1 − t/T)/(1 − (t − 1)/T))^power for 0 < t ≤ T
    ///     OneCycleLR      anneal(start, end, pct) per phase, cos: end + (start − end)/2·(cos(π·pct) + 1)
    ///     CyclicLR        base + (max − base)·scale·s(x), x the position in the cycle
    ///
    /// OneCycleLR and CyclicLR also set the momentum (or β₁) here.
    mutating func chainedLR(optimizer: inout Optimizer) -> Double {
        let lr = optimizer.lr
        let t = lastEpoch
        switch schedule.rule {
        case .step(let size, let gamma):
            return t == 0 || t % size != 0 ? lr : lr * gamma
        case .multiStep(let milestones, let gamma):
            let count = milestones.filter { $0 == t }.count
            return count == 0 ? lr : lr * Double.pow(gamma, Double(count))
        case .constant(let factor, let total):
            if t == 0 { return lr * factor }
            return t != total ? lr : lr * (1.0 / factor)
        case .linear(let s, let e, let total):
            if t == 0 { return lr * s }
            if t > total { return lr }
            return lr * (1.0 + (e - s) / (Double(total) * s + Double(t - 1) * (e - s)))
        case .exponential(let gamma):
            return t == 0 ? lr : lr * gamma
        case .cosineAnnealing(let tMax, let etaMin):
            if t == 0 { return lr }
            if stepCount == 1 && t > 0 { return closedFormLR() ?? lr }
            if LRScheduler.pythonMod(Double(t - 1) - tMax, 2 * tMax) == 0 {
                return lr + (baseLR - etaMin) * (1 - Double.cos(Double.pi / tMax)) / 2
            }
            return (1 + Double.cos(Double.pi * Double(t) / tMax)) / (1 + Double.cos(Double.pi * Double(t - 1) / tMax))
                * (lr - etaMin) + etaMin
        case .polynomial(let total, let power):
            if t == 0 || t > total { return lr }
            let factor = Double.pow((1.0 - Double(t) / Double(total)) / (1.0 - Double(t - 1) / Double(total)), power)
            return lr * factor
        case .oneCycle(let o):
            return oneCycleLR(o, optimizer: &optimizer)
        case .cyclic(let c):
            return cyclicLR(c, optimizer: &optimizer)
        case .cosineAnnealingWarmRestarts, .sequential:
            return lr
        }
    }

    /// torch's `_get_closed_form_lr()` at `lastEpoch`, for the classes that have one (nil otherwise).
    func closedFormLR() -> Double? {
        let t = lastEpoch
        let base = baseLR
        switch schedule.rule {
        case .step(let size, let gamma):
            return base * Double.pow(gamma, Double(t / size))
        case .multiStep(let milestones, let gamma):
            return base * Double.pow(gamma, Double(milestones.sorted().filter { $0 <= t }.count))
        case .constant(let factor, let total):
            return base * (factor + (t >= total ? 1 : 0) * (1 - factor))
        case .linear(let s, let e, let total):
            return base * (s + (e - s) * Double(min(total, t)) / Double(total))
        case .exponential(let gamma):
            return base * Double.pow(gamma, Double(t))
        case .cosineAnnealing(let tMax, let etaMin):
            return etaMin + (base - etaMin) * (1 + Double.cos(Double.pi * Double(t) / tMax)) / 2
        case .polynomial(let total, let power):
            return base * Double.pow(1.0 - Double(min(total, t)) / Double(total), power)
        default:
            return nil
        }
    }

    private func oneCycleLR(_ o: LRSchedule.OneCycle, optimizer: inout Optimizer) -> Double {
        let stepNumber = Double(lastEpoch)
        var start = 0.0
        for (i, phase) in phases.enumerated() {
            if stepNumber <= phase.endStep || i == phases.count - 1 {
                let pct = (stepNumber - start) / (phase.endStep - start)
                if o.cycleMomentum {
                    optimizer.cycledMomentum = LRScheduler.anneal(o.annealCos, phase.startMomentum, phase.endMomentum, pct)
                }
                return LRScheduler.anneal(o.annealCos, phase.startLR, phase.endLR, pct)
            }
            start = phase.endStep
        }
        return optimizer.lr
    }

    /// torch's `_annealing_cos` and `_annealing_linear`.
    static func anneal(_ cosine: Bool, _ start: Double, _ end: Double, _ pct: Double) -> Double {
        guard cosine else { return (end - start) * pct + start }
        let cosOut = Double.cos(Double.pi * pct) + 1
        return end + (start - end) / 2.0 * cosOut
    }

    private func cyclicLR(_ c: LRSchedule.Cyclic, optimizer: inout Optimizer) -> Double {
        let down = c.stepSizeDown ?? c.stepSizeUp
        let totalSize = c.stepSizeUp + down
        let stepRatio = c.stepSizeUp / totalSize
        let epoch = Double(lastEpoch)
        let cycle = (1 + epoch / totalSize).rounded(.down)
        let x = 1.0 + epoch / totalSize - cycle
        let scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
        let scale: Double
        switch c.mode {
        case .triangular: scale = 1.0
        case .triangular2: scale = 1 / Double.pow(2.0, cycle - 1)
        case .expRange: scale = Double.pow(c.gamma, epoch)
        }
        if c.cycleMomentum {
            optimizer.cycledMomentum = c.maxMomentum - (c.maxMomentum - c.baseMomentum) * scaleFactor * scale
        }
        return c.baseLR + (c.maxLR - c.baseLR) * scaleFactor * scale
    }

    /// Python's `a % b` for floats (the result has the sign of b).
    static func pythonMod(_ a: Double, _ b: Double) -> Double {
        let r = a.truncatingRemainder(dividingBy: b)
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }
}
