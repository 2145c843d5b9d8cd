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
    /// The settings this optimizer has, in table order.
    public let keys: [HyperparameterKey]
    /// Every table value by key (`values[key.rawValue]`; flags as 0 or 1; 0 for a setting it does not
    /// have). Read through the typed accessors (`lr`, `beta1`, `amsgrad`, ...) or `self[key]`.
    var values: [Double]

    /// The number stored for `key` (1 or 0 for a flag; 0 for a setting this optimizer does not have).
    public subscript(key: HyperparameterKey) -> Double {
        get { values[key.rawValue] }
        set { values[key.rawValue] = newValue }
    }

    /// Every accepted name (torch optimizers and the aliases gd, momentum, nesterov), in listing order.
    public static var allNames: [String] { specs.map(\.name) }

    static func spec(named name: String) throws -> Spec {
        if let s = specs.first(where: { $0.name == name }) { return s.spec }
        throw OptimError.unknown("optimizer", name, allowed: allNames)
    }

    /// The settings `name` has, with their defaults (PyTorch's), in listing order.
    public static func defaults(for name: String) throws -> [(name: String, value: OptimizerSetting)] {
        let spec = try spec(named: name)
        return spec.keys.map { ($0.name, setting($0, spec.defaults[$0.rawValue])) }
    }

    /// A stored number as the setting it is (`.flag` for flags).
    static func setting(_ key: HyperparameterKey, _ v: Double) -> OptimizerSetting {
        key.isFlag ? .flag(v != 0) : .number(v)
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
        let allowed = spec.keys.map(\.name)
        for key in settings.keys.sorted() where !allowed.contains(key) {
            var message = "optimizer \(name) has no setting '\(key)'"
            if let guess = closestName(to: key, in: allowed) { message += "; did you mean '\(guess)'?" }
            message += " Its settings: " + allowed.joined(separator: ", ")
            throw OptimError(message)
        }
        var values = spec.defaults
        for key in spec.keys {
            guard let given = settings[key.name] else { continue }
            switch (key.isFlag, given) {
            case (false, .number(let v)):
                guard v.isFinite else {
                    throw OptimError("\(name): \(key.name) = \(v) is not allowed; expected a finite number")
                }
                values[key.rawValue] = v
            case (true, .flag(let b)):
                values[key.rawValue] = b ? 1 : 0
            case (false, .flag(let b)):
                throw OptimError("\(name): \(key.name) is a number, got the flag value \(b)")
            case (true, .number(let v)):
                throw OptimError("\(name): \(key.name) is a flag (true or false), got the number \(v)")
            }
        }
        if settings["max_eval"] == nil, spec.keys.contains(.maxEval) {
            values[HyperparameterKey.maxEval.rawValue] = Double((Int(exactly: values[HyperparameterKey.maxIter.rawValue]) ?? 0) * 5 / 4)
        }
        self.name = name
        kind = spec.kind
        keys = spec.keys
        self.values = values
        try validate()
    }

    /// The setting names this optimizer has, in listing order.
    public var settingNames: [String] { keys.map(\.name) }

    /// PyTorch's argument checks: each setting's range from the table, in table order, then
    /// step_size_max ≥ step_size_min and nesterov's conditions, with messages naming the value and
    /// the allowed range.
    private func validate() throws {
        for key in keys where !key.isFlag {
            let p = key.entry, v = self[key]
            guard !p.range.contains(v) else { continue }
            throw OptimError("\(name): \(p.key) = \(v) is not allowed; expected \(p.range.text(p.key))" + (p.note.map { " " + $0 } ?? ""))
        }
        if keys.contains(.stepSizeMax), !(stepSizeMax >= stepSizeMin) {
            throw OptimError("\(name): step_size_max = \(stepSizeMax) is not allowed; expected step_size_max >= step_size_min")
        }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw OptimError("\(name): nesterov requires momentum > 0 and dampening = 0 (got momentum = \(momentum), dampening = \(dampening))")
        }
    }

    /// The current value of each setting, in listing order.
    public var settings: [(name: String, value: OptimizerSetting)] {
        keys.map { ($0.name, OptimizerConfig.setting($0, self[$0])) }
    }

    /// A short legend label: the name, lr, and every setting that differs from its default,
    /// e.g. "adam lr=0.01", "sgd lr=0.1 momentum=0.5 nesterov".
    public var label: String { label(number: { "\($0)" }) }

    /// The label with every number written by `number` (a figure's formatter: lr=1×10¹⁰, not lr=10000000000.0).
    public func label(number: (Double) -> String) -> String {
        var parts = [name, "lr=" + number(lr)]
        let defaults = (try? OptimizerConfig.spec(named: name))?.defaults ?? values
        for key in keys where key != .lr && self[key] != defaults[key.rawValue] {
            switch key {
            case .lineSearchFn: parts.append(strongWolfe ? "strong_wolfe" : "line_search_fn=None")
            case _ where key.isFlag: parts.append(self[key] != 0 ? key.name : "\(key.name)=false")
            default: parts.append("\(key.name)=" + number(self[key]))
            }
        }
        return parts.joined(separator: " ")
    }
}
