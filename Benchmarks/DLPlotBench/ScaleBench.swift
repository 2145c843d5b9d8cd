#if canImport(Glibc)
import Glibc
#endif

/// The surface pipeline as whole processes at growing grids: `dlplot surface rosenbrock --grid N --levels 30`
/// (sampling, filled bands, labelled lines, one GD path with its default-lr search, colorbar, 1280×720 PNG)
/// for N = 250 … 2000 (`--grid`, samples per side). Linear in grid cells means the time per cell settles
/// once the fixed costs (process start, the optimizer, the page) fade. Goal: 2000² with 30 levels < 0.5 s.
func runScaleBenchmarks(_ h: inout Harness, dlplot: String, runs: Int) {
    let tmp = "/tmp/dlplot-scale-\(getpid())"
    mkdir(tmp, 0o755)
    defer { _ = spawn(["rm", "-rf", tmp]) }
    print("grid".padding(to: 14) + " " + "cells".padding(to: 10) + " " + "wall".padding(to: 12) + " " + "CPU".padding(to: 12)
          + " " + "CPU ns/cell".padding(to: 12) + " " + "CPU above 250²: ns/added cell")
    var first: (cells: Double, cpu: Double)?
    for n in [250, 500, 1000, 2000] {
        let argv = [dlplot, "surface", "rosenbrock", "--optimizers", "gd", "--grid", String(n), "--levels", "30", "-o", "\(tmp)/g.png"]
        guard let t = bestTimes(argv, runs: runs) else {
            h.record("surface --grid \(n) --levels 30", "failed")
            continue
        }
        let cells = Double((n - 1) * (n - 1))
        let marginal = first.map { fixed((t.cpu - $0.cpu) / (cells - $0.cells) * 1e9, 1) } ?? "–"
        if first == nil { first = (cells, t.cpu) }
        print("\(n)²".padding(to: 14) + " " + String(Int(cells)).padding(to: 10) + " "
              + formatMilliseconds(t.wall * 1000).padding(to: 12) + " " + formatMilliseconds(t.cpu * 1000).padding(to: 12) + " "
              + fixed(t.cpu / cells * 1e9, 1).padding(to: 12) + " " + marginal)
        if n == 2000 {
            h.record("surface 2000², 30 levels, whole process (goal < 0.5 s)",
                     "wall " + formatMilliseconds(t.wall * 1000) + ", CPU " + formatMilliseconds(t.cpu * 1000))
        }
    }
}
