import ArgumentParser
import Foundation
import Optim

/// `dlplot trace --surface NAME --optimizer NAME ...` → CSV `step,x,y,f`; the stop reason on stderr.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run a torch.optim optimizer on a surface and print its path: CSV columns step,x,y,f.",
        discussion: """
            Row 0 is the start; row k the point after k optimizer steps. The run ends after --steps steps \
            (stop: max_steps), when --tol is met (stop: converged, test: gradient norm ||grad f|| <= tol), or when \
            a position, value or gradient becomes non-finite (stop: diverged; every finite step is printed). \
            The stop reason is written to stderr ("stop: max_steps", "stop: converged at step K", \
            "stop: diverged at step K"); JSON output also carries "stop" and "stop_step", and "lr": lr[k] is the \
            learning rate after k scheduler steps (torch's get_last_lr()[0]), the one the step from row k uses \
            (CSV gains the lr column with --schedule). LBFGS makes one row per step(closure) call and adds \
            "evaluations", torch's running count of function evaluations. \
            Optimizers: \(OptimizerConfig.allNames.joined(separator: ", ")). An option the optimizer does not have \
            (e.g. --rho with adam) is an error. Unset hyper-parameters take PyTorch's defaults (see `dlplot list optimizers`). \
            Examples: dlplot trace --surface saddle --optimizer gd --start 2,3 --lr 0.1 --steps 100; \
            dlplot trace --surface ellipse --optimizer 'SGD(lr=0.4)' --schedule 'CosineAnnealingLR(T_max=100, eta_min=0.001)' --format json
            """
    )

    @Option(help: "Surface name (see `dlplot list surfaces`; required).")
    var surface: String

    @Option(help: ArgumentHelp("Optimizer name (see `dlplot list optimizers`) or a torch constructor call without params, "
        + "e.g. 'Adam(lr=0.1, betas=(0.8, 0.99))' or \"LBFGS(line_search_fn='strong_wolfe')\" (required).", valueName: "name|Class(...)"))
    var optimizer: String

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "A torch.optim.lr_scheduler schedule in torch's syntax without the optimizer, e.g. 'StepLR(step_size=30, gamma=0.1)'; "
            + "one scheduler.step() after each optimizer step; adds the lr column (default: none).", valueName: "Class(...)"))
    var schedule: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Start point x,y, e.g. -1.5,2 (default: the surface's suggested start).", valueName: "x,y"))
    var start: String?

    @Option(parsing: .unconditional, help: "Number of optimizer steps, 0...10000000 (default: 100).")
    var steps: Int = 100

    @Option(parsing: .unconditional, help: "Learning rate > 0 (default: the optimizer's PyTorch default, e.g. sgd 0.001, adam 0.001, adadelta 1).")
    var lr: String?

    @Option(parsing: .unconditional, help: "Momentum factor >= 0 for sgd and rmsprop (default: 0; 0.9 for momentum and nesterov).")
    var momentum: String?

    @Option(parsing: .unconditional, help: "sgd: dampening of the momentum buffer (default: 0).")
    var dampening: String?

    @Flag(help: "sgd: Nesterov momentum, torch's form; needs momentum > 0 and dampening 0 (default: off; on for nesterov).")
    var nesterov = false

    @Option(name: .customLong("weight-decay"), parsing: .unconditional,
            help: "Weight decay >= 0 (L2 added to the gradient; decoupled for adamw) (default: 0; 0.01 for adamw).")
    var weightDecay: String?

    @Option(parsing: .unconditional,
            help: "eps >= 0 for numerical stability (default: 1e-8; adagrad 1e-10, adadelta 1e-6).")
    var eps: String?

    @Option(name: .customLong("lr-decay"), parsing: .unconditional, help: "adagrad: learning-rate decay >= 0 (default: 0).")
    var lrDecay: String?

    @Option(name: .customLong("initial-accumulator-value"), parsing: .unconditional,
            help: "adagrad: initial sum of squared gradients >= 0 (default: 0).")
    var initialAccumulatorValue: String?

    @Option(parsing: .unconditional, help: "rmsprop: smoothing constant alpha >= 0 (default: 0.99).")
    var alpha: String?

    @Flag(help: "rmsprop: normalise by the centred second moment (default: off).")
    var centered = false

    @Option(parsing: .unconditional, help: "adadelta: running-average coefficient rho in [0, 1] (default: 0.9).")
    var rho: String?

    @Option(parsing: .unconditional, help: "Adam family: first-moment coefficient beta1 in [0, 1) (default: 0.9).")
    var beta1: String?

    @Option(parsing: .unconditional, help: "Adam family: second-moment coefficient beta2 in [0, 1) (default: 0.999).")
    var beta2: String?

    @Flag(help: "adam, adamw: keep the running maximum of v (AMSGrad) (default: off).")
    var amsgrad = false

    @Option(name: .customLong("momentum-decay"), parsing: .unconditional,
            help: "nadam: momentum-decay constant >= 0 (default: 0.004).")
    var momentumDecay: String?

    @Flag(name: .customLong("decoupled-weight-decay"),
          help: "adam, nadam, radam: decay the parameters directly (AdamW style) (default: off).")
    var decoupledWeightDecay = false

    @Flag(help: "Maximise instead of minimise (torch's maximize) (default: off).")
    var maximize = false

    @Option(parsing: .unconditional,
            help: "Stop when the gradient norm ||grad f|| <= tol, a finite number >= 0 (default: no tolerance; run every step).")
    var tol: String?

    @Option(name: .customLong("batch-size"), parsing: .unconditional,
            help: "linreg_mse, logreg_bce: examples per step: 1 = SGD, 2-11 = mini-batch, >= 12 = full batch (default: full batch).")
    var batchSize: Int?

    @Option(parsing: .unconditional, help: "Seed of the mini-batch shuffling (SplitMix64), 0...2^64-1 (default: 0).")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Print every k-th step (and always the start and the last step), k >= 1 (default: 1).")
    var every: Int = 1

    @OptionGroup var output: NumberOutputOptions

    static let maxSteps = 10_000_000

    struct Plan {
        let surface: Surface
        let optimizer: Optimizer
        let start: [Double]
        let tolerance: Double?
        let schedule: LRSchedule?
    }

    /// The numeric options as (command-line name, setting key, text).
    private var numberOptions: [(String, String, String?)] {
        [("--lr", "lr", lr), ("--momentum", "momentum", momentum), ("--dampening", "dampening", dampening),
         ("--weight-decay", "weight_decay", weightDecay), ("--eps", "eps", eps), ("--lr-decay", "lr_decay", lrDecay),
         ("--initial-accumulator-value", "initial_accumulator_value", initialAccumulatorValue), ("--alpha", "alpha", alpha),
         ("--rho", "rho", rho), ("--beta1", "beta1", beta1), ("--beta2", "beta2", beta2),
         ("--momentum-decay", "momentum_decay", momentumDecay)]
    }

    private var flagOptions: [(String, String, Bool)] {
        [("--nesterov", "nesterov", nesterov), ("--centered", "centered", centered), ("--amsgrad", "amsgrad", amsgrad),
         ("--decoupled-weight-decay", "decoupled_weight_decay", decoupledWeightDecay), ("--maximize", "maximize", maximize)]
    }

    static func optionName(_ key: String) -> String { OptimizerSettings.optionName(key) }

    func plan() throws -> Plan {
        func validation<T>(_ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as OptimError { throw ValidationError(error.description) }
        }
        let s = try validation { try Surface(named: surface) }
        var given: [OptimizerSettings.Given] = []
        for (option, key, text) in numberOptions {
            guard let text else { continue }
            given.append(.init(option: option, key: key, value: .number(try NumberArguments.finite(text, option: option))))
        }
        for (option, key, on) in flagOptions where on {
            given.append(.init(option: option, key: key, value: .flag(true)))
        }
        var name = optimizer
        if TorchCall.looksLikeCall(optimizer) {
            guard given.isEmpty else {
                throw ValidationError("\(given[0].option): give the settings inside the call --optimizer '\(optimizer)', not as options")
            }
            (name, given) = try OptimizerListOptions.callSettings(optimizer, option: "--optimizer")
        }
        let config = try OptimizerSettings.config(name: name, given: given)
        var schedulePlan: LRSchedule?
        if let schedule {
            do {
                let parsed = try LRSchedule(parsing: schedule)
                var probe = Optimizer(config: config)
                _ = try LRScheduler(schedule: parsed, optimizer: &probe)
                if let cap = parsed.stepLimit, steps > cap {
                    throw OptimError("\(parsed.text) allows at most \(cap) steps (torch raises after total_steps); --steps is \(steps)")
                }
                schedulePlan = parsed
            } catch let e as OptimError { throw ValidationError("--schedule: \(e.description)") }
        }
        guard (0...Trace.maxSteps).contains(steps) else {
            throw ValidationError("--steps: \(steps) is not allowed; expected 0...\(Trace.maxSteps)")
        }
        guard every >= 1 else { throw ValidationError("--every: \(every) is not allowed; expected k >= 1") }
        let startPoint = try start.map { try NumberArguments.pair($0, option: "--start") }
            ?? [s.suggestedStart.x, s.suggestedStart.y]
        var tolerance: Double?
        if let tol {
            let t = try NumberArguments.finite(tol, option: "--tol")
            guard t >= 0 else { throw ValidationError("--tol: \(t) is not allowed; expected a number >= 0") }
            tolerance = t
        }
        if let batchSize {
            guard s.dataset != nil else {
                throw ValidationError("--batch-size applies only to the dataset surfaces linreg_mse and logreg_bce, not \(surface)")
            }
            guard batchSize >= 1 else { throw ValidationError("--batch-size: \(batchSize) is not allowed; expected >= 1") }
        }
        return Plan(surface: s, optimizer: Optimizer(config: config), start: startPoint, tolerance: tolerance, schedule: schedulePlan)
    }

    func validate() throws {
        _ = try plan()
    }

    func run() throws {
        let p = try plan()
        let options = TrajectoryOptions(steps: steps, tolerance: p.tolerance, recordEvery: every, recordGradients: false)
        let trajectory: Trajectory
        if let batchSize {
            let objective = try MinibatchObjective(surface: p.surface, batchSize: batchSize, seed: seed)
            trajectory = try runTrajectory(objective: objective, optimizer: p.optimizer, start: p.start, options: options,
                                           schedule: p.schedule)
        } else {
            trajectory = try runTrajectory(objective: p.surface, optimizer: p.optimizer, start: p.start, options: options,
                                           schedule: p.schedule)
        }
        let xs = stride(from: 0, to: trajectory.positionData.count, by: 2).map { trajectory.positionData[$0] }
        let ys = stride(from: 1, to: trajectory.positionData.count, by: 2).map { trajectory.positionData[$0] }
        var table = NumberTable()
        table.columns = [("step", .integers(trajectory.steps)), ("x", .numbers(xs)), ("y", .numbers(ys)),
                         ("f", .numbers(trajectory.values))]
        if p.schedule != nil || output.format == .json { table.columns.append(("lr", .numbers(trajectory.learningRates))) }
        if !trajectory.functionEvaluations.isEmpty {
            table.columns.append(("evaluations", .integers(trajectory.functionEvaluations)))
        }
        let stopStep: Int
        switch trajectory.stop {
        case .maxSteps: stopStep = trajectory.steps.last ?? 0
        case .converged(let k), .diverged(let k): stopStep = k
        }
        table.extras = [("stop", .text(trajectory.stop.name)), ("stop_step", .integer(stopStep))]
        print(table.render(output.format), terminator: "")
        FileHandle.standardError.write(Data("stop: \(trajectory.stop.description)\n".utf8))
    }
}
