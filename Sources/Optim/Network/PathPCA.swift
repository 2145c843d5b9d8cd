extension LossLandscape {
    /// The top two principal directions of a training path, as in Li et al. 2018 ("Visualizing the
    /// Loss Landscape of Neural Nets", §7 and Figure 9): the rows are θᵢ − θ_last for the n positions
    /// θ₀…θ_last (each of the same dimension d).
    ///
    /// - Returns: `directions`, two unit vectors of dimension d (empty when n < 3); `shares`, each
    ///   direction's eigenvalue over the trace of the Gram matrix (the share of the total squared
    ///   length, in [0, 1] and decreasing); `coordinates`, each row projected on the two directions.
    ///
    /// Method: power iteration with Hotelling deflation on the n × n Gram matrix G = MMᵀ (stored
    /// contiguously), stopped when the unit vector moves by less than 1e-13 between iterations or
    /// after 5,000 iterations; the parameter-space direction is Mᵀx/‖Mᵀx‖. Deterministic: the
    /// starting vector is fixed. Cost O(n²·d) for G plus O(n²) per iteration.
    public static func pca(_ rows: [[Double]]) -> (directions: [[Double]], shares: [Double], coordinates: [(Double, Double)]) {
        guard let last = rows.last, rows.count >= 3 else { return ([], [], []) }
        let n = rows.count, dim = last.count
        var m = [Double](repeating: 0, count: n * dim)
        for (i, r) in rows.enumerated() { for k in 0..<dim { m[i * dim + k] = r[k] - last[k] } }
        let gram = gramMatrix(m, rows: n, columns: dim)
        let total = (0..<n).reduce(0.0) { $0 + gram[$1 * n + $1] }
        var vectors: [[Double]] = [], values: [Double] = []
        for _ in 0..<2 {
            let (x, lambda) = dominantEigenpair(gram, size: n, deflating: vectors, values: values)
            vectors.append(x); values.append(lambda)
        }
        let directions = vectors.map { x -> [Double] in
            var d = [Double](repeating: 0, count: dim)
            for i in 0..<n where x[i] != 0 { for k in 0..<dim { d[k] += m[i * dim + k] * x[i] } }
            let norm = d.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? d.map { $0 / norm } : d
        }
        let shares = values.map { total > 0 ? min(1, max(0, $0 / total)) : 0 }
        let coordinates = (0..<n).map { i -> (Double, Double) in
            var a = 0.0, b = 0.0
            for k in 0..<dim { a += m[i * dim + k] * directions[0][k]; b += m[i * dim + k] * directions[1][k] }
            return (a, b)
        }
        return (directions, shares, coordinates)
    }

    /// G = MMᵀ for a row-major `rows` × `columns` matrix M; symmetric, row-major.
    static func gramMatrix(_ m: [Double], rows n: Int, columns dim: Int) -> [Double] {
        var gram = [Double](repeating: 0, count: n * n)
        m.withUnsafeBufferPointer { mp in
            gram.withUnsafeMutableBufferPointer { gp in
                for i in 0..<n {
                    for j in i..<n {
                        var s = 0.0
                        for k in 0..<dim { s += mp[i * dim + k] * mp[j * dim + k] }
                        gp[i * n + j] = s; gp[j * n + i] = s
                    }
                }
            }
        }
        return gram
    }

    /// The dominant unit eigenvector and eigenvalue of the symmetric `size` × `size` matrix `a` with
    /// the given eigenpairs deflated (A − Σ λᵥ vvᵀ), by power iteration from a fixed start.
    static func dominantEigenpair(_ a: [Double], size n: Int, deflating vectors: [[Double]], values: [Double]) -> ([Double], Double) {
        var x = (0..<n).map { 1 + 0.001 * Double($0 % 7) }
        var y = [Double](repeating: 0, count: n)
        var lambda = 0.0
        for _ in 0..<5_000 {
            a.withUnsafeBufferPointer { ap in
                x.withUnsafeBufferPointer { xp in
                    y.withUnsafeMutableBufferPointer { yp in
                        for i in 0..<n {
                            var s = 0.0
                            for j in 0..<n { s += ap[i * n + j] * xp[j] }
                            yp[i] = s
                        }
                    }
                }
            }
            for (vec, val) in zip(vectors, values) {
                let dot = zip(vec, x).reduce(0.0) { $0 + $1.0 * $1.1 }
                for i in 0..<n { y[i] -= val * dot * vec[i] }
            }
            let norm = y.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return (x, 0) }
            lambda = norm
            var moved = 0.0
            for i in 0..<n {
                let next = y[i] / norm
                moved = max(moved, abs(next - x[i]))
                x[i] = next
            }
            if moved < 1e-13 { break }
        }
        return (x, lambda)
    }
}
