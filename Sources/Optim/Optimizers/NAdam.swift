import RealModule

extension Optimizer {
    /// torch.optim.NAdam. With t the step number, ψ = momentum_decay and g = ∇f(θ) (negated if
    /// maximize):
    ///
    ///     weight decay as in Adam (coupled g ← g + wd·θ, or θ ← θ(1 − lr·wd) if decoupled)
    ///     μₜ ← β₁(1 − ½·0.96^(t·ψ));   μₜ₊₁ ← β₁(1 − ½·0.96^((t+1)·ψ))
    ///     Π ← Π·μₜ                                  (Π₀ = 1)
    ///     m ← m + (1 − β₁)(g − m);   v ← β₂·v + (1 − β₂)·g²
    ///     denom ← √(v / (1 − β₂ᵗ)) + eps
    ///     θ ← θ − lr·(1 − μₜ)/(1 − Π) · g/denom
    ///     θ ← θ − lr·μₜ₊₁/(1 − Π·μₜ₊₁) · m/denom     (the two updates in this order)
    ///
    /// State: m = `exp_avg`, v = `exp_avg_sq`, Π = `mu_product`.
    mutating func nadamStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let t = Double(stepCount)
        let bc2 = 1 - Optimizer.power(c.beta2, stepCount)
        let mu = c.beta1 * (1 - 0.5 * Double.pow(0.96, t * c.momentumDecay))
        let muNext = c.beta1 * (1 - 0.5 * Double.pow(0.96, (t + 1) * c.momentumDecay))
        state.muProduct *= mu
        let muProductNext = state.muProduct * muNext
        let gradScale = -c.lr * (1 - mu) / (1 - state.muProduct)
        let momentumScale = -c.lr * muNext / (1 - muProductNext)
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: !c.decoupledWeightDecay)
            if c.decoupledWeightDecay && c.weightDecay != 0 { theta[i] *= 1 - c.lr * c.weightDecay }
            state.expAvg[i] = Optimizer.lerp(state.expAvg[i], g, 1 - c.beta1)
            state.expAvgSq[i] = state.expAvgSq[i] * c.beta2 + (1 - c.beta2) * (g * g)
            let denom = (state.expAvgSq[i] / bc2).squareRoot() + c.eps
            theta[i] += gradScale * (g / denom)
            theta[i] += momentumScale * (state.expAvg[i] / denom)
        }
    }
}
