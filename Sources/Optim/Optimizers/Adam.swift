extension Optimizer {
    /// torch.optim.Adam and torch.optim.AdamW. With t the step number and g = ∇f(θ) (negated if
    /// maximize):
    ///
    ///     if weight_decay ≠ 0:
    ///         decoupled (AdamW):  θ ← θ·(1 − lr·weight_decay)    (g stays the gradient taken before)
    ///         otherwise:          g ← g + weight_decay·θ
    ///     m ← m + (1 − β₁)(g − m)                  (torch.lerp; = β₁m + (1 − β₁)g)
    ///     v ← β₂·v + (1 − β₂)·g²
    ///     if amsgrad:  v̂max ← max(v̂max, v), used in place of v below (max of the raw v)
    ///     denom ← √v / √(1 − β₂ᵗ) + eps             (eps after the root and the bias correction)
    ///     θ ← θ − (lr / (1 − β₁ᵗ)) · m / denom
    ///
    /// m₀ = v₀ = 0. State: m = `exp_avg`, v = `exp_avg_sq`, v max = `max_exp_avg_sq`.
    mutating func adamStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let t = stepCount
        let bc1 = 1 - Optimizer.power(c.beta1, t)
        let bc2 = 1 - Optimizer.power(c.beta2, t)
        let stepSize = c.lr / bc1
        let bc2Sqrt = bc2.squareRoot()
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: !c.decoupledWeightDecay)
            if c.decoupledWeightDecay && c.weightDecay != 0 { theta[i] *= 1 - c.lr * c.weightDecay }
            state.expAvg[i] = Optimizer.lerp(state.expAvg[i], g, 1 - c.beta1)
            state.expAvgSq[i] = state.expAvgSq[i] * c.beta2 + (1 - c.beta2) * (g * g)
            let v: Double
            if c.amsgrad {
                state.maxExpAvgSq[i] = max(state.maxExpAvgSq[i], state.expAvgSq[i])
                v = state.maxExpAvgSq[i]
            } else {
                v = state.expAvgSq[i]
            }
            let denom = v.squareRoot() / bc2Sqrt + c.eps
            theta[i] += -stepSize * (state.expAvg[i] / denom)
        }
    }
}
