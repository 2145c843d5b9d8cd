import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot curves --surface NAME`: loss and distance to the minimum against the step.
    struct CurvesCommand: AnimatedFigureCommand {
        /// With `--time log` the step axis is drawn in log(1 + step), where the log-time frames move evenly.
        static var logTimeAxis: Bool { true }

        static let configuration = CommandConfiguration(
            commandName: "curves",
            abstract: "Plot optimizers' loss and distance to the minimum against the step, on log scales.",
            discussion: """
                Two panels stacked, sharing the step axis. Top: the loss gap f − f* (f* the surface's known \
                minimum value; plain f when f* = 0 or there is no minimum) against the step, log y. Bottom: the \
                distance from the iterate to the nearest minimum, log y (left out for surfaces without a \
                minimum). With --schedule, the lr strip is under them. Every optimizer starts at the same \
                point and takes the same number of steps; a diverging run ends with a cross, and a run that \
                runs away past 10^6 times the largest first value leaves the view at a triangle (the view keeps \
                values up to 10^3 times it). Runs of up to 10^7 steps are fine: the loss is kept for every \
                step, positions for about 20000 of them.
                Learning rates as for `dlplot surface` (--opt, --lr, else chosen per optimizer on the first 2000 steps).
                Steps: --steps 1 to \(CurvesCommand.maxSteps) (default \(CurvesCommand.defaultSteps)).
                Examples:
                  dlplot curves --surface rosenbrock --optimizers gd,momentum,adam --steps 5000
                  dlplot curves --surface ellipse --optimizers gd,momentum \\
                      --lr 0.1 --steps 1000000
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("The surface: a built-in name (see `dlplot list surfaces`) or a formula in x and y such as 'x^2 - y^2' or '-cos(x)*cos(y)' (parameters with --param).", valueName: "name"), completion: .surfaceNames)
        var surface = "rosenbrock"

        @OptionGroup var optimizerOptions: OptimizerListOptions

        @OptionGroup var run: SurfaceRunOptions

        @OptionGroup(title: "Animation") var animation: AnimationOptions

        @OptionGroup var figureOptions: FigureOptions

        static let defaultOptimizers = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
        static let defaultSteps = 1000
        static let maxSteps = 10_000_000

        var optionsInFileName: Set<String> { ["--param", "--surface"] }
        var defaultFileName: String { "curves-" + DefaultFileName.stem(surface, params: run.params) }
        /// No output may replace the data set this command reads.
        var inputFiles: [(what: String, path: String)] { run.dataset.map { [("--dataset", $0)] } ?? [] }

        mutating func validate() throws {
            _ = try optimizerOptions.choices(default: Self.defaultOptimizers, steps: try plan(readingDataset: false).steps)
            try validateAnimation()
        }

        func plan(readingDataset: Bool = true) throws -> SurfacePlan {
            try run.plan(surfaceName: surface, option: "--surface", defaultSteps: Self.defaultSteps, maxSteps: Self.maxSteps,
                         readingDataset: readingDataset)
        }

        func makeFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: false) }

        func makeAnimatedFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: true) }

        /// The figure; `animated` makes its curves grow step by step (see `CurvesFigure.animated`).
        func makeFigure(animated: Bool) throws -> (Figure, [DataTable]) {
            let p = try plan()
            let every = max(1, p.steps / 20_000)
            let runs = try SurfaceRuns.runNamingOptions(try optimizerOptions.choices(default: Self.defaultOptimizers), plan: p,
                                           recordEvery: every, everyValue: true)
            let height = try figureOptions.makeFigure(rows: 1, columns: 1).pixelSize.height
            var figure = try figureOptions.makeFigure(rows: CurvesFigure.rows(surface: p.surface, runs: runs, height: height), columns: 1)
            var recipe = CurvesFigure(plan: p, runs: runs)
            recipe.animated = animated
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
