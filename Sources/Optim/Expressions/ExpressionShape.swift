/// The numerical analysis of 1-D expressions: where their non-smooth operations switch branch,
/// and the `FunctionShape` built from that.
extension MathExpression {
    /// The x in `range` where some abs, relu, max, min, or activation with kinks (relu6,
    /// hardtanh, …) inside the expression switches branch: each switching quantity (the argument of
    /// abs/relu, a − b for max/min, the argument minus the activation's kink) is sampled and its sign
    /// changes are located by bisection to machine precision. Beyond `range` each quantity is also sampled
    /// outwards (each point 2 % further, out to ±10⁸): a few isolated switches there (|x + 100| at −100,
    /// relu(x − 10⁶)) are found too, a repeating pattern (|sin x|: hundreds) is left to the window.
    /// Sorted, without duplicates.
    public func branchPoints(in range: ClosedRange<Double> = -50...50, samples: Int = 4001) -> [Double] {
        var switches: [(a: Int, b: Int, offset: Double)] = []
        for ins in tape.instructions where ins.dx {
            switch ins.op {
            case .elementary(.abs), .elementary(.relu): switches.append((ins.a, -1, 0))
            case .maximum, .minimum: switches.append((ins.a, ins.b, 0))
            case .activation(let index):
                let act = tape.activations[index]
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
        let inner = (1..<samples).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(samples - 1) }
        var found = Set(switchPoints(at: [range.lowerBound] + inner, quantities))
        for side in [-1.0, 1.0] {
            let edge = side < 0 ? range.lowerBound : range.upperBound, reach = max(1, abs(edge))
            var xs = [edge], x = reach
            while x < 1e8 { x *= 1.02; xs.append(side * x) }
            let beyond = switchPoints(at: side < 0 ? xs.reversed() : xs, quantities).filter { !range.contains($0) }
            if beyond.count <= 4 { found.formUnion(beyond) }
        }
        return found.sorted()
    }

    /// The points among and between the increasing `xs` where a switching quantity is 0: its sign changes
    /// between two samples are located by bisection (the end nearer the switch: the exact zero if there is
    /// one, else the side with |q| smaller).
    private func switchPoints(at xs: [Double], _ quantities: (Double) -> [Double]) -> [Double] {
        guard var previousX = xs.first else { return [] }
        var found: [Double] = []
        var previous = quantities(previousX)
        for x in xs.dropFirst() {
            let current = quantities(x)
            for j in current.indices {
                if current[j] == 0 { found.append(x) }
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
                found.append(lo == hi ? lo : (abs(quantities(lo)[j]) <= abs(quantities(hi)[j]) ? lo : hi))
            }
            (previousX, previous) = (x, current)
        }
        return found
    }

    /// How many points the shape analysis samples: 8000 for an expression of up to 500
    /// instructions, fewer for longer ones (never under 800), so the work — samples × instructions —
    /// stays near 4·10⁶ operations per scan however long the expression is (10,000 characters of
    /// `x+x+…` would otherwise take minutes).
    var analysisSamples: Int { min(8000, max(800, 4_000_000 / max(1, tape.instructions.count))) }

    /// Kinks, jumps, asymptotes, range, monotonicity, steepest slope and minimum of a 1-D expression,
    /// from the compiled tape at a bounded number of points (`analysisSamples`).
    public var shape: FunctionShape {
        var evaluator = TapeEvaluator(tape: tape, tangents: 1, lanes: 1)
        // The analysis asks for f(x) and then f′(x) at the same x: one evaluation gives both.
        var last: (x: Double, f: Double, d: Double) = (.nan, .nan, .nan)
        func both(_ x: Double) -> (Double, Double) {
            if x == last.x { return (last.f, last.d) }
            var f = 0.0, d = 0.0, input = x
            evaluator.run(count: 1, xs: &input, ys: nil, f: &f, dfdx: &d, dfdy: nil)
            last = (x, f, d)
            return (f, d)
        }
        let n = analysisSamples
        return FunctionShape(value: { both($0).0 }, derivative: { both($0).1 },
                             candidates: branchPoints(samples: n / 2 + 1), samples: n)
    }
}
