import RealModule

/// A torch.optim optimizer with its state, acting on a parameter vector of any dimension.
///
///     var opt = try Optimizer(name: "adam", settings: ["lr": 0.1])
///     var theta = [1.0, 2.0]
///     opt.step(parameters: &theta, gradient: [2.0, 4.0])
///
/// One `step` is one `optimizer.step()` of torch with the gradient of the current parameters.
/// State (momentum buffers, moment estimates, step count) lives in the value; copy it to branch.
/// LBFGS needs the objective: use `step(parameters:objective:)` (it works for every optimizer).
public struct Optimizer: Sendable {
    /// The name and hyper-parameters as constructed.
    public let config: OptimizerConfig
    /// The param group the steps use: `config` with lr, momentum and beta1 as a schedule last set them.
    public internal(set) var active: OptimizerConfig
    /// torch's `group["initial_lr"]`, set by the first schedule attached (nil before).
    var initialLR: Double?
    /// Steps taken so far (torch's `step`, t).
    public private(set) var stepCount = 0
    /// The per-coordinate state by torch's names (`exp_avg`, `momentum_buffer`, ...; see each rule).
    var state = OptimizerBuffers()
    /// LBFGS's history and counters.
    var lbfgs = LBFGSState()

    /// A fresh optimizer (no state yet) for `config`.
    public init(config: OptimizerConfig) {
        self.config = config
        active = config
    }

    /// The learning rate the next step uses (torch's `group["lr"]`).
    public var lr: Double {
        get { active.lr }
        set { active.lr = newValue }
    }

    /// The momentum (SGD, RMSprop) or β₁ (Adam family, Lion) the next step uses, nil for optimizers
    /// without either; setting it is ignored for those.
    public var cycledMomentum: Double? {
        get { config.hasBetas ? active.beta1 : config.hasMomentum ? active.momentum : nil }
        set {
            guard let v = newValue else { return }
            if config.hasBetas { active.beta1 = v } else if config.hasMomentum { active.momentum = v }
        }
    }

    /// A fresh optimizer by name and settings; see `OptimizerConfig.init(name:settings:)`.
    public init(name: String, settings: [String: OptimizerSetting] = [:]) throws {
        self.init(config: try OptimizerConfig(name: name, settings: settings))
    }

    /// The legend label, e.g. "adam lr=0.01".
    public var label: String { config.label }
    /// The name asked for.
    public var name: String { config.name }

    /// Forgets all state and any schedule's changes (as a freshly constructed optimizer).
    public mutating func reset() {
        active = config
        initialLR = nil
        lbfgs = LBFGSState()
        stepCount = 0
        state = OptimizerBuffers()
    }

    /// Whether a step needs the objective itself (LBFGS evaluates it several times per step).
    public var needsObjective: Bool { config.kind == .lbfgs }

    /// One `optimizer.step(closure)` of torch on `objective` from `parameters`; returns the number of
    /// function evaluations it made (1 for every optimizer but LBFGS). `gradient` must hold
    /// ∇f(parameters) on entry (the closure's first evaluation); it holds the gradient at the new
    /// parameters on return for LBFGS only.
    @discardableResult
    public mutating func step<O: Objective>(parameters: inout [Double], gradient: inout [Double], objective: O) -> Int {
        guard config.kind == .lbfgs else {
            step(parameters: &parameters, gradient: gradient)
            return 1
        }
        stepCount += 1
        return lbfgsStep(&parameters, gradient: &gradient, objective: objective)
    }

    /// One update of `parameters` with `gradient` = ∇f(parameters), exactly as torch's
    /// `optimizer.step()`. The two arrays must have the same length (a programmer error otherwise).
    /// LBFGS cannot step from a gradient alone: use `step(parameters:gradient:objective:)`.
    public mutating func step(parameters: inout [Double], gradient: [Double]) {
        precondition(parameters.count == gradient.count, "Optimizer.step: \(parameters.count) parameters but \(gradient.count) gradient entries")
        let n = parameters.count
        if stepCount == 0 || state.count != n { state = OptimizerBuffers(for: config, lr: active.lr, count: n) }
        stepCount += 1
        switch config.kind {
        case .sgd: sgdStep(&parameters, gradient)
        case .adagrad: adagradStep(&parameters, gradient)
        case .rmsprop: rmspropStep(&parameters, gradient)
        case .adadelta: adadeltaStep(&parameters, gradient)
        case .adam, .adamw: adamStep(&parameters, gradient)
        case .nadam: nadamStep(&parameters, gradient)
        case .radam: radamStep(&parameters, gradient)
        case .adamax: adamaxStep(&parameters, gradient)
        case .rprop: rpropStep(&parameters, gradient)
        case .asgd: asgdStep(&parameters, gradient)
        case .adafactor: adafactorStep(&parameters, gradient)
        case .lion: lionStep(&parameters, gradient)
        case .lbfgs: preconditionFailure("LBFGS needs the objective: use step(parameters:gradient:objective:)")
        }
    }

    /// The gradient torch works with: negated for `maximize`, plus `weight_decay`·θ when the decay
    /// is coupled (L2) and non-zero.
    @inline(__always)
    func effectiveGradient(_ g: Double, _ theta: Double, coupledDecay: Bool) -> Double {
        var d = active.maximize ? -g : g
        if coupledDecay && active.weightDecay != 0 { d += active.weightDecay * theta }
        return d
    }

    /// torch.lerp(start, end, weight) with torch's formula (more accurate for weight ≥ 0.5).
    @inline(__always)
    static func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
        weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }

    /// x^y for real y (libm pow, as Python's `**` on floats).
    @inline(__always)
    static func real(_ x: Double, _ y: Double) -> Double {
        Double.pow(x, y)
    }

    /// x^t for the bias corrections (libm pow, as Python's `**`).
    @inline(__always)
    static func power(_ x: Double, _ t: Int) -> Double {
        Double.pow(x, Double(t))
    }
}
