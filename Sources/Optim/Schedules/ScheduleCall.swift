/// torch.optim.lr_scheduler constructor calls as `LRSchedule`s, e.g.
/// `SequentialLR([LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=90)], milestones=[10])`.
/// Class names, keywords, positional order and defaults are torch's (without the optimizer argument).
extension LRSchedule {
    /// torch's schedule classes with their keywords in signature order.
    static let classes: [(name: String, keywords: [String])] = [
        ("StepLR", ["step_size", "gamma"]),
        ("MultiStepLR", ["milestones", "gamma"]),
        ("ConstantLR", ["factor", "total_iters"]),
        ("LinearLR", ["start_factor", "end_factor", "total_iters"]),
        ("ExponentialLR", ["gamma"]),
        ("CosineAnnealingLR", ["T_max", "eta_min"]),
        ("CosineAnnealingWarmRestarts", ["T_0", "T_mult", "eta_min"]),
        ("PolynomialLR", ["total_iters", "power"]),
        ("OneCycleLR", ["max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy",
                        "cycle_momentum", "base_momentum", "max_momentum", "div_factor", "final_div_factor", "three_phase"]),
        ("CyclicLR", ["base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_fn", "scale_mode",
                      "cycle_momentum", "base_momentum", "max_momentum"]),
        ("SequentialLR", ["schedulers", "milestones"]),
    ]

    /// The schedule class names accepted.
    public static var classNames: [String] { classes.map(\.name) }

    /// Parses a schedule written in torch's call syntax. Throws `OptimError` for syntax errors,
    /// unknown classes or keywords (listing the allowed ones), missing required arguments and values
    /// torch rejects or cannot run (e.g. T_max ≤ 0, a zero-length OneCycleLR phase).
    public init(parsing text: String) throws {
        try self.init(call: try TorchCall(parsing: text))
    }

    /// The schedule a parsed call describes.
    public init(call: TorchCall) throws {
        guard let entry = LRSchedule.classes.first(where: { $0.name == call.name }) else {
            throw OptimError.unknown("learning-rate schedule", call.name, allowed: LRSchedule.classNames)
        }
        let a = try ScheduleArguments(call: call, keywords: entry.keywords)
        let rule: Rule
        switch call.name {
        case "StepLR":
            rule = .step(stepSize: try a.int("step_size", min: 1), gamma: try a.number("gamma", 0.1))
        case "MultiStepLR":
            rule = .multiStep(milestones: try a.ints("milestones"), gamma: try a.number("gamma", 0.1))
        case "ConstantLR":
            let factor = try a.number("factor", 1.0 / 3)
            try a.check(factor > 0 && factor <= 1, "factor", "0 < factor <= 1")
            rule = .constant(factor: factor, totalIters: try a.int("total_iters", 5, min: 0))
        case "LinearLR":
            let s = try a.number("start_factor", 1.0 / 3), e = try a.number("end_factor", 1.0)
            try a.check(s > 0 && s <= 1, "start_factor", "0 < start_factor <= 1")
            try a.check(e >= 0 && e <= 1, "end_factor", "0 <= end_factor <= 1")
            rule = .linear(startFactor: s, endFactor: e, totalIters: try a.int("total_iters", 5, min: 1))
        case "ExponentialLR":
            rule = .exponential(gamma: try a.number("gamma"))
        case "CosineAnnealingLR":
            let tMax = try a.number("T_max")
            try a.check(tMax > 0, "T_max", "T_max > 0")
            rule = .cosineAnnealing(tMax: tMax, etaMin: try a.number("eta_min", 0))
        case "CosineAnnealingWarmRestarts":
            rule = .cosineAnnealingWarmRestarts(t0: try a.int("T_0", min: 1), tMult: try a.int("T_mult", 1, min: 1),
                                                etaMin: try a.number("eta_min", 0))
        case "PolynomialLR":
            rule = .polynomial(totalIters: try a.int("total_iters", 5, min: 1), power: try a.number("power", 1.0))
        case "OneCycleLR":
            rule = .oneCycle(try LRSchedule.oneCycle(a))
        case "CyclicLR":
            rule = .cyclic(try LRSchedule.cyclic(a))
        default:
            rule = try LRSchedule.sequential(a)
        }
        self.init(rule: rule, text: call.description)
    }

