/// The numerical analysis of 1-D expressions: where their non-smooth operations switch branch,
/// and the `FunctionShape` built from that.
extension MathExpression {
    /// The x in `range` where some abs, relu, max, min, or activation with kinks (relu6,
    /// hardtanh, …) inside the expression switches branch: each switching quantity (the argument of
    /// abs/relu, a − b for max/min, the argument minus the activation's kink) is sampled and its sign
    /// changes are located by bisection to machine precision. Sorted, without duplicates.
    public func branchPoints(in range: ClosedRange<Double> = -50...50, samples: Int = 4001) -> [Double] {
        var switches: [(a: Int, b: Int, offset: Double)] = []
        for ins in tape.instructions where ins.dx {
            switch ins.op {
            case .unary(.elementary(.abs)), .unary(.elementary(.relu)): switches.append((ins.a, -1, 0))
            case .maximum, .minimum: switches.append((ins.a, ins.b, 0))
            case .unary(.activation(let act)):
                for k in act.kinks + act.jumps { switches.append((ins.a, -1, k)) }
            default: break
            }
        }
        guard !switches.isEmpty else { return [] }
        var evaluator = TapeEvaluator(tape: tape, tangents: 0, lanes: 1)
        func quantities(_ x: Double) -> [Double] {
            let v = evaluator.registerValues(x)
            return switches.map { v[$0.a] - ($0.b >= 0 ? v[$0.b] : 0) - $0.offset }
        }
        var found: Set<Double> = []
        var previousX = range.lowerBound
        var previous = quantities(previousX)
        for k in 1..<samples {
            let x = range.lowerBound + (range.upperBound - range.lowerBound) * Double(k) / Double(samples - 1)
            let current = quantities(x)
            for j in switches.indices {
                if current[j] == 0 { found.insert(x) }
                guard (previous[j] < 0 && current[j] > 0) || (previous[j] > 0 && current[j] < 0) else { continue }
                var lo = previousX, hi = x
                let leftSign = previous[j] < 0
                for _ in 0..<200 {
                    let mid = (lo + hi) / 2
                    if mid <= lo || mid >= hi { break }
                    let q = quantities(mid)[j]
                    if q == 0 { (lo, hi) = (mid, mid); break }
                    if (q < 0) == leftSign { lo = mid } else { hi = mid }
                }
                // The end nearer the switch: the exact zero if there is one, else the side with |q| smaller.
                found.insert(lo == hi ? lo : (abs(quantities(lo)[j]) <= abs(quantities(hi)[j]) ? lo : hi))
            }
            (previousX, previous) = (x, current)
        }
        return found.sorted()
    }

    /// Kinks, jumps, asymptotes, range, monotonicity, steepest slope and minimum of a 1-D expression.
    public var shape: FunctionShape {
        var evaluator = TapeEvaluator(tape: tape, tangents: 1, lanes: 1)
        func both(_ x: Double) -> (Double, Double) {
            var f = 0.0, d = 0.0, input = x
            evaluator.run(count: 1, xs: &input, ys: nil, f: &f, dfdx: &d, dfdy: nil)
            return (f, d)
        }
        return FunctionShape(value: { both($0).0 }, derivative: { both($0).1 }, candidates: branchPoints())
    }
}
