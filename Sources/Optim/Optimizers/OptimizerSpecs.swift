/// The table of optimizer names, the torch algorithm each runs, and every setting with PyTorch's
/// default (Lion: the defaults of Chen et al. 2023).
extension OptimizerConfig {
    struct Spec {
        let kind: OptimizerKind
        let summary: String
        /// Setting names with their defaults, in the order labels and help list them.
        let defaults: [(String, OptimizerSetting)]
    }

    static let adamFamily: [(String, OptimizerSetting)] = [("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8)]
    static let sgdDefaults: [(String, OptimizerSetting)] = [
        ("lr", 1e-3), ("momentum", 0), ("dampening", 0), ("weight_decay", 0), ("nesterov", false), ("maximize", false),
    ]

    static let specs: [(name: String, spec: Spec)] = [
        ("sgd", Spec(kind: .sgd, summary: "stochastic gradient descent: theta -= lr*g (optional momentum, nesterov, weight decay)",
                     defaults: sgdDefaults)),
        ("gd", Spec(kind: .sgd, summary: "alias of sgd: plain gradient descent", defaults: sgdDefaults)),
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
        ("rprop", Spec(kind: .rprop, summary: "resilient backprop: per-coordinate steps grow by etaplus while the sign holds, shrink by etaminus when it flips",
                       defaults: [("lr", 1e-2), ("etaminus", 0.5), ("etaplus", 1.2), ("step_size_min", 1e-6),
                                  ("step_size_max", 50), ("maximize", false)])),
        ("asgd", Spec(kind: .asgd, summary: "averaged SGD: decaying step eta = lr/(1 + lambd*lr*t)^alpha and a running average from t0",
                      defaults: [("lr", 1e-2), ("lambd", 1e-4), ("alpha", 0.75), ("t0", 1e6), ("weight_decay", 0),
                                 ("maximize", false)])),
        ("lbfgs", Spec(kind: .lbfgs, summary: "limited-memory BFGS: up to max_iter quasi-Newton iterations per step, optional strong-Wolfe line search",
                       defaults: [("lr", 1.0), ("max_iter", 20), ("max_eval", 25), ("tolerance_grad", 1e-7),
                                  ("tolerance_change", 1e-9), ("history_size", 100), ("line_search_fn", false)])),
        ("adafactor", Spec(kind: .adafactor, summary: "Adafactor (torch's): second moment with beta2_t = 1 - t^beta2_decay, relative step min(lr, 1/sqrt(t)), update clipping d",
                           defaults: [("lr", 1e-2), ("beta2_decay", -0.8), ("eps1", .number(Double.ulpOfOne)), ("eps2", 1e-3),
                                      ("d", 1.0), ("weight_decay", 0), ("maximize", false)])),
        ("lion", Spec(kind: .lion, summary: "Lion (Chen et al. 2023): theta -= lr*(sign(beta1*m + (1-beta1)*g) + wd*theta)",
                      defaults: [("lr", 1e-4), ("beta1", 0.9), ("beta2", 0.99), ("weight_decay", 0)])),
    ]
}
