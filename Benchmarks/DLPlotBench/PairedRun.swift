#if canImport(Glibc)
import Glibc
#endif

/// Paired whole-process comparisons: every figure of the 30-figure set with this `dlplot`, an earlier
/// `dlplot` (`--before`, optional) and matplotlib (`--python`, optional); the contour figure also with
/// gnuplot; SVG sizes. Times are the best of `runs` runs, because the machine may be shared.
///
/// `floor` (optional) is `Benchmarks/baseline/page_floor.c` built: run once per figure at that figure's pixel
/// size, its summed CPU time is the least any one-process-per-figure renderer on Pango, Cairo and libpng
/// could spend on the 30 (start, fonts, a blank page, the PNG), so matplotlib ÷ floor bounds the reachable ratio.
func runPairedBenchmarks(_ h: inout Harness, dlplot: String, before: String?, python: String?, floor: String?, runs: Int) {
    let tmp = "/tmp/dlplot-paired-\(getpid())"
    mkdir(tmp, 0o755)
    defer { _ = spawn(["rm", "-rf", tmp]) }
    let script = "Benchmarks/baseline/mpl_figures.py"
    let mpl = python.flatMap { spawn([$0, "-c", "import matplotlib"]) == 0 ? $0 : nil }
    if python != nil && mpl == nil { h.record("matplotlib", "not importable; skipping its columns") }
    let mplRuns = max(1, runs / 3)
    print("figure".padding(to: 44) + " " + "before".padding(to: 10) + " " + "now".padding(to: 10) + " " + "now CPU".padding(to: 10) + " "
          + "matplotlib".padding(to: 11) + " " + "mpl CPU".padding(to: 11) + " ratio (wall, CPU)")
    var now: [[String]] = [], old: [[String]] = [], theirs: [[String]] = []
    var sum = (before: 0.0, now: Times(wall: 0, cpu: 0), mpl: Times(wall: 0, cpu: 0))
    var floorCPU = 0.0
    for (k, fig) in pairedGallery.enumerated() {
        let out = "\(tmp)/f\(k).png"
        let argv = [dlplot] + fig.dlplot + ["-o", out]
        let t = bestTimes(argv, runs: runs)
        let size = pngSize(out) ?? "1280x720"
        if let floor {
            let wh = size.split(separator: "x").map(String.init)
            floorCPU += bestTimes([floor, "\(tmp)/p\(k).png"] + wh, runs: runs)?.cpu ?? .nan
        }
        let b = before.flatMap { bestTime([$0] + fig.dlplot + ["-o", "\(tmp)/b\(k).png"], runs: runs) }
        let mplArgv = mpl.map { [$0, script, fig.matplotlib.kind, fig.matplotlib.name, size, "\(tmp)/m\(k).png"] }
        let m = mplArgv.flatMap { bestTimes($0, runs: mplRuns) }
        now.append(argv)
        if let before { old.append([before] + fig.dlplot + ["-o", "\(tmp)/b\(k).png"]) }
        if let mplArgv { theirs.append(mplArgv) }
        sum.now = sum.now + (t ?? Times(wall: .nan, cpu: .nan)); sum.before += b ?? 0; sum.mpl = sum.mpl + (m ?? Times(wall: 0, cpu: 0))
        print(row(fig.label, b, t, m))
    }
    print(row("sum of the 30 (one after another)", before == nil ? nil : sum.before, sum.now, mpl == nil ? nil : sum.mpl))
    if mpl != nil {
        h.record("30-figure set: matplotlib / dlplot (sum of CPU times)", fixed(sum.mpl.cpu / sum.now.cpu, 1) + "x (goal ≥ 40x)")
    }
    if floor != nil {
        h.record("30-figure set: page floor (C: Pango start, blank page, PNG; nothing plotted), sum of CPU",
                 formatMilliseconds(floorCPU * 1000) + " = " + fixed(floorCPU / sum.now.cpu * 100, 0) + " % of dlplot's")
        if mpl != nil {
            h.record("30-figure set: matplotlib / page floor (CPU), the most any renderer on these libraries reaches",
                     fixed(sum.mpl.cpu / floorCPU, 1) + "x")
        }
    }
    // All 30 as separate processes, two at a time (the machine's cores), best of 3.
    func wall(_ cmds: [[String]], _ n: Int) -> Double? {
        cmds.isEmpty ? nil : (0..<n).map { _ in parallelTime(cmds, jobs: 2) }.min()
    }
    let wallNow = wall(now, 3), wallOld = wall(old, 3), wallMpl = wall(theirs, 1)
    print(row("the 30, two processes at a time (wall)", wallOld, wallNow.map { Times(wall: $0, cpu: .nan) },
              wallMpl.map { Times(wall: $0, cpu: .nan) }))
    if let n = wallNow, let m = wallMpl { h.record("30-figure set: matplotlib / dlplot (wall, 2 jobs)", fixed(m / n, 1) + "x (goal ≥ 40x)") }
    if let n = wallNow, let o = wallOld { h.record("30-figure set: before / now (wall, 2 jobs)", fixed(o / n, 2) + "x") }

    compareContourFigure(&h, dlplot: dlplot, before: before, matplotlib: mpl, tmp: tmp, runs: runs)
    printSVGSizes(dlplot: dlplot, before: before, tmp: tmp)
}

