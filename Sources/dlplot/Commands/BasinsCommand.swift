import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot basins SURFACE`: which minimum each start reaches.
    struct BasinsCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "basins",
            abstract: "Map which minimum each start reaches: basins of attraction, one panel per optimizer.",
            discussion: """
                Every start on a --grid × --grid lattice over the view runs --steps optimizer steps. A start is \
                coloured by the minimum (global or listed local, marked A, B, …) its run ends within --radius of, \
                dark red when the run diverged (a non-finite value or a point 10^6 view-sizes away) and grey when it \
                ended elsewhere (not converged). The table gives each outcome's share of the starts for every \
                optimizer. Runs are vectorised over starts and use every core.
                Learning rates as for `dlplot surface`: --opt, --lr or torch calls in --optimizers, else chosen per \
                optimizer for the function: from the surface's suggested start in its own default view, so the same \
                rate whatever --xrange and --yrange show.
                Examples:
                  dlplot basins himmelblau --optimizers gd,momentum,adam --lr 0.01
                  dlplot basins himmelblau --grid 301 \\
                      --optimizers 'SGD(lr=0.01), SGD(lr=0.01, momentum=0.9)'
                """)

        @Argument(help: ArgumentHelp("The surface: a built-in name (see `dlplot list surfaces`) or a formula in x and y such as 'x^2 - y^2' (parameters with --param).", valueName: "surface"), completion: .surfaceNames)
        var surface = "himmelblau"

        @OptionGroup var optimizerOptions: OptimizerListOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("Starts per side of the grid, 2-2001.", valueName: "n"))
        var grid = 201

        @Option(parsing: .unconditional, help: ArgumentHelp("Optimizer steps from every start, 1-100000.", valueName: "n"))
        var steps = 500

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "A final point within this distance of a minimum reaches it, > 0 (default: 1 % of the larger side of the view).",
            valueName: "r"))
        var radius: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Start x range a:b (default: the surface's view box).", valueName: "a:b"))
        var xrange: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Start y range c:d (default: the surface's view box).", valueName: "c:d"))
        var yrange: String?

        @Option(name: .customLong("param"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
            "A parameter of a typed surface expression as name=value (repeatable), e.g. --param a=2 for 'a*x^2+y^2'.",
            valueName: "name=value"))
        var params: [String] = []

        @OptionGroup var figureOptions: FigureOptions

        static let defaultOptimizers = ["gd", "momentum", "adam"]

        var defaultFileName: String { "basins-" + DefaultFileName.stem(surface, params: params) }

        mutating func validate() throws {
            _ = try settings()
        }

        struct Settings {
            var plan: SurfacePlan
            /// The plan learning rates are chosen on: the surface's own view, not the one asked for.
            var ratePlan: SurfacePlan
            var choices: [OptimizerRequest]
            var radius: Double?
        }

        func settings() throws -> Settings {
            guard (2...2001).contains(grid) else { throw ArgumentRefusal.invalid("--grid", grid, "expected 2 to 2001") }
            guard (1...100_000).contains(steps) else { throw ArgumentRefusal.invalid("--steps", steps, "expected 1 to 100000") }
            guard grid * grid * steps <= 2_000_000_000 else {
                throw ArgumentRefusal.invalid("--grid", grid, "with --steps \(steps) it is \(grid * grid * steps) optimizer steps; keep grid² × steps <= 2e9")
            }
            var run = try SurfaceRunOptions.parse([])
            run.steps = steps
            run.params = params
            // A rate that depends on the view gave gd 0.1 on 1:4 × 1:3 (diverging from most starts) and 5×10⁻⁵
            // on -1:1 × -1:1 (no start converged), against 5×10⁻⁴ on Himmelblau's own view.
            let ratePlan = try run.plan(surfaceName: surface, option: "basins", defaultSteps: steps, maxSteps: 100_000)
            run.xrange = xrange
            run.yrange = yrange
            let plan = try run.plan(surfaceName: surface, option: "basins", defaultSteps: steps, maxSteps: 100_000)
            guard !plan.surface.minima.isEmpty || !plan.surface.localMinima.isEmpty else {
                throw ValidationError("\(surface) has no known minimum to colour basins by; try himmelblau, six_hump_camel, styblinski_tang or rosenbrock")
            }
            let r = try radius.map { text -> Double in
                let v = try NumberArguments.finite(text, option: "--radius")
                guard v > 0 else { throw ArgumentRefusal.invalid("--radius", text, "expected a distance > 0") }
                return v
            }
            let choices = try optimizerOptions.choices(default: Self.defaultOptimizers, limit: 4, steps: steps)
            return Settings(plan: plan, ratePlan: ratePlan, choices: choices, radius: r)
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            let s = try settings()
            var maps: [(label: String, map: BasinMap)] = []
            for (i, choice) in s.choices.enumerated() {
                let lr = choice.hasLearningRate ? nil : try s.ratePlan.learningRate(for: choice)
                let config = try choice.config(lr: lr)
                let map = try BasinMap(surface: s.plan.surface, optimizer: config, schedule: choice.schedule,
                                       x: s.plan.x.lower...s.plan.x.upper, y: s.plan.y.lower...s.plan.y.upper,
                                       grid: grid, steps: steps, radius: s.radius)
                maps.append((s.choices.count == 1 ? config.displayLabel : "(\(i + 1)) " + config.displayLabel, map))
            }
            var figure = try figureOptions.makeFigure()
            let page = figure.pixelSize
            let layout = BasinsFigure.grid(maps: maps.count, width: page.width, height: page.height)
            figure = try figureOptions.makeFigure(rows: layout.rows, columns: layout.columns)
            let recipe = BasinsFigure(surface: s.plan.surface, maps: maps, steps: steps, x: s.plan.x, y: s.plan.y)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
