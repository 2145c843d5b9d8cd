/// torch.optim constructor calls as `OptimizerConfig`s: `Adam(lr=0.1, betas=(0.8, 0.99))`.
///
/// Class names and keywords are torch's (without the `params` argument); positional arguments
/// follow torch's signature. Pairs map to dlplot's settings: `betas` → beta1, beta2; Rprop's
/// `etas` → etaminus, etaplus and `step_sizes` → step_size_min, step_size_max; Adafactor's
/// `eps=(eps1, eps2)` (None for eps1 is the machine epsilon); LBFGS's `line_search_fn='strong_wolfe'`.
/// `foreach`, `capturable`, `differentiable` and `fused` are accepted and ignored (they choose
/// torch's code path, not the maths). `Lion` follows Chen et al. 2023 (no torch class).
extension OptimizerConfig {
    /// torch's class name, dlplot's name, the keywords that may be given by position, and the
    /// keyword-only ones.
    static let torchClasses: [(torch: String, name: String, positional: [String], keywordOnly: [String])] = [
        ("SGD", "sgd", ["lr", "momentum", "dampening", "weight_decay", "nesterov"], ["maximize"]),
        ("Adagrad", "adagrad", ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"], ["maximize"]),
        ("RMSprop", "rmsprop", ["lr", "alpha", "eps", "weight_decay", "momentum", "centered"], ["maximize"]),
        ("Adadelta", "adadelta", ["lr", "rho", "eps", "weight_decay"], ["maximize"]),
        ("Adam", "adam", ["lr", "betas", "eps", "weight_decay", "amsgrad"], ["maximize", "decoupled_weight_decay"]),
        ("AdamW", "adamw", ["lr", "betas", "eps", "weight_decay", "amsgrad"], ["maximize"]),
        ("NAdam", "nadam", ["lr", "betas", "eps", "weight_decay", "momentum_decay", "decoupled_weight_decay"], ["maximize"]),
        ("RAdam", "radam", ["lr", "betas", "eps", "weight_decay", "decoupled_weight_decay"], ["maximize"]),
        ("Adamax", "adamax", ["lr", "betas", "eps", "weight_decay"], ["maximize"]),
        ("Rprop", "rprop", ["lr", "etas", "step_sizes"], ["maximize"]),
        ("ASGD", "asgd", ["lr", "lambd", "alpha", "t0", "weight_decay"], ["maximize"]),
        ("LBFGS", "lbfgs", ["lr", "max_iter", "max_eval", "tolerance_grad", "tolerance_change", "history_size",
                            "line_search_fn"], []),
        ("Adafactor", "adafactor", ["lr", "beta2_decay", "eps", "d", "weight_decay"], ["maximize"]),
        ("Lion", "lion", ["lr", "betas", "weight_decay"], []),
    ]

    static let codePathKeywords = ["foreach", "capturable", "differentiable", "fused"]

    /// The torch class names accepted in call syntax.
    public static var torchClassNames: [String] { torchClasses.map(\.torch) }

    /// torch's class for dlplot's optimizer `name` (`adam` → `Adam`), or nil for dlplot's own
    /// shorthands that have none (`gd`, `momentum`, `nesterov` are SGD with settings).
    public static func torchClassName(for name: String) -> String? {
        torchClasses.first { $0.name == name }?.torch
    }

    /// The optimizer a torch constructor call describes, e.g. `Adam(lr=0.1, betas=(0.8, 0.99))`.
    /// Throws `OptimError` for an unknown class (suggesting the closest), an unknown keyword
    /// (listing the allowed ones), a value of the wrong kind, and everything `init(name:settings:)` rejects.
    public init(call: TorchCall) throws {
        let (name, settings) = try OptimizerConfig.settings(call: call)
        try self.init(name: name, settings: settings)
    }

    /// dlplot's optimizer name and settings for a torch call (checked keywords, values not yet
    /// range-checked): `Adam(lr=0.1, betas=(0.8, 0.99))` → ("adam", lr 0.1, beta1 0.8, beta2 0.99).
    public static func settings(call: TorchCall) throws -> (name: String, settings: [String: OptimizerSetting]) {
        guard let entry = OptimizerConfig.torchClasses.first(where: { $0.torch == call.name }) else {
            throw OptimError.unknown("optimizer class", call.name, allowed: OptimizerConfig.torchClassNames)
        }
        let allowed = entry.positional + entry.keywordOnly
        var settings: [String: OptimizerSetting] = [:]
        var seen: Set<String> = []
        for (i, argument) in call.arguments.enumerated() {
            let keyword: String
            if let k = argument.keyword {
                keyword = k
            } else {
                guard i < entry.positional.count, !call.arguments[..<i].contains(where: { $0.keyword != nil }) else {
                    throw OptimError("\(call.name): positional argument \(argument.value) is not allowed here; "
                        + "write it as keyword=value with one of: " + allowed.joined(separator: ", "))
                }
                keyword = entry.positional[i]
            }
            guard seen.insert(keyword).inserted else { throw OptimError("\(call.name): \(keyword) is given twice") }
            if OptimizerConfig.codePathKeywords.contains(keyword) { continue }
            guard allowed.contains(keyword) else {
                var message = "\(call.name) has no keyword '\(keyword)'"
                if let guess = closestName(to: keyword, in: allowed) { message += "; did you mean '\(guess)'?" }
                throw OptimError(message + (message.hasSuffix("?") ? "" : ".") + " Allowed: " + allowed.joined(separator: ", "))
            }
            try OptimizerConfig.translate(keyword, argument.value, className: call.name, into: &settings)
        }
        return (entry.name, settings)
    }

    /// One torch keyword as dlplot settings.
    static func translate(_ keyword: String, _ value: TorchCall.Value, className: String,
                          into settings: inout [String: OptimizerSetting]) throws {
        func pair(_ first: String, _ second: String, noneFirst: Double? = nil) throws {
            guard case .sequence(let items) = value, items.count == 2 else {
                throw OptimError("\(className): \(keyword) = \(value) is not allowed; expected a pair such as (\(first), \(second))")
            }
            if case .none = items[0], let noneFirst {
                settings[first] = .number(noneFirst)
            } else {
                settings[first] = .number(try number(items[0], "\(keyword)[0]"))
            }
            settings[second] = .number(try number(items[1], "\(keyword)[1]"))
        }
        func number(_ v: TorchCall.Value, _ what: String) throws -> Double {
            if case .number(let x, _) = v { return x }
            throw notANumber(v)
        }
        switch keyword {
        case "betas": try pair("beta1", "beta2")
        case "etas": try pair("etaminus", "etaplus")
        case "step_sizes": try pair("step_size_min", "step_size_max")
        case "eps" where className == "Adafactor": try pair("eps1", "eps2", noneFirst: Double.ulpOfOne)
        case "line_search_fn":
            switch value {
            case .none: settings[keyword] = .flag(false)
            case .string("strong_wolfe"): settings[keyword] = .flag(true)
            default: throw OptimError("\(className): line_search_fn = \(value) is not allowed; expected None or 'strong_wolfe'")
            }
        case "max_eval":
            if case .none = value { return }
            settings[keyword] = .number(try number(value, keyword))
        default:
            switch value {
            case .bool(let b):
                let isFlag = (try? OptimizerConfig.defaults(for: className.lowercased()))?.contains {
                    if case .flag = $0.value { return $0.name == keyword } else { return false }
                } ?? false
                // torch takes True as 1 for a number; a setting that is a number is given one, as everywhere.
                guard isFlag else { throw notANumber(value) }
                settings[keyword] = .flag(b)
            case .number(let x, _): settings[keyword] = .number(x)
            default: throw notANumber(value)
            }
        }
    }

    /// The refusal of `value` given for a number: in `DecimalNumber`'s words, as the command line says it
    /// (`'True' is not a number; expected a finite decimal number such as -1.5 or 2e-3`).
    static func notANumber(_ value: TorchCall.Value) -> OptimError {
        let text: String
        if case .string(let s) = value { text = s } else { text = value.description }
        return OptimError("'\(text)' " + DecimalNumber.Problem.notANumber.reason)
    }
}
