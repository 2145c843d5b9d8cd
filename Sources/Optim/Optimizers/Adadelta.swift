extension Optimizer {
    /// torch.optim.Adadelta. With g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     v ← ρ·v + (1 − ρ)·g²
    ///     Δ ← √(u + eps) / √(v + eps) · g          (eps = 1e-6 inside both roots)
    ///     u ← ρ·u + (1 − ρ)·Δ²
    ///     θ ← θ − lr·Δ                              (lr = 1 is the original Adadelta)
    ///
    /// v₀ = u₀ = 0. State: v = `square_avg`, u = `acc_delta`.
    mutating func adadeltaStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: true)
            state.squareAvg[i] = state.squareAvg[i] * c.rho + (1 - c.rho) * (g * g)
            let std = (state.squareAvg[i] + c.eps).squareRoot()
            let delta = (state.accDelta[i] + c.eps).squareRoot() / std * g
            state.accDelta[i] = state.accDelta[i] * c.rho + (1 - c.rho) * (delta * delta)
            theta[i] += -c.lr * delta
        }
    }
}
