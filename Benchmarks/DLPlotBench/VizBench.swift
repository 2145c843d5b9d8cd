import Viz

/// Rendering: one line plot, a 4×4 grid of small multiples, and a 10⁶-point line, each to PNG, SVG and PDF.
func runVizBenchmarks(_ h: inout Harness) {
    do {
        let cases: [(String, Figure)] = [
            ("line plot (1 panel, 600 pts)", try linePlot()),
            ("small multiples (4×4 panels)", try grid()),
            ("10⁶-point noisy line", try millionPoints()),
        ]
        for (name, figure) in cases {
            for format in OutputFormat.allCases {
                var bytes = 0
                try h.time("render \(name) → \(format.rawValue)") { bytes = try figure.render(as: format).count }
                h.record("  \(format.rawValue) size", String(bytes / 1024) + " KiB")
            }
        }
    } catch {
        print("Viz benchmark failed: \(error)")
    }
}

private func linePlot() throws -> Figure {
    var f = try Figure(width: 1280, height: 720, dpi: 160)
    f.title = "Sigmoid $\\sigma(x) = \\frac{1}{1+e^{-x}}$"
    var a = Axes(title: "value and derivative", xLabel: "$x$", yLabel: "$\\sigma(x)$")
    let xs = (0..<600).map { -6 + Double($0) * 0.02 }
    let s = xs.map { 1 / (1 + expApprox($0)) }
    a.add(LineMark(x: xs, y: s, style: StrokeStyle(color: Palette.okabeIto[0], width: 2), label: "$\\sigma(x)$"))
    a.add(LineMark(x: xs, y: s.map { $0 * (1 - $0) }, style: StrokeStyle(color: Palette.okabeIto[1], width: 2, dash: [6, 3]), label: "$\\sigma'(x)$"))
    f.add(a)
    return f
}

private func grid() throws -> Figure {
    var f = try Figure(width: 1600, height: 1200, dpi: 160, rows: 4, columns: 4)
    f.shareX = true
    f.title = "Loss curves, 16 learning rates"
    for k in 0..<16 {
        var a = Axes(title: "run \(k + 1)", xLabel: "step", yLabel: "loss")
        let xs = (0..<300).map(Double.init)
        a.add(LineMark(x: xs, y: xs.map { 1 / (1 + $0 * Double(k + 1) * 0.01) }, style: StrokeStyle(color: Palette.okabeIto[k % 7], width: 1.5)))
        f.add(a, row: k / 4, column: k % 4)
    }
    return f
}

private func millionPoints() throws -> Figure {
    var f = try Figure(width: 1280, height: 720, dpi: 160)
    var a = Axes(title: "10⁶ noisy points", xLabel: "step", yLabel: "loss")
    var state: UInt64 = 42
    let n = 1_000_000
    let ys = (0..<n).map { i -> Double in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return 1 / (1 + Double(i) * 1e-5) + (Double(state >> 11) / Double(1 << 53) - 0.5) * 0.2
    }
    a.add(LineMark(x: (0..<n).map(Double.init), y: ys, style: StrokeStyle(color: Palette.okabeIto[0], width: 1)))
    f.add(a)
    return f
}

/// eˣ without Foundation (enough for a benchmark curve).
private func expApprox(_ x: Double) -> Double {
    var term = 1.0, sum = 1.0
    for k in 1..<40 { term *= x / Double(k); sum += term }
    return sum
}
