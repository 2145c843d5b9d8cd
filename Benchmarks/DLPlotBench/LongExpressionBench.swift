import Optim

/// A typed expression near the 10,000-character limit: the sum of tanh(x + k) for k = 1…799 (9,677 characters,
/// 3,997 tape registers). Per register and point: the value alone at single points (what figures' scans ask),
/// value and derivative over a block of points (what curves and grids ask), and the whole shape analysis a
/// figure of it runs first.
func runLongExpressionBenchmark(_ h: inout Harness) {
    let source = (1..<800).map { "tanh(x+\($0))" }.joined(separator: "+")
    guard let e = try? MathExpression(source) else { return }
    let registers = Double(e.tapeLength)
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    let points = 2000
    let xs = (0..<points).map { -8 + 16 * Double($0) / Double(points - 1) }
    var checksum = 0.0
    var best = (scalar: Double.infinity, block: Double.infinity)
    var ys: [Double] = [], ds: [Double] = []
    for _ in 0..<3 {
        best.scalar = min(best.scalar, seconds(clock.measure { for x in xs { checksum += e.value(x) } }))
        best.block = min(best.block, seconds(clock.measure { e.evaluate(xs, values: &ys, derivatives: &ds) }))
        checksum += ys[points / 3] + ds[points / 3]
    }
    func perNode(_ t: Double) -> String { fixed(t / Double(points) / registers * 1e9, 2) + " ns" }
    h.record("9,677-char sum of 799 tanh: value at single points, per register and point", perNode(best.scalar))
    h.record("  value + derivative over blocks, per register and point", perNode(best.block))
    let analysis = seconds(clock.measure { checksum += (try? MathExpression(source))?.shape.maxAbsDerivative ?? 0 })
    h.record("  shape analysis (what a figure of it runs first)", formatMilliseconds(analysis * 1000))
    h.record("long expression checksum", fixed(checksum.truncatingRemainder(dividingBy: 1e6), 3))
}