    private static func oneCycle(_ a: ScheduleArguments) throws -> OneCycle {
        let total: Int
        if a.has("total_steps") {
            total = try a.int("total_steps", min: 1)
        } else if a.has("epochs") && a.has("steps_per_epoch") {
            total = try a.int("epochs", min: 1) * a.int("steps_per_epoch", min: 1)
        } else {
            throw OptimError("OneCycleLR needs total_steps, or epochs and steps_per_epoch")
        }
        var o = OneCycle(maxLR: try a.number("max_lr"), totalSteps: total)
        o.pctStart = try a.number("pct_start", 0.3)
        try a.check(o.pctStart >= 0 && o.pctStart <= 1, "pct_start", "0 <= pct_start <= 1")
        let strategy = try a.choice("anneal_strategy", ["cos", "linear"], "cos")
        o.annealCos = strategy == "cos"
        o.cycleMomentum = try a.flag("cycle_momentum", true)
        o.baseMomentum = try a.number("base_momentum", 0.85)
        o.maxMomentum = try a.number("max_momentum", 0.95)
        o.divFactor = try a.number("div_factor", 25.0)
        o.finalDivFactor = try a.number("final_div_factor", 1e4)
        try a.check(o.divFactor > 0, "div_factor", "div_factor > 0")
        try a.check(o.finalDivFactor > 0, "final_div_factor", "final_div_factor > 0")
        o.threePhase = try a.flag("three_phase", false)
        var start = 0.0
        for phase in OneCyclePhase.table(o, initialLR: o.maxLR / o.divFactor) {
            guard phase.endStep > start else {
                throw OptimError("OneCycleLR: pct_start = \(o.pctStart) with total_steps = \(total) gives a phase of no steps; "
                    + "use more steps or a pct_start further from 0 and 1")
            }
            start = phase.endStep
        }
        return o
    }

    private static func cyclic(_ a: ScheduleArguments) throws -> Cyclic {
        var c = Cyclic(baseLR: try a.number("base_lr"), maxLR: try a.number("max_lr"))
        c.stepSizeUp = try a.number("step_size_up", 2000)
        try a.check(c.stepSizeUp > 0, "step_size_up", "step_size_up > 0")
        if a.has("step_size_down") && !a.isNone("step_size_down") {
            let down = try a.number("step_size_down")
            try a.check(down > 0, "step_size_down", "step_size_down > 0")
            c.stepSizeDown = down
        }
        let mode = try a.choice("mode", Cyclic.Mode.allCases.map(\.rawValue), "triangular")
        c.mode = Cyclic.Mode(rawValue: mode) ?? .triangular
        c.gamma = try a.number("gamma", 1.0)
        guard a.isNone("scale_fn") else {
            throw OptimError("CyclicLR: scale_fn cannot be given here; use mode='triangular', 'triangular2' or 'exp_range'")
        }
        _ = try a.choice("scale_mode", ["cycle", "iterations"], "cycle")
        c.cycleMomentum = try a.flag("cycle_momentum", true)
        c.baseMomentum = try a.number("base_momentum", 0.8)
        c.maxMomentum = try a.number("max_momentum", 0.9)
        return c
    }

    private static func sequential(_ a: ScheduleArguments) throws -> Rule {
        let items = try a.sequence("schedulers")
        guard !items.isEmpty else { throw OptimError("SequentialLR: schedulers is empty; give at least one schedule") }
        let list = try items.map { item -> LRSchedule in
            guard case .call(let c) = item else {
                throw OptimError("SequentialLR: schedulers must be schedule calls such as LinearLR(...), got \(item)")
            }
            return try LRSchedule(call: c)
        }
        let milestones = try a.ints("milestones")
        guard milestones.count == list.count - 1 else {
            throw OptimError("SequentialLR: \(list.count) scheduler\(list.count == 1 ? "" : "s") need\(list.count == 1 ? "s" : "") "
                + "\(list.count - 1) milestone\(list.count == 2 ? "" : "s"), got \(milestones.count)")
        }
        guard zip(milestones, milestones.dropFirst()).allSatisfy({ $0 < $1 }), milestones.allSatisfy({ $0 >= 1 }) else {
            throw OptimError("SequentialLR: milestones = \(milestones) is not allowed; expected increasing whole numbers >= 1")
        }
        return .sequential(list, milestones: milestones)
    }
}
