import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot stability SURFACE`: outcome over a grid of two hyper-parameters.
    struct StabilityCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "stability",
            abstract: "Map the final loss (or steps to a tolerance) over two hyper-parameters, lr × momentum by default.",
            discussion: """
                Every cell runs the optimizer from one start for --steps steps with its two settings and is \
                coloured by the steps it took until f − f* <= --tol (grey: never within --steps), or with \
                --measure final_loss by the final f − f*. Cells that diverged (a non-finite value, or a final loss \
                above the start's that is still growing: the second half of the run peaks above twice the first) are dark \
                red; a decaying oscillation that ends above the start is not. On a convex quadratic surface (bowl, ellipse, booth, matyas) \
                SGD's analytic boundary lr·λ_max = 2(1+β) (Nesterov: 2(1+β)/(1+2β)) is drawn dashed: Goh, "Why \
                Momentum Really Works" (Distill, 2017), as one command.
                Here --y-range c:d and --log-y set the y setting's values (default for momentum and beta1: \
                0:0.99), as --x-range and --log-x set the x setting's. A whole-number setting (lbfgs's max_iter, \
                max_eval, history_size) is swept on evenly spaced whole numbers of its range (default: 1:20).
                Examples:
                  dlplot stability bowl
                  dlplot stability 'x^2 + a*y^2' --param a=10 --measure final_loss --grid 51
                  dlplot stability ellipse --x-range 0.01:1 --log-x --steps 200
                  dlplot stability rosenbrock --optimizer adam --x lr --y beta1 \\
                      --x-range 1e-3:1 --log-x --y-range 0:0.99 --measure final_loss
                """)

        @Argument(help: ArgumentHelp("The surface (see `dlplot list surfaces`) or an expression of x and y such as 'x^2 + 10*y^2'.",
                                     valueName: "surface"), completion: .surfaceNames)
        var surface = "bowl"

        @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
                help: ArgumentHelp("A parameter of a typed surface expression as name=value (repeatable).", valueName: "name=value"))
        var params: [String] = []

        @Option(help: ArgumentHelp("Optimizer name or torch call, e.g. sgd or 'SGD(nesterov=True, momentum=0.5)'; the swept settings override it.",
                                   valueName: "name|Class(...)"), completion: .optimizerNames)
        var optimizer = "sgd"

        @Option(name: .customLong("x"), help: ArgumentHelp("The setting on the x axis (torch's name).", valueName: "setting"))
        var xSetting = "lr"

        @Option(name: .customLong("y"), help: ArgumentHelp("The setting on the y axis (torch's name).", valueName: "setting"))
        var ySetting = "momentum"

        @Option(name: .customLong("x-range"), parsing: .unconditional, help: ArgumentHelp(
            "x values a:b (default for lr: up to 1.1× the largest stable lr on a quadratic, else 1e-4:1 log-spaced).", valueName: "a:b"))
        var xRange: String?

        /// `--y-range` (the shared layout option): the y setting's values c:d (default for momentum and
        /// beta1: 0:0.99).
        var yRange: String? { figureOptions.layout.yRange }

        @Flag(name: .customLong("log-x"), help: "Log-spaced x values (needs a range above 0).")
        var logX = false

        /// `--log-y` (the shared layout option): log-spaced y values (needs a range above 0).
        var logY: Bool { figureOptions.layout.logY }

        /// The y range and log y are this figure's own y setting, not an override of a plotted y.
        var drawsItsOwnYAxis: Bool { true }

        @Option(parsing: .unconditional, help: ArgumentHelp("Cells per side, 2-1001.", valueName: "n"))
        var grid = 101

        @Option(parsing: .unconditional, help: ArgumentHelp("Optimizer steps per cell, 1-100000.", valueName: "n"))
        var steps = 300

        @Option(help: ArgumentHelp("steps (until f − f* <= --tol; the default) or final_loss (f − f* after all steps).", valueName: "kind"),
                completion: .list(["steps", "final_loss"]))
        var measure = "steps"

        @Option(parsing: .unconditional, help: ArgumentHelp("Tolerance for --measure steps, > 0.", valueName: "tol"))
        var tol = "1e-6"

        @Option(parsing: .unconditional, help: ArgumentHelp("Start x,y (default: the surface's suggested start).", valueName: "x,y"))
        var start: String?

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "stability-" + DefaultFileName.stem(surface, params: params) }

        mutating func validate() throws { _ = try recipe(compute: false) }

        func values(_ text: String?, fallback: (Double, Double), log: Bool, option: String) throws -> [Double] {
            let range = try text.map { try NumberArguments.interval($0, option: option, logAxis: log) }.map { ($0.lower, $0.upper) } ?? fallback
            if log {
                guard range.0 > 0 else {
                    let reason = "a log axis needs a range above 0"
                    throw text.map { ArgumentRefusal.invalid(option, $0, reason) }
                        ?? ValidationError("the default \(option) starts at 0: \(reason); give \(option) such as 0.01:1")
                }
                return (0..<grid).map { Double.pow(10, Double.log10(range.0) + (Double.log10(range.1) - Double.log10(range.0)) * Double($0) / Double(grid - 1)) }
            }
            return (0..<grid).map { range.0 + (range.1 - range.0) * Double($0) / Double(grid - 1) }
        }

        func recipe(compute: Bool) throws -> StabilityFigure? {
            guard (2...1001).contains(grid) else { throw ArgumentRefusal.invalid("--grid", grid, "expected 2 to 1001") }
            guard (1...100_000).contains(steps) else { throw ArgumentRefusal.invalid("--steps", steps, "expected 1 to 100000") }
            guard grid * grid * steps <= 1_000_000_000 else {
                throw ArgumentRefusal.invalid("--grid", grid, "with --steps \(steps) it is \(grid * grid * steps) optimizer steps; keep grid² × steps <= 1e9")
            }
            let s = try FunctionArguments.surface(surface, params: params, option: "stability")
            try OptimizerListOptions.checkOne(optimizer, option: "--optimizer")
            var name = optimizer, given: [OptimizerSettings.Given] = []
            if TorchCall.looksLikeCall(optimizer) { (name, given) = try OptimizerListOptions.callSettings(optimizer, option: "--optimizer") }
            try checkSweptSettings(of: name)
            // Nesterov needs momentum > 0 (torch raises otherwise): its momentum axis starts at 0.01.
            let nesterov = name == "nesterov" || given.contains { $0.key == "nesterov" && $0.value == .flag(true) }
            let tolerance = try NumberArguments.finite(tol, option: "--tol")
            guard tolerance > 0 else { throw ArgumentRefusal.invalid("--tol", tol, "expected a number > 0") }
            let kind: StabilityMap.Measure
            switch measure {
            case "final_loss": kind = .finalLoss
            case "steps": kind = .stepsToTolerance(tolerance)
            default: throw ArgumentRefusal.invalid("--measure", measure, "expected final_loss or steps")
            }
            let startPoint = try start.map { try NumberArguments.pair($0, option: "--start") } ?? [s.suggestedStart.x, s.suggestedStart.y]
            let quadraticLR = StabilityMap.largestStableLR(surface: s, momentum: 0.99, nesterov: false)
            let xFallback = xSetting == "lr" ? (quadraticLR.map { (0.01 * $0, 1.1 * $0) } ?? (1e-4, 1)) : (0, 1)
            let xs = try axisValues(xSetting, xRange, fallback: xFallback, log: logX || (xSetting == "lr" && xRange == nil && quadraticLR == nil),
                                    option: "--x-range", logOption: "--log-x")
            let ys = try axisValues(ySetting, yRange, fallback: (nesterov && ySetting == "momentum" ? 0.01 : 0, 0.99), log: logY,
                                    option: "--y-range", logOption: "--log-y")
            for (setting, values, option, text) in [(xSetting, xs, "--x-range", xRange), (ySetting, ys, "--y-range", yRange)]
            where nesterov && setting == "momentum" && values.contains(where: { $0 <= 0 }) {
                let reason = "Nesterov momentum needs momentum > 0 in torch; start the range above 0, e.g. 0.01:0.99"
                throw text.map { ArgumentRefusal.invalid(option, $0, reason) } ?? ValidationError("the default \(option) starts at 0: " + reason)
            }
            // The settings besides the swept ones, checked with the swept ones at the top of their ranges.
            let fixed = given.filter { $0.key != xSetting && $0.key != ySetting }
            // (A setting the optimizer lacks is left to the sweep's own error, which names it.)
            let known = Set(((try? OptimizerConfig.defaults(for: name)) ?? []).map(\.name))
            // Named as typed when refused: `invalid --y-range '0:2': rprop's etaminus cannot be 2; …`.
            let swept: [OptimizerSettings.Given] = [
                .init(option: "--x-range", key: xSetting, value: .number(xs[xs.count - 1]), typed: xRange),
                .init(option: "--y-range", key: ySetting, value: .number(ys[ys.count - 1]), typed: yRange),
            ].filter { known.contains($0.key) }
            let base = try OptimizerSettings.config(name: name, given: fixed + swept)
            var settings: [String: OptimizerSetting] = [:]
            for (key, value) in base.settings where key != xSetting && key != ySetting { settings[key] = value }
            // Each typed range's ends as torch would take them: `--x-range=-1:1` is named as typed, not "sgd: lr = -1.0".
            for (key, values, option, text) in [(xSetting, xs, "--x-range", xRange), (ySetting, ys, "--y-range", yRange)] {
                guard let text, known.contains(key) else { continue }
                let typed = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                for (v, end) in [(values[0], typed.first ?? text), (values[values.count - 1], typed.last ?? text)] {
                    var trial = settings
                    trial[key] = .number(v)
                    do { _ = try OptimizerConfig(name: name, settings: trial) } catch let e as OptimError {
                        // The end as typed ("-1", not "-1.0"), and torch's rule.
                        let rule = e.description.range(of: "expected ").map { "; " + e.description[$0.lowerBound...] } ?? ""
                        throw ArgumentRefusal.invalid(option, text, "\(name)'s \(key) cannot be \(end)" + rule)
                    }
                }
            }
            guard compute else {
                _ = try OptimError.asValidation {
                    try StabilityMap(surface: s, optimizer: name, settings: settings, x: (xSetting, [xs[0], xs[xs.count - 1]]),
                                     y: (ySetting, [ys[0], ys[ys.count - 1]]), start: Point2(startPoint[0], startPoint[1]), steps: 1)
                }
                return nil
            }
            let map = try StabilityMap(surface: s, optimizer: name, settings: settings, x: (xSetting, xs), y: (ySetting, ys),
                                       start: Point2(startPoint[0], startPoint[1]), steps: steps, measure: kind)
            return StabilityFigure(surface: s, map: map, label: TorchCall.looksLikeCall(optimizer) ? optimizer : name,
                                   logX: logX || (xSetting == "lr" && xRange == nil && quadraticLR == nil), logY: logY, steps: steps,
                                   start: Point2(startPoint[0], startPoint[1]), boundaryKind: (base.kind == .sgd, base.nesterov))
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            guard let recipe = try recipe(compute: true) else { return (try figureOptions.makeFigure(rows: 1, columns: 1), []) }
            var figure = try figureOptions.makeFigure(rows: 1, columns: 1)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}

extension DLPlot.StabilityCommand {
    /// Refuses `--x` and `--y` unless each names a numeric setting of optimizer `name`, and different ones:
    /// `invalid --x 'nope': sgd has no numeric setting of that name; its numbers: lr, momentum, …`.
    func checkSweptSettings(of name: String) throws {
        let numbers = ((try? OptimizerConfig.defaults(for: name)) ?? []).filter {
            if case .number = $0.value { return true } else { return false }
        }.map(\.name)
        guard !numbers.isEmpty else { return }
        for (option, setting, byDefault) in [("--x", xSetting, "lr"), ("--y", ySetting, "momentum")] where !numbers.contains(setting) {
            var reason = "\(name) has no numeric setting of that name to sweep"
            if setting == byDefault { reason += " (it is \(option)'s default: give \(option) one of its numbers)" }
            if let near = closestName(to: setting, in: numbers) { reason += "; did you mean '\(near)'?" } else { reason += "." }
            throw ArgumentRefusal.invalid(option, setting, reason + " Its numbers: " + numbers.joined(separator: ", "))
        }
        if xSetting == ySetting {
            throw ArgumentRefusal.invalid("--y", ySetting, "--x sweeps \(xSetting) already; the two axes need different settings")
        }
    }
}
