extension Optimizer {
    /// torch.optim.Adafactor (torch's variant of Shazeer & Stern 2018) for a vector parameter, where
    /// the second moment is not factored. With t the step number, g = ∇f(θ) (negated if maximize),
    /// n the number of coordinates and ‖·‖ the Euclidean norm:
    ///
    ///     β̂ ← t^beta2_decay                          (= 1 − β₂ₜ)
    ///     ρ ← min(lr, 1/√t)
    ///     α ← max(eps2, ‖θ‖/√n)·ρ                    (θ before the decay)
    ///     if weight_decay ≠ 0:  θ ← θ·(1 − lr·weight_decay)
    ///     v ← v + β̂·(g² − v)                          (torch.lerp)
    ///     u ← g / √max(v, eps1²)
    ///     θ ← θ − α/max(1, ‖u‖/(√n·d)) · u
    ///
    /// v₀ = 0; eps1 defaults to the float64 machine epsilon (torch's `eps=(None, 1e-3)`).
    /// State: v = `variance`.
    mutating func adafactorStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        let t = Double(stepCount)
        let n = Double(theta.count)
        let beta2Hat = Optimizer.real(t, c.beta2Decay)
        let rho = min(c.lr, 1 / t.squareRoot())
        var norm = 0.0
        for x in theta { norm += x * x }
        let alpha = max(c.eps2, norm.squareRoot() / n.squareRoot()) * rho
        if c.weightDecay != 0 {
            for i in theta.indices { theta[i] *= 1 - c.lr * c.weightDecay }
        }
        var update = [Double](repeating: 0, count: theta.count)
        var updateNorm = 0.0
        for i in theta.indices {
            let g = c.maximize ? -grad[i] : grad[i]
            state.variance[i] = Optimizer.lerp(state.variance[i], g * g, beta2Hat)
            update[i] = g / max(state.variance[i], c.eps1 * c.eps1).squareRoot()
            updateNorm += update[i] * update[i]
        }
        let denom = max(1, updateNorm.squareRoot() / (n.squareRoot() * c.d))
        for i in theta.indices { theta[i] = theta[i].addingProduct(-alpha / denom, update[i]) }
    }
}
