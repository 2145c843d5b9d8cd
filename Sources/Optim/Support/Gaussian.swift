import RealModule

/// Standard normal samples from a `SplitMix64` by the Box–Muller transform (both values of each
/// pair are used), deterministic for a seed.
public struct GaussianSampler: Sendable {
    /// The uniform source.
    public var generator: SplitMix64
    private var spare: Double?

    /// A sampler drawing its uniforms from `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// The next N(0, 1) sample.
    public mutating func next() -> Double {
        if let s = spare {
            spare = nil
            return s
        }
        // u1 in (0, 1] so that log(u1) is finite.
        let u1 = 1 - generator.nextUnit()
        let u2 = generator.nextUnit()
        let r = (-2 * Double.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spare = r * Double.sin(angle)
        return r * Double.cos(angle)
    }

    /// The next N(mean, sd²) sample.
    public mutating func next(mean: Double, standardDeviation sd: Double) -> Double {
        mean + sd * next()
    }
}
