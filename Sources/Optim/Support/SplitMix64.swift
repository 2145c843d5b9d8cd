/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, seedable generator whose output is the
/// same on every machine and Swift version. Every random choice in Optim (mini-batch order,
/// network initialisation, random inputs) goes through it, so a seed fixes a figure exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (bound > 0), by Lemire's multiply-and-reject method;
    /// written out here (rather than `Int.random(in:using:)`) so the sequence cannot change with
    /// the standard library.
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place by Fisher–Yates with `nextInt(below:)` (deterministic for a seed).
    public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            if i != j { values.swapAt(i, j) }
            i -= 1
        }
    }
}
