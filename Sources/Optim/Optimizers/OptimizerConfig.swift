/// An optimizer's name and every hyper-parameter it has, with PyTorch's defaults and argument checks.
///
///     let c = try OptimizerConfig(name: "adam", settings: ["lr": 0.01, "amsgrad": true])
///     c.label   // "adam lr=0.01 amsgrad"
///
/// Setting names are PyTorch's (`lr`, `momentum`, `dampening`, `nesterov`, `weight_decay`,
/// `lr_decay`, `initial_accumulator_value`, `eps`, `alpha`, `centered`, `rho`, `beta1`, `beta2`
/// (torch's `betas`), `amsgrad`, `momentum_decay`, `decoupled_weight_decay`, `maximize`; Rprop's
/// `etaminus`, `etaplus`, `step_size_min`, `step_size_max` (torch's `etas` and `step_sizes`); ASGD's
/// `lambd`, `alpha`, `t0`; LBFGS's `max_iter`, `max_eval`, `tolerance_grad`, `tolerance_change`,
/// `history_size`, `line_search_fn` (a flag: on is torch's `'strong_wolfe'`); Adafactor's
/// `beta2_decay`, `eps1`, `eps2` (torch's `eps` pair), `d`). A setting the optimizer does not have
/// (e.g. `rho` for adam) is an error listing the ones it has.
/// Aliases: `gd` = sgd; `momentum` = sgd with momentum 0.9; `nesterov` = sgd with momentum 0.9
/// and nesterov.
public struct OptimizerConfig: Sendable, Hashable {
    /// The name asked for (`adam`, `momentum`, `gd`, ...).
    public let name: String
    /// The torch algorithm it runs.
    public let kind: OptimizerKind
    /// Learning rate (a schedule changes it in the optimizer's working copy).
    public internal(set) var lr: Double
    /// SGD / RMSprop momentum factor (OneCycleLR and CyclicLR cycle it).
    public internal(set) var momentum: Double
    /// SGD dampening of the momentum buffer.
    public let dampening: Double
    /// SGD: Nesterov momentum (torch's form).
    public let nesterov: Bool
    /// L2 penalty added to the gradient (decoupled for AdamW or `decoupled_weight_decay`).
    public let weightDecay: Double
    /// Adagrad learning-rate decay.
    public let lrDecay: Double
    /// Adagrad: initial value of the sum of squared gradients.
    public let initialAccumulatorValue: Double
    /// Term added for numerical stability (its place differs per optimizer).
    public let eps: Double
    /// RMSprop smoothing constant.
    public let alpha: Double
    /// RMSprop: normalise by the centred second moment.
    public let centered: Bool
    /// Adadelta running-average coefficient.
    public let rho: Double
    /// Adam family and Lion: first-moment coefficient (torch's betas[0]; OneCycleLR and CyclicLR cycle it).
    public internal(set) var beta1: Double
    /// Adam family: second-moment coefficient (torch's betas[1]).
    public let beta2: Double
    /// Adam/AdamW: keep the running maximum of v.
    public let amsgrad: Bool
    /// NAdam momentum-decay constant ψ.
    public let momentumDecay: Double
    /// Adam/NAdam/RAdam: apply weight decay to θ directly (AdamW style).
    public let decoupledWeightDecay: Bool
    /// Maximise instead of minimise (torch's `maximize`: the gradient is negated).
    public let maximize: Bool
    /// Rprop: multiplicative decrease and increase of a step size (torch's `etas`).
    public let etaMinus: Double, etaPlus: Double
    /// Rprop: bounds of the step sizes (torch's `step_sizes`).
    public let stepSizeMin: Double, stepSizeMax: Double
    /// ASGD: decay term λ.
    public let lambd: Double
    /// ASGD: the step at which averaging starts.
    public let t0: Double
    /// LBFGS: iterations per `step` call.
    public let maxIter: Int
    /// LBFGS: function evaluations per `step` call (default max_iter·5/4, rounded down).
    public let maxEval: Int
    /// LBFGS: stop when max |g| ≤ this.
    public let toleranceGrad: Double
    /// LBFGS: stop when the step or the change of f is below this.
    public let toleranceChange: Double
    /// LBFGS: number of (s, y) pairs kept.
    public let historySize: Int
    /// LBFGS: `line_search_fn='strong_wolfe'` (else a fixed step of lr).
    public let strongWolfe: Bool
    /// Adafactor: exponent of the second-moment decay, 1 − β₂ₜ = t^beta2_decay.
    public let beta2Decay: Double
    /// Adafactor: floor of the second moment (squared) and of the relative step's scale (torch's `eps`).
    public let eps1: Double, eps2: Double
    /// Adafactor: update clipping threshold.
    public let d: Double

