extension OptimizerConfig {
    /// The value of a numeric setting added with Rprop, ASGD, LBFGS and Adafactor, by torch's name.
    func extraNumber(_ key: String) -> Double {
        switch key {
        case "etaminus": return etaMinus
        case "etaplus": return etaPlus
        case "step_size_min": return stepSizeMin
        case "step_size_max": return stepSizeMax
        case "lambd": return lambd
        case "t0": return t0
        case "max_iter": return Double(maxIter)
        case "max_eval": return Double(maxEval)
        case "tolerance_grad": return toleranceGrad
        case "tolerance_change": return toleranceChange
        case "history_size": return Double(historySize)
        case "beta2_decay": return beta2Decay
        case "eps1": return eps1
        case "eps2": return eps2
        case "d": return d
        default: return .nan
        }
    }

    /// Whether torch's class has a `momentum` setting a cycling schedule can drive (SGD, RMSprop).
    public var hasMomentum: Bool { kind == .sgd || kind == .rmsprop }
    /// Whether the optimizer has `betas` whose first entry a cycling schedule drives (Adam family, Lion).
    public var hasBetas: Bool { [.adam, .adamw, .nadam, .radam, .adamax, .lion].contains(kind) }
}
