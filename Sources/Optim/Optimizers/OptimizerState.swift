/// An optimizer's per-coordinate state, by torch's names (`optimizer.state[p]`). Each rule uses the
/// buffers its torch class keeps; the others stay empty.
struct OptimizerBuffers: Sendable {
    /// The number of coordinates the buffers were made for (0 before the first step).
    var count = 0
    /// SGD, RMSprop: `momentum_buffer`.
    var momentumBuffer: [Double] = []
    /// Adagrad: `sum`, Σg² from `initial_accumulator_value`.
    var sum: [Double] = []
    /// RMSprop, Adadelta: `square_avg`, the running mean of g².
    var squareAvg: [Double] = []
    /// RMSprop (centered): `grad_avg`, the running mean of g.
    var gradAvg: [Double] = []
    /// Adadelta: `acc_delta`, the running mean of the squared updates.
    var accDelta: [Double] = []
    /// Adam family, Lion: `exp_avg`, the first moment m.
    var expAvg: [Double] = []
    /// Adam, AdamW, NAdam, RAdam: `exp_avg_sq`, the second moment v.
    var expAvgSq: [Double] = []
    /// Adam, AdamW with amsgrad: `max_exp_avg_sq`, the running maximum of v.
    var maxExpAvgSq: [Double] = []
    /// Adamax: `exp_inf`, the infinity-norm moment u.
    var expInf: [Double] = []
    /// Rprop: `prev`, the last gradient used.
    var prev: [Double] = []
    /// Rprop: `step_size`, the per-coordinate step sizes (from lr).
    var stepSize: [Double] = []
    /// ASGD: `ax`, the running average of θ.
    var ax: [Double] = []
    /// Adafactor: `variance`, the second moment.
    var variance: [Double] = []
    /// NAdam: `mu_product`, the running product of μ.
    var muProduct = 1.0
    /// ASGD: `eta` and `mu` (scalars per parameter tensor).
    var eta = 0.0, mu = 1.0

    init() {}

    /// Fresh buffers for `count` coordinates of the optimizer `config` (zeros; Adagrad's sum from
    /// initial_accumulator_value, Rprop's step sizes and ASGD's eta from lr).
    init(for config: OptimizerConfig, lr: Double, count n: Int) {
        count = n
        let zeros = [Double](repeating: 0, count: n)
        switch config.kind {
        case .sgd: momentumBuffer = zeros
        case .adagrad: sum = [Double](repeating: config.initialAccumulatorValue, count: n)
        case .rmsprop: (squareAvg, gradAvg, momentumBuffer) = (zeros, zeros, zeros)
        case .adadelta: (squareAvg, accDelta) = (zeros, zeros)
        case .adam, .adamw: (expAvg, expAvgSq, maxExpAvgSq) = (zeros, zeros, zeros)
        case .nadam, .radam: (expAvg, expAvgSq) = (zeros, zeros)
        case .adamax: (expAvg, expInf) = (zeros, zeros)
        case .rprop: (prev, stepSize) = (zeros, [Double](repeating: lr, count: n))
        case .asgd: ax = zeros
        case .adafactor: variance = zeros
        case .lion: expAvg = zeros
        case .lbfgs: break
        }
        eta = lr
    }
}

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
            return config.momentum != 0 ? ["momentum_buffer": state.momentumBuffer] : [:]
        case .adagrad:
            return ["sum": state.sum]
        case .rmsprop:
            var s = ["square_avg": state.squareAvg]
            if config.centered { s["grad_avg"] = state.gradAvg }
            if config.momentum > 0 { s["momentum_buffer"] = state.momentumBuffer }
            return s
        case .adadelta:
            return ["square_avg": state.squareAvg, "acc_delta": state.accDelta]
        case .adam, .adamw:
            var s = ["exp_avg": state.expAvg, "exp_avg_sq": state.expAvgSq]
            if config.amsgrad { s["max_exp_avg_sq"] = state.maxExpAvgSq }
            return s
        case .nadam, .radam:
            return ["exp_avg": state.expAvg, "exp_avg_sq": state.expAvgSq]
        case .adamax:
            return ["exp_avg": state.expAvg, "exp_inf": state.expInf]
        case .rprop:
            return ["prev": state.prev, "step_size": state.stepSize]
        case .asgd:
            return ["ax": state.ax, "eta": [state.eta], "mu": [state.mu]]
        case .lbfgs:
            return lbfgs.direction.isEmpty ? [:] : ["d": lbfgs.direction, "prev_flat_grad": lbfgs.previousGradient]
        case .adafactor:
            return ["variance": state.variance]
        case .lion:
            return ["exp_avg": state.expAvg]
        }
    }
}
