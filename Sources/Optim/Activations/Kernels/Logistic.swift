import RealModule

/// Scalar kernels of the activations, grouped by family (one file each). Every kernel is total
/// over the finite doubles: no overflow to NaN, no cancellation in the tails.
enum Kernel {}

// MARK: - The logistic family: sigmoid, log-sigmoid, softplus, swish/SiLU, mish

extension Kernel {
    /// σ(x) = 1/(1+e^{−x}), evaluated so that e^{|x|} never overflows.
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + Double.exp(-x))
        }
        let e = Double.exp(x)
        return e / (1 + e)
    }

    /// σ′(x) = σ(x)·σ(−x): exact in both tails (σ(1−σ) would round to 0 for x > 37).
    @inline(__always)
    static func sigmoidDerivative(_ x: Double) -> Double {
        sigmoid(x) * sigmoid(-x)
    }

    /// log σ(x) = min(x, 0) − log(1 + e^{−|x|}).
    @inline(__always)
    static func logSigmoid(_ x: Double) -> Double {
        min(x, 0) - Double.log(onePlus: Double.exp(-abs(x)))
    }

    /// d/dx log σ(x) = σ(−x).
    @inline(__always)
    static func logSigmoidDerivative(_ x: Double) -> Double {
        sigmoid(-x)
    }

    /// PyTorch's softplus: x when βx > threshold, else log(1 + e^{βx})/β (computed as
    /// (max(βx, 0) + log(1 + e^{−|βx|}))/β, which cannot overflow).
    @inline(__always)
    static func softplus(_ x: Double, beta: Double, threshold: Double) -> Double {
        let z = beta * x
        if z > threshold { return x }
        return (max(z, 0) + Double.log(onePlus: Double.exp(-abs(z)))) / beta
    }

    /// PyTorch's softplus derivative: 1 when βx > threshold, else σ(βx).
    @inline(__always)
    static func softplusDerivative(_ x: Double, beta: Double, threshold: Double) -> Double {
        let z = beta * x
        return z > threshold ? 1 : sigmoid(z)
    }

    /// Swish x·σ(βx) (SiLU for β = 1, the sigmoid GELU approximation for β = 1.702).
    @inline(__always)
    static func swish(_ x: Double, beta: Double) -> Double {
        x * sigmoid(beta * x)
    }

    /// d/dx x·σ(βx) = σ(βx) + β·x·σ(βx)·σ(−βx). The product x·σ(βx)·σ(−βx) is formed first, so a
    /// saturated σ gives 0 instead of ∞·0.
    @inline(__always)
    static func swishDerivative(_ x: Double, beta: Double) -> Double {
        let z = beta * x
        let s = sigmoid(z)
        return s + beta * (x * s * sigmoid(-z))
    }

    /// tanh(softplus(x)) and 1 − tanh²(softplus(x)), without cancellation.
    /// With e = eˣ: tanh(log(1+e)) = (e² + 2e)/(e² + 2e + 2); for x > 0 the same in e^{−x}.
    @inline(__always)
    static func tanhSoftplus(_ x: Double) -> (t: Double, sech2: Double) {
        if x > 0 {
            let e = Double.exp(-x)
            let n = 1 + 2 * e
            let d = n + 2 * e * e
            let oneMinusT = 2 * e * e / d
            let t = n / d
            return (t, oneMinusT * (1 + t))
        }
        let e = Double.exp(x)
        let n = e * (e + 2)
        let t = n / (n + 2)
        let oneMinusT = 2 / (n + 2)
        return (t, oneMinusT * (1 + t))
    }

    /// Mish x·tanh(softplus(x)).
    @inline(__always)
    static func mish(_ x: Double) -> Double {
        x * tanhSoftplus(x).t
    }

    /// Mish′(x) = tanh(sp(x)) + x·σ(x)·sech²(sp(x)).
    @inline(__always)
    static func mishDerivative(_ x: Double) -> Double {
        let (t, sech2) = tanhSoftplus(x)
        return t + x * sigmoid(x) * sech2
    }
}
