extension Optimizer {
    /// torch.optim.Adamax. With t the step number and g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     m ← m + (1 − β₁)(g − m)
    ///     u ← max(β₂·u, |g| + eps)                  (eps inside the max; u₀ = 0)
    ///     θ ← θ − (lr / (1 − β₁ᵗ)) · m/u
    ///
    /// State: m = `exp_avg`, u = `exp_inf`.
    mutating func adamaxStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let clr = c.lr / (1 - Optimizer.power(c.beta1, stepCount))
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: true)
            state.expAvg[i] = Optimizer.lerp(state.expAvg[i], g, 1 - c.beta1)
            state.expInf[i] = max(state.expInf[i] * c.beta2, abs(g) + c.eps)
            theta[i] += -clr * (state.expAvg[i] / state.expInf[i])
        }
    }
}
