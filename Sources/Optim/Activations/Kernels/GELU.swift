// Kernels: the numerical kernels behind the activations (GELU, hard, logistic, rectifiers, tanh).

import RealModule

// MARK: - GELU: exact (erf) and the tanh approximation; the sigmoid approximation is swish(1.702)

extension Kernel {
    static let inverseSqrt2 = 0.70710678118654752440084436210485
    static let inverseSqrt2Pi = 0.39894228040143267793994605993438
    static let sqrt2OverPi = 0.79788456080286535587989211986876

    /// x·Φ(x) = x·erfc(−x/√2)/2 (erfc keeps full relative accuracy for x ≪ 0, where PyTorch's
    /// 1 + erf(x/√2) cancels).
    @inline(__always)
    static func gelu(_ x: Double) -> Double {
        0.5 * x * Double.erfc(-x * inverseSqrt2)
    }

    /// Φ(x) + x·φ(x).
    @inline(__always)
    static func geluDerivative(_ x: Double) -> Double {
        0.5 * Double.erfc(-x * inverseSqrt2) + x * (inverseSqrt2Pi * Double.exp(-0.5 * x * x))
    }

    /// The inner argument 2u of the tanh approximation, u = √(2/π)(x + 0.044715x³).
    @inline(__always)
    static func geluTanhArgument(_ x: Double) -> Double {
        2 * sqrt2OverPi * (x + 0.044715 * x * x * x)
    }

    /// ½x(1 + tanh u) written as x·σ(2u) (same function; no cancellation for x ≪ 0).
    @inline(__always)
    static func geluTanh(_ x: Double) -> Double {
        x * sigmoid(geluTanhArgument(x))
    }

    /// σ(2u) + x·σ(2u)σ(−2u)·2u′, with 2u′ = 2√(2/π)(1 + 3·0.044715x²). Beyond |x| = 50 the
    /// factor σ(−2u) is below e^{−4000}: the derivative is exactly 1 or 0 in doubles.
    @inline(__always)
    static func geluTanhDerivative(_ x: Double) -> Double {
        if abs(x) > 50 { return x > 0 ? 1 : 0 }
        let z = geluTanhArgument(x)
        let dz = 2 * sqrt2OverPi * (1 + 3 * 0.044715 * x * x)
        return sigmoid(z) + x * sigmoid(z) * sigmoid(-z) * dz
    }
}
