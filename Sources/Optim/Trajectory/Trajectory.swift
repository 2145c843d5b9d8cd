/// Why a trajectory ended.
public enum StopReason: Sendable, Hashable, CustomStringConvertible {
    /// All requested steps were taken.
    case maxSteps
    /// The convergence test (see `ConvergenceTest`) held at this step; no further steps were taken.
    case converged(step: Int)
    /// The step produced a non-finite parameter or an undefined (NaN) f; it is not recorded, every
    /// earlier step is. (f = ±∞ at finite parameters is recorded, not divergence.)
    case diverged(step: Int)

    /// `max_steps`, `converged` or `diverged`.
    public var name: String {
        switch self {
        case .maxSteps: return "max_steps"
        case .converged: return "converged"
        case .diverged: return "diverged"
        }
    }

    /// "max_steps", "converged at step 12", "diverged at step 40".
    public var description: String {
        switch self {
        case .maxSteps: return "max_steps"
        case .converged(let k): return "converged at step \(k)"
        case .diverged(let k): return "diverged at step \(k)"
        }
    }
}

/// When a run counts as converged (only tested when a tolerance is given).
public enum ConvergenceTest: String, Sendable, Hashable, CaseIterable {
    /// ‖∇f(θₖ)‖₂ ≤ tol (the exact gradient, also for mini-batch objectives), tested at every step
    /// including the start.
    case gradientNorm = "gradient_norm"
    /// |f(θₖ) − f(θₖ₋₁)| ≤ tol, tested from step 1.
    case valueChange = "value_change"
}

/// How to run and what to keep. Defaults: keep every step's position, value and gradient.
/// For very long runs (10⁶ steps) record every k-th row and/or skip gradients and positions, and
/// keep `everyValue` for a full loss curve at 8 bytes a step.
public struct TrajectoryOptions: Sendable, Hashable {
    /// The number of optimizer steps (≥ 0).
    public var steps: Int
    /// The convergence tolerance; nil (the default) runs all steps unless it diverges.
    public var tolerance: Double?
    /// Which convergence test `tolerance` applies to.
    public var convergence: ConvergenceTest
    /// Record a row every `recordEvery` steps (and always the start and the last step).
    public var recordEvery: Int
    /// Keep positions in the recorded rows.
    public var recordPositions: Bool
    /// Keep gradients in the recorded rows.
    public var recordGradients: Bool
    /// Keep f at every step in `Trajectory.valueHistory`, whatever `recordEvery` is.
    public var everyValue: Bool

    /// Options for a run of `steps` steps.
    public init(steps: Int, tolerance: Double? = nil, convergence: ConvergenceTest = .gradientNorm,
                recordEvery: Int = 1, recordPositions: Bool = true, recordGradients: Bool = true,
                everyValue: Bool = false) {
        self.steps = steps
        self.tolerance = tolerance
        self.convergence = convergence
        self.recordEvery = recordEvery
        self.recordPositions = recordPositions
        self.recordGradients = recordGradients
        self.everyValue = everyValue
    }
}

/// A recorded optimizer run. Row i is step `steps[i]` (0 = the start): its position θ, f(θ) and
/// the gradient the optimizer used at θ (a mini-batch estimate for stochastic objectives).
/// Positions and gradients are stored flat (`dimension` numbers per row) to keep long runs compact.
public struct Trajectory: Sendable, Hashable {
    /// The length of each position.
    public let dimension: Int
    /// The step number of each recorded row (0, k, 2k, ..., last).
    public internal(set) var steps: [Int] = []
    /// f at each recorded row.
    public internal(set) var values: [Double] = []
    /// Positions of the recorded rows, row after row (empty if positions were not recorded).
    public internal(set) var positionData: [Double] = []
    /// Gradients of the recorded rows, row after row (empty if gradients were not recorded).
    public internal(set) var gradientData: [Double] = []
    /// f at every step 0...last when `TrajectoryOptions.everyValue` was set, else empty.
    public internal(set) var valueHistory: [Double] = []
    /// The learning rate each recorded row's step uses (torch's `get_last_lr()[0]` after `steps[i]`
    /// scheduler steps; constant without a schedule).
    public internal(set) var learningRates: [Double] = []
    /// LBFGS only: torch's running count of function evaluations at each recorded row (empty for
    /// other optimizers, which evaluate once per step).
    public internal(set) var functionEvaluations: [Int] = []
    /// LBFGS only, with positions recorded every step: where f was evaluated inside each
    /// `step(closure)` call besides its start (line-search trials and inner iterations), `dimension`
    /// numbers per evaluation in order; at most 10⁵ evaluations are kept.
    public internal(set) var evaluationPositions: [Double] = []
    /// The step (as in `steps`) whose call made each evaluation in `evaluationPositions`.
    public internal(set) var evaluationSteps: [Int] = []
    /// Why the run ended.
    public internal(set) var stop: StopReason = .maxSteps
    /// After `.diverged`: the position the diverging step reached, and whether f was undefined (NaN)
    /// there rather than ±∞. A finite position where f is NaN is a step out of f's domain (log(x)
    /// stepping to x < 0), not a blow-up. (A flag, not the value: NaN would make equal runs unequal.)
    public internal(set) var divergedPosition: [Double] = []
    public internal(set) var divergedToUndefined = false

