/// An optimizer's name and every hyper-parameter it has, with PyTorch's defaults and argument checks.
///
///     let c = try OptimizerConfig(name: "adam", settings: ["lr": 0.01, "amsgrad": true])
///     c.label   // "adam lr=0.01 amsgrad"
///
/// Setting names are PyTorch's (`lr`, `momentum`, `dampening`, `nesterov`, `weight_decay`,
/// `lr_decay`, `initial_accumulator_value`, `eps`, `alpha`, `centered`, `rho`, `beta1`, `beta2`
/// (torch's `betas`), `amsgrad`, `momentum_decay`, `decoupled_weight_decay`, `maximize`). A setting
/// the optimizer does not have (e.g. `rho` for adam) is an error listing the ones it has.
/// Aliases: `gd` = sgd; `momentum` = sgd with momentum 0.9; `nesterov` = sgd with momentum 0.9
/// and nesterov.
public struct OptimizerConfig: Sendable, Hashable {
    /// The name asked for (`adam`, `momentum`, `gd`, ...).
    public let name: String
    /// The torch algorithm it runs.
    public let kind: OptimizerKind
    /// Learning rate.
    public let lr: Double
    /// SGD / RMSprop momentum factor.
    public let momentum: Double
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
    /// Adam family: first-moment coefficient (torch's betas[0]).
    public let beta1: Double
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

    struct Spec {
        let kind: OptimizerKind
        let summary: String
        /// Setting names with their defaults, in the order labels and help list them.
        let defaults: [(String, OptimizerSetting)]
    }

    static let adamFamily: [(String, OptimizerSetting)] = [("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8)]

    static let specs: [(name: String, spec: Spec)] = [
        ("sgd", Spec(kind: .sgd, summary: "stochastic gradient descent: theta -= lr*g (optional momentum, nesterov, weight decay)",
                     defaults: [("lr", 1e-3), ("momentum", 0), ("dampening", 0), ("weight_decay", 0),
                                ("nesterov", false), ("maximize", false)])),
        ("gd", Spec(kind: .sgd, summary: "alias of sgd: plain gradient descent",
                    defaults: [("lr", 1e-3), ("momentum", 0), ("dampening", 0), ("weight_decay", 0),
                               ("nesterov", false), ("maximize", false)])),
        ("momentum", Spec(kind: .sgd, summary: "sgd with momentum 0.9 (heavy ball; buffer starts at the first gradient)",
                          defaults: [("lr", 1e-3), ("momentum", 0.9), ("dampening", 0), ("weight_decay", 0),
                                     ("nesterov", false), ("maximize", false)])),
        ("nesterov", Spec(kind: .sgd, summary: "sgd with momentum 0.9 and nesterov (torch's reformulation)",
                          defaults: [("lr", 1e-3), ("momentum", 0.9), ("dampening", 0), ("weight_decay", 0),
                                     ("nesterov", true), ("maximize", false)])),
        ("adagrad", Spec(kind: .adagrad, summary: "per-coordinate lr/(sqrt(sum g^2) + eps), lr decaying as 1/(1+(t-1)lr_decay)",
                         defaults: [("lr", 1e-2), ("lr_decay", 0), ("weight_decay", 0),
                                    ("initial_accumulator_value", 0), ("eps", 1e-10), ("maximize", false)])),
        ("rmsprop", Spec(kind: .rmsprop, summary: "lr*g/(sqrt(v) + eps) with v a running mean of g^2 (alpha 0.99)",
                         defaults: [("lr", 1e-2), ("alpha", 0.99), ("eps", 1e-8), ("weight_decay", 0),
                                    ("momentum", 0), ("centered", false), ("maximize", false)])),
        ("adadelta", Spec(kind: .adadelta, summary: "step sqrt(u+eps)/sqrt(v+eps)*g, no tuning of lr needed (lr 1, rho 0.9)",
                          defaults: [("lr", 1.0), ("rho", 0.9), ("eps", 1e-6), ("weight_decay", 0), ("maximize", false)])),
        ("adam", Spec(kind: .adam, summary: "bias-corrected first and second moments; eps outside the sqrt",
                      defaults: [("lr", 1e-3)] + adamFamily
                        + [("weight_decay", 0), ("amsgrad", false), ("decoupled_weight_decay", false), ("maximize", false)])),
        ("adamw", Spec(kind: .adamw, summary: "Adam with decoupled weight decay theta *= 1 - lr*wd (weight_decay 0.01)",
                       defaults: [("lr", 1e-3)] + adamFamily
                        + [("weight_decay", 1e-2), ("amsgrad", false), ("maximize", false)])),
        ("nadam", Spec(kind: .nadam, summary: "Adam with Nesterov momentum and torch's momentum-decay schedule",
                       defaults: [("lr", 2e-3)] + adamFamily
                        + [("weight_decay", 0), ("momentum_decay", 4e-3), ("decoupled_weight_decay", false),
                           ("maximize", false)])),
        ("radam", Spec(kind: .radam, summary: "rectified Adam: momentum-only steps until the variance estimate is reliable",
                       defaults: [("lr", 1e-3)] + adamFamily
                        + [("weight_decay", 0), ("decoupled_weight_decay", false), ("maximize", false)])),
        ("adamax", Spec(kind: .adamax, summary: "Adam with the infinity norm: u = max(beta2*u, |g| + eps)",
                        defaults: [("lr", 2e-3)] + adamFamily + [("weight_decay", 0), ("maximize", false)])),
    ]

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
        self.settingNames = allowed
        self.defaultValues = spec.defaults.map(\.1)
        try validate(numbers: numbers)
    }

    /// The setting names this optimizer has, in listing order.
    public let settingNames: [String]
    private let defaultValues: [OptimizerSetting]

    /// PyTorch's argument checks, with messages naming the value and the allowed range.
    private func validate(numbers: [String: Double]) throws {
        func require(_ ok: Bool, _ key: String, _ range: String) throws {
            guard ok else {
                throw OptimError("\(name): \(key) = \(numbers[key] ?? .nan) is not allowed; expected \(range)")
            }
        }
        for key in ["lr", "momentum", "weight_decay", "lr_decay", "initial_accumulator_value", "eps",
                    "alpha", "momentum_decay"] where numbers[key] != nil {
            try require((numbers[key] ?? 0) >= 0, key, "\(key) >= 0")
        }
        if numbers["rho"] != nil { try require(rho >= 0 && rho <= 1, "rho", "0 <= rho <= 1") }
        if numbers["beta1"] != nil {
            try require(beta1 >= 0 && beta1 < 1, "beta1", "0 <= beta1 < 1")
            try require(beta2 >= 0 && beta2 < 1, "beta2", "0 <= beta2 < 1")
        }
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
            default: value = .flag(maximize)
            }
            return (key, value)
        }
    }

    /// A short legend label: the name, lr, and every setting that differs from its default,
    /// e.g. "adam lr=0.01", "sgd lr=0.1 momentum=0.5 nesterov".
    public var label: String {
        var parts = [name, "lr=\(lr)"]
        for (i, (key, value)) in settings.enumerated() where key != "lr" && value != defaultValues[i] {
            switch value {
            case .flag(let b): parts.append(b ? key : "\(key)=false")
            case .number(let v): parts.append("\(key)=\(v)")
            }
        }
        return parts.joined(separator: " ")
    }
}
