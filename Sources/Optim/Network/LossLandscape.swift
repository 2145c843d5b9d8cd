/// The loss landscape of a trained small network, after Li et al. 2018, "Visualizing the Loss
/// Landscape of Neural Nets":
///
/// - `plane`: L(θ* + α·δ + β·η) on a grid of (α, β), with δ, η Gaussian directions that are
///   filter-normalised (each neuron's incoming weights of δ rescaled to the norm of θ*'s; bias
///   entries zero), so the picture does not depend on the weights' scale;
/// - `pcaPlane`: the training path θ₀…θₙ projected on the top two principal directions of the
///   matrix of θᵢ − θₙ (the paper's Figure 9), with each direction's share of the variance.
public enum LossLandscape {
    /// Filter-normalised random direction for the parameters `theta` of `objective`'s network.
    public static func filterNormalisedDirection(_ objective: NetworkObjective, theta: [Double], sampler: inout GaussianSampler) -> [Double] {
        var d = [Double](repeating: 0, count: theta.count)
        var k = 0
        for layer in objective.network.layers {
            for _ in 0..<layer.outputs {
                let row = k..<(k + layer.inputs)
                var dn = 0.0, tn = 0.0
                for i in row {
                    d[i] = sampler.next()
                    dn += d[i] * d[i]
                    tn += theta[i] * theta[i]
                }
                let scale = dn > 0 ? (tn / dn).squareRoot() : 0
                for i in row { d[i] *= scale }
                k += layer.inputs
            }
            k += layer.outputs  // biases stay 0
        }
        return d
    }

    /// L(centre + a·u + b·v) for every a in `alphas` (columns) and b in `betas` (rows), row-major,
    /// computed in parallel.
    public static func grid(_ objective: NetworkObjective, centre: [Double], u: [Double], v: [Double],
                            alphas: [Double], betas: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: alphas.count * betas.count)
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let writes = DisjointWrites(base: base)
            forEachChunk(count: alphas.count * betas.count, chunk: max(1, alphas.count)) { range in
                var p = centre
                for c in range {
                    let a = alphas[c % alphas.count], b = betas[c / alphas.count]
                    for i in p.indices { p[i] = centre[i] + a * u[i] + b * v[i] }
                    writes.set(c, objective.value(p))
                }
            }
        }
        return out
    }
}
