import Optim

/// Typed expressions against the built-in kernels they reproduce (issue targets: a 1-D expression
/// with its derivative at ≥ 25 % of the built-in mish kernel's speed; a 2-D expression with its
/// gradient on a 1000² grid in < 3× the built-in Rosenbrock's time).
func runExpressionBenchmarks(_ h: inout Harness) {
    var checksum = 0.0
    let n = 1_000_000
    let xs = (0..<n).map { -8 + 16 * Double($0) / Double(n - 1) }
    var ys = [Double](repeating: 0, count: n), ds = [Double](repeating: 0, count: n)
    guard let mish = try? Activation(name: "mish"), let typed = try? MathExpression("x*tanh(softplus(x))") else { return }
    var best = (builtIn: Double.infinity, typed: Double.infinity)
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    for _ in 0..<5 {
        best.builtIn = min(best.builtIn, seconds(clock.measure {
            mish.values(xs, into: &ys)
            mish.derivatives(xs, into: &ds)
        }))
        checksum += ys[n / 3] + ds[n / 3]
        best.typed = min(best.typed, seconds(clock.measure { typed.evaluate(xs, values: &ys, derivatives: &ds) }))
        checksum += ys[n / 3] + ds[n / 3]
    }
    h.record("mish built-in, value + derivative (1e6 pts)", formatRate(Double(n) / best.builtIn) + " pt/s")
    h.record("x*tanh(softplus(x)) typed, value + derivative", formatRate(Double(n) / best.typed) + " pt/s")
    h.record("  typed speed / built-in speed (target >= 0.25)", fixed(best.builtIn / best.typed, 2))

    // 1000 × 1000 grid, f and ∇f at every node.
    let side = 1000
    var gx: [Double] = [], gy: [Double] = []
    gx.reserveCapacity(side * side)
    gy.reserveCapacity(side * side)
    for j in 0..<side {
        for i in 0..<side {
            gx.append(-2 + 4 * Double(i) / Double(side - 1))
            gy.append(-1 + 4 * Double(j) / Double(side - 1))
        }
    }
    guard let rosenbrock = try? Surface(named: "rosenbrock"),
          let typed2 = try? MathExpression("(1 - x)^2 + 100*(y - x^2)^2", dimension: 2) else { return }
    var f = [Double](repeating: 0, count: side * side), fx = f, fy = f
    var grid = (builtIn: Double.infinity, typed: Double.infinity)
    for _ in 0..<5 {
        grid.builtIn = min(grid.builtIn, seconds(clock.measure {
            for k in 0..<(side * side) {
                f[k] = rosenbrock.value(gx[k], gy[k])
                (fx[k], fy[k]) = rosenbrock.gradient(gx[k], gy[k])
            }
        }))
        checksum += f[side * side / 3] + fx[7] + fy[9]
        grid.typed = min(grid.typed, seconds(clock.measure {
            typed2.evaluate(xs: gx, ys: gy, values: &f, dfdx: &fx, dfdy: &fy)
        }))
        checksum += f[side * side / 3] + fx[7] + fy[9]
    }
    h.record("rosenbrock built-in, f + grad on 1000^2 grid", formatMilliseconds(grid.builtIn * 1000))
    h.record("rosenbrock typed, f + grad on 1000^2 grid", formatMilliseconds(grid.typed * 1000))
    h.record("  typed time / built-in time (target < 3)", fixed(grid.typed / grid.builtIn, 2))
    h.record("expression checksum", fixed(checksum, 6))
    runLongExpressionBenchmark(&h)
}
