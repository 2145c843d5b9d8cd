extension Optimizer {
    /// One call of torch.optim.LBFGS's `step(closure)`. With g = ∇f(θ) on entry (one evaluation):
    ///
    ///     if max|g| ≤ tolerance_grad: return
    ///     repeat up to max_iter times:
    ///         first iteration ever:  d ← −g, H ← 1, history empty
    ///         otherwise:  y ← g − g_prev, s ← t·d;  if yᵀs > 1e-10: push (s, y, ρ = 1/yᵀs)
    ///                     (dropping the oldest beyond history_size) and H ← yᵀs / yᵀy;
    ///                     d ← −(two-loop recursion with H as the initial inverse Hessian)·g
    ///         g_prev ← g, f_prev ← f
    ///         t ← min(1, 1/Σ|g|)·lr on the first iteration ever, else lr
    ///         if gᵀd > −tolerance_change: stop
    ///         strong Wolfe:  (f, g, t) ← line search along d from t (c₁ = 1e-4, c₂ = 0.9, ≤ 25
    ///                        evaluations; see `strongWolfe`), θ ← θ + t·d
    ///         otherwise:     θ ← θ + t·d, and f, g re-evaluated unless this is the last iteration
    ///         stop if: max_iter reached, evaluations ≥ max_eval, max|g| ≤ tolerance_grad,
    ///                  max|t·d| ≤ tolerance_change or |f − f_prev| < tolerance_change
    ///
    /// Returns the function evaluations of this call. `gradient` holds torch's flat gradient at the
    /// end (at the new θ only when the call ended on an evaluation there).
    mutating func lbfgsStep<O: Objective>(_ theta: inout [Double], gradient: inout [Double], objective: O) -> Int {
        let c = active
        var flatGrad = gradient
        var loss = objective.value(theta)
        var currentEvals = 1
        lbfgs.functionEvaluations += 1
        guard !(Vec.maxAbs(flatGrad) <= c.toleranceGrad) else { return currentEvals }
        var s = lbfgs
        var nIter = 0
        while nIter < c.maxIter {
            nIter += 1
            s.iterations += 1
            if s.iterations == 1 {
                s.direction = flatGrad.map { -$0 }
                s.oldDirs = []
                s.oldSteps = []
                s.rho = []
                s.hDiag = 1
            } else {
                s.direction = Optimizer.lbfgsDirection(state: &s, gradient: flatGrad, historySize: c.historySize)
            }
            s.previousGradient = flatGrad
            s.previousLoss = loss
            s.stepLength = s.iterations == 1 ? min(1, 1 / Vec.sumAbs(flatGrad)) * c.lr : c.lr
            let gtd = Vec.dot(flatGrad, s.direction)
            if gtd > -c.toleranceChange { break }
            var lsEvals = 0
            var optimal = false
            if c.strongWolfe {
                let search = strongWolfe(objective: objective, x: theta, t: s.stepLength, d: s.direction,
                                         f: loss, g: flatGrad, gtd: gtd, toleranceChange: c.toleranceChange)
                (loss, flatGrad, s.stepLength, lsEvals) = (search.f, search.g, search.t, search.evaluations)
                theta = Vec.moved(theta, s.stepLength, s.direction)
                optimal = Vec.maxAbs(flatGrad) <= c.toleranceGrad
            } else {
                theta = Vec.moved(theta, s.stepLength, s.direction)
                if nIter != c.maxIter {
                    loss = objective.value(theta)
                    objective.gradient(theta, into: &flatGrad)
                    optimal = Vec.maxAbs(flatGrad) <= c.toleranceGrad
                    lsEvals = 1
                }
            }
            currentEvals += lsEvals
            s.functionEvaluations += lsEvals
            if nIter == c.maxIter || currentEvals >= c.maxEval || optimal { break }
            if Vec.maxAbs(s.direction.map { $0 * s.stepLength }) <= c.toleranceChange { break }
            if abs(loss - s.previousLoss) < c.toleranceChange { break }
        }
        lbfgs = s
        gradient = flatGrad
        return currentEvals
    }

    /// The L-BFGS two-loop recursion after updating the (s, y) memory with the last step; returns
    /// the new direction d = −H·g (torch's operation order).
    static func lbfgsDirection(state s: inout LBFGSState, gradient: [Double], historySize: Int) -> [Double] {
        let n = gradient.count
        var y = [Double](repeating: 0, count: n)
        var step = [Double](repeating: 0, count: n)
        for i in 0..<n {
            y[i] = gradient[i] - s.previousGradient[i]
            step[i] = s.direction[i] * s.stepLength
        }
        let ys = Vec.dot(y, step)
        if ys > 1e-10 {
            if s.oldDirs.count == historySize {
                s.oldDirs.removeFirst()
                s.oldSteps.removeFirst()
                s.rho.removeFirst()
            }
            s.oldDirs.append(y)
            s.oldSteps.append(step)
            s.rho.append(1 / ys)
            s.hDiag = ys / Vec.dot(y, y)
        }
        let count = s.oldDirs.count
        var al = [Double](repeating: 0, count: count)
        var q = gradient.map { -$0 }
        for i in stride(from: count - 1, through: 0, by: -1) {
            al[i] = Vec.dot(s.oldSteps[i], q) * s.rho[i]
            for j in 0..<n { q[j] = q[j].addingProduct(-al[i], s.oldDirs[i][j]) }
        }
        var r = q.map { $0 * s.hDiag }
        for i in 0..<count {
            let be = Vec.dot(s.oldDirs[i], r) * s.rho[i]
            for j in 0..<n { r[j] = r[j].addingProduct(al[i] - be, s.oldSteps[i][j]) }
        }
        return r
    }
}
