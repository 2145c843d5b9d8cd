import ArgumentParser
import Figures
import Optim

/// The optimizers a surface figure compares: `--optimizers a,b,c`, a shared `--lr`, and per-optimizer
/// settings `--opt name:k=v,k=v` (PyTorch's names; a bare flag name such as `amsgrad` turns it on).
struct OptimizerListOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Comma-separated optimizers, one path each, at most 12 (basins: 4) counting those --opt adds: "
            + "\(OptimizerConfig.allNames.joined(separator: ", ")); or torch "
            + "constructor calls (without params), e.g. 'SGD(lr=0.01, momentum=0.9), Adam(lr=0.1, betas=(0.8, 0.99))'.",
        valueName: "list"), completion: .optimizerNames)
    var optimizers: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "A torch.optim.lr_scheduler schedule for every optimizer, in torch's syntax without the optimizer, e.g. "
            + "'CosineAnnealingLR(T_max=100, eta_min=0.001)' or 'SequentialLR([LinearLR(start_factor=0.1, total_iters=10), "
            + "CosineAnnealingLR(T_max=90)], milestones=[10])'; one scheduler.step() after each optimizer step. Classes: "
            + LRSchedule.classNames.joined(separator: ", ") + " (default: none, a constant lr).",
        valueName: "Class(...)"), completion: .scheduleClasses)
    var schedule: String?

    @Option(name: .customLong("opt"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Settings of one optimizer as name:k=v,k=v with PyTorch's names, e.g. adam:lr=0.05,beta1=0.8 or "
            + "adam:amsgrad; repeatable. An optimizer not in --optimizers is added.",
        valueName: "name:k=v,…"))
    var opt: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Learning rate > 0 for every optimizer that has no lr in --opt or its torch call (default: a torch call without lr "
            + "takes torch's default lr, as in torch; a bare name gets one chosen per optimizer for "
            + "the figure; see the discussion above).",
        valueName: "lr"))
    var lr: String?

    /// One optimizer of the list: its name, the settings given for it (nil: none), whether it was
    /// written as a torch call, and where it was typed: the option, its whole value, and the item itself.
    typealias Entry = (name: String, given: [OptimizerSettings.Given]?, call: Bool, source: Source)

    /// Where an entry of the list was typed: `option` (`--optimizers`, `--opt`) with its whole value `typed`,
    /// and `item`, the entry's own text in it (`SGD(lr=0.01)` of `SGD(lr=0.01), sgd`).
    struct Source {
        var option: String
        var typed: String
        var item: String
    }

    /// The optimizers in order (--optimizers first, then those only named by --opt), each checked.
    /// `defaultNames` is used when neither option names any.
    /// `steps`, when given, is checked against the schedule's limit (OneCycleLR's total_steps).
    func choices(default defaultNames: [String], limit: Int = 12, steps: Int? = nil) throws -> [OptimizerRequest] {
        var entries = try listedEntries()
        let parsedSchedule = try checkedSchedule(steps: steps)
        try applyOpt(to: &entries)
        if entries.isEmpty { entries = defaultNames.map { ($0, nil, false, Source(option: "--optimizers", typed: $0, item: $0)) } }
        guard entries.count <= limit else {
            let reason = "\(entries.count) optimizers is too many for one figure; give at most \(limit)"
            throw optimizers.map { ArgumentRefusal.invalid("--optimizers", $0, reason) } ?? ValidationError(reason + " (each named by an --opt)")
        }
        let shared = try lr.map { text -> OptimizerSettings.Given in
            let v = try NumberArguments.finite(text, option: "--lr")
            guard v > 0 else { throw ArgumentRefusal.invalid("--lr", text, "the learning rate must be > 0") }
            return .init(option: "--lr", key: "lr", value: .number(v), typed: text)
        }
        var runs: [(config: OptimizerConfig, chosenLR: Bool)] = []
        return try entries.map { name, entryGiven, call, source in
            var given = entryGiven ?? []
            if let shared, !given.contains(where: { $0.key == "lr" }) { given.append(shared) }
            // A torch call means what it means in torch: without lr, torch's default lr (a bare name gets
            // one chosen for the figure instead).
            if call, !given.contains(where: { $0.key == "lr" }),
               let lr = (try? OptimizerConfig.defaults(for: name))?.first(where: { $0.name == "lr" })?.value {
                given.append(.init(option: "--optimizers", key: "lr", value: lr))
            }
            let probe = given.contains { $0.key == "lr" } ? [] : [OptimizerSettings.Given(option: "lr", key: "lr", value: .number(1e-3))]
            let config = try OptimizerSettings.config(name: name, given: given + probe, spell: { $0 })
            if let k = runs.firstIndex(where: { Self.sameRun($0, (config, !probe.isEmpty)) }) {
                throw Self.listedTwice(source, first: entries[k].source)
            }
            runs.append((config, !probe.isEmpty))
            var optimizer = Optimizer(config: config)
            if let parsedSchedule { try Self.check(parsedSchedule, on: &optimizer) }
            return OptimizerRequest(name: name, settings: Dictionary(given.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
                                    schedule: parsedSchedule)
        }
    }

    /// The --optimizers list: one entry per path, in order. The same optimizer may appear twice as
    /// torch calls with different settings (`SGD(lr=0.1), SGD(lr=0.1, momentum=0.9)`), never twice alike.
    private func listedEntries() throws -> [Entry] {
        var entries: [Entry] = []
        if let optimizers {
            for raw in ListItems.topLevel(optimizers) {
                let name: String, given: [OptimizerSettings.Given]?
                let bare = raw.trimmingSpaces
                guard !bare.isEmpty else {
                    throw ArgumentRefusal.invalid("--optimizers", optimizers, "an item is empty (a comma too many); list names or calls separated by single commas")
                }
                // A torch class name alone (`SGD`, `Adam`) is its call with no arguments.
                let isClass = !OptimizerConfig.allNames.contains(bare)
                    && OptimizerConfig.allNames.contains { OptimizerConfig.torchClassName(for: $0) == bare }
                if TorchCall.looksLikeCall(raw) || isClass {
                    (name, given) = try OptimizerListOptions.callSettings(isClass ? bare + "()" : raw, option: "--optimizers")
                } else {
                    name = raw.trimmingSpaces
                    given = nil
                    guard OptimizerConfig.allNames.contains(name) else { throw unknown(name, option: "--optimizers", typed: optimizers) }
                }
                entries.append((name, given, given != nil, Source(option: "--optimizers", typed: optimizers, item: bare)))
            }
        }
        return entries
    }

    /// --schedule parsed, and checked against `steps` (OneCycleLR's total_steps).
    private func checkedSchedule(steps: Int?) throws -> LRSchedule? {
        try schedule.map { try Self.parsedSchedule($0, steps: steps) }
    }

    /// The `--schedule` text parsed, and checked against `steps` (OneCycleLR's total_steps) when given.
    static func parsedSchedule(_ text: String, steps: Int?) throws -> LRSchedule {
        let parsed = try OptimError.asValidation(option: "--schedule", value: text) { try LRSchedule(parsing: text) }
        if let steps, let cap = parsed.stepLimit, steps > cap {
            throw ArgumentRefusal.invalid("--schedule", text, "\(parsed.text) allows at most \(cap) steps (torch raises after total_steps); "
                + "--steps is \(steps)")
        }
        return parsed
    }

    /// Each --opt's settings put on its optimizer of the list, or a new entry for an optimizer only it names.
    private func applyOpt(to entries: inout [Entry]) throws {
        for item in opt {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces
            guard OptimizerConfig.allNames.contains(name) else { throw unknown(name, option: "--opt", typed: item) }
            let matches = entries.indices.filter { entries[$0].name == name }
            guard matches.count <= 1 else {
                throw ArgumentRefusal.invalid("--opt", item, "'\(name)' appears \(matches.count) times in --optimizers; "
                    + "give each its settings in a torch call there")
            }
            guard matches.first.map({ entries[$0].given == nil }) ?? true else {
                throw ArgumentRefusal.invalid("--opt", item, "\(name) is given settings twice; put all its settings in one --opt")
            }
            let given = try optSettings(item, name: name, parts: parts)
            if let k = matches.first {
                entries[k].given = given
            } else {
                entries.append((name, given, false, Source(option: "--opt", typed: item, item: item.trimmingSpaces)))
            }
        }
    }

    /// The settings of one --opt item (`name:k=v,k=v`, split at the first colon into `parts`).
    private func optSettings(_ item: String, name: String, parts: [Substring]) throws -> [OptimizerSettings.Given] {
        var given: [OptimizerSettings.Given] = []
        if parts.count == 2 {
            for kv in ListItems.topLevel(String(parts[1])) {
                let pair = kv.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = pair[0].trimmingSpaces
                guard !key.isEmpty else {
                    throw ArgumentRefusal.invalid("--opt", item, "expected name:k=v,k=v, e.g. --opt adam:lr=0.05,beta1=0.8")
                }
                let option = "--opt \(name):\(key)"
                if pair.count == 2, pair[1].trimmingSpaces.hasPrefix("(") {
                    for g in try OptimizerListOptions.pairSettings(name: name, key: key, value: pair[1].trimmingSpaces, option: option) {
                        guard !given.contains(where: { $0.key == g.key }) else { throw ArgumentRefusal.invalid("--opt", item, "\(g.key) is given twice") }
                        given.append(g)
                    }
                    continue
                }
                guard !given.contains(where: { $0.key == key }) else { throw ArgumentRefusal.invalid("--opt", item, "\(key) is given twice") }
                let isFlag = (try? OptimizerConfig.defaults(for: name))?.first { $0.name == key }.map {
                    if case .flag = $0.value { return true } else { return false }
                } ?? false
                if isFlag {
                    let text = pair.count == 2 ? pair[1].trimmingSpaces.lowercased() : "true"
                    guard text == "true" || text == "false" else {
                        throw ArgumentRefusal.invalid(option, text, "\(key) is a flag (true or false)")
                    }
                    // A bare flag (`sgd:nesterov`) has no value of its own: a refusal quotes the item.
                    given.append(pair.count == 2 ? .init(option: option, key: key, value: .flag(text == "true"), typed: pair[1].trimmingSpaces)
                                 : .init(option: "--opt", key: key, value: .flag(true), typed: item))
                } else {
                    guard pair.count == 2 else {
                        throw ArgumentRefusal.invalid("--opt", item, "expected \(key)=value, e.g. --opt \(name):\(key)=0.1")
                    }
                    given.append(.init(option: option, key: key, value: .number(try NumberArguments.finite(String(pair[1]), option: option)),
                                       typed: pair[1].trimmingSpaces))
                }
            }
        }
        return given
    }

    /// Whether two entries run alike, judged on what runs, not on how it was spelled: the same algorithm
    /// (`gd` is sgd; `momentum` is SGD(momentum=0.9)) with every setting equal after torch's defaults, --lr
    /// and --opt, and both learning rates given alike or both left for the figure to choose (it chooses
    /// from the settings alone, so the same).
    static func sameRun(_ a: (config: OptimizerConfig, chosenLR: Bool), _ b: (config: OptimizerConfig, chosenLR: Bool)) -> Bool {
        a.config.kind == b.config.kind && a.chosenLR == b.chosenLR
            && a.config.settings.elementsEqual(b.config.settings) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The refusal of an entry that runs as an earlier one: `invalid --optimizers 'sgd,gd': 'gd' is listed twice
    /// with the same settings (first as 'sgd')`, the first spelling said when it differs.
    static func listedTwice(_ entry: Source, first: Source) -> ValidationError {
        let earlier = first.item == entry.item ? "" : " (first as '\(CommandLineErrors.shown(first.item))')"
        return ArgumentRefusal.invalid(entry.option, entry.typed, "'\(CommandLineErrors.shown(entry.item))' is listed twice with the same settings"
            + earlier)
    }

    /// A torch pair in the short form, `--opt adam:betas=(0.8,0.99)`: read as torch reads the keyword in
    /// the optimizer's class (`betas` → beta1, beta2; `etas`; `step_sizes`; Adafactor's `eps`).
    static func pairSettings(name: String, key: String, value: String, option: String) throws -> [OptimizerSettings.Given] {
        guard let torch = OptimizerConfig.torchClassName(for: name) else {
            throw ArgumentRefusal.invalid(option, value, "\(name) has no pair settings (write each as k=v)")
        }
        let (_, given) = try callSettings("\(torch)(\(key)=\(value))", option: option)
        return given.map { OptimizerSettings.Given(option: option, key: $0.key, value: $0.value, typed: value) }
    }

    /// dlplot's name and the given settings of a torch call such as `Adam(lr=0.1, betas=(0.8, 0.99))`.
    static func callSettings(_ text: String, option: String) throws -> (String, [OptimizerSettings.Given]) {
        try OptimError.asValidation(option: option, value: text.trimmingSpaces) {
            let call = try TorchCall(parsing: text.trimmingSpaces)
            let (name, settings) = try OptimizerConfig.settings(call: call)
            let given = settings.keys.sorted().map { key in
                // Refused as the whole call, as typed: `invalid --optimizers 'SGD(lr=-1)': …`.
                OptimizerSettings.Given(option: option, key: key, value: settings[key] ?? .flag(false), typed: text.trimmingSpaces)
            }
            return (name, given)
        }
    }

    /// Refuses a schedule `optimizer` cannot take (one that cycles momentum needs an optimizer with one).
    static func check(_ schedule: LRSchedule, on optimizer: inout Optimizer) throws {
        _ = try OptimError.asValidation(option: "--schedule", value: schedule.text) { try LRScheduler(schedule: schedule, optimizer: &optimizer) }
    }

    private func unknown(_ name: String, option: String, typed: String) -> ValidationError {
        Self.unknown(name, option: option, typed: typed)
    }

    /// The refusal of an optimizer name that is none of dlplot's, given by `option` (`typed` as typed), with the
    /// closest name and the allowed ones.
    static func unknown(_ name: String, option: String, typed: String) -> ValidationError {
        var message = "unknown optimizer '\(name)'"
        if let guess = closestName(to: name, in: OptimizerConfig.allNames) { message += "; did you mean '\(guess)'?" } else { message += "." }
        return ArgumentRefusal.invalid(option, typed, message + " Allowed: " + OptimizerConfig.allNames.joined(separator: ", "))
    }

    /// Refuses `name` (the text of `option`, which takes one optimizer: `--optimizer` of trace, stability and
    /// steps) unless it is a torch call or one of dlplot's names: a list (`gd,adam`) is said to be one.
    static func checkOne(_ name: String, option: String) throws {
        let bare = name.trimmingSpaces
        guard !TorchCall.looksLikeCall(bare), !OptimizerConfig.allNames.contains(bare) else { return }
        if ListItems.topLevel(bare).count > 1 {
            throw ArgumentRefusal.invalid(option, name, "one optimizer expected, not a list (--optimizers of surface and curves takes a list)")
        }
        throw unknown(bare, option: option, typed: name)
    }
}

extension SurfaceRuns {
    /// `run(_:plan:recordEvery:everyValue:)` with a schedule's failure worded as the `--schedule` option.
    static func runNamingOptions(_ requests: [OptimizerRequest], plan: SurfacePlan, recordEvery: Int = 1,
                                 everyValue: Bool = false) throws -> [SurfaceRun] {
        do {
            return try run(requests, plan: plan, recordEvery: recordEvery, everyValue: everyValue)
        } catch let SurfaceRunError.schedule(e) {
            throw OptimError("--schedule: \(e.description)")
        }
    }
}
