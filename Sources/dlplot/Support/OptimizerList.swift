import ArgumentParser
import Optim

/// The optimizers a surface figure compares: `--optimizers a,b,c`, a shared `--lr`, and per-optimizer
/// settings `--opt name:k=v,k=v` (PyTorch's names; a bare flag name such as `amsgrad` turns it on).
struct OptimizerListOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Comma-separated optimizers, one path each: \(OptimizerConfig.allNames.joined(separator: ", ")); or torch "
            + "constructor calls (without params), e.g. 'SGD(lr=0.01, momentum=0.9), Adam(lr=0.1, betas=(0.8, 0.99))'.",
        valueName: "list"))
    var optimizers: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "A torch.optim.lr_scheduler schedule for every optimizer, in torch's syntax without the optimizer, e.g. "
            + "'CosineAnnealingLR(T_max=100, eta_min=0.001)' or 'SequentialLR([LinearLR(start_factor=0.1, total_iters=10), "
            + "CosineAnnealingLR(T_max=90)], milestones=[10])'; one scheduler.step() after each optimizer step. Classes: "
            + LRSchedule.classNames.joined(separator: ", ") + " (default: none, a constant lr).",
        valueName: "Class(...)"))
    var schedule: String?

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

    /// One optimizer to run: its name and the settings given for it.
    struct Choice {
        var name: String
        var given: [OptimizerSettings.Given]
        /// The schedule (from --schedule), if any.
        var schedule: LRSchedule?
        /// Whether lr was given (by --opt or --lr); otherwise the figure chooses it.
        var hasLearningRate: Bool { given.contains { $0.key == "lr" } }

        /// The config with these settings, and `lr` when none was given.
        func config(lr: Double? = nil) throws -> OptimizerConfig {
            var g = given
            if let lr, !hasLearningRate { g.append(.init(option: "lr", key: "lr", value: .number(lr))) }
            return try OptimizerSettings.config(name: name, given: g, spell: { $0 })
        }
    }

    /// The optimizers in order (--optimizers first, then those only named by --opt), each checked.
    /// `defaultNames` is used when neither option names any.
    /// `steps`, when given, is checked against the schedule's limit (OneCycleLR's total_steps).
    func choices(default defaultNames: [String], limit: Int = 12, steps: Int? = nil) throws -> [Choice] {
        var names: [String] = []
        var perName: [String: [OptimizerSettings.Given]] = [:]
        if let optimizers {
            for raw in OptimizerListOptions.topLevelItems(optimizers) {
                if TorchCall.looksLikeCall(raw) {
                    let (name, given) = try OptimizerListOptions.callSettings(raw, option: "--optimizers")
                    guard !names.contains(name) else { throw ValidationError("--optimizers: '\(name)' is listed twice") }
                    names.append(name)
                    perName[name] = given
                    continue
                }
                let name = raw.trimmingSpaces
                guard OptimizerConfig.allNames.contains(name) else { throw unknown(name, option: "--optimizers") }
                guard !names.contains(name) else { throw ValidationError("--optimizers: '\(name)' is listed twice") }
                names.append(name)
            }
        }
        let parsedSchedule = try schedule.map { text -> LRSchedule in
            do { return try LRSchedule(parsing: text) } catch let e as OptimError { throw ValidationError("--schedule: \(e.description)") }
        }
        if let steps, let parsedSchedule, let cap = parsedSchedule.stepLimit, steps > cap {
            throw ValidationError("--schedule: \(parsedSchedule.text) allows at most \(cap) steps (torch raises after total_steps); "
                + "--steps is \(steps)")
        }
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
            var choice = Choice(name: name, given: perName[name] ?? [], schedule: parsedSchedule)
            if let shared, !choice.hasLearningRate { choice.given.append(shared) }
            var optimizer = Optimizer(config: try choice.config(lr: 1e-3))
            if let parsedSchedule {
                do { _ = try LRScheduler(schedule: parsedSchedule, optimizer: &optimizer) } catch let e as OptimError {
                    throw ValidationError("--schedule: \(e.description)")
                }
            }
            return choice
        }
    }

    /// Splits "a, B(x=(1, 2)), c" at the commas outside brackets and quotes.
    static func topLevelItems(_ text: String) -> [String] {
        var items: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "([".contains(c) {
                depth += 1
            } else if ")]".contains(c) {
                depth -= 1
            } else if c == ",", depth == 0 {
                items.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        items.append(current)
        return items
    }

    /// dlplot's name and the given settings of a torch call such as `Adam(lr=0.1, betas=(0.8, 0.99))`.
    static func callSettings(_ text: String, option: String) throws -> (String, [OptimizerSettings.Given]) {
        do {
            let call = try TorchCall(parsing: text.trimmingSpaces)
            let (name, settings) = try OptimizerConfig.settings(call: call)
            let given = settings.keys.sorted().map { key in
                OptimizerSettings.Given(option: "\(option) \(call.name)(\(key)=…)", key: key, value: settings[key] ?? .flag(false))
            }
            return (name, given)
        } catch let e as OptimError {
            throw ValidationError("\(option): \(e.description)")
        }
    }

    private func unknown(_ name: String, option: String) -> ValidationError {
        var message = "\(option): unknown optimizer '\(name)'"
        if let guess = closestName(to: name, in: OptimizerConfig.allNames) { message += "; did you mean '\(guess)'?" }
        return ValidationError(message + " Allowed: " + OptimizerConfig.allNames.joined(separator: ", "))
    }
}
