extension Optimizer {
    /// The optimizer's per-coordinate state after the last step, by torch's state names (read-only; empty
    /// before the first step):
    ///
    /// - sgd/gd/momentum/nesterov: `momentum_buffer` (when momentum ≠ 0)
    /// - adagrad: `sum` (Σg²)
    /// - rmsprop: `square_avg`, plus `grad_avg` (centered) and `momentum_buffer` (momentum > 0)
    /// - adadelta: `square_avg`, `acc_delta`
    /// - adam/adamw: `exp_avg`, `exp_avg_sq`, plus `max_exp_avg_sq` (amsgrad)
    /// - nadam, radam: `exp_avg`, `exp_avg_sq`
    /// - adamax: `exp_avg`, `exp_inf`
    /// - rprop: `prev`, `step_size`
    /// - asgd: `ax`, `eta`, `mu` (the last two of length 1)
    /// - lbfgs: `d`, `prev_flat_grad` (after the first iteration)
    /// - adafactor: `variance`
    /// - lion: `exp_avg` (m)
    public var stateVectors: [String: [Double]] {
        guard stepCount > 0 else { return [:] }
        switch config.kind {
        case .sgd:
            return config.momentum != 0 ? ["momentum_buffer": first] : [:]
        case .adagrad:
            return ["sum": first]
        case .rmsprop:
            var s = ["square_avg": first]
            if config.centered { s["grad_avg"] = second }
            if config.momentum > 0 { s["momentum_buffer"] = third }
            return s
        case .adadelta:
            return ["square_avg": first, "acc_delta": second]
        case .adam, .adamw:
            var s = ["exp_avg": first, "exp_avg_sq": second]
            if config.amsgrad { s["max_exp_avg_sq"] = third }
            return s
        case .nadam, .radam:
            return ["exp_avg": first, "exp_avg_sq": second]
        case .adamax:
            return ["exp_avg": first, "exp_inf": second]
        case .rprop:
            return ["prev": first, "step_size": second]
        case .asgd:
            return ["ax": first, "eta": [asgdEta], "mu": [asgdMu]]
        case .lbfgs:
            return lbfgs.direction.isEmpty ? [:] : ["d": lbfgs.direction, "prev_flat_grad": lbfgs.previousGradient]
        case .adafactor:
            return ["variance": first]
        case .lion:
            return ["exp_avg": first]
        }
    }
}