/// The contour figure with this `dlplot`, the earlier one, matplotlib and gnuplot (those present), each
/// the best of its runs; matplotlib and gnuplot run a third as often (at least twice), as in the set.
private func compareContourFigure(_ h: inout Harness, dlplot: String, before: String?, matplotlib mpl: String?, tmp: String, runs: Int) {
    let script = "Benchmarks/baseline/mpl_figures.py"
    let mplRuns = max(1, runs / 3)
    let c = bestTimes([dlplot] + contourFigure + ["-o", "\(tmp)/c.png"], runs: runs)
    let cb = before.flatMap { bestTime([$0] + contourFigure + ["-o", "\(tmp)/cb.png"], runs: runs) }
    let cm = mpl.flatMap { bestTimes([$0, script, "contour", "-", "1280x720", "\(tmp)/cm.png"], runs: max(2, mplRuns)) }
    let cg = spawn(["sh", "-c", "command -v gnuplot"]) == 0
        ? bestTimes(["gnuplot", "-c", "Benchmarks/baseline/contour.gp", "\(tmp)/cg.png"], runs: max(2, mplRuns)) : nil
    print(row("contour figure (400², 20 levels, GD path)", cb, c, cm))
    if let c {
        if let cm {
            h.record("contour figure: matplotlib / dlplot", "wall " + fixed(cm.wall / c.wall, 1) + "x, CPU " + fixed(cm.cpu / c.cpu, 1) + "x (goal ≥ 20x)")
        }
        if let cg {
            h.record("contour figure: gnuplot (wall \(formatMilliseconds(cg.wall * 1000)), CPU \(formatMilliseconds(cg.cpu * 1000))) / dlplot",
                     "wall " + fixed(cg.wall / c.wall, 1) + "x, CPU " + fixed(cg.cpu / c.cpu, 1) + "x (goal ≥ 20x)")
        }
    }
}

/// The SVG size of seven figures with this `dlplot` and, when given, the earlier one.
private func printSVGSizes(dlplot: String, before: String?, tmp: String) {
    let svgs: [(String, [String])] = [
        ("surface rosenbrock (default grid)", ["surface", "rosenbrock"]),
        ("surface beale --with-curves", ["surface", "beale", "--optimizers", "gd,momentum,rmsprop,adam,adamax", "--with-curves"]),
        ("surface six_hump_camel", ["surface", "six_hump_camel", "--optimizers", "gd,momentum,rmsprop,adam", "--start=-1.5,1"]),
        ("surface saddle (textbook)", ["surface", "saddle", "--optimizers", "gd", "--lr", "0.1", "--start=2,3", "--steps", "15",
                                       "--xrange=-4:4", "--yrange=-4:4"]),
        ("surface rosenbrock --view 3d", ["surface", "rosenbrock", "--view", "3d"]),
        ("curves, 10⁶ steps", ["curves", "--surface", "ellipse", "--optimizers", "gd,momentum,adadelta", "--lr", "0.05", "--steps", "1000000"]),
        ("contour figure (400², 20 levels)", contourFigure),
    ]
    print("SVG size".padding(to: 44) + " " + "before".padding(to: 10) + " " + "now")
    for (name, args) in svgs {
        _ = spawn([dlplot] + args + ["-o", "\(tmp)/s.svg"])
        let n = fileSize("\(tmp)/s.svg")
        var b = ""
        if let before { _ = spawn([before] + args + ["-o", "\(tmp)/sb.svg"]); b = String(fileSize("\(tmp)/sb.svg") / 1024) + " KB" }
        print(name.padding(to: 44) + " " + b.padding(to: 10) + " " + String(n / 1024) + " KB")
    }
}

/// One table row: before (wall), now (wall, CPU), matplotlib (wall, CPU) and matplotlib ÷ now for each.
private func row(_ label: String, _ before: Double?, _ now: Times?, _ mpl: Times?) -> String {
    func ms(_ t: Double?) -> String { t.map { formatMilliseconds($0 * 1000) } ?? "–" }
    var ratio = ""
    if let now, let mpl { ratio = fixed(mpl.wall / now.wall, 1) + "x, " + fixed(mpl.cpu / now.cpu, 1) + "x" }
    return label.padding(to: 44) + " " + ms(before).padding(to: 10) + " " + ms(now?.wall).padding(to: 10) + " "
        + ms(now?.cpu).padding(to: 10) + " " + ms(mpl?.wall).padding(to: 11) + " " + ms(mpl?.cpu).padding(to: 11) + " " + ratio
}
