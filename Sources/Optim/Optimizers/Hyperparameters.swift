/// One optimizer hyper-parameter: torch's key, the values PyTorch accepts, a line of help and each
/// optimizer's default. The table of them (`HyperparameterKey.entry`) drives everything else:
/// which settings an optimizer has and their defaults (`OptimizerConfig`), the range checks, the
/// `--opt name:k=v` parser, `dlplot trace`'s options and help, and `dlplot list optimizers`.
public struct Hyperparameter: Sendable {
    /// torch's name (`weight_decay`; `beta1`/`beta2` for torch's `betas`).
    public let key: String
    /// The accepted values.
    public let range: Range
    /// One line for `--help` and `dlplot list optimizers`.
    public let help: String
    /// Said after the range in an error, e.g. "(the clipping threshold)".
    public let note: String?
    /// The optimizers that have this setting, each with its default: groups of names separated by
    /// spaces, e.g. `("sgd gd rmsprop", 0)`. An optimizer not named does not have the setting.
    public let defaults: [(optimizers: String, value: OptimizerSetting)]

    init(_ key: String, _ range: Range, _ help: String, note: String? = nil,
         _ defaults: [(optimizers: String, value: OptimizerSetting)]) {
        self.key = key
        self.range = range
        self.help = help
        self.note = note
        self.defaults = defaults
    }

    /// The default of the optimizer `name`, or nil when it does not have this setting.
    public func defaultValue(for name: String) -> OptimizerSetting? {
        defaults.first { $0.optimizers.split(separator: " ").contains { $0 == name } }?.value
    }

    /// The command-line spelling, e.g. `weight_decay` → `--weight-decay`.
    public var optionName: String { "--" + String(key.map { $0 == "_" ? "-" : $0 }) }
}

/// The keys of the hyper-parameter table, in its order: the order an optimizer's settings are listed
/// (labels, help, messages) and checked, close to torch's signatures. Adding a hyper-parameter is one
/// case here with its entry below (the compiler asks for it), plus a typed accessor on `OptimizerConfig`
/// where an update rule reads it.
public enum HyperparameterKey: Int, CaseIterable, Sendable, Hashable {
    case lr, lrDecay, rho, lambd, alpha, t0, beta2Decay, beta1, beta2, etaminus, etaplus, stepSizeMin, stepSizeMax
    case eps, eps1, eps2, d, momentum, dampening, weightDecay, initialAccumulatorValue, momentumDecay
    case maxIter, maxEval, toleranceGrad, toleranceChange, historySize
    case nesterov, centered, amsgrad, decoupledWeightDecay, lineSearchFn, maximize

    /// This key's table entry (built once: `Hyperparameter.table[rawValue]`).
    public var entry: Hyperparameter { Hyperparameter.table[rawValue] }
    /// torch's name, e.g. `weight_decay`.
    public var name: String { entry.key }
    /// Whether the setting is on/off rather than a number.
    public var isFlag: Bool { entry.range == .flag }

    static let sgdFamily = "sgd gd momentum nesterov"
    static let adamFamily = "adam adamw nadam radam adamax"

