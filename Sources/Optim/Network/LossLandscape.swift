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

    /// The top two principal directions of the rows θᵢ − θ_last (unit vectors), each one's share
    /// of the total squared length (in [0, 1], decreasing), and every row's coordinates on them.
    /// Power iteration on the Gram matrix of the rows (n × n), deterministic.
    public static func pca(_ rows: [[Double]]) -> (directions: [[Double]], shares: [Double], coordinates: [(Double, Double)]) {
        guard let last = rows.last, rows.count >= 3 else { return ([], [], []) }
        let m = rows.map { r in zip(r, last).map { $0 - $1 } }
        let n = m.count
        var gram = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                var s = 0.0
                for k in m[i].indices { s += m[i][k] * m[j][k] }
                gram[i * n + j] = s; gram[j * n + i] = s
            }
        }
        let total = (0..<n).reduce(0.0) { $0 + gram[$1 * n + $1] }
        var vectors: [[Double]] = [], values: [Double] = []
        for _ in 0..<2 {
            var x = (0..<n).map { 1 + 0.001 * Double($0 % 7) }
            var lambda = 0.0
            for _ in 0..<500 {
                var y = [Double](repeating: 0, count: n)
                for i in 0..<n { for j in 0..<n { y[i] += gram[i * n + j] * x[j] } }
                for (vec, val) in zip(vectors, values) {
                    let dot = zip(vec, x).reduce(0.0) { $0 + $1.0 * $1.1 }
                    for i in 0..<n { y[i] -= val * dot * vec[i] }
                }
                let norm = y.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { break }
                lambda = norm
                x = y.map { $0 / norm }
            }
            vectors.append(x); values.append(lambda)
        }
        // Parameter-space directions: Mᵀx / ‖Mᵀx‖.
        let dim = last.count
        let directions = vectors.map { x -> [Double] in
            var d = [Double](repeating: 0, count: dim)
            for i in 0..<n { for k in 0..<dim { d[k] += m[i][k] * x[i] } }
            let norm = d.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? d.map { $0 / norm } : d
        }
        let shares = values.map { total > 0 ? min(1, max(0, $0 / total)) : 0 }
        let coordinates = m.map { r -> (Double, Double) in
            (zip(r, directions[0]).reduce(0.0) { $0 + $1.0 * $1.1 }, zip(r, directions[1]).reduce(0.0) { $0 + $1.0 * $1.1 })
        }
        return (directions, shares, coordinates)
    }
}
