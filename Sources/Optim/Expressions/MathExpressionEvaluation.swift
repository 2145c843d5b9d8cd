/// Evaluation: single points and whole arrays (the array forms compile nothing and allocate only
/// the registers of one block, so they are the fast path for plots and grids).
extension MathExpression {
    /// The number of registers of the compiled tape (one per operation left after constants are folded): what
    /// one evaluation at one point costs, for benchmarks and cost limits.
    public var tapeLength: Int { tape.instructions.count }

    /// f(x) and f′(x) of a 1-D expression (for a 2-D one, y = 0).
    public func evaluate(_ x: Double) -> (value: Double, derivative: Double) {
        let r = TapeEvaluator.point(tape: tape, x, 0)
        return (r.value, r.dx)
    }

    /// f(x) (f′ is not formed).
    public func value(_ x: Double) -> Double { TapeEvaluator.point(tape: tape, x, 0, tangents: 0).value }

    /// f′(x).
    public func derivative(_ x: Double) -> Double { evaluate(x).derivative }

    /// f and f′ at every element of `xs`, written to `values` and `derivatives` (resized to
    /// `xs.count` if needed).
    public func evaluate(_ xs: [Double], values: inout [Double], derivatives: inout [Double]) {
        let n = xs.count
        if values.count != n { values = [Double](repeating: 0, count: n) }
        if derivatives.count != n { derivatives = [Double](repeating: 0, count: n) }
        var evaluator = TapeEvaluator(tape: tape, tangents: 1, lanes: min(256, max(1, n)))
        xs.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { f in
                derivatives.withUnsafeMutableBufferPointer { d in
                    guard let xp = x.baseAddress, let fp = f.baseAddress, let dp = d.baseAddress else { return }
                    evaluator.run(count: n, xs: xp, ys: nil, f: fp, dfdx: dp, dfdy: nil)
                }
            }
        }
    }

    /// f(x, y) and ∇f of a 2-D expression (a 1-D one ignores y and has ∂f/∂y = 0).
    public func evaluate(_ x: Double, _ y: Double) -> (value: Double, dx: Double, dy: Double) {
        TapeEvaluator.point(tape: tape, x, y)
    }

    /// f(x, y) (∇f is not formed).
    public func value(_ x: Double, _ y: Double) -> Double { TapeEvaluator.point(tape: tape, x, y, tangents: 0).value }

    /// ∇f(x, y).
    public func gradient(_ x: Double, _ y: Double) -> (dx: Double, dy: Double) {
        let r = evaluate(x, y)
        return (r.dx, r.dy)
    }

    /// f, ∂f/∂x and ∂f/∂y at the points (xs[i], ys[i]) (equal lengths), written to the outputs
    /// (resized if needed). Pass `gradients: false` to skip the tangents (values only, faster).
    public func evaluate(xs: [Double], ys: [Double], values: inout [Double], dfdx: inout [Double],
                         dfdy: inout [Double], gradients: Bool = true) {
        let n = min(xs.count, ys.count)
        for output in [0, 1, 2] {
            switch output {
            case 0: if values.count != n { values = [Double](repeating: 0, count: n) }
            case 1: if dfdx.count != n { dfdx = [Double](repeating: 0, count: n) }
            default: if dfdy.count != n { dfdy = [Double](repeating: 0, count: n) }
            }
        }
        var evaluator = TapeEvaluator(tape: tape, tangents: gradients ? 2 : 0, lanes: min(256, max(1, n)))
        xs.withUnsafeBufferPointer { x in
        ys.withUnsafeBufferPointer { y in
        values.withUnsafeMutableBufferPointer { f in
        dfdx.withUnsafeMutableBufferPointer { gx in
        dfdy.withUnsafeMutableBufferPointer { gy in
            guard let xp = x.baseAddress, let yp = y.baseAddress, let fp = f.baseAddress else { return }
            evaluator.run(count: n, xs: xp, ys: yp, f: fp, dfdx: gradients ? gx.baseAddress : nil,
                          dfdy: gradients ? gy.baseAddress : nil)
        }}}}}
    }
}
