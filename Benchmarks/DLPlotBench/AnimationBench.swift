#if canImport(Glibc)
import Glibc
#endif

/// The animated GIF of the paired comparison: four optimizers growing across Beale's function, 100 frames
/// of 800×500 pixels at 20 fps.
let animationFigure = ["surface", "beale", "--optimizers", "gd,momentum,adam,rmsprop", "--animate",
                       "--frames", "100", "--size", "800x500"]

/// dlplot's GIF against matplotlib's FuncAnimation + PillowWriter script for the same animation
/// (`Benchmarks/baseline/mpl_animation.py`): whole-process time (dlplot best of `runs`, matplotlib one run,
/// since it takes tens of seconds) and file size. The dlplot side is skipped, with a message, when this
/// dlplot has no `surface --animate`.
func runAnimationBenchmark(_ h: inout Harness, dlplot: String, python: String?, runs: Int) {
    let tmp = "/tmp/dlplot-animation-\(getpid())"
    mkdir(tmp, 0o755)
    defer { _ = spawn(["rm", "-rf", tmp]) }
    let script = "Benchmarks/baseline/mpl_animation.py"
    var now: Double?
    if spawn(["sh", "-c", "\"$0\" help surface 2>/dev/null | grep -q -e --animate", dlplot]) != 0 {
        print("dlplot side skipped: this dlplot has no `surface --animate` yet")
    } else {
        now = bestTime([dlplot] + animationFigure + ["-o", "\(tmp)/d.gif"], runs: runs)
        if now == nil { print("dlplot side failed: dlplot " + animationFigure.joined(separator: " ") + " -o OUT.gif") }
    }
    let mpl = python.flatMap { spawn([$0, "-c", "import matplotlib"]) == 0 ? $0 : nil }
    var theirs: Double?
    if let mpl {
        let (status, wall, cpu) = timedRun([mpl, script, "800x500", "100", "\(tmp)/m.gif"])
        theirs = status == 0 ? wall : nil
        if theirs == nil { print("matplotlib side failed: \(mpl) \(script) 800x500 100 OUT.gif") }
        else { print("matplotlib used \(fixed(cpu, 1)) s of CPU (user + system) in \(fixed(wall, 1)) s of wall time") }
    } else {
        print("matplotlib side skipped: no Python with matplotlib (make bench PYTHON=…)")
    }
    func ms(_ t: Double?) -> String { t.map { formatMilliseconds($0 * 1000) } ?? "–" }
    func kb(_ path: String, _ ran: Bool) -> String { ran ? String(fileSize(path) / 1024) + " KB" : "–" }
    print("animation".padding(to: 44) + " " + "dlplot".padding(to: 12) + " " + "matplotlib".padding(to: 12) + " ratio")
    let ratio = (now != nil && theirs != nil) ? fixed((theirs ?? 0) / (now ?? 1), 1) + "x" : ""
    print("Beale, 4 paths, 100 frames 800×500 (time)".padding(to: 44) + " " + ms(now).padding(to: 12) + " "
          + ms(theirs).padding(to: 12) + " " + ratio)
    print("the same (GIF size)".padding(to: 44) + " " + kb("\(tmp)/d.gif", now != nil).padding(to: 12) + " "
          + kb("\(tmp)/m.gif", theirs != nil))
    if let now, let theirs {
        h.record("animated GIF: matplotlib / dlplot (whole process)", fixed(theirs / now, 1) + "x (goal ≥ 30x)")
        let ours = fileSize("\(tmp)/d.gif"), mplSize = fileSize("\(tmp)/m.gif")
        h.record("animated GIF size: dlplot / matplotlib", "\(ours / 1024) KB / \(mplSize / 1024) KB (goal: no larger)")
    }
}

/// Runs a program once; returns its exit status, wall time and CPU time (user + system of the child), in seconds.
private func timedRun(_ argv: [String]) -> (Int32, Double, Double) {
    let clock = ContinuousClock(), begin = clock.now
    guard let pid = start(argv) else { return (-1, 0, 0) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let wall = seconds(clock.now - begin)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    return (status, wall, cpu)
}
