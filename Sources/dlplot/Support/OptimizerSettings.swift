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
        /// The value as typed after the option (`0.9` of `--rho 0.9`), nil for a flag or a setting inside a call.
        var typed: String? = nil

        /// The refusal of this setting for `reason`: `invalid --rho '0.9': …`, or `invalid --amsgrad: …`.
        func refused(_ reason: String) -> ValidationError {
            typed.map { ArgumentRefusal.invalid(option, $0, reason) } ?? ArgumentRefusal.flag(option, reason)
        }
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
                throw g.refused("it does not apply to \(name); its options: \(allowed.map(spell).joined(separator: ", "))")
            }
            settings[g.key] = g.value
        }
        if case .number(let v)? = settings["lr"], !(v > 0) {
            let g = given.first { $0.key == "lr" }
            throw ArgumentRefusal.invalid(g?.option ?? "lr", g?.typed ?? TypedText.shortest(v), "the learning rate must be > 0")
        }
        do { return try OptimizerConfig(name: name, settings: settings) } catch let e as OptimError {
            throw refusal(e, name: name, given: given)
        }
    }

    /// Optim's refusal of a setting ("adam: eps = -1.0 …; expected eps >= 0") as the refusal of
    /// the option that gave it, its value as typed: `invalid --optimizers 'Adam(eps=-1)': adam's eps cannot
    /// be -1; expected eps >= 0`, `invalid --opt adam:beta1 '2': …`, `invalid --beta1 '2': …`. A rule of two
    /// settings (nesterov's) names the first given setting it mentions, a flag as its option (`invalid --nesterov:
    /// …`); one that no typed setting or flag gave keeps Optim's words.
    static func refusal(_ e: OptimError, name: String, given: [Given]) -> ValidationError {
        let text = e.description
        let typed = given.filter { g in
            if case .flag = g.value { return g.option.hasPrefix("-") }
            return g.typed != nil
        }
        let named = typed.first { text.hasPrefix("\(name): \($0.key) = ") }
            ?? typed.first { g in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).contains { $0 == g.key } }
        guard let g = named else { return ValidationError(text) }
        let rule = text.range(of: "; expected ").map { String(text[$0.lowerBound...]) }
        guard let rule, text.hasPrefix("\(name): \(g.key) = ") else {
            return g.refused(String(text.hasPrefix(name + ": ") ? text.dropFirst(name.count + 2) : text[...]))
        }
        let value: String
        switch g.value {
        case .number(let v): value = TypedText.shortest(v)
        case .flag(let b): value = b ? "True" : "False"
        }
        return g.refused("\(name)'s \(g.key) cannot be \(value)" + rule)
    }
}
