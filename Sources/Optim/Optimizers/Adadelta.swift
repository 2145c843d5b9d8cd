extension Optimizer {
    /// torch.optim.Adadelta. With g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     v ← ρ·v + (1 − ρ)·g²
    ///     Δ ← √(u + eps) / √(v + eps) · g          (eps = 1e-6 inside both roots)
    ///     u ← ρ·u + (1 − ρ)·Δ²
    ///     θ ← θ − lr·Δ                              (lr = 1 is the original Adadelta)
    ///
    /// v₀ = u₀ = 0. State: `first` = v, `second` = u.
    mutating func adadeltaStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: true)
            first[i] = first[i] * c.rho + (1 - c.rho) * (g * g)
            let std = (first[i] + c.eps).squareRoot()
            let delta = (second[i] + c.eps).squareRoot() / std * g
            second[i] = second[i] * c.rho + (1 - c.rho) * (delta * delta)
            theta[i] += -c.lr * delta
        }
    }
}
