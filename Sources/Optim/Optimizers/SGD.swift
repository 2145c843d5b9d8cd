extension Optimizer {
    /// torch.optim.SGD. With g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     if momentum ≠ 0:
    ///         b ← g                                    on the first step (no dampening)
    ///         b ← momentum·b + (1 − dampening)·g       afterwards
    ///         d ← g + momentum·b   if nesterov,   else d ← b
    ///     else d ← g
    ///     θ ← θ − lr·d
    ///
    /// Nesterov is torch's reformulation: the gradient is taken at the current θ, not at a
    /// look-ahead point. State: b = `momentum_buffer`.
    ///
    /// Every `a + s·b` is a fused multiply-add, as torch's CPU `add_(…, alpha=s)` kernel computes
    /// it; this reproduces torch's trajectories bit for bit (e.g. the textbook saddle run).
    mutating func sgdStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            var g = active.maximize ? -grad[i] : grad[i]
            if c.weightDecay != 0 { g = g.addingProduct(c.weightDecay, theta[i]) }
            if c.momentum != 0 {
                state.momentumBuffer[i] = stepCount == 1 ? g : (c.momentum * state.momentumBuffer[i]).addingProduct(1 - c.dampening, g)
                g = c.nesterov ? g.addingProduct(c.momentum, state.momentumBuffer[i]) : state.momentumBuffer[i]
            }
            theta[i] = theta[i].addingProduct(-c.lr, g)
        }
    }
}
