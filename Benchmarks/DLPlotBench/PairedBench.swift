#if canImport(Glibc)
import Glibc
#endif

/// One figure of the paired comparison: the `dlplot` arguments and the matplotlib script's arguments
/// (`Benchmarks/baseline/mpl_figures.py KIND NAME`; the pixel size is read from dlplot's PNG).
struct PairedFigure {
    var label: String
    var dlplot: [String]
    var matplotlib: (kind: String, name: String)
}

/// The 30 figures: 16 activations, a 4×4 grid, softmax, two loss figures, vanishing gradients, five
/// surfaces with 7 optimizers on a 400² grid, two loss-curve figures, learning rates and a 3-D saddle.
let pairedGallery: [PairedFigure] = {
    let sixteen = ["sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "selu", "celu", "gelu", "silu", "mish",
                   "softplus", "softsign", "hardtanh", "hardsigmoid", "hardswish"]
    var list = sixteen.map { PairedFigure(label: "activation \($0)", dlplot: ["activation", $0], matplotlib: ("activation", $0)) }
    let seven = "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam"
    list += [
        PairedFigure(label: "activations (4×4)", dlplot: ["activations", "--names", sixteen.joined(separator: ",")],
                     matplotlib: ("grid", sixteen.joined(separator: ","))),
        PairedFigure(label: "softmax", dlplot: ["softmax"], matplotlib: ("softmax", "-")),
        PairedFigure(label: "loss", dlplot: ["loss"], matplotlib: ("loss", "-")),
        PairedFigure(label: "loss --gradients", dlplot: ["loss", "--gradients"], matplotlib: ("loss-gradients", "-")),
        PairedFigure(label: "vanishing", dlplot: ["vanishing"], matplotlib: ("vanishing", "-")),
    ]
    for s in ["rosenbrock", "beale", "himmelblau", "six_hump_camel", "booth"] {
        list.append(PairedFigure(label: "surface \(s) (7 optimizers, 400²)",
                                 dlplot: ["surface", s, "--optimizers", seven, "--grid", "400"], matplotlib: ("surface", s)))
    }
    list += [
        PairedFigure(label: "curves rosenbrock (6 runs, 5000 steps)",
                     dlplot: ["curves", "--surface", "rosenbrock", "--optimizers", "gd,momentum,nesterov,rmsprop,adam,nadam", "--steps", "5000"],
                     matplotlib: ("curves", "rosenbrock")),
        PairedFigure(label: "curves beale (6 runs, 5000 steps)",
                     dlplot: ["curves", "--surface", "beale", "--optimizers", "gd,momentum,nesterov,rmsprop,adam,nadam", "--steps", "5000"],
                     matplotlib: ("curves", "beale")),
        PairedFigure(label: "lr", dlplot: ["lr"], matplotlib: ("lr", "-")),
        PairedFigure(label: "surface saddle --view 3d", dlplot: ["surface", "saddle", "--view", "3d"], matplotlib: ("saddle3d", "-")),
    ]
    return list
}()

/// The contour figure: Rosenbrock on a 400² grid, 20 levels, one gradient-descent path.
let contourFigure = ["surface", "rosenbrock", "--optimizers", "gd", "--grid", "400", "--levels", "20"]

/// Best wall time of `runs` runs of a whole process, in seconds (nil when it fails).
func bestTime(_ argv: [String], runs: Int) -> Double? {
    guard spawn(argv) == 0 else { return nil }
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<runs {
        let d = clock.measure { _ = spawn(argv) }
        best = min(best, seconds(d))
    }
    return best
}

/// Best wall time and best CPU time (user + system, from `wait4`'s resource usage) of `runs` runs of a
/// whole process, in seconds; nil when it fails. CPU time is what a loaded machine does not inflate:
/// wall time there includes waiting for a core.
func bestTimes(_ argv: [String], runs: Int) -> Times? {
    guard spawn(argv) == 0 else { return nil }
    let clock = ContinuousClock()
    var wall = Double.infinity, cpu = Double.infinity
    for _ in 0..<max(1, runs) {
        var used = 0.0
        let d = clock.measure { used = cpuSeconds(argv) ?? .nan }
        wall = min(wall, seconds(d))
        if used.isFinite { cpu = min(cpu, used) }
    }
    return Times(wall: wall, cpu: cpu)
}

/// A whole process's wall and CPU time, in seconds.
struct Times {
    var wall: Double
    var cpu: Double
    static func + (a: Times, b: Times) -> Times { Times(wall: a.wall + b.wall, cpu: a.cpu + b.cpu) }
}

/// Runs a program to its end and returns its CPU time (user + system) in seconds.
func cpuSeconds(_ argv: [String]) -> Double? {
    guard let pid = start(argv) else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { return nil }
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

/// Wall time of running every command with at most `jobs` at once.
func parallelTime(_ commands: [[String]], jobs: Int) -> Double {
    let clock = ContinuousClock()
    return seconds(clock.measure {
        var running: Set<pid_t> = []
        var next = 0
        while next < commands.count || !running.isEmpty {
            while running.count < jobs, next < commands.count {
                if let pid = start(commands[next]) { running.insert(pid) }
                next += 1
            }
            var status: Int32 = 0
            let pid = wait(&status)
            if pid <= 0 { break }
            running.remove(pid)
        }
    })
}

/// Starts a program with its output discarded; returns its pid.
func start(_ argv: [String]) -> pid_t? {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    return posix_spawnp(&pid, argv[0], &actions, nil, &cargs, environ) == 0 ? pid : nil
}

/// The pixel size of a PNG file as "WxH", read from its IHDR chunk.
func pngSize(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var header = [UInt8](repeating: 0, count: 24)
    guard fread(&header, 1, 24, f) == 24 else { return nil }
    func be(_ i: Int) -> Int { Int(header[i]) << 24 | Int(header[i + 1]) << 16 | Int(header[i + 2]) << 8 | Int(header[i + 3]) }
    return "\(be(16))x\(be(20))"
}

/// The size of a file in bytes.
func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}
