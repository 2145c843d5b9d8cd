extension Optimizer {
    /// Lion, "EvoLved Sign Momentum": Chen et al. 2023, "Symbolic Discovery of Optimization
    /// Algorithms", Algorithm 2 (there is no torch class). With g = ∇f(θ) and λ = weight_decay:
    ///
    ///     c ← β₁·m + (1 − β₁)·g
    ///     θ ← θ − lr·(sign(c) + λ·θ)
    ///     m ← β₂·m + (1 − β₂)·g
    ///
    /// m₀ = 0 and sign(0) = 0. Every step moves each coordinate by exactly lr (plus the decay), so
    /// Lion wants a lr 3–10× smaller than AdamW's. State: m = `exp_avg`.
    mutating func lionStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            let g = grad[i]
            let interpolated = c.beta1 * state.expAvg[i] + (1 - c.beta1) * g
            let sign: Double = interpolated > 0 ? 1 : interpolated < 0 ? -1 : 0
            theta[i] -= c.lr * (sign + c.weightDecay * theta[i])
            state.expAvg[i] = c.beta2 * state.expAvg[i] + (1 - c.beta2) * g
        }
    }
}