    /// Whether the run stopped because it stepped from a moderate point (|f| < 10¹⁰⁰) to a finite one
    /// where f is undefined (NaN): log(x) stepping to x < 0. A NaN reached after f grew beyond 10¹⁰⁰
    /// (∞ − ∞ in x⁴/4 − x² at |x| ≈ 10¹⁵⁴) is a blow-up, not a domain.
    public var leftDomain: Bool {
        guard case .diverged = stop, !divergedPosition.isEmpty, let before = values.last else { return false }
        return divergedToUndefined && divergedPosition.allSatisfy { $0.isFinite && abs($0) < 1e100 } && abs(before) < 1e100
    }

    /// For a run that diverged with f = ±∞ on its last recorded rows: the first step of that run of infinite
    /// values (f overflowed float64 there while x stayed finite; the parameters overflowed later, at the
    /// divergence step). Nil when f was infinite from the start or finite at the end. gd with lr 1.5 on
    /// x² + y² from (1, 1): f = ∞ from step 512, x, y overflow at step 1024.
    public var overflowStep: Int? {
        guard case .diverged = stop, let first = infiniteSince, first > 0 else { return nil }
        return first
    }

    /// The step of the first row of the run of infinite values the recorded rows end in (0: f was infinite
    /// from the start), nil when the last row's f is finite; kept as rows are made, so that a streamed run
    /// (`streamTrajectory`, which keeps only its last row) knows it too.
    var infiniteSince: Int?

    /// How the run stopped early, in the one wording every figure and `trace` use: "left the domain of f
    /// at step k" (see `leftDomain`), "diverged at step k", or nil for a run that did not stop early.
    public var stopWords: String? {
        guard case let .diverged(k) = stop else { return nil }
        return leftDomain ? "left the domain of f at step \(k)" : "diverged at step \(k)"
    }

    init(dimension: Int) {
        self.dimension = dimension
    }

    /// The number of recorded rows.
    public var count: Int { steps.count }

    /// The position of recorded row `i`.
    public func position(_ i: Int) -> [Double] {
        Array(positionData[(i * dimension)..<((i + 1) * dimension)])
    }

    /// The gradient of recorded row `i`.
    public func gradient(_ i: Int) -> [Double] {
        Array(gradientData[(i * dimension)..<((i + 1) * dimension)])
    }

    /// Coordinate `axis` (0 ..< `dimension`) of every recorded position, in row order (empty if positions
    /// were not recorded): `coordinates(0)` is the x of each row of a run on a surface.
    public func coordinates(_ axis: Int) -> [Double] {
        stride(from: axis, to: positionData.count, by: dimension).map { positionData[$0] }
    }

    /// Every recorded position as its own array (builds the arrays: O(rows)).
    public var positions: [[Double]] {
        positionData.isEmpty ? [] : (0..<count).map(position)
    }

    /// Every recorded gradient as its own array (builds the arrays: O(rows)).
    public var gradients: [[Double]] {
        gradientData.isEmpty ? [] : (0..<count).map(gradient)
    }

    /// The last recorded position (the end of the run), or nil when nothing was recorded.
    public var finalPosition: [Double]? {
        positionData.isEmpty || count == 0 ? nil : position(count - 1)
    }

    /// The last recorded value, or nil when nothing was recorded.
    public var finalValue: Double? { values.last }
}
