extension Optimizer {
    /// torch.optim.Rprop. With g = ∇f(θ) (negated if maximize), per coordinate, s₀ = lr (the lr at the
    /// first step; later lr changes do not affect Rprop) and g_prev₀ = 0:
    ///
    ///     η ← etaplus   if g·g_prev > 0
    ///         etaminus  if g·g_prev < 0
    ///         1         otherwise
    ///     s ← clamp(s·η, step_size_min, step_size_max)
    ///     if η = etaminus:  g ← 0                     (no move, and no sign memory, after a flip)
    ///     θ ← θ − sign(g)·s
    ///     g_prev ← g
    ///
    /// State: g_prev = `prev`, s = `step_size`.
    mutating func rpropStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            var g = c.maximize ? -grad[i] : grad[i]
            let product = g * state.prev[i]
            let eta = product > 0 ? c.etaPlus : product < 0 ? c.etaMinus : 1
            state.stepSize[i] = min(max(state.stepSize[i] * eta, c.stepSizeMin), c.stepSizeMax)
            if eta == c.etaMinus { g = 0 }
            let sign: Double = g > 0 ? 1 : g < 0 ? -1 : 0
            theta[i] = theta[i].addingProduct(-sign, state.stepSize[i])
            state.prev[i] = g
        }
    }
}
