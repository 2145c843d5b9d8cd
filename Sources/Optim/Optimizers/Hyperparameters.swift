/// The hyper-parameters of every optimizer, one entry each: torch's key, the values PyTorch accepts, and
/// a line of help. `OptimizerConfig` checks values against it, `dlplot trace` and `--opt` take their help
/// from it, and the per-optimizer defaults come from `OptimizerConfig.specs`. Adding a setting is one entry
/// here plus its defaults in the optimizers that have it.
public struct Hyperparameter: Sendable {
    /// The values a setting accepts (PyTorch's argument checks).
    public enum Range: Sendable, Equatable {
        /// On or off.
        case flag
        /// Any finite number.
        case any
        /// key ≥ bound.
        case atLeast(Double)
        /// key ≤ bound.
        case atMost(Double)
        /// key > bound.
        case greaterThan(Double)
        /// lower ≤ key ≤ upper.
        case closed(Double, Double)
        /// lower ≤ key < upper.
        case closedOpen(Double, Double)
        /// lower < key < upper.
        case open(Double, Double)
        /// A whole number in the range.
        case wholeNumber(ClosedRange<Int>)

        /// Whether `v` is accepted.
        public func contains(_ v: Double) -> Bool {
            switch self {
            case .flag, .any: return true
            case let .atLeast(b): return v >= b
            case let .atMost(b): return v <= b
            case let .greaterThan(b): return v > b
            case let .closed(a, b): return v >= a && v <= b
            case let .closedOpen(a, b): return v >= a && v < b
            case let .open(a, b): return v > a && v < b
            case let .wholeNumber(r): return v >= Double(r.lowerBound) && v <= Double(r.upperBound) && v.rounded() == v
            }
        }

        /// What is accepted, in words naming `key`, e.g. "0 <= rho <= 1".
        public func text(_ key: String) -> String {
            func n(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
            switch self {
            case .flag: return "true or false"
            case .any: return "a finite number"
            case let .atLeast(b): return "\(key) >= \(n(b))"
            case let .atMost(b): return "\(key) <= \(n(b))"
            case let .greaterThan(b): return "\(key) > \(n(b))"
            case let .closed(a, b): return "\(n(a)) <= \(key) <= \(n(b))"
            case let .closedOpen(a, b): return "\(n(a)) <= \(key) < \(n(b))"
            case let .open(a, b): return "\(n(a)) < \(key) < \(n(b))"
            case let .wholeNumber(r): return "a whole number from \(r.lowerBound) to \(r.upperBound)"
            }
        }
    }

    /// torch's name (`weight_decay`; `beta1`/`beta2` for torch's `betas`).
    public let key: String
    /// The accepted values.
    public let range: Range
    /// One line for `--help` and `dlplot list optimizers`.
    public let help: String
    /// Said after the range in an error, e.g. "(the clipping threshold)".
    public let note: String?

    init(_ key: String, _ range: Range, _ help: String, note: String? = nil) {
        self.key = key
        self.range = range
        self.help = help
        self.note = note
    }

