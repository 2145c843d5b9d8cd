/// A function of a parameter vector that an optimizer can descend: its value, its exact gradient,
/// and the gradient a step uses (the same unless the objective samples mini-batches).
public protocol Objective {
    /// The length of the parameter vector.
    var dimension: Int { get }
    /// f(θ).
    func value(_ parameters: [Double]) -> Double
    /// ∇f(θ), written to `gradient` (already of length `dimension`).
    func gradient(_ parameters: [Double], into gradient: inout [Double])
    /// The gradient for the next optimizer step (a mini-batch estimate for stochastic objectives);
    /// defaults to `gradient(_:into:)`.
    mutating func stepGradient(_ parameters: [Double], into gradient: inout [Double])
}

extension Objective {
    /// The exact gradient.
    public mutating func stepGradient(_ parameters: [Double], into gradient: inout [Double]) {
        self.gradient(parameters, into: &gradient)
    }
}

extension Surface: Objective {
    /// 2: the point (x, y).
    public var dimension: Int { 2 }

    /// f(θ₀, θ₁).
    public func value(_ parameters: [Double]) -> Double {
        value(parameters[0], parameters[1])
    }

    /// ∇f(θ₀, θ₁) (full batch for the dataset losses).
    public func gradient(_ parameters: [Double], into gradient: inout [Double]) {
        let g = self.gradient(parameters[0], parameters[1])
        gradient[0] = g.dx
        gradient[1] = g.dy
    }
}

/// An objective given by two closures, e.g. f(w) = w² in one dimension for a learning-rate figure:
///
///     let square = FunctionObjective(dimension: 1, value: { $0[0] * $0[0] }, gradient: { [2 * $0[0]] })
public struct FunctionObjective: Objective, Sendable {
    /// The length of the parameter vector.
    public let dimension: Int
    private let f: @Sendable ([Double]) -> Double
    private let df: @Sendable ([Double]) -> [Double]

    /// An objective with value `value` and gradient `gradient` (which must return `dimension` entries).
    public init(dimension: Int, value: @escaping @Sendable ([Double]) -> Double,
                gradient: @escaping @Sendable ([Double]) -> [Double]) {
        self.dimension = dimension
        f = value
        df = gradient
    }

    /// f(θ).
    public func value(_ parameters: [Double]) -> Double { f(parameters) }

    /// ∇f(θ) (a short closure result is padded with NaN, which the runner reports as divergence).
    public func gradient(_ parameters: [Double], into gradient: inout [Double]) {
        let g = df(parameters)
        for i in 0..<dimension { gradient[i] = i < g.count ? g[i] : .nan }
    }
}

/// A dataset surface (`linreg_mse`, `logreg_bce`) whose step gradients are mini-batch estimates:
/// each epoch visits every example once in an order shuffled by a seeded `SplitMix64`
/// (Fisher–Yates), in consecutive batches of `batchSize` (the last batch of an epoch may be
/// smaller). Batch size 1 is SGD; a batch size ≥ the dataset size is batch gradient descent (no
/// shuffling, exactly the full gradient). The same seed gives the same path on every machine.
public struct MinibatchObjective: Objective, Sendable {
    /// The surface (its value is always the full-dataset loss).
    public let surface: Surface
    /// Examples per step.
    public let batchSize: Int
    private var generator: SplitMix64
    private var order: [Int]
    private var cursor: Int

    /// Mini-batches of `batchSize` (≥ 1) from `surface`'s dataset, shuffled with `seed`. Throws if the
    /// surface has no dataset or the batch size is < 1.
    public init(surface: Surface, batchSize: Int, seed: UInt64) throws {
        guard let data = surface.dataset else {
            throw OptimError("batch size applies only to the dataset surfaces linreg_mse and logreg_bce, not \(surface.name)")
        }
        guard batchSize >= 1 else {
            throw OptimError("batch size = \(batchSize) is not allowed; expected 1...\(data.count) (or more for the full batch)")
        }
        self.surface = surface
        self.batchSize = batchSize
        generator = SplitMix64(seed: seed)
        order = Array(0..<data.count)
        cursor = data.count
    }

    /// 2: (w, b).
    public var dimension: Int { 2 }

    /// The full-dataset loss.
    public func value(_ parameters: [Double]) -> Double { surface.value(parameters) }

    /// The full-dataset gradient.
    public func gradient(_ parameters: [Double], into gradient: inout [Double]) {
        surface.gradient(parameters, into: &gradient)
    }

    /// The gradient over the next mini-batch (a new shuffled epoch when the current one is used up).
    public mutating func stepGradient(_ parameters: [Double], into gradient: inout [Double]) {
        let n = order.count
        if batchSize >= n {
            surface.gradient(parameters, into: &gradient)
            return
        }
        if cursor >= n {
            generator.shuffle(&order)
            cursor = 0
        }
        let end = min(cursor + batchSize, n)
        let g = surface.gradient(parameters[0], parameters[1], indices: order[cursor..<end])
        cursor = end
        gradient[0] = g.dx
        gradient[1] = g.dy
    }
}