    /// Every accepted name (torch optimizers and the aliases gd, momentum, nesterov), in listing order.
    public static var allNames: [String] { specs.map(\.name) }

    static func spec(named name: String) throws -> Spec {
        if let s = specs.first(where: { $0.name == name }) { return s.spec }
        throw OptimError.unknown("optimizer", name, allowed: allNames)
    }

    /// The settings `name` has, with their defaults (PyTorch's), in listing order.
    public static func defaults(for name: String) throws -> [(name: String, value: OptimizerSetting)] {
        try spec(named: name).defaults.map { (name: $0.0, value: $0.1) }
    }

    /// One line describing `name`, for `dlplot list optimizers`.
    public static func summary(for name: String) throws -> String {
        try spec(named: name).summary
    }

    /// The optimizer `name` with `settings` (PyTorch names); unspecified settings take PyTorch's
    /// defaults. Throws `OptimError` for an unknown optimizer, a setting it does not have (listing the
    /// ones it has and suggesting the closest), a number given for a flag or vice versa, and values
    /// PyTorch rejects (lr < 0, eps < 0, betas outside [0, 1), rho outside [0, 1], negative
    /// momentum/alpha/weight_decay/lr_decay/initial_accumulator_value/momentum_decay, nesterov
    /// without momentum > 0 and dampening 0) or any non-finite number.
    public init(name: String, settings: [String: OptimizerSetting] = [:]) throws {
        let spec = try OptimizerConfig.spec(named: name)
        let allowed = spec.defaults.map(\.0)
        for key in settings.keys.sorted() where !allowed.contains(key) {
            var message = "optimizer \(name) has no setting '\(key)'"
            if let guess = closestName(to: key, in: allowed) { message += "; did you mean '\(guess)'?" }
            message += " Its settings: " + allowed.joined(separator: ", ")
            throw OptimError(message)
        }
        var numbers: [String: Double] = [:]
        var flags: [String: Bool] = [:]
        for (key, defaultValue) in spec.defaults {
            let given = settings[key] ?? defaultValue
            switch (defaultValue, given) {
            case (.number, .number(let v)):
                guard v.isFinite else {
                    throw OptimError("\(name): \(key) = \(v) is not allowed; expected a finite number")
                }
                numbers[key] = v
            case (.flag, .flag(let b)):
                flags[key] = b
            case (.number, .flag(let b)):
                throw OptimError("\(name): \(key) is a number, got the flag value \(b)")
            case (.flag, .number(let v)):
                throw OptimError("\(name): \(key) is a flag (true or false), got the number \(v)")
            }
        }
        self.name = name
        kind = spec.kind
        lr = numbers["lr"] ?? 0
        momentum = numbers["momentum"] ?? 0
        dampening = numbers["dampening"] ?? 0
        nesterov = flags["nesterov"] ?? false
        weightDecay = numbers["weight_decay"] ?? 0
        lrDecay = numbers["lr_decay"] ?? 0
        initialAccumulatorValue = numbers["initial_accumulator_value"] ?? 0
        eps = numbers["eps"] ?? 0
        alpha = numbers["alpha"] ?? 0
        centered = flags["centered"] ?? false
        rho = numbers["rho"] ?? 0
        beta1 = numbers["beta1"] ?? 0
        beta2 = numbers["beta2"] ?? 0
        amsgrad = flags["amsgrad"] ?? false
        momentumDecay = numbers["momentum_decay"] ?? 0
        decoupledWeightDecay = kind == .adamw || (flags["decoupled_weight_decay"] ?? false)
        maximize = flags["maximize"] ?? false
        etaMinus = numbers["etaminus"] ?? 0
        etaPlus = numbers["etaplus"] ?? 0
        stepSizeMin = numbers["step_size_min"] ?? 0
        stepSizeMax = numbers["step_size_max"] ?? 0
        lambd = numbers["lambd"] ?? 0
        t0 = numbers["t0"] ?? 0
        maxIter = Int(exactly: numbers["max_iter"] ?? 0) ?? 0
        if settings["max_eval"] == nil, numbers["max_eval"] != nil { numbers["max_eval"] = Double(maxIter * 5 / 4) }
        maxEval = Int(exactly: numbers["max_eval"] ?? 0) ?? 0
        toleranceGrad = numbers["tolerance_grad"] ?? 0
        toleranceChange = numbers["tolerance_change"] ?? 0
        historySize = Int(exactly: numbers["history_size"] ?? 0) ?? 0
        strongWolfe = flags["line_search_fn"] ?? false
        beta2Decay = numbers["beta2_decay"] ?? 0
        eps1 = numbers["eps1"] ?? 0
        eps2 = numbers["eps2"] ?? 0
        d = numbers["d"] ?? 0
        self.settingNames = allowed
        self.defaultValues = spec.defaults.map(\.1)
        try validate(numbers: numbers)
    }

