// Schedules: learning-rate schedules of torch.optim.lr_scheduler, parsed from text and stepped.

/// A learning-rate schedule of `torch.optim.lr_scheduler`, as a value: the class with its
/// arguments. `LRScheduler` runs it against an optimizer exactly as torch does (one
/// `scheduler.step()` after each `optimizer.step()`), using torch's recursive ("chainable") update
/// where torch uses one, so the learning rates agree with torch's to the last bit or nearly.
///
///     let s = try LRSchedule(parsing: "CosineAnnealingLR(T_max=100, eta_min=0.001)")
///
/// `text` is the call as written in torch's syntax (without the optimizer argument).
public struct LRSchedule: Sendable, Hashable, CustomStringConvertible {
    /// The schedule classes of torch.optim.lr_scheduler that dlplot runs, with their arguments.
    public indirect enum Rule: Sendable, Hashable {
        /// StepLR(step_size, gamma=0.1): lr·γ every `stepSize` steps.
        case step(stepSize: Int, gamma: Double)
        /// MultiStepLR(milestones, gamma=0.1): lr·γ at each milestone (repeated milestones compound).
        case multiStep(milestones: [Int], gamma: Double)
        /// ConstantLR(factor=1/3, total_iters=5): lr·factor until `totalIters`.
        case constant(factor: Double, totalIters: Int)
        /// LinearLR(start_factor=1/3, end_factor=1.0, total_iters=5): the factor moves linearly.
        case linear(startFactor: Double, endFactor: Double, totalIters: Int)
        /// ExponentialLR(gamma): lr·γ every step.
        case exponential(gamma: Double)
        /// CosineAnnealingLR(T_max, eta_min=0.0): half a cosine from the base lr to eta_min in T_max steps.
        case cosineAnnealing(tMax: Double, etaMin: Double)
        /// CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0.0): cosine cycles of T_0, T_0·T_mult, ... steps.
        case cosineAnnealingWarmRestarts(t0: Int, tMult: Int, etaMin: Double)
        /// PolynomialLR(total_iters=5, power=1.0): lr·(1 − t/total_iters)^power.
        case polynomial(totalIters: Int, power: Double)
        /// OneCycleLR: warm-up to max_lr, then anneal to max_lr/(div_factor·final_div_factor);
        /// momentum or β₁ cycles the other way.
        case oneCycle(OneCycle)
        /// CyclicLR: triangular cycles between base_lr and max_lr; momentum or β₁ cycles the other way.
        case cyclic(Cyclic)
        /// SequentialLR(schedulers, milestones): each schedule in turn, restarted at its milestone.
        case sequential([LRSchedule], milestones: [Int])
    }

    /// OneCycleLR's arguments (torch's names and defaults).
    public struct OneCycle: Sendable, Hashable {
        public var maxLR: Double
        public var totalSteps: Int
        public var pctStart = 0.3
        /// `cos` (default) or `linear`.
        public var annealCos = true
        public var cycleMomentum = true
        public var baseMomentum = 0.85
        public var maxMomentum = 0.95
        public var divFactor = 25.0
        public var finalDivFactor = 1e4
        public var threePhase = false
    }

    /// CyclicLR's arguments (torch's names and defaults; `scale_fn` cannot be given).
    public struct Cyclic: Sendable, Hashable {
        /// torch's `mode`.
        public enum Mode: String, Sendable, Hashable, CaseIterable {
            case triangular, triangular2, expRange = "exp_range"
        }
        public var baseLR: Double
        public var maxLR: Double
        public var stepSizeUp = 2000.0
        public var stepSizeDown: Double?
        public var mode = Mode.triangular
        public var gamma = 1.0
        public var cycleMomentum = true
        public var baseMomentum = 0.8
        public var maxMomentum = 0.9
    }

    /// The schedule.
    public let rule: Rule
    /// The call in torch's syntax, e.g. `StepLR(step_size=20, gamma=0.5)`.
    public let text: String

    /// A schedule from its rule and the text to show for it.
    public init(rule: Rule, text: String) {
        self.rule = rule
        self.text = text
    }

    /// The call text.
    public var description: String { text }

    /// torch's class name, e.g. `CosineAnnealingLR`.
    public var className: String {
        switch rule {
        case .step: return "StepLR"
        case .multiStep: return "MultiStepLR"
        case .constant: return "ConstantLR"
        case .linear: return "LinearLR"
        case .exponential: return "ExponentialLR"
        case .cosineAnnealing: return "CosineAnnealingLR"
        case .cosineAnnealingWarmRestarts: return "CosineAnnealingWarmRestarts"
        case .polynomial: return "PolynomialLR"
        case .oneCycle: return "OneCycleLR"
        case .cyclic: return "CyclicLR"
        case .sequential: return "SequentialLR"
        }
    }

    /// Whether the schedule also sets the momentum (or β₁) of the optimizer.
    public var cyclesMomentum: Bool {
        switch rule {
        case .oneCycle(let o): return o.cycleMomentum
        case .cyclic(let c): return c.cycleMomentum
        case .sequential(let list, _): return list.contains { $0.cyclesMomentum }
        default: return false
        }
    }

    /// The largest number of scheduler steps torch allows (OneCycleLR raises after `total_steps`), or
    /// nil when there is no limit.
    public var stepLimit: Int? {
        switch rule {
        case .oneCycle(let o): return o.totalSteps
        case .sequential(let list, let milestones):
            for (i, child) in list.enumerated() {
                guard let limit = child.stepLimit else { continue }
                let start = i == 0 ? 0 : milestones[i - 1]
                if i == list.count - 1 || start + limit < milestones[i] { return start + limit }
            }
            return nil
        default: return nil
        }
    }
}
