import RealModule

// MARK: - Rectifiers: ReLU, leaky ReLU / PReLU, ReLU6, ELU, SELU, CELU
// At a kink the derivative is PyTorch's choice (documented on each kernel).

extension Kernel {
    /// The SELU constants α and λ (Klambauer et al., 2017), as PyTorch.
    static let seluAlpha = 1.6732632423543772848170429916717
    static let seluScale = 1.0507009873554804934193349852946

    /// max(0, x); derivative 1 for x > 0, else 0 (0 at x = 0, as PyTorch).
    @inline(__always)
    static func relu(_ x: Double) -> Double { x > 0 ? x : 0 }

    /// x for x > 0, slope·x otherwise; derivative at 0 is the slope (PyTorch).
    @inline(__always)
    static func leaky(_ x: Double, slope: Double) -> Double { x > 0 ? x : slope * x }

    /// Derivative of `leaky`.
    @inline(__always)
    static func leakyDerivative(_ x: Double, slope: Double) -> Double { x > 0 ? 1 : slope }

    /// min(max(0, x), 6); derivative 0 at both kinks (PyTorch).
    @inline(__always)
    static func relu6(_ x: Double) -> Double { min(max(0, x), 6) }

    /// Derivative of `relu6`.
    @inline(__always)
    static func relu6Derivative(_ x: Double) -> Double { x > 0 && x < 6 ? 1 : 0 }

    /// ELU: x for x > 0, α(eˣ − 1) otherwise (with expm1 for accuracy near 0).
    @inline(__always)
    static func elu(_ x: Double, alpha: Double) -> Double { x > 0 ? x : alpha * Double.expMinusOne(x) }

    /// ELU′: 1 for x > 0, αeˣ otherwise (the left branch at 0, as PyTorch).
    @inline(__always)
    static func eluDerivative(_ x: Double, alpha: Double) -> Double { x > 0 ? 1 : alpha * Double.exp(x) }

    /// SELU λ·ELU_α(x).
    @inline(__always)
    static func selu(_ x: Double) -> Double { seluScale * elu(x, alpha: seluAlpha) }

    /// SELU′ = λ·ELU′_α(x); λα ≈ 1.7581 at 0 (PyTorch's left branch).
    @inline(__always)
    static func seluDerivative(_ x: Double) -> Double { seluScale * eluDerivative(x, alpha: seluAlpha) }

    /// CELU: x for x > 0, α(e^{x/α} − 1) otherwise.
    @inline(__always)
    static func celu(_ x: Double, alpha: Double) -> Double { x > 0 ? x : alpha * Double.expMinusOne(x / alpha) }

    /// CELU′: 1 for x > 0, e^{x/α} otherwise (1 at 0: CELU is C¹).
    @inline(__always)
    static func celuDerivative(_ x: Double, alpha: Double) -> Double { x > 0 ? 1 : Double.exp(x / alpha) }
}
