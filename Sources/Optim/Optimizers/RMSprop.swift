extension Optimizer {
    /// torch.optim.RMSprop. With g = ∇f(θ) (negated if maximize):
    ///
    ///     if weight_decay ≠ 0:  g ← g + weight_decay·θ
    ///     v ← α·v + (1 − α)·g²                              (v₀ = 0, no bias correction)
    ///     if centered:  m ← m + (1 − α)(g − m);  a ← √(v − m²) + eps
    ///     else          a ← √v + eps                         (eps outside the root)
    ///     if momentum > 0:  b ← momentum·b + g/a;  θ ← θ − lr·b    (b₀ = 0)
    ///     else              θ ← θ − lr·g/a
    ///
    /// State: v = `square_avg`, m = `grad_avg`, b = `momentum_buffer`.
    mutating func rmspropStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: true)
            state.squareAvg[i] = state.squareAvg[i] * c.alpha + (1 - c.alpha) * (g * g)
            var avg: Double
            if c.centered {
                state.gradAvg[i] = Optimizer.lerp(state.gradAvg[i], g, 1 - c.alpha)
                avg = (state.squareAvg[i] - state.gradAvg[i] * state.gradAvg[i]).squareRoot()
            } else {
                avg = state.squareAvg[i].squareRoot()
            }
            avg += c.eps
            if c.momentum > 0 {
                state.momentumBuffer[i] = state.momentumBuffer[i] * c.momentum + g / avg
                theta[i] += -c.lr * state.momentumBuffer[i]
            } else {
                theta[i] += -c.lr * (g / avg)
            }
        }
    }
}