    /// The table itself: one entry per key (an exhaustive switch, so a new key cannot lack its entry).
    var tableEntry: Hyperparameter {
        let sgd = HyperparameterKey.sgdFamily, adam = HyperparameterKey.adamFamily
        return switch self {
        case .lr: .init("lr", .atLeast(0), "Learning rate", [("\(sgd) adam adamw radam", 1e-3),
            ("adagrad rmsprop rprop asgd adafactor", 1e-2), ("adadelta lbfgs", 1.0), ("nadam adamax", 2e-3), ("lion", 1e-4)])
        case .lrDecay: .init("lr_decay", .atLeast(0), "adagrad: learning-rate decay", [("adagrad", 0)])
        case .rho: .init("rho", .closed(0, 1), "adadelta: running-average coefficient", [("adadelta", 0.9)])
        case .lambd: .init("lambd", .atLeast(0), "asgd: decay term lambda", [("asgd", 1e-4)])
        case .alpha: .init("alpha", .atLeast(0), "rmsprop: smoothing constant; asgd: power of the step decay",
                           [("rmsprop", 0.99), ("asgd", 0.75)])
        case .t0: .init("t0", .atLeast(0), "asgd: the step at which averaging starts", [("asgd", 1e6)])
        case .beta2Decay: .init("beta2_decay", .atMost(0),
                                "adafactor: exponent of the second-moment decay, 1 - beta2_t = t^beta2_decay", [("adafactor", -0.8)])
        case .beta1: .init("beta1", .closedOpen(0, 1), "Adam family, lion: first-moment coefficient (torch's betas[0])",
                           [("\(adam) lion", 0.9)])
        case .beta2: .init("beta2", .closedOpen(0, 1), "Adam family, lion: second-moment coefficient (torch's betas[1])",
                           [(adam, .number(0.999)), ("lion", 0.99)])
        case .etaminus: .init("etaminus", .open(0, 1), "rprop: multiplicative decrease of a step size (torch's etas[0])", [("rprop", 0.5)])
        case .etaplus: .init("etaplus", .greaterThan(1), "rprop: multiplicative increase of a step size (torch's etas[1])", [("rprop", 1.2)])
        case .stepSizeMin: .init("step_size_min", .atLeast(0), "rprop: smallest step size (torch's step_sizes[0])", [("rprop", 1e-6)])
        case .stepSizeMax: .init("step_size_max", .any, "rprop: largest step size (torch's step_sizes[1]), >= step_size_min",
                                 [("rprop", 50)])
        case .eps: .init("eps", .atLeast(0), "Term added for numerical stability",
                         [("rmsprop \(adam)", 1e-8), ("adagrad", 1e-10), ("adadelta", 1e-6)])
        case .eps1: .init("eps1", .atLeast(0), "adafactor: floor of the second moment (torch's eps[0])",
                          [("adafactor", .number(Double.ulpOfOne))])
        case .eps2: .init("eps2", .atLeast(0), "adafactor: floor of the relative step's scale (torch's eps[1])", [("adafactor", 1e-3)])
        case .d: .init("d", .atLeast(1), "adafactor: update clipping threshold", note: "(the clipping threshold)", [("adafactor", 1.0)])
        case .momentum: .init("momentum", .atLeast(0), "Momentum factor (sgd, rmsprop)", [("sgd gd rmsprop", 0), ("momentum nesterov", 0.9)])
        case .dampening: .init("dampening", .any, "sgd: dampening of the momentum buffer", [(sgd, .number(0))])
        case .weightDecay: .init("weight_decay", .atLeast(0), "L2 penalty added to the gradient (decoupled for adamw)",
                                 [("\(sgd) adagrad rmsprop adadelta adam nadam radam adamax asgd adafactor lion", 0), ("adamw", 1e-2)])
        case .initialAccumulatorValue: .init("initial_accumulator_value", .atLeast(0), "adagrad: initial sum of squared gradients",
                                             [("adagrad", 0)])
        case .momentumDecay: .init("momentum_decay", .atLeast(0), "nadam: momentum-decay constant psi", [("nadam", 4e-3)])
        case .maxIter: .init("max_iter", .wholeNumber(1...10_000), "lbfgs: iterations per step", [("lbfgs", 20)])
        case .maxEval: .init("max_eval", .wholeNumber(1...10_000), "lbfgs: function evaluations per step",
                             [("lbfgs", 25)])
        case .toleranceGrad: .init("tolerance_grad", .atLeast(0), "lbfgs: stop when max |g| <= this", [("lbfgs", 1e-7)])
        case .toleranceChange: .init("tolerance_change", .atLeast(0), "lbfgs: stop when the step or the change of f is below this",
                                     [("lbfgs", 1e-9)])
        case .historySize: .init("history_size", .wholeNumber(1...10_000), "lbfgs: number of (s, y) pairs kept", [("lbfgs", 100)])
        case .nesterov: .init("nesterov", .flag, "sgd: Nesterov momentum, torch's form; needs momentum > 0 and dampening 0",
                              [("sgd gd momentum", false), ("nesterov", true)])
        case .centered: .init("centered", .flag, "rmsprop: normalise by the centred second moment", [("rmsprop", false)])
        case .amsgrad: .init("amsgrad", .flag, "adam, adamw: keep the running maximum of v (AMSGrad)", [("adam adamw", false)])
        case .decoupledWeightDecay: .init("decoupled_weight_decay", .flag, "adam, nadam, radam: decay the parameters directly (AdamW style)",
                                          [("adam nadam radam", false)])
        case .lineSearchFn: .init("line_search_fn", .flag, "lbfgs: strong-Wolfe line search (torch's line_search_fn='strong_wolfe')",
                                  [("lbfgs", false)])
        case .maximize: .init("maximize", .flag, "Maximise instead of minimise (torch's maximize)",
                              [("\(sgd) adagrad rmsprop adadelta \(adam) rprop asgd adafactor", false)])
        }
    }
}

extension Hyperparameter {
    /// Every hyper-parameter, in table order (`HyperparameterKey`'s).
    public static let table: [Hyperparameter] = HyperparameterKey.allCases.map(\.tableEntry)
}
