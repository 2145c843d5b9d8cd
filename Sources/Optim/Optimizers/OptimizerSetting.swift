/// The value of one optimizer setting: a number (lr, momentum, ...) or a flag (nesterov, amsgrad, ...).
public enum OptimizerSetting: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    /// A numeric hyper-parameter.
    case number(Double)
    /// An on/off hyper-parameter.
    case flag(Bool)

    /// A number setting from a literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A number setting from an integer literal.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A flag setting from a literal.
    public init(booleanLiteral value: Bool) { self = .flag(value) }

    /// "0.01" or "true".
    public var description: String {
        switch self {
        case .number(let v): return "\(v)"
        case .flag(let b): return b ? "true" : "false"
        }
    }
}

/// The torch.optim algorithm behind an optimizer name. The exact update rules are written on the
/// step functions in `Optimizers/<Name>.swift`.
public enum OptimizerKind: String, Sendable, Hashable, CaseIterable {
    /// torch.optim.SGD: plain, momentum (buffer b₁ = g₁) and Nesterov (torch's form). Rule: SGD.swift.
    case sgd
    /// torch.optim.Adagrad: per-coordinate lr / (√Σg² + eps). Rule: Adagrad.swift.
    case adagrad
    /// torch.optim.RMSprop: lr·g/(√v + eps), v a running mean of g². Rule: RMSprop.swift.
    case rmsprop
    /// torch.optim.Adadelta: unit-corrected steps √(u+eps)/√(v+eps)·g. Rule: Adadelta.swift.
    case adadelta
    /// torch.optim.Adam (with amsgrad, coupled or decoupled weight decay). Rule: Adam.swift.
    case adam
    /// torch.optim.AdamW: Adam with decoupled weight decay (default 0.01). Rule: Adam.swift.
    case adamw
    /// torch.optim.NAdam: Adam with Nesterov momentum and torch's μ schedule. Rule: NAdam.swift.
    case nadam
    /// torch.optim.RAdam: rectified Adam (momentum-only steps while ρₜ ≤ 5). Rule: RAdam.swift.
    case radam
    /// torch.optim.Adamax: Adam with an infinity-norm denominator. Rule: Adamax.swift.
    case adamax
    /// torch.optim.Rprop: sign-based steps with per-coordinate adaptive sizes. Rule: Rprop.swift.
    case rprop
    /// torch.optim.ASGD: averaged SGD with a decaying step. Rule: ASGD.swift.
    case asgd
    /// torch.optim.LBFGS (plain or strong-Wolfe line search); needs the objective. Rule: LBFGS.swift.
    case lbfgs
    /// torch.optim.Adafactor (torch's variant; unfactored for vectors). Rule: Adafactor.swift.
    case adafactor
    /// Lion (Chen et al. 2023, Algorithm 2); no torch class. Rule: Lion.swift.
    case lion
}
