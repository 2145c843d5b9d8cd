// Optimizers: the torch.optim update rules, one file each, and the table of their hyper-parameters.

extension Optimizer {
    /// torch.optim.ASGD (averaged SGD). With t the step number and g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     θ ← θ·(1 − λ·η)
    ///     θ ← θ − η·g
    ///     ax ← θ                  if μ = 1
    ///     ax ← ax + μ·(θ − ax)    otherwise            (the average; θ itself is the path)
    ///     η ← lr / (1 + λ·lr·t)^α
    ///     μ ← 1 / max(1, t − t0)
    ///
    /// η₀ = lr (at the first step), μ₀ = 1, λ = lambd. State (torch's names): `ax`, `eta`, `mu`.
    mutating func asgdStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let eta = state.eta
        for i in theta.indices {
            var g = c.maximize ? -grad[i] : grad[i]
            if c.weightDecay != 0 { g = g.addingProduct(c.weightDecay, theta[i]) }
            theta[i] *= 1 - c.lambd * eta
            theta[i] = theta[i].addingProduct(-eta, g)
            state.ax[i] = state.mu != 1 ? state.ax[i] + (theta[i] - state.ax[i]) * state.mu : theta[i]
        }
        let t = Double(stepCount)
        state.eta = c.lr / Optimizer.real(1 + c.lambd * c.lr * t, c.alpha)
        state.mu = 1 / max(1, t - c.t0)
    }
}
