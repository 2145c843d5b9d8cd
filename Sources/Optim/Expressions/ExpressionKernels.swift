import RealModule

/// The local derivatives of every operation, as torch.autograd defines them: each kernel returns
/// the value and ∂value/∂operand. The tape multiplies these by the operands' tangents (forward-mode
/// automatic differentiation), so the chain rule is applied exactly, never by finite differences.
///
/// Where f is not differentiable the partial is PyTorch's choice: abs′(0) = 0, relu′(0) = 0,
/// sqrt′(0) = +inf; max/min split a tie 0.5/0.5 (see `maximum`). Every kernel is stable in the
/// tails (no overflow in softplus or sigmoid, no cancellation in tanh′).
enum ExpressionKernels {
    static let twoOverSqrtPi = 1.1283791670955125738961589031215

    /// f(a) and f′(a) for an elementary function.
    @inline(__always)
    static func elementary(_ f: ElementaryFunction, _ a: Double) -> (Double, Double) {
        switch f {
        case .exp:
            let v = Double.exp(a)
            return (v, v)
        case .log: return (Double.log(a), 1 / a)
        case .log1p: return (Double.log(onePlus: a), 1 / (1 + a))
        case .expm1: return (Double.expMinusOne(a), Double.exp(a))
        case .sqrt:
            let v = a.squareRoot()
            return (v, 1 / (2 * v))
        case .abs: return (Swift.abs(a), a > 0 ? 1 : (a < 0 ? -1 : (a == 0 ? 0 : a)))
        case .sin: return (Double.sin(a), Double.cos(a))
        case .cos: return (Double.cos(a), -Double.sin(a))
        case .tan:
            let v = Double.tan(a)
            return (v, 1 + v * v)
        case .sinh: return (Double.sinh(a), Double.cosh(a))
        case .cosh: return (Double.cosh(a), Double.sinh(a))
        case .tanh: return tanh(a)
        case .asinh: return (Double.asinh(a), 1 / Double.hypot(1, a))
        case .atan: return (Double.atan(a), 1 / (1 + a * a))
        case .erf: return (Double.erf(a), twoOverSqrtPi * Double.exp(-a * a))
        case .erfc: return (Double.erfc(a), -twoOverSqrtPi * Double.exp(-a * a))
        case .sigmoid: return sigmoid(a)
        case .softplus: return softplus(a)
        case .relu: return a > 0 ? (a, 1) : (a.isNaN ? (a, a) : (0, 0))
        }
    }

    /// tanh(a) and sech²(a) from one exponential: with e = e^{−2|a|}, tanh|a| = (1 − e)/(1 + e) and
    /// sech²a = 4e/(1 + e)²; for |a| < 0.5, 1 − e is taken from expm1 (no cancellation at either end).
    @inline(__always)
    static func tanh(_ a: Double) -> (Double, Double) {
        let small = Swift.abs(a) < 0.5
        let m = small ? Double.expMinusOne(-2 * Swift.abs(a)) : 0
        let e = small ? 1 + m : Double.exp(-2 * Swift.abs(a))
        let d = 1 + e
        let t = (small ? -m : 1 - e) / d
        return (a < 0 ? -t : (a.isNaN ? a : t), 4 * e / (d * d))
    }

    /// σ(a) and σ(a)σ(−a) from one exp of −|a|.
    @inline(__always)
    static func sigmoid(_ a: Double) -> (Double, Double) {
        let e = Double.exp(-Swift.abs(a))
        let s = 1 / (1 + e)
        let v = a >= 0 ? s : e * s
        return (a.isNaN ? a : v, e * s * s)
    }

    /// PyTorch's softplus (β = 1, threshold 20): a itself above the threshold, else
    /// max(a, 0) + log1p(e^{−|a|}); the derivative σ(a) (1 above the threshold).
    @inline(__always)
    static func softplus(_ a: Double) -> (Double, Double) {
        if a > 20 { return (a, 1) }
        let e = Double.exp(-Swift.abs(a))
        let s = 1 / (1 + e)
        return (Swift.max(a, 0) + Double.log(onePlus: e), a >= 0 ? s : e * s)
    }

    /// max(a, b) with ∂/∂a and ∂/∂b: the larger argument gets the whole gradient, a tie 0.5 each
    /// (torch.maximum); NaN in either argument gives NaN.
    @inline(__always)
    static func maximum(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        if a > b { return (a, 1, 0) }
        if b > a { return (b, 0, 1) }
        if a == b { return (a, 0.5, 0.5) }
        return (.nan, .nan, .nan)
    }

    /// √(a² + b²) with ∂/∂a = a/h and ∂/∂b = b/h, scaled so that no square underflows or overflows
    /// (Foundation's hypot); at a = b = 0 both partials are 0, the cone tip's subgradient of least norm.
    @inline(__always)
    static func hypot(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        let h = Double.hypot(a, b)
        guard h != 0 else { return (0, 0, 0) }
        guard !a.isNaN, !b.isNaN else { return (.nan, .nan, .nan) }
        // Where h overflows (coordinates near the double maximum, or infinite) a/h is still a direction cosine.
        guard h.isFinite else {
            let m = Swift.max(Swift.abs(a), Swift.abs(b))
            let (sa, sb) = m.isInfinite ? (a.isInfinite ? (a < 0 ? -1.0 : 1.0) : 0, b.isInfinite ? (b < 0 ? -1.0 : 1.0) : 0) : (a / m, b / m)
            let r = (sa * sa + sb * sb).squareRoot()
            return (h, sa / r, sb / r)
        }
        return (h, a / h, b / h)
    }

    /// min(a, b), as `maximum`.
    @inline(__always)
    static func minimum(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        if a < b { return (a, 1, 0) }
        if b < a { return (b, 0, 1) }
        if a == b { return (a, 0.5, 0.5) }
        return (.nan, .nan, .nan)
    }

    /// aⁿ for a constant exponent c, with ∂/∂a = c·a^{c−1} (0 when c = 0, as torch); a² and a³
    /// by multiplication, a^{0.5} by sqrt.
    @inline(__always)
    static func power(_ a: Double, constant c: Double) -> (Double, Double) {
        if c == 2 { return (a * a, 2 * a) }
        if c == 3 { return (a * a * a, 3 * a * a) }
        if c == 1 { return (a, 1) }
        if c == 0 { return (1, 0) }
        if c == 0.5 {
            let v = a.squareRoot()
            return (v, 0.5 / v)
        }
        return (pow(a, c), c * pow(a, c - 1))
    }

    /// libm's pow, for negative bases too when the exponent is an integer (RealModule's real-exponent
    /// pow returns NaN for every negative base).
    @inline(__always)
    static func pow(_ a: Double, _ b: Double) -> Double {
        if b == b.rounded(), Swift.abs(b) < 9.0e15 { return Double.pow(a, Int(b)) }
        return Double.pow(a, b)
    }

    /// a^b with both operands variable: ∂/∂a = b·a^{b−1} (0 where b = 0), ∂/∂b = a^b·log a
    /// (0 where a = 0 and b ≥ 0, as torch).
    @inline(__always)
    static func power(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        let v = pow(a, b)
        let pa = b == 0 ? 0 : b * pow(a, b - 1)
        let pb = a == 0 && b >= 0 ? 0 : v * Double.log(a)
        return (v, pa, pb)
    }
}
