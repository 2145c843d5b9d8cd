import ArgumentParser
import Optim

extension ArgumentHelp {
    /// `--help` text for the option of `key`, from the table: its help line, the accepted range and each
    /// optimizer's default, e.g. "Momentum factor (sgd, rmsprop); momentum >= 0 (default: 0; 0.9 for momentum, nesterov)."
    static func setting(_ key: HyperparameterKey) -> ArgumentHelp {
        let p = key.entry
        if key == .lineSearchFn {  // torch's value is a string; the option takes its one value
            return ArgumentHelp("lbfgs: the line search, strong_wolfe (torch's line_search_fn='strong_wolfe'; default: none, a fixed step of lr).",
                                valueName: "strong_wolfe")
        }
        // The command line asks for lr > 0 (a zero rate draws nothing); torch itself allows 0.
        let rangeText = key == .lr ? "lr > 0" : p.range.text(p.key)
        let range = p.range == .flag || p.range == .any ? "" : "; " + rangeText
        return ArgumentHelp(p.help + range + " (default: " + defaultText(key) + ").")
    }

    /// The default of `key` said once: torch's rule where the default follows another setting
    /// (max_eval = max_iter·5/4, rounded down), else the table's value(s).
    static func defaultText(_ key: HyperparameterKey) -> String {
        guard key == .maxEval else { return Hyperparameter.defaultsText(key.entry.key) }
        let maxIter = Hyperparameter.defaultsText(HyperparameterKey.maxIter.entry.key)
        return "max_iter × 5/4 rounded down, so \(Hyperparameter.defaultsText(key.entry.key)) with the default --max-iter \(maxIter)"
    }
}

extension NameSpecification {
    /// The option name of `key` from the table, e.g. `.weightDecay` → `--weight-decay`.
    static func setting(_ key: HyperparameterKey) -> NameSpecification {
        .customLong(String(key.entry.optionName.dropFirst(2)))
    }
}

extension Hyperparameter {
    /// The most common default first, then the others with the optimizers that use them:
    /// "0; 0.9 for momentum, nesterov", "off; on for nesterov".
    static func defaultsText(_ key: String) -> String {
        func word(_ v: OptimizerSetting) -> String {
            switch v {
            case .flag(let b): return b ? "on" : "off"
            case .number(let x): return NumberWords.short(x)
            }
        }
        var groups: [(value: String, names: [String])] = []
        for (name, value) in OptimizerConfig.defaults(of: key) {
            let w = word(value)
            if let k = groups.firstIndex(where: { $0.value == w }) { groups[k].names.append(name) } else { groups.append((w, [name])) }
        }
        guard let main = groups.max(by: { $0.names.count < $1.names.count }) else { return "none" }
        let others = groups.filter { $0.value != main.value }.map { "\($0.value) for \($0.names.joined(separator: ", "))" }
        return ([main.value] + others).joined(separator: "; ")
    }
}

/// Short decimal text for help lines: 0.001, 1e-08, 50.
enum NumberWords {
    static func short(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e6 { return String(Int(v)) }
        return "\(v)"
    }
}
