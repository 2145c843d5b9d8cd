import Optim

/// Optim kernels: activation evaluations per second and optimizer steps per second.
///
/// Every result feeds a checksum that is printed at the end, so the optimiser cannot drop the work.
func runOptimBenchmarks(_ h: inout Harness) {
    var checksum = 0.0

    // Activations: 10⁷ points in [−8, 8] per call, value and derivative, through the batch API
    // (one enum switch per element, no allocation).
    let n = 10_000_000
    let xs = (0..<n).map { -8 + 16 * Double($0) / Double(n - 1) }
    var ys = [Double](repeating: 0, count: n)
    for name in Activation.allNames {
        guard let f = try? Activation(name: name) else { continue }
        h.rate("activation \(name) value (1e7 pts)", work: Double(n), unit: "eval") {
            f.values(xs, into: &ys)
            checksum += ys[n / 3] + ys[n - 1]
        }
        h.rate("activation \(name) derivative (1e7 pts)", work: Double(n), unit: "eval") {
            f.derivatives(xs, into: &ys)
            checksum += ys[n / 3] + ys[n - 1]
        }
    }

    // Optimizers: one step = the Rosenbrock gradient + one optimizer update, from (−1.5, 2).
    guard let rosenbrock = try? Surface(named: "rosenbrock") else { return }
    let steps = 1_000_000
    let learningRates: [String: Double] = ["sgd": 1e-4, "gd": 1e-4, "momentum": 1e-4, "nesterov": 1e-4, "adagrad": 1e-2,
                                           "rmsprop": 1e-3, "adadelta": 1, "adam": 1e-3, "adamw": 1e-3, "nadam": 1e-3,
                                           "radam": 1e-3, "adamax": 1e-3]
    for name in OptimizerConfig.allNames {
        guard let optimizer = try? Optimizer(name: name, settings: ["lr": .number(learningRates[name] ?? 1e-3)]) else { continue }
        h.rate("optimizer \(name) on rosenbrock (1e6 steps)", work: Double(steps), unit: "step") {
            var opt = optimizer
            var theta = [-1.5, 2.0]
            var g = [0.0, 0.0]
            for _ in 0..<steps {
                rosenbrock.gradient(theta, into: &g)
                opt.step(parameters: &theta, gradient: &g, objective: rosenbrock)
            }
            checksum += theta[0] + theta[1]
        }
    }

    // The trajectory runner on a 10⁶-step run keeping every value and every 1000th position.
    if let adam = try? Optimizer(name: "adam", settings: ["lr": 1e-3]) {
        let options = TrajectoryOptions(steps: steps, recordEvery: 1000, recordGradients: false, everyValue: true)
        h.rate("runTrajectory adam rosenbrock (1e6 steps, all values)", work: Double(steps), unit: "step") {
            if let run = try? runTrajectory(objective: rosenbrock, optimizer: adam, start: [-1.5, 2], options: options) {
                checksum += run.valueHistory.last ?? 0
            }
        }
    }
    // Basin map: 201² starts × 500 GD steps on Himmelblau (vectorised, all cores); target < 2 s on 2 cores.
    if let himmelblau = try? Surface(named: "himmelblau"), let gd = try? OptimizerConfig(name: "gd", settings: ["lr": 0.01]) {
        h.rate("basins himmelblau gd 201x201 starts x 500 steps", work: 201 * 201 * 500, unit: "step") {
            if let map = try? BasinMap(surface: himmelblau, optimizer: gd, x: -5...5, y: -5...5, grid: 201, steps: 500) {
                checksum += map.shares[0]
            }
        }
    }
    // Stability map: 101² cells × 300 steps of SGD with momentum on bowl.
    if let bowl = try? Surface(named: "bowl") {
        let lrs = (0..<101).map { 0.02 + 0.02 * Double($0) }, betas = (0..<101).map { 0.0099 * Double($0) }
        h.rate("stability bowl sgd 101x101 cells x 300 steps", work: 101 * 101 * 300, unit: "step") {
            if let map = try? StabilityMap(surface: bowl, optimizer: "sgd", x: ("lr", lrs), y: ("momentum", betas),
                                           start: Point2(2.5, 2), steps: 300) {
                checksum += Double(map.diverged.filter { $0 }.count)
            }
        }
    }
    h.record("optim checksum (ignore)", checksum.description)
}
