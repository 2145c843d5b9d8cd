extension Optimizer {
    /// torch.optim.Adagrad. With t the step number and g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     clr ← lr / (1 + (t − 1)·lr_decay)
    ///     s ← s + g²                      (s₀ = initial_accumulator_value)
    ///     θ ← θ − clr · g / (√s + eps)     (eps = 1e-10, outside the root)
    ///
    /// State: s = `sum`.
    mutating func adagradStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let clr = c.lr / (1 + Double(stepCount - 1) * c.lrDecay)
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: true)
            state.sum[i] += g * g
            theta[i] += -clr * (g / (state.sum[i].squareRoot() + c.eps))
        }
    }
}
