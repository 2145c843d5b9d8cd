extension Optimizer {
    /// torch.optim.RAdam. With t the step number and g = ∇f(θ) (negated if maximize):
    ///
    ///     weight decay as in Adam (coupled, or decoupled θ ← θ(1 − lr·wd))
    ///     m ← m + (1 − β₁)(g − m);   v ← β₂·v + (1 − β₂)·g²
    ///     m̂ ← m / (1 − β₁ᵗ)
    ///     ρ∞ ← 2/(1 − β₂) − 1;   ρₜ ← ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
    ///     if ρₜ > 5:
    ///         r ← √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ))
    ///         θ ← θ − m̂·lr·(√(1 − β₂ᵗ)/(√v + eps))·r
    ///     else:
    ///         θ ← θ − m̂·lr                          (β₂ = 0.999: the first 5 steps)
    ///
    /// State: m = `exp_avg`, v = `exp_avg_sq`.
    mutating func radamStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let t = stepCount
        let beta2t = Optimizer.power(c.beta2, t)
        let bc1 = 1 - Optimizer.power(c.beta1, t)
        let bc2 = 1 - beta2t
        let rhoInf = 2 / (1 - c.beta2) - 1
        let rhoT = rhoInf - 2 * Double(t) * beta2t / bc2
        let rect = rhoT > 5
            ? ((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)).squareRoot()
            : 0
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: !c.decoupledWeightDecay)
            if c.decoupledWeightDecay && c.weightDecay != 0 { theta[i] *= 1 - c.lr * c.weightDecay }
            state.expAvg[i] = Optimizer.lerp(state.expAvg[i], g, 1 - c.beta1)
            state.expAvgSq[i] = state.expAvgSq[i] * c.beta2 + (1 - c.beta2) * (g * g)
            let mHat = state.expAvg[i] / bc1
            if rhoT > 5 {
                let adaptive = bc2.squareRoot() / (state.expAvgSq[i].squareRoot() + c.eps)
                theta[i] += -(mHat * c.lr * adaptive * rect)
            } else {
                theta[i] += -(mHat * c.lr)
            }
        }
    }
}
