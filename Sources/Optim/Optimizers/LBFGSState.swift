/// torch.optim.LBFGS's state between `step` calls: the last direction and step length, the (s, y)
/// history with ρ = 1/(yᵀs), the initial inverse-Hessian scale, the previous gradient and loss, and
/// the iteration and function-evaluation counts.
struct LBFGSState: Sendable {
    var direction: [Double] = []
    var stepLength = 0.0
    var oldDirs: [[Double]] = []
    var oldSteps: [[Double]] = []
    var rho: [Double] = []
    var hDiag = 1.0
    var previousGradient: [Double] = []
    var previousLoss = 0.0
    /// torch's `state["n_iter"]`: iterations over all calls.
    var iterations = 0
    /// torch's `state["func_evals"]`: function evaluations over all calls.
    var functionEvaluations = 0
}

/// Small vector helpers for LBFGS (torch's `dot`, `abs().max()`, `abs().sum()`).
enum Vec {
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func maxAbs(_ a: [Double]) -> Double {
        var m = 0.0
        for v in a { m = max(m, abs(v)) }
        return a.contains { $0.isNaN } ? .nan : m
    }

    static func sumAbs(_ a: [Double]) -> Double {
        var s = 0.0
        for v in a { s += abs(v) }
        return s
    }

    /// x + t·d (torch's `add_(d, alpha=t)`).
    static func moved(_ x: [Double], _ t: Double, _ d: [Double]) -> [Double] {
        var out = x
        for i in out.indices { out[i] = out[i].addingProduct(t, d[i]) }
        return out
    }
}
