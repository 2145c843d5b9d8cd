/// Typed accessors of `OptimizerConfig`'s values, by the hyper-parameter table's keys (torch's names
/// in the comments), and the table's lookups.
extension OptimizerConfig {
    /// lr: learning rate (a schedule changes it in the optimizer's working copy).
    public internal(set) var lr: Double { get { self[.lr] } set { self[.lr] = newValue } }
    /// momentum: SGD / RMSprop momentum factor (OneCycleLR and CyclicLR cycle it).
    public internal(set) var momentum: Double { get { self[.momentum] } set { self[.momentum] = newValue } }
    /// beta1: Adam family and Lion first-moment coefficient (torch's betas[0]; OneCycleLR and CyclicLR cycle it).
    public internal(set) var beta1: Double { get { self[.beta1] } set { self[.beta1] = newValue } }
    /// dampening: SGD dampening of the momentum buffer.
    public var dampening: Double { self[.dampening] }
    /// nesterov: SGD Nesterov momentum (torch's form).
    public var nesterov: Bool { self[.nesterov] != 0 }
    /// weight_decay: L2 penalty added to the gradient (decoupled for AdamW or `decoupled_weight_decay`).
    public var weightDecay: Double { self[.weightDecay] }
    /// lr_decay: Adagrad learning-rate decay.
    public var lrDecay: Double { self[.lrDecay] }
    /// initial_accumulator_value: Adagrad's initial sum of squared gradients.
    public var initialAccumulatorValue: Double { self[.initialAccumulatorValue] }
    /// eps: term added for numerical stability (its place differs per optimizer).
    public var eps: Double { self[.eps] }
    /// alpha: RMSprop smoothing constant; ASGD power of the step decay.
    public var alpha: Double { self[.alpha] }
    /// centered: RMSprop normalises by the centred second moment.
    public var centered: Bool { self[.centered] != 0 }
    /// rho: Adadelta running-average coefficient.
    public var rho: Double { self[.rho] }
    /// beta2: Adam family second-moment coefficient (torch's betas[1]).
    public var beta2: Double { self[.beta2] }
    /// amsgrad: Adam/AdamW keep the running maximum of v.
    public var amsgrad: Bool { self[.amsgrad] != 0 }
    /// momentum_decay: NAdam momentum-decay constant ψ.
    public var momentumDecay: Double { self[.momentumDecay] }
    /// decoupled_weight_decay, or AdamW: apply weight decay to θ directly.
    public var decoupledWeightDecay: Bool { kind == .adamw || self[.decoupledWeightDecay] != 0 }
    /// maximize: maximise instead of minimise (the gradient is negated).
    public var maximize: Bool { self[.maximize] != 0 }
    /// etaminus, etaplus: Rprop's multiplicative decrease and increase of a step size (torch's `etas`).
    public var etaMinus: Double { self[.etaminus] }
    /// etaplus (see `etaMinus`).
    public var etaPlus: Double { self[.etaplus] }
    /// step_size_min: Rprop's smallest step size (torch's step_sizes[0]).
    public var stepSizeMin: Double { self[.stepSizeMin] }
    /// step_size_max: Rprop's largest step size (torch's step_sizes[1]).
    public var stepSizeMax: Double { self[.stepSizeMax] }
    /// lambd: ASGD decay term λ.
    public var lambd: Double { self[.lambd] }
    /// t0: the step at which ASGD's averaging starts.
    public var t0: Double { self[.t0] }
    /// max_iter: LBFGS iterations per `step` call.
    public var maxIter: Int { Int(exactly: self[.maxIter]) ?? 0 }
    /// max_eval: LBFGS function evaluations per `step` call (default max_iter·5/4, rounded down).
    public var maxEval: Int { Int(exactly: self[.maxEval]) ?? 0 }
    /// tolerance_grad: LBFGS stops when max |g| ≤ this.
    public var toleranceGrad: Double { self[.toleranceGrad] }
    /// tolerance_change: LBFGS stops when the step or the change of f is below this.
    public var toleranceChange: Double { self[.toleranceChange] }
    /// history_size: number of (s, y) pairs LBFGS keeps.
    public var historySize: Int { Int(exactly: self[.historySize]) ?? 0 }
    /// line_search_fn: LBFGS's `'strong_wolfe'` (else a fixed step of lr).
    public var strongWolfe: Bool { self[.lineSearchFn] != 0 }
    /// beta2_decay: Adafactor's exponent of the second-moment decay, 1 − β₂ₜ = t^beta2_decay.
    public var beta2Decay: Double { self[.beta2Decay] }
    /// eps1: Adafactor's floor of the second moment (torch's eps[0]).
    public var eps1: Double { self[.eps1] }
    /// eps2: Adafactor's floor of the relative step's scale (torch's eps[1]).
    public var eps2: Double { self[.eps2] }
    /// d: Adafactor's update clipping threshold.
    public var d: Double { self[.d] }

    /// Whether torch's class has a `momentum` setting a cycling schedule can drive (SGD, RMSprop).
    public var hasMomentum: Bool { kind == .sgd || kind == .rmsprop }
    /// Whether the optimizer has `betas` whose first entry a cycling schedule drives (Adam family, Lion).
    public var hasBetas: Bool { [.adam, .adamw, .nadam, .radam, .adamax, .lion].contains(kind) }

    /// Every hyper-parameter, in table order.
    public static var hyperparameters: [Hyperparameter] { Hyperparameter.table }

    /// The table entry for `key` (torch's name), or nil.
    public static func hyperparameter(_ key: String) -> Hyperparameter? {
        Hyperparameter.table.first { $0.key == key }
    }

    /// The optimizers that have `key`, with their defaults, in listing order.
    public static func defaults(of key: String) -> [(optimizer: String, value: OptimizerSetting)] {
        guard let k = HyperparameterKey.allCases.first(where: { $0.name == key }) else { return [] }
        return specs.compactMap { entry in
            entry.spec.keys.contains(k) ? (entry.name, setting(k, entry.spec.defaults[k.rawValue])) : nil
        }
    }
}
