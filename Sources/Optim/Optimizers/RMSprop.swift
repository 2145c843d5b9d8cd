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
    /// State: `first` = v, `second` = m, `third` = b.
    mutating func rmspropStep(_ theta: inout [Double], _ grad: [Double]) {
        let c = active
        for i in theta.indices {
            let g = effectiveGradient(grad[i], theta[i], coupledDecay: true)
            first[i] = first[i] * c.alpha + (1 - c.alpha) * (g * g)
            var avg: Double
            if c.centered {
                second[i] = Optimizer.lerp(second[i], g, 1 - c.alpha)
                avg = (first[i] - second[i] * second[i]).squareRoot()
            } else {
                avg = first[i].squareRoot()
            }
            avg += c.eps
            if c.momentum > 0 {
                third[i] = third[i] * c.momentum + g / avg
                theta[i] += -c.lr * third[i]
            } else {
                theta[i] += -c.lr * (g / avg)
            }
        }
    }
}