    /// The command-line spelling, e.g. `weight_decay` → `--weight-decay`.
    public var optionName: String { "--" + String(key.map { $0 == "_" ? "-" : $0 }) }
}

extension OptimizerConfig {
    /// Every hyper-parameter, in the order their values are checked (PyTorch's order where it has one).
    public static let hyperparameters: [Hyperparameter] = [
        .init("lr", .atLeast(0), "Learning rate"),
        .init("momentum", .atLeast(0), "Momentum factor (sgd, rmsprop)"),
        .init("weight_decay", .atLeast(0), "L2 penalty added to the gradient (decoupled for adamw)"),
        .init("lr_decay", .atLeast(0), "adagrad: learning-rate decay"),
        .init("initial_accumulator_value", .atLeast(0), "adagrad: initial sum of squared gradients"),
        .init("eps", .atLeast(0), "Term added for numerical stability"),
        .init("alpha", .atLeast(0), "rmsprop: smoothing constant; asgd: power of the step decay"),
        .init("momentum_decay", .atLeast(0), "nadam: momentum-decay constant psi"),
        .init("lambd", .atLeast(0), "asgd: decay term lambda"),
        .init("t0", .atLeast(0), "asgd: the step at which averaging starts"),
        .init("tolerance_grad", .atLeast(0), "lbfgs: stop when max |g| <= this"),
        .init("tolerance_change", .atLeast(0), "lbfgs: stop when the step or the change of f is below this"),
        .init("eps1", .atLeast(0), "adafactor: floor of the second moment (torch's eps[0])"),
        .init("eps2", .atLeast(0), "adafactor: floor of the relative step's scale (torch's eps[1])"),
        .init("step_size_min", .atLeast(0), "rprop: smallest step size (torch's step_sizes[0])"),
        .init("rho", .closed(0, 1), "adadelta: running-average coefficient"),
        .init("beta1", .closedOpen(0, 1), "Adam family, lion: first-moment coefficient (torch's betas[0])"),
        .init("beta2", .closedOpen(0, 1), "Adam family, lion: second-moment coefficient (torch's betas[1])"),
        .init("etaminus", .open(0, 1), "rprop: multiplicative decrease of a step size (torch's etas[0])"),
        .init("etaplus", .greaterThan(1), "rprop: multiplicative increase of a step size (torch's etas[1])"),
        .init("step_size_max", .any, "rprop: largest step size (torch's step_sizes[1]), >= step_size_min"),
        .init("max_iter", .wholeNumber(1...10_000), "lbfgs: iterations per step"),
        .init("max_eval", .wholeNumber(1...10_000), "lbfgs: function evaluations per step (default max_iter*5/4)"),
        .init("history_size", .wholeNumber(1...10_000), "lbfgs: number of (s, y) pairs kept"),
        .init("beta2_decay", .atMost(0), "adafactor: exponent of the second-moment decay, 1 - beta2_t = t^beta2_decay"),
        .init("d", .atLeast(1), "adafactor: update clipping threshold", note: "(the clipping threshold)"),
        .init("dampening", .any, "sgd: dampening of the momentum buffer"),
        .init("nesterov", .flag, "sgd: Nesterov momentum, torch's form; needs momentum > 0 and dampening 0"),
        .init("centered", .flag, "rmsprop: normalise by the centred second moment"),
        .init("amsgrad", .flag, "adam, adamw: keep the running maximum of v (AMSGrad)"),
        .init("decoupled_weight_decay", .flag, "adam, nadam, radam: decay the parameters directly (AdamW style)"),
        .init("line_search_fn", .flag, "lbfgs: strong-Wolfe line search (torch's line_search_fn='strong_wolfe')"),
        .init("maximize", .flag, "Maximise instead of minimise (torch's maximize)"),
    ]

    /// The table entry for `key`, or nil.
    public static func hyperparameter(_ key: String) -> Hyperparameter? {
        hyperparameters.first { $0.key == key }
    }

    /// The optimizers that have `key`, with their defaults, in listing order.
    public static func defaults(of key: String) -> [(optimizer: String, value: OptimizerSetting)] {
        specs.compactMap { entry in entry.spec.defaults.first { $0.0 == key }.map { (entry.name, $0.1) } }
    }

    /// PyTorch's range checks, from the table, in its order.
    func checkRanges(numbers: [String: Double]) throws {
        for p in OptimizerConfig.hyperparameters {
            guard let v = numbers[p.key], !p.range.contains(v) else { continue }
            throw OptimError("\(name): \(p.key) = \(v) is not allowed; expected \(p.range.text(p.key))" + (p.note.map { " " + $0 } ?? ""))
        }
        if numbers["step_size_max"] != nil, !(stepSizeMax >= stepSizeMin) {
            throw OptimError("\(name): step_size_max = \(stepSizeMax) is not allowed; expected step_size_max >= step_size_min")
        }
    }
}