    /// The setting names this optimizer has, in listing order.
    public let settingNames: [String]
    private let defaultValues: [OptimizerSetting]

    /// PyTorch's argument checks (the ranges of `hyperparameters`, then nesterov's conditions), with
    /// messages naming the value and the allowed range.
    private func validate(numbers: [String: Double]) throws {
        try checkRanges(numbers: numbers)
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw OptimError("\(name): nesterov requires momentum > 0 and dampening = 0 (got momentum = \(momentum), dampening = \(dampening))")
        }
    }

    /// The current value of each setting, in listing order.
    public var settings: [(name: String, value: OptimizerSetting)] {
        settingNames.map { key in
            let value: OptimizerSetting
            switch key {
            case "lr": value = .number(lr)
            case "momentum": value = .number(momentum)
            case "dampening": value = .number(dampening)
            case "nesterov": value = .flag(nesterov)
            case "weight_decay": value = .number(weightDecay)
            case "lr_decay": value = .number(lrDecay)
            case "initial_accumulator_value": value = .number(initialAccumulatorValue)
            case "eps": value = .number(eps)
            case "alpha": value = .number(alpha)
            case "centered": value = .flag(centered)
            case "rho": value = .number(rho)
            case "beta1": value = .number(beta1)
            case "beta2": value = .number(beta2)
            case "amsgrad": value = .flag(amsgrad)
            case "momentum_decay": value = .number(momentumDecay)
            case "decoupled_weight_decay": value = .flag(decoupledWeightDecay)
            case "line_search_fn": value = .flag(strongWolfe)
            case "maximize": value = .flag(maximize)
            default: value = .number(extraNumber(key))
            }
            return (key, value)
        }
    }

    /// A short legend label: the name, lr, and every setting that differs from its default,
    /// e.g. "adam lr=0.01", "sgd lr=0.1 momentum=0.5 nesterov".
    public var label: String { label(number: { "\($0)" }) }

    /// The label with every number written by `number` (a figure's formatter: lr=1×10¹⁰, not lr=10000000000.0).
    public func label(number: (Double) -> String) -> String {
        var parts = [name, "lr=" + number(lr)]
        for (i, (key, value)) in settings.enumerated() where key != "lr" && value != defaultValues[i] {
            switch value {
            case .flag(let b) where key == "line_search_fn": parts.append(b ? "strong_wolfe" : "line_search_fn=None")
            case .flag(let b): parts.append(b ? key : "\(key)=false")
            case .number(let v): parts.append("\(key)=" + number(v))
            }
        }
        return parts.joined(separator: " ")
    }
}
