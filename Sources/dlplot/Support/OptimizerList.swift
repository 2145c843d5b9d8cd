import ArgumentParser
import Figures
import Optim

/// The optimizers a surface figure compares: `--optimizers a,b,c`, a shared `--lr`, and per-optimizer
/// settings `--opt name:k=v,k=v` (PyTorch's names; a bare flag name such as `amsgrad` turns it on).
struct OptimizerListOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Comma-separated optimizers, one path each: \(OptimizerConfig.allNames.joined(separator: ", ")).",
        valueName: "list"))
    var optimizers: String?

    @Option(name: .customLong("opt"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Settings of one optimizer as name:k=v,k=v with PyTorch's names, e.g. adam:lr=0.05,beta1=0.8 or "
            + "adam:amsgrad; repeatable. An optimizer not in --optimizers is added.",
        valueName: "name:k=v,…"))
    var opt: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Learning rate > 0 for every optimizer that has no lr in --opt (default: chosen per optimizer for "
            + "the figure; see the discussion above).",
        valueName: "lr"))
    var lr: String?

    /// The optimizers in order (--optimizers first, then those only named by --opt), each checked.
    /// `defaultNames` is used when neither option names any.
    func choices(default defaultNames: [String], limit: Int = 12) throws -> [OptimizerRequest] {
        var names: [String] = []
        if let optimizers {
            for raw in optimizers.split(separator: ",", omittingEmptySubsequences: false) {
                let name = raw.trimmingSpaces
                guard OptimizerConfig.allNames.contains(name) else { throw unknown(name, option: "--optimizers") }
                guard !names.contains(name) else { throw ValidationError("--optimizers: '\(name)' is listed twice") }
                names.append(name)
            }
        }
        var perName: [String: [OptimizerSettings.Given]] = [:]
        for item in opt {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces
            guard OptimizerConfig.allNames.contains(name) else { throw unknown(name, option: "--opt '\(item)'") }
            guard perName[name] == nil else { throw ValidationError("--opt: '\(name)' is given twice; put all its settings in one --opt") }
            var given: [OptimizerSettings.Given] = []
            if parts.count == 2 {
                for kv in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
                    let pair = kv.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    let key = pair[0].trimmingSpaces
                    guard !key.isEmpty else {
                        throw ValidationError("--opt '\(item)': expected name:k=v,k=v, e.g. --opt adam:lr=0.05,beta1=0.8")
                    }
                    let option = "--opt \(name):\(key)"
                    guard !given.contains(where: { $0.key == key }) else { throw ValidationError("\(option) is given twice") }
                    let isFlag = (try? OptimizerConfig.defaults(for: name))?.first { $0.name == key }.map {
                        if case .flag = $0.value { return true } else { return false }
                    } ?? false
                    if isFlag {
                        let text = pair.count == 2 ? pair[1].trimmingSpaces.lowercased() : "true"
                        guard text == "true" || text == "false" else {
                            throw ValidationError("\(option): '\(text)' is not allowed; \(key) is a flag (true or false)")
                        }
                        given.append(.init(option: option, key: key, value: .flag(text == "true")))
                    } else {
                        guard pair.count == 2 else {
                            throw ValidationError("\(option): expected \(key)=value, e.g. --opt \(name):\(key)=0.1")
                        }
                        given.append(.init(option: option, key: key, value: .number(try NumberArguments.finite(String(pair[1]), option: option))))
                    }
                }
            }
            perName[name] = given
            if !names.contains(name) { names.append(name) }
        }
        if names.isEmpty { names = defaultNames }
        guard names.count <= limit else {
            throw ValidationError("--optimizers: \(names.count) optimizers is too many for one figure; give at most \(limit)")
        }
        let shared = try lr.map { text -> OptimizerSettings.Given in
            let v = try NumberArguments.finite(text, option: "--lr")
            guard v > 0 else { throw ValidationError("--lr: \(text) is not allowed; the learning rate must be > 0") }
            return .init(option: "--lr", key: "lr", value: .number(v))
        }
        return try names.map { name in
            var given = perName[name] ?? []
            if let shared, !given.contains(where: { $0.key == "lr" }) { given.append(shared) }
            if !given.contains(where: { $0.key == "lr" }) {
                _ = try OptimizerSettings.config(name: name, given: given + [.init(option: "lr", key: "lr", value: .number(1e-3))],
                                                 spell: { $0 })
            } else {
                _ = try OptimizerSettings.config(name: name, given: given, spell: { $0 })
            }
            return OptimizerRequest(name: name, settings: Dictionary(given.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    private func unknown(_ name: String, option: String) -> ValidationError {
        var message = "\(option): unknown optimizer '\(name)'"
        if let guess = closestName(to: name, in: OptimizerConfig.allNames) { message += "; did you mean '\(guess)'?" }
        return ValidationError(message + " Allowed: " + OptimizerConfig.allNames.joined(separator: ", "))
    }
}
