import ArgumentParser
import Optim

/// Turns hyper-parameters given on the command line into an `OptimizerConfig`, with one set of checks
/// and messages for every command (`trace` options, `--opt name:k=v`, `--lr`).
enum OptimizerSettings {
    /// One given setting: how the user wrote its name (for messages), torch's key, and the value.
    struct Given {
        var option: String
        var key: String
        var value: OptimizerSetting
    }

    /// The command-line spelling of a setting key, e.g. `weight_decay` → `--weight-decay`.
    static func optionName(_ key: String) -> String {
        OptimizerConfig.hyperparameter(key)?.optionName ?? "--" + String(key.map { $0 == "_" ? "-" : $0 })
    }

    /// The config of `name` with `given` settings. A setting the optimizer does not have, a learning
    /// rate ≤ 0 and every value PyTorch rejects are `ValidationError`s naming the value and what is allowed;
    /// `spell` writes the allowed settings in the caller's syntax (`--rho` for trace, `rho` for --opt).
    static func config(name: String, given: [Given], spell: (String) -> String = optionName) throws -> OptimizerConfig {
        let defaults: [(name: String, value: OptimizerSetting)]
        defaults = try OptimError.asValidation { try OptimizerConfig.defaults(for: name) }
        let allowed = defaults.map(\.name)
        var settings: [String: OptimizerSetting] = [:]
        for g in given {
            guard allowed.contains(g.key) else {
                throw ValidationError("\(g.option) does not apply to \(name); its options: \(allowed.map(spell).joined(separator: ", "))")
            }
            settings[g.key] = g.value
        }
        if case .number(let v)? = settings["lr"], !(v > 0) {
            throw ArgumentRefusal.invalid(given.first { $0.key == "lr" }?.option ?? "lr", TypedText.shortest(v), "the learning rate must be > 0")
        }
        return try OptimError.asValidation { try OptimizerConfig(name: name, settings: settings) }
    }
}
