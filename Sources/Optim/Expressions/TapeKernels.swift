/// The block loops of `TapeEvaluator`: one switch per instruction, then a loop over the block.
extension TapeEvaluator {
    /// Values of `op` on n lanes of a (and b) into `out`; partial derivatives into pa/pb except for
    /// + − · and negation, whose tangents are formed from the operands directly.
    @inline(__always)
    static func values(_ op: Tape.Op, _ n: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                       _ out: UnsafeMutablePointer<Double>, _ pa: UnsafeMutablePointer<Double>,
                       _ pb: UnsafeMutablePointer<Double>, activations: [Activation]) {
        switch op {
        case .x, .y, .constant: return
        case .negate: for i in 0..<n { out[i] = -a[i] }
        case .add: for i in 0..<n { out[i] = a[i] + b[i] }
        case .subtract: for i in 0..<n { out[i] = a[i] - b[i] }
        case .multiply: for i in 0..<n { out[i] = a[i] * b[i] }
        case .divide:
            for i in 0..<n {
                let q = a[i] / b[i]
                out[i] = q
                pa[i] = 1 / b[i]
                pb[i] = -q / b[i]
            }
        case .powerConstant(let c):
            if c == 2 {
                for i in 0..<n {
                    out[i] = a[i] * a[i]
                    pa[i] = 2 * a[i]
                }
            } else {
                for i in 0..<n { (out[i], pa[i]) = ExpressionKernels.power(a[i], constant: c) }
            }
        case .power: for i in 0..<n { (out[i], pa[i], pb[i]) = ExpressionKernels.power(a[i], b[i]) }
        case .maximum: for i in 0..<n { (out[i], pa[i], pb[i]) = ExpressionKernels.maximum(a[i], b[i]) }
        case .minimum: for i in 0..<n { (out[i], pa[i], pb[i]) = ExpressionKernels.minimum(a[i], b[i]) }
        case .hypot: for i in 0..<n { (out[i], pa[i], pb[i]) = ExpressionKernels.hypot(a[i], b[i]) }
        case .elementary(let e): elementary(e, n, a, out, pa)
        case .activation(let k):
            let act = activations[k]
            for i in 0..<n {
                out[i] = act.value(a[i])
                pa[i] = act.derivative(a[i])
            }
        }
    }

    /// One loop per elementary function (the switch is outside the loop).
    @inline(__always)
    static func elementary(_ f: ElementaryFunction, _ n: Int, _ a: UnsafePointer<Double>,
                           _ out: UnsafeMutablePointer<Double>, _ pa: UnsafeMutablePointer<Double>) {
        switch f {
        case .tanh: for i in 0..<n { (out[i], pa[i]) = ExpressionKernels.tanh(a[i]) }
        case .sigmoid: for i in 0..<n { (out[i], pa[i]) = ExpressionKernels.sigmoid(a[i]) }
        case .softplus: for i in 0..<n { (out[i], pa[i]) = ExpressionKernels.softplus(a[i]) }
        default: for i in 0..<n { (out[i], pa[i]) = ExpressionKernels.elementary(f, a[i]) }
        }
    }

    /// The tangent of a root of a smooth a (sqrt(a), a^c with ½ ≤ c < 1; see `Tape.Instruction.smoothTip`):
    /// ∂op/∂a·ta, except at a cone's tip, where a = 0 and ta = 0 (a = x² + y² at the origin): there the root
    /// of a function with a minimum 0 is |x|-like (sqrt(x²) = |x|), and the tangent is 0 — the subgradient of
    /// least norm, as abs′(0) = 0 and as torch's norms give — where the chain rule alone gives inf·0 = NaN
    /// (torch's sqrt does). So Ackley typed as a formula has ∇f(0, 0) = 0 as the built-in has, instead of NaN
    /// at its minimum. A root of a kinked a (sqrt(|x|), a cusp whose one-sided slopes are ±∞) or with c < ½
    /// ((x²)^(1/3)) keeps the chain rule's NaN, as torch gives.
    @inline(__always)
    static func coneTip(_ n: Int, _ ta: UnsafePointer<Double>, _ a: UnsafePointer<Double>,
                        _ pa: UnsafePointer<Double>, _ t: UnsafeMutablePointer<Double>) {
        for i in 0..<n { t[i] = ta[i] == 0 && a[i] == 0 ? 0 : pa[i] * ta[i] }
    }

    /// The tangent of `op` in one direction: t = ∂op/∂a·ta + ∂op/∂b·tb, where a nil tangent is a
    /// structural zero (its term is left out, not multiplied by 0).
    @inline(__always)
    static func tangent(_ op: Tape.Op, _ n: Int, _ ta: UnsafePointer<Double>?, _ tb: UnsafePointer<Double>?,
                        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                        _ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>, _ t: UnsafeMutablePointer<Double>,
                        smoothTip: Bool = false) {
        switch (op, ta, tb) {
        case (.add, let ta?, let tb?): for i in 0..<n { t[i] = ta[i] + tb[i] }
        case (.add, let ta?, nil): t.update(from: ta, count: n)
        case (.add, nil, let tb?): t.update(from: tb, count: n)
        case (.subtract, let ta?, let tb?): for i in 0..<n { t[i] = ta[i] - tb[i] }
        case (.subtract, let ta?, nil): t.update(from: ta, count: n)
        case (.subtract, nil, let tb?): for i in 0..<n { t[i] = -tb[i] }
        case (.negate, let ta?, _): for i in 0..<n { t[i] = -ta[i] }
        case (.multiply, let ta?, let tb?): for i in 0..<n { t[i] = ta[i] * b[i] + a[i] * tb[i] }
        case (.multiply, let ta?, nil): for i in 0..<n { t[i] = ta[i] * b[i] }
        case (.multiply, nil, let tb?): for i in 0..<n { t[i] = a[i] * tb[i] }
        case (.elementary(.sqrt), let ta?, nil) where smoothTip: coneTip(n, ta, a, pa, t)
        case (.powerConstant, let ta?, nil) where smoothTip: coneTip(n, ta, a, pa, t)
        case (_, let ta?, let tb?): for i in 0..<n { t[i] = pa[i] * ta[i] + pb[i] * tb[i] }
        case (_, let ta?, nil): for i in 0..<n { t[i] = pa[i] * ta[i] }
        case (_, nil, let tb?): for i in 0..<n { t[i] = pb[i] * tb[i] }
        case (_, nil, nil): t.update(repeating: 0, count: n)
        }
    }
}
