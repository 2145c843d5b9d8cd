/// The table of optimizer names and the torch algorithm each runs. Which settings an optimizer has and
/// their defaults (PyTorch's; Lion: Chen et al. 2023) come from the hyper-parameter table
/// (`HyperparameterKey.entry`).
extension OptimizerConfig {
    struct Spec: Sendable {
        let kind: OptimizerKind
        let summary: String
        /// The settings it has, in table order.
        let keys: [HyperparameterKey]
        /// Every table value by key (`defaults[key.rawValue]`; flags as 0 or 1; 0 where it has no such setting).
        let defaults: [Double]
    }

    static let optimizers: [(name: String, kind: OptimizerKind, summary: String)] = [
        ("sgd", .sgd, "stochastic gradient descent: theta -= lr*g (optional momentum, nesterov, weight decay)"),
        ("gd", .sgd, "alias of sgd: plain gradient descent"),
        ("momentum", .sgd, "sgd with momentum 0.9 (heavy ball; buffer starts at the first gradient)"),
        ("nesterov", .sgd, "sgd with momentum 0.9 and nesterov (torch's reformulation)"),
        ("adagrad", .adagrad, "per-coordinate lr/(sqrt(sum g^2) + eps), lr decaying as 1/(1+(t-1)lr_decay)"),
        ("rmsprop", .rmsprop, "lr*g/(sqrt(v) + eps) with v a running mean of g^2 (alpha 0.99)"),
        ("adadelta", .adadelta, "step sqrt(u+eps)/sqrt(v+eps)*g, no tuning of lr needed (lr 1, rho 0.9)"),
        ("adam", .adam, "bias-corrected first and second moments; eps outside the sqrt"),
        ("adamw", .adamw, "Adam with decoupled weight decay theta *= 1 - lr*wd (weight_decay 0.01)"),
        ("nadam", .nadam, "Adam with Nesterov momentum and torch's momentum-decay schedule"),
        ("radam", .radam, "rectified Adam: momentum-only steps until the variance estimate is reliable"),
        ("adamax", .adamax, "Adam with the infinity norm: u = max(beta2*u, |g| + eps)"),
        ("rprop", .rprop, "resilient backprop: per-coordinate steps grow by etaplus while the sign holds, shrink by etaminus when it flips"),
        ("asgd", .asgd, "averaged SGD: decaying step eta = lr/(1 + lambd*lr*t)^alpha and a running average from t0"),
        ("lbfgs", .lbfgs, "limited-memory BFGS: up to max_iter quasi-Newton iterations per step, optional strong-Wolfe line search"),
        ("adafactor", .adafactor, "Adafactor (torch's): second moment with beta2_t = 1 - t^beta2_decay, relative step min(lr, 1/sqrt(t)), update clipping d"),
        ("lion", .lion, "Lion (Chen et al. 2023): theta -= lr*(sign(beta1*m + (1-beta1)*g) + wd*theta)"),
    ]

    /// Each optimizer with the settings the hyper-parameter table gives it (built once).
    static let specs: [(name: String, spec: Spec)] = optimizers.map { o in
        var keys: [HyperparameterKey] = []
        var defaults = [Double](repeating: 0, count: HyperparameterKey.allCases.count)
        for key in HyperparameterKey.allCases {
            guard let value = key.entry.defaultValue(for: o.name) else { continue }
            keys.append(key)
            switch value {
            case .number(let v): defaults[key.rawValue] = v
            case .flag(let b): defaults[key.rawValue] = b ? 1 : 0
            }
        }
        return (o.name, Spec(kind: o.kind, summary: o.summary, keys: keys, defaults: defaults))
    }
}
