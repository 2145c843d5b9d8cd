import RealModule

/// A torch.optim optimizer with its state, acting on a parameter vector of any dimension.
///
///     var opt = try Optimizer(name: "adam", settings: ["lr": 0.1])
///     var theta = [1.0, 2.0]
///     opt.step(parameters: &theta, gradient: [2.0, 4.0])
///
/// One `step` is one `optimizer.step()` of torch with the gradient of the current parameters.
/// State (momentum buffers, moment estimates, step count) lives in the value; copy it to branch.
public struct Optimizer: Sendable {
    /// The name and hyper-parameters.
    public let config: OptimizerConfig
    /// Steps taken so far (torch's `step`, t).
    public private(set) var stepCount = 0
    /// The per-coordinate buffers (their meaning depends on the optimizer; see each rule).
    var first: [Double] = []
    var second: [Double] = []
    var third: [Double] = []
    /// NAdam's running product of μ.
    var muProduct = 1.0

    /// A fresh optimizer (no state yet) for `config`.
    public init(config: OptimizerConfig) {
        self.config = config
    }

    /// A fresh optimizer by name and settings; see `OptimizerConfig.init(name:settings:)`.
    public init(name: String, settings: [String: OptimizerSetting] = [:]) throws {
        self.init(config: try OptimizerConfig(name: name, settings: settings))
    }

    /// The legend label, e.g. "adam lr=0.01".
    public var label: String { config.label }
    /// The name asked for.
    public var name: String { config.name }

    /// Forgets all state (as a freshly constructed optimizer).
    public mutating func reset() {
        stepCount = 0
        first = []
        second = []
        third = []
        muProduct = 1
    }

    /// One update of `parameters` with `gradient` = ∇f(parameters), exactly as torch's
    /// `optimizer.step()`. The two arrays must have the same length (a programmer error otherwise).
    public mutating func step(parameters: inout [Double], gradient: [Double]) {
        precondition(parameters.count == gradient.count, "Optimizer.step: \(parameters.count) parameters but \(gradient.count) gradient entries")
        let n = parameters.count
        if stepCount == 0 || first.count != n { allocateState(count: n) }
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
        }
    }

    private mutating func allocateState(count n: Int) {
        let initial = config.kind == .adagrad ? config.initialAccumulatorValue : 0
        first = [Double](repeating: initial, count: n)
        second = [Double](repeating: 0, count: n)
        third = [Double](repeating: 0, count: n)
        muProduct = 1
    }

    /// The gradient torch works with: negated for `maximize`, plus `weight_decay`·θ when the decay
    /// is coupled (L2) and non-zero.
    @inline(__always)
    func effectiveGradient(_ g: Double, _ theta: Double, coupledDecay: Bool) -> Double {
        var d = config.maximize ? -g : g
        if coupledDecay && config.weightDecay != 0 { d += config.weightDecay * theta }
        return d
    }

    /// torch.lerp(start, end, weight) with torch's formula (more accurate for weight ≥ 0.5).
    @inline(__always)
    static func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
        weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }

    /// x^t for the bias corrections (libm pow, as Python's `**`).
    @inline(__always)
    static func power(_ x: Double, _ t: Int) -> Double {
        Double.pow(x, Double(t))
    }
}
