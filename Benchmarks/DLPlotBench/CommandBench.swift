#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion, its output discarded (see `start`); returns its exit status.
func spawn(_ argv: [String]) -> Int32 {
    guard let pid = start(argv) else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
}

/// Whole-process timings: `dlplot` commands against a minimal Cairo C program and gnuplot.
func runCommandBenchmarks(_ h: inout Harness, dlplot: String, baseline: String?) {
    let tmp = "/tmp/dlplot-bench-\(getpid())"
    mkdir(tmp, 0o755)
    var best: [String: Double] = [:]
    func time(_ name: String, _ argv: [String]) {
        guard spawn(argv) == 0 else { h.record(name, "failed: " + argv.joined(separator: " ")); return }
        let clock = ContinuousClock()
        var b = Double.infinity
        for _ in 0..<(argv.contains("1000000") ? 3 : 10) {
            let d = clock.measure { _ = spawn(argv) }
            b = min(b, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        best[name] = b
        h.record(name, formatMilliseconds(b * 1000))
    }
    time("dlplot activation sigmoid --size 800x500 (png)", [dlplot, "activation", "sigmoid", "--size", "800x500", "-o", tmp + "/a.png"])
    time("dlplot activation sigmoid --size 800x500 (svg)", [dlplot, "activation", "sigmoid", "--size", "800x500", "-o", tmp + "/a.svg"])
    time("dlplot activation sigmoid --size 800x500 (pdf)", [dlplot, "activation", "sigmoid", "--size", "800x500", "-o", tmp + "/a.pdf"])
    if let baseline {
        time("minimal C program: cairo line + label -> png", [baseline, tmp + "/c.png"])
        if let d = best["dlplot activation sigmoid --size 800x500 (png)"], let c = best["minimal C program: cairo line + label -> png"] {
            h.record("ratio dlplot / minimal C program", fixed(d / c, 2) + "x")
        }
    }
    if spawn(["sh", "-c", "command -v gnuplot"]) == 0 {
        time("gnuplot pngcairo, same figure", ["gnuplot", "-c", "Benchmarks/baseline/sigmoid.gp", tmp + "/g.png"])
        if let d = best["dlplot activation sigmoid --size 800x500 (png)"], let g = best["gnuplot pngcairo, same figure"] {
            h.record("ratio dlplot / gnuplot", fixed(d / g, 2) + "x")
        }
    }
    // One line per figure kind, at the default size, PNG.
    let kinds: [(String, [String])] = [
        ("activation", ["activation", "gelu"]), ("activations (24 panels)", ["activations"]),
        ("activations --table", ["activations", "--table"]), ("softmax", ["softmax"]), ("loss --gradients", ["loss", "--gradients"]),
        ("vanishing", ["vanishing"]), ("xor", ["xor"]), ("lr", ["lr"]), ("pitfalls", ["pitfalls"]),
        ("surface rosenbrock (7 optimizers)", ["surface", "rosenbrock"]), ("surface --view 3d", ["surface", "rosenbrock", "--view", "3d"]),
        ("curves (10⁶ steps)", ["curves", "--surface", "ellipse", "--optimizers", "gd,momentum", "--lr", "0.05", "--steps", "1000000"]),
        ("steps", ["steps"]),
        // The research figures: a basin map (3 optimizers × 201² starts), a stability map and the loss
        // landscape of a trained MLP on a 101² grid (goal: under 5 s each task).
        ("basins himmelblau (3 × 201² starts)", ["basins", "himmelblau"]), ("stability bowl", ["stability", "bowl"]),
        ("landscape xor (101² grid)", ["landscape", "--task", "xor", "--grid", "101"]),
        ("landscape spirals (101² grid)", ["landscape", "--task", "spirals", "--grid", "101"]),
        ("landscape regression (101² grid)", ["landscape", "--task", "regression", "--grid", "101"]),
    ]
    for (name, args) in kinds {
        time("figure kind: " + name, [dlplot] + args + ["-o", tmp + "/k.png"])
    }
    _ = spawn(["rm", "-rf", tmp])
}
