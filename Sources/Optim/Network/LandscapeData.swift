/// The small data sets the loss-landscape figure trains on, generated in code from a seed.
public enum LandscapeTask: String, Sendable, CaseIterable {
    /// XOR's four points, binary cross-entropy.
    case xor
    /// Two interleaved spirals, 2 × 48 points, binary cross-entropy.
    case spirals
    /// y = sin(πx₁)·cos(πx₂)/2 + noise at 64 points in [−1, 1]², mean squared error.
    case regression

    /// Inputs and targets for `seed`.
    public func data(seed: UInt64) -> (inputs: [[Double]], targets: [[Double]]) {
        var g = GaussianSampler(seed: seed)
        switch self {
        case .xor:
            return ([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]])
        case .spirals:
            var x: [[Double]] = [], y: [[Double]] = []
            for i in 0..<48 {
                let t = 0.25 + 2.75 * Double(i) / 47
                let r = t / 3
                for (label, sign) in [(0.0, 1.0), (1.0, -1.0)] {
                    x.append([sign * r * Double.cos(2.4 * t) + 0.02 * g.next(), sign * r * Double.sin(2.4 * t) + 0.02 * g.next()])
                    y.append([label])
                }
            }
            return (x, y)
        case .regression:
            var x: [[Double]] = [], y: [[Double]] = []
            for _ in 0..<64 {
                let a = max(-1, min(1, 0.6 * g.next())), b = max(-1, min(1, 0.6 * g.next()))
                x.append([a, b])
                y.append([Double.sin(Double.pi * a) * Double.cos(Double.pi * b) / 2 + 0.05 * g.next()])
            }
            return (x, y)
        }
    }

    /// The loss it is trained with.
    public var loss: NetworkLoss { self == .regression ? .mse : .bce }
}
