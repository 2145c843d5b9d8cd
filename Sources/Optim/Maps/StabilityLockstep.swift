extension StabilityMap {
    /// The cells `configs` of one chunk on a typed surface, run side by side: each step evaluates the
    /// compiled tape once over every running cell's θ (f and ∇f together, as `BasinMap` does for its
    /// starts), then each cell's own optimizer steps. f(θ_k) comes from the evaluation that also gives
    /// ∇f(θ_k) for step k + 1, so a cell costs one tape pass a step instead of two point evaluations,
    /// and the numbers are those of `cell` (the same tape, the same checks in the same order).
    /// Not for LBFGS, whose step evaluates f itself (line search).
    static func lockstep(expression e: MathExpression, configs: [OptimizerConfig], start: Point2, steps: Int,
                         offset: Double, measure: Measure) -> [(Double, Bool)] {
        let n = configs.count
        var opts = configs.map { Optimizer(config: $0) }
        var theta = [[Double]](repeating: [start.x, start.y], count: n)
        let f0 = e.value(start.x, start.y) - offset
        var reached = [Double](repeating: .nan, count: n)
        if case .stepsToTolerance(let tol) = measure, f0 <= tol { reached = [Double](repeating: 0, count: n) }
        var result = [(Double, Bool)?](repeating: nil, count: n)
        var xs = [Double](repeating: start.x, count: n), ys = [Double](repeating: start.y, count: n)
        var values = xs, gx = xs, gy = xs
        var g = [0.0, 0.0]
        var last = [Double](repeating: f0, count: n)
        var early = [Double](repeating: f0, count: n), late = [Double](repeating: -.infinity, count: n)
        /// Step k's checks for cell i with f = f(θ_k) − f*: false when it diverged (result set).
        func check(_ i: Int, _ k: Int, _ f: Double) -> Bool {
            guard f.isFinite, theta[i][0].isFinite, theta[i][1].isFinite else { result[i] = (.nan, true); return false }
            if case .stepsToTolerance(let tol) = measure {
                if f > tol { reached[i] = .nan } else if reached[i].isNaN { reached[i] = Double(k) }
            }
            last[i] = f
            if 2 * k <= steps { early[i] = max(early[i], f) } else { late[i] = max(late[i], f) }
            return true
        }
        for k in 1...(steps + 1) {
            for i in 0..<n where result[i] == nil { (xs[i], ys[i]) = (theta[i][0], theta[i][1]) }
            e.evaluate(xs: xs, ys: ys, values: &values, dfdx: &gx, dfdy: &gy, gradients: k <= steps)
            for i in 0..<n where result[i] == nil {
                // values[i] is f at θ_{k−1}: the check of step k − 1.
                if k > 1, !check(i, k - 1, values[i] - offset) { continue }
                guard k <= steps else { continue }
                (g[0], g[1]) = (gx[i], gy[i])
                opts[i].step(parameters: &theta[i], gradient: g)
            }
        }
        return (0..<n).map { i in
            if let r = result[i] { return r }
            if grew(final: last[i], start: f0, peaks: (early[i], late[i]), steps: steps) && reached[i].isNaN { return (.nan, true) }
            switch measure {
            case .finalLoss: return (last[i], false)
            case .stepsToTolerance: return (reached[i], false)
            }
        }
    }
}
