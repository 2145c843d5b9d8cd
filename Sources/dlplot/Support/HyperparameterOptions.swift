import ArgumentParser
import Optim

/// Every hyper-parameter of `OptimizerConfig.hyperparameters` as a command-line option of its own
/// (`weight_decay` → `--weight-decay <v>`, flags as `--amsgrad`), with its help from the table. A test
/// checks that every table entry has its option here, so a new setting cannot be forgotten.
struct HyperparameterOptions: ParsableArguments {
    @Option(name: .customLong("lr"), parsing: .unconditional, help: Hyperparameter.optionHelp("lr"))
    var lr: String?

    @Option(name: .customLong("momentum"), parsing: .unconditional, help: Hyperparameter.optionHelp("momentum"))
    var momentum: String?

    @Option(name: .customLong("dampening"), parsing: .unconditional, help: Hyperparameter.optionHelp("dampening"))
    var dampening: String?

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: Hyperparameter.optionHelp("weight_decay"))
    var weightDecay: String?

    @Option(name: .customLong("eps"), parsing: .unconditional, help: Hyperparameter.optionHelp("eps"))
    var eps: String?

    @Option(name: .customLong("lr-decay"), parsing: .unconditional, help: Hyperparameter.optionHelp("lr_decay"))
    var lrDecay: String?

    @Option(name: .customLong("initial-accumulator-value"), parsing: .unconditional, help: Hyperparameter.optionHelp("initial_accumulator_value"))
    var initialAccumulatorValue: String?

    @Option(name: .customLong("alpha"), parsing: .unconditional, help: Hyperparameter.optionHelp("alpha"))
    var alpha: String?

    @Option(name: .customLong("rho"), parsing: .unconditional, help: Hyperparameter.optionHelp("rho"))
    var rho: String?

    @Option(name: .customLong("beta1"), parsing: .unconditional, help: Hyperparameter.optionHelp("beta1"))
    var beta1: String?

    @Option(name: .customLong("beta2"), parsing: .unconditional, help: Hyperparameter.optionHelp("beta2"))
    var beta2: String?

    @Option(name: .customLong("momentum-decay"), parsing: .unconditional, help: Hyperparameter.optionHelp("momentum_decay"))
    var momentumDecay: String?

    @Option(name: .customLong("lambd"), parsing: .unconditional, help: Hyperparameter.optionHelp("lambd"))
    var lambd: String?

    @Option(name: .customLong("t0"), parsing: .unconditional, help: Hyperparameter.optionHelp("t0"))
    var t0: String?

    @Option(name: .customLong("tolerance-grad"), parsing: .unconditional, help: Hyperparameter.optionHelp("tolerance_grad"))
    var toleranceGrad: String?

    @Option(name: .customLong("tolerance-change"), parsing: .unconditional, help: Hyperparameter.optionHelp("tolerance_change"))
    var toleranceChange: String?

    @Option(name: .customLong("eps1"), parsing: .unconditional, help: Hyperparameter.optionHelp("eps1"))
    var eps1: String?

    @Option(name: .customLong("eps2"), parsing: .unconditional, help: Hyperparameter.optionHelp("eps2"))
    var eps2: String?

    @Option(name: .customLong("step-size-min"), parsing: .unconditional, help: Hyperparameter.optionHelp("step_size_min"))
    var stepSizeMin: String?

    @Option(name: .customLong("step-size-max"), parsing: .unconditional, help: Hyperparameter.optionHelp("step_size_max"))
    var stepSizeMax: String?

    @Option(name: .customLong("etaminus"), parsing: .unconditional, help: Hyperparameter.optionHelp("etaminus"))
    var etaminus: String?

    @Option(name: .customLong("etaplus"), parsing: .unconditional, help: Hyperparameter.optionHelp("etaplus"))
    var etaplus: String?

    @Option(name: .customLong("max-iter"), parsing: .unconditional, help: Hyperparameter.optionHelp("max_iter"))
    var maxIter: String?

    @Option(name: .customLong("max-eval"), parsing: .unconditional, help: Hyperparameter.optionHelp("max_eval"))
    var maxEval: String?

    @Option(name: .customLong("history-size"), parsing: .unconditional, help: Hyperparameter.optionHelp("history_size"))
    var historySize: String?

    @Option(name: .customLong("beta2-decay"), parsing: .unconditional, help: Hyperparameter.optionHelp("beta2_decay"))
    var beta2Decay: String?

    @Option(name: .customLong("d"), parsing: .unconditional, help: Hyperparameter.optionHelp("d"))
    var d: String?

    @Option(name: .customLong("line-search-fn"), parsing: .unconditional, help: ArgumentHelp(
        "lbfgs: the line search, strong_wolfe (torch's line_search_fn='strong_wolfe'; default: none, a fixed step of lr).",
        valueName: "strong_wolfe"))
    var lineSearchFn: String?

    @Flag(name: .customLong("nesterov"), help: Hyperparameter.optionHelp("nesterov"))
    var nesterov = false

    @Flag(name: .customLong("centered"), help: Hyperparameter.optionHelp("centered"))
    var centered = false

    @Flag(name: .customLong("amsgrad"), help: Hyperparameter.optionHelp("amsgrad"))
    var amsgrad = false

    @Flag(name: .customLong("decoupled-weight-decay"), help: Hyperparameter.optionHelp("decoupled_weight_decay"))
    var decoupledWeightDecay = false

    @Flag(name: .customLong("maximize"), help: Hyperparameter.optionHelp("maximize"))
    var maximize = false

    /// The numeric options as (setting key, text as typed).
    var numberOptions: [(String, String?)] {
        [("lr", lr), ("momentum", momentum), ("dampening", dampening), ("weight_decay", weightDecay), ("eps", eps),
         ("lr_decay", lrDecay), ("initial_accumulator_value", initialAccumulatorValue), ("alpha", alpha),
         ("rho", rho), ("beta1", beta1), ("beta2", beta2), ("momentum_decay", momentumDecay), ("lambd", lambd),
         ("t0", t0), ("tolerance_grad", toleranceGrad), ("tolerance_change", toleranceChange), ("eps1", eps1),
         ("eps2", eps2), ("step_size_min", stepSizeMin), ("step_size_max", stepSizeMax), ("etaminus", etaminus),
         ("etaplus", etaplus), ("max_iter", maxIter), ("max_eval", maxEval), ("history_size", historySize),
         ("beta2_decay", beta2Decay), ("d", d)]
    }

    /// The flags as (setting key, on).
    var flagOptions: [(String, Bool)] {
        [("nesterov", nesterov), ("centered", centered), ("amsgrad", amsgrad),
         ("decoupled_weight_decay", decoupledWeightDecay), ("maximize", maximize)]
    }

    /// The settings given, in table order, each with the option it came from (for messages). Numbers are
    /// checked as finite decimals; `--line-search-fn` takes only strong_wolfe.
    func given() throws -> [OptimizerSettings.Given] {
        var given: [OptimizerSettings.Given] = []
        for (key, text) in numberOptions {
            guard let text else { continue }
            let option = OptimizerSettings.optionName(key)
            given.append(.init(option: option, key: key, value: .number(try NumberArguments.finite(text, option: option))))
        }
        if let lineSearchFn {
            guard lineSearchFn == "strong_wolfe" else {
                throw ValidationError("--line-search-fn: '\(lineSearchFn)' is not allowed; expected strong_wolfe (torch's only line search)")
            }
            given.append(.init(option: "--line-search-fn", key: "line_search_fn", value: .flag(true)))
        }
        for (key, on) in flagOptions where on {
            given.append(.init(option: OptimizerSettings.optionName(key), key: key, value: .flag(true)))
        }
        return given
    }
}
