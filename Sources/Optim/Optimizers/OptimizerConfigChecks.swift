extension OptimizerConfig {
    /// PyTorch's argument checks for Rprop, LBFGS and Adafactor, plus integer checks and caps
    /// (max_iter, max_eval, history_size ≤ 10000) that keep one step's cost bounded.
    func validateNewer(numbers: [String: Double], require: (Bool, String, String) throws -> Void) throws {
        if numbers["etaminus"] != nil {
            try require(etaMinus > 0 && etaMinus < 1, "etaminus", "0 < etaminus < 1")
            try require(etaPlus > 1, "etaplus", "etaplus > 1")
            try require(stepSizeMax >= stepSizeMin, "step_size_max", "step_size_max >= step_size_min")
        }
        for key in ["max_iter", "max_eval", "history_size"] {
            guard let v = numbers[key] else { continue }
            try require(v >= 1 && v <= 10_000 && v.rounded() == v, key, "a whole number from 1 to 10000")
        }
        if numbers["beta2_decay"] != nil { try require(beta2Decay <= 0, "beta2_decay", "beta2_decay <= 0") }
        if numbers["d"] != nil { try require(d >= 1, "d", "d >= 1 (the clipping threshold)") }
    }

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
