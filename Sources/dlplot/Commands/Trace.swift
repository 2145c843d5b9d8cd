import ArgumentParser
import Figures
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
            a parameter becomes non-finite (stop: diverged; every earlier step is printed), or a step reaches a \
            point where a typed f is undefined, such as log(x) at x < 0 (stop: left_domain). f overflowing float64 \
            at finite x, y (x² + y² at x = 1e200) is not divergence: the row is printed with f = inf and the run goes on \
            (a run that then diverges says where: "stop: diverged at step 1024 (f overflowed to inf at step 512)"). \
            The stop reason is written to stderr ("stop: max_steps", "stop: converged at step K", \
            "stop: diverged at step K", "stop: left the domain of f at step K: f is undefined at x = …, y = …"); JSON output also carries "stop" and "stop_step", and "lr": lr[k] is the \
            learning rate after k scheduler steps (torch's get_last_lr()[0]), the one the step from row k uses \
            (CSV gains the lr column with --schedule). LBFGS makes one row per step(closure) call and adds \
            "evaluations", torch's running count of function evaluations. \
            Optimizers: \(OptimizerConfig.allNames.joined(separator: ", ")). An option the optimizer does not have \
            (e.g. --rho with adam) is an error. Unset hyper-parameters take PyTorch's defaults (see `dlplot list optimizers`). \

            Examples:
              dlplot trace --surface saddle --optimizer gd --start 2,3 --lr 0.1 --steps 100
              dlplot trace --surface ellipse --optimizer 'SGD(lr=0.4)' --format json \\
                  --schedule 'CosineAnnealingLR(T_max=100, eta_min=0.001)'
            """
    )

    @Option(parsing: .unconditional, help: ArgumentHelp("Surface name (see `dlplot list surfaces`) or an expression of x and y such as 'x^2 - y^2' or '-x*y' (required).",
                               valueName: "name|expression"), completion: .surfaceNames)
    var surface: String

    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter of a typed surface expression as name=value (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Option(help: ArgumentHelp("Optimizer name (see `dlplot list optimizers`) or a torch constructor call without params, "
        + "e.g. 'Adam(lr=0.1, betas=(0.8, 0.99))' or \"LBFGS(line_search_fn='strong_wolfe')\" (required).", valueName: "name|Class(...)"), completion: .optimizerNames)
    var optimizer: String

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "A torch.optim.lr_scheduler schedule in torch's syntax without the optimizer, e.g. 'StepLR(step_size=30, gamma=0.1)'; "
            + "one scheduler.step() after each optimizer step; adds the lr column (default: none).", valueName: "Class(...)"))
    var schedule: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Start point x,y, e.g. -1.5,2 (default: the surface's suggested start).", valueName: "x,y"))
    var start: String?

    @Option(parsing: .unconditional, help: "Number of optimizer steps, 0...10000000.")
    var steps: Int = 100

    @OptionGroup(title: "Optimizer settings (torch's names)")
    var settings: HyperparameterOptions

    @Option(parsing: .unconditional,
            help: "Stop when the gradient norm ||grad f|| <= tol, a finite number >= 0 (default: no tolerance; run every step).")
    var tol: String?

    @Option(name: .customLong("batch-size"), parsing: .unconditional,
            help: "linreg_mse, logreg_bce: examples per step: 1 = SGD, 2-11 = mini-batch, >= 12 = full batch (default: full batch).")
    var batchSize: Int?

    @Option(parsing: .unconditional, help: "Seed of the mini-batch shuffling (SplitMix64), a whole number from 0 to 2^64-1.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Print every k-th step (and always the start and the last step), k >= 1.")
    var every: Int = 1

    @OptionGroup var output: NumberOutputOptions

    static let maxSteps = 10_000_000

    /// A checked request: the surface figures' run plan, the optimizer and what ends the run.
    struct Plan {
        let run: SurfacePlan
        let optimizer: Optimizer
        let tolerance: Double?
        let schedule: LRSchedule?
    }

    /// The options checked, by the same plan and optimizer settings as the surface figures.
    func plan() throws -> Plan {
        let run = try SurfaceRunTexts(start: start, batchSize: batchSize, params: params, seed: seed, rangeOptions: false)
            .plan(surfaceName: surface, option: "--surface", steps: steps, allowed: 0...Trace.maxSteps)
        var given = try settings.given()
        try OptimizerListOptions.checkOne(optimizer, option: "--optimizer")
        var name = optimizer
        if TorchCall.looksLikeCall(optimizer) {
            guard given.isEmpty else {
                throw given[0].refused("give the settings inside the call --optimizer '\(optimizer)', not as options")
            }
            (name, given) = try OptimizerListOptions.callSettings(optimizer, option: "--optimizer")
        }
        let configured = Optimizer(config: try OptimizerSettings.config(name: name, given: given))
        let schedulePlan = try schedule.map { try OptimizerListOptions.parsedSchedule($0, steps: steps) }
        if let schedulePlan {
            var probe = configured
            try OptimizerListOptions.check(schedulePlan, on: &probe)
        }
        guard every >= 1 else { throw ArgumentRefusal.invalid("--every", every, "expected 1 or more") }
        var tolerance: Double?
        if let tol {
            let t = try NumberArguments.finite(tol, option: "--tol")
            guard t >= 0 else { throw ArgumentRefusal.invalid("--tol", TypedText.number("--tol", t), "expected a number >= 0") }
            tolerance = t
        }
        return Plan(run: run, optimizer: configured, tolerance: tolerance, schedule: schedulePlan)
    }

    func validate() throws {
        _ = try plan()
    }

    func run() throws {
        let p = try plan()
        let options = TrajectoryOptions(steps: steps, tolerance: p.tolerance, recordEvery: every, recordGradients: false)
        // Rows are written as the run makes them (TraceTable): 10⁷ steps cost no memory per step.
        let table = TraceTable(format: output.format, hasRates: p.schedule != nil || output.format == .json,
                               hasEvaluations: p.optimizer.needsObjective, expectedRows: steps / every + 2)
        let trajectory = try p.run.stream(p.optimizer, options: options, schedule: p.schedule) { row in
            table.append(step: row.step, x: row.position[0], y: row.position[1], f: row.value, lr: row.learningRate,
                         evaluations: row.evaluations)
        }
        // The step that left f's domain is a row too, with f = nan (stderr named the point, the table had no row for it).
        if trajectory.leftDomain, case let .diverged(k) = trajectory.stop, trajectory.divergedPosition.count == 2 {
            table.append(step: k, x: trajectory.divergedPosition[0], y: trajectory.divergedPosition[1], f: .nan, lr: .nan,
                         evaluations: trajectory.functionEvaluations.last)
        }
        let stopStep: Int
        switch trajectory.stop {
        case .maxSteps: stopStep = trajectory.steps.last ?? 0
        case .converged(let k), .diverged(let k): stopStep = k
        }
        // A step to a finite point where f is undefined left f's domain; it did not blow up.
        let stopName = trajectory.leftDomain ? "left_domain" : trajectory.stop.name
        table.finish(fields: [("stop", .text(stopName)), ("stop_step", .integer(Int64(stopStep)))])
        var said = trajectory.stop.description
        if trajectory.leftDomain {
            let p = trajectory.divergedPosition.map { "\($0)" }
            said = (trajectory.stopWords ?? "") + ": f is undefined at "
                + (p.count == 2 ? "x = \(p[0]), y = \(p[1])" : p.joined(separator: ", "))
        }
        if let k = trajectory.overflowStep, let v = trajectory.values.last {
            // The steps between are printed with f = inf: say where f first overflowed.
            said += " (f overflowed to \(v > 0 ? "inf" : "-inf") at step \(k))"
        }
        FileHandle.standardError.write(Data("stop: \(said)\n".utf8))
    }
}
